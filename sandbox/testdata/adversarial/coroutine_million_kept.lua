-- expect: memory
-- limits: fuel=1e9
local t = {}
for i = 1, 1e7 do t[i] = coroutine.create(function() end) end
