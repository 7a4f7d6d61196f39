-- metering corpus: runs until its fuel is spent
local s = string.rep('a', 10000) .. 'b'
while true do s:find('b', 1, true) end
