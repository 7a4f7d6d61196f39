-- expect: fuel
local mt = {__eq = function(a, b) return a == b end}
local x, y = setmetatable({}, mt), setmetatable({}, mt)
while true do pcall(function() return x == y end) end
