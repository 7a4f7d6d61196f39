-- metering corpus: runs until its fuel is spent
local s = string.rep('a', 30)
while true do s:find(string.rep('a*', 10) .. 'b') end
