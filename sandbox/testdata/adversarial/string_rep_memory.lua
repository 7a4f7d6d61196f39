-- expect: memory
-- limits: mem=4MB
local t = {}
for i = 1, 100 do t[i] = string.rep('abc', 1e5 + i) end
