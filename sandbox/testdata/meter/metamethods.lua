-- metering corpus: runs until its fuel is spent
local mt = {__index = function(t, k) return k end, __add = function(a, b) return 1 end}
local o = setmetatable({}, mt)
while true do local x = o.foo local y = o + o end
