-- expect: memory
-- limits: fuel=1e9
local fs = {}
for i = 1, 1e9 do local x = i fs[i] = function() return x end end
