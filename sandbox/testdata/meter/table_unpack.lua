-- metering corpus: runs until its fuel is spent
local t = {} for i = 1, 200 do t[i] = i end
while true do select('#', table.unpack(t)) end
