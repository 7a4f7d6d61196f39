-- expect: fuel
local s = string.rep('a', 1e5)
while true do for w in s:gmatch('a*') do end end
