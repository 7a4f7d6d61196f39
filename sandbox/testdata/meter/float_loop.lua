-- metering corpus: runs until its fuel is spent
local x = 0.5
for i = 1, 1e9 do x = x * 1.0000001 + 0.1 end
