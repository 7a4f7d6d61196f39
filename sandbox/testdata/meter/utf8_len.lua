-- metering corpus: runs until its fuel is spent
local s = string.rep('h\u{e9}llo', 2000) while true do utf8.len(s) end
