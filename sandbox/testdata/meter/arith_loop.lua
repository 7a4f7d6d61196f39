-- metering corpus: runs until its fuel is spent
local x = 0
for i = 1, 1e9 do x = x + i * 2 - i // 3 end
