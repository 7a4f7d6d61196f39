-- expect: memory
-- limits: mem=4MB
local s = 'x'
while true do s = s .. s end
