-- expect: error:'__newindex' chain too long
local a, b = {}, {}
setmetatable(a, {__newindex = b}) setmetatable(b, {__newindex = a})
a.x = 1
