-- metering corpus: runs until its fuel is spent
local s = string.rep('abcdef', 2000)
while true do local u = s:upper():reverse():lower() end
