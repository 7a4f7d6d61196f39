-- metering corpus: runs until its fuel is spent
local s = string.rep('abcdef', 100)
while true do string.char(s:byte(1, -1)) end
