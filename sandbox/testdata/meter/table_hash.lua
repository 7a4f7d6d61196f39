-- metering corpus: runs until its fuel is spent
while true do local t = {} for i = 1, 1000 do t['k' .. i] = i end end
