-- expect: error:'__index' chain too long
local a, b = {}, {}
setmetatable(a, {__index = b}) setmetatable(b, {__index = a})
return a.x
