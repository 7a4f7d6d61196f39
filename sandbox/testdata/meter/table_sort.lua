-- metering corpus: runs until its fuel is spent
while true do local t = {} for i = 1, 2000 do t[i] = (i * 7919) % 2003 end table.sort(t) end
