-- metering corpus: runs until its fuel is spent
while true do local t = {} for i = 1, 100 do t[i] = {i, tostring(i)} end end
