-- expect: string
-- limits: mem=512MB fuel=1e9
local s = 'x'
while true do s = s .. s end
