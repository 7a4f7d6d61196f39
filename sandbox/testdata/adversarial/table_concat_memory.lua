-- expect: memory
-- limits: mem=8MB fuel=1e8
local t = {}
for i = 1, 1e6 do t[i] = 'xxxxxxxxxxxxxxxx' end
local all = {}
for i = 1, 100 do all[i] = table.concat(t) end
