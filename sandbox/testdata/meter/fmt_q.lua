-- metering corpus: runs until its fuel is spent
local s = string.rep('a\\0\n"', 500) while true do string.format('%q', s) end
