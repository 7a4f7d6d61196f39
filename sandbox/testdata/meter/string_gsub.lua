-- metering corpus: runs until its fuel is spent
local s = string.rep('hello world ', 1000)
while true do s:gsub('o', '0') end
