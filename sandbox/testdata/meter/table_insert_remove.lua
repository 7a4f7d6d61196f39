-- metering corpus: runs until its fuel is spent
local t = {}
while true do for i = 1, 500 do table.insert(t, 1, i) end for i = 1, 500 do table.remove(t, 1) end end
