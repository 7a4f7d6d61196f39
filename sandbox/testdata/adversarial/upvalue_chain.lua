-- expect: memory
-- limits: fuel=1e9
local f = function() return 0 end
for i = 1, 1e9 do local g = f f = function() return g() + 1 end end
