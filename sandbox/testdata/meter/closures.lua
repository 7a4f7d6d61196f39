-- metering corpus: runs until its fuel is spent
while true do local fs = {} for i = 1, 100 do fs[i] = function() return i end end end
