-- expect: error:stack overflow
local mt = {}
mt.__concat = function(a, b) return a .. b end
local x = setmetatable({}, mt)
return x .. 'y'
