-- expect: memory
-- limits: fuel=1e9
local t = {}
while true do t = {t, t, {}} end
