-- expect: fuel
setmetatable({}, {__gc = function() while true do end end})
local t = {}
for i = 1, 1e9 do t[i % 100] = {i} end
