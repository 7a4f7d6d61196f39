-- metering corpus: runs until its fuel is spent
while true do for i = 1, 100 do local n = tonumber(tostring(i * 1.5)) end end
