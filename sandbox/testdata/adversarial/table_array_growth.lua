-- expect: memory
-- limits: fuel=1e9
local t = {}
for i = 1, 1e12 do t[i] = i end
