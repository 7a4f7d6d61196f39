-- metering corpus: runs until its fuel is spent
local f = string.rep('i4', 100) local t = {} for i = 1, 100 do t[i] = i end while true do string.pack(f, table.unpack(t)) end
