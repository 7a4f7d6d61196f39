-- metering corpus: runs until its fuel is spent
local s = string.rep('abcdefgh', 1250) while true do local a = string.byte(s, 1, -1) end
