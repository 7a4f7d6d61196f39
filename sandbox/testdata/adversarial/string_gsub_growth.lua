-- expect: string
-- limits: mem=512MB fuel=1e9
local s = 'xy'
for i = 1, 100 do s = s:gsub('.', '%0%0') end
