-- metering corpus: runs until its fuel is spent
local t = {} for i = 1, 1000 do t[i] = 'item' .. i end
while true do local s = table.concat(t, ',') end
