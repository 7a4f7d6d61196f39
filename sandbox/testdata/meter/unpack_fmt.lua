-- metering corpus: runs until its fuel is spent
local s = string.pack(string.rep('i4', 100), table.unpack((function() local t = {} for i=1,100 do t[i]=i end return t end)())) local f = string.rep('i4', 100) while true do string.unpack(f, s) end
