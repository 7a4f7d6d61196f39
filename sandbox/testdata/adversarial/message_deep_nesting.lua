-- expect: error:nested deeper
-- limits: fuel=1e8 mem=256MB
local t = {}
for i = 1, 1e6 do t = {t} end
sandbox.send(t)
