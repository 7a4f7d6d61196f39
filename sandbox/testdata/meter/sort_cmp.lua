-- metering corpus: runs until its fuel is spent
local t = {} for i = 1, 300 do t[i] = (i * 7919) % 300 end while true do local u = {table.unpack(t)} table.sort(u, function(a, b) return a > b end) end
