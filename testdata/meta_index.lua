-- __index
local base = {a = "base a", shared = "from base"}
local mid = setmetatable({b = "mid b"}, {__index = base})
local top = setmetatable({c = "top c"}, {__index = mid})
print(top.a, top.b, top.c, top.shared, top.missing)
print(rawget(top, "a"), rawget(top, "c"))
-- __index function receives table and key
local fn = setmetatable({}, {__index = function(t, k) return "computed " .. tostring(k) end})
print(fn.x, fn[1], fn[true])
-- present keys don't consult __index
local p = setmetatable({x = false}, {__index = function() return "meta" end})
print(p.x, p.y)
-- __index on a chain ending in a function
local leaf = setmetatable({}, {__index = function(t, k) return k .. "!" end})
local chain = setmetatable({}, {__index = setmetatable({}, {__index = leaf})})
print(chain.hello)
-- __index can be changed after setmetatable
local mt = {}
local obj = setmetatable({}, mt)
print(obj.k)
mt.__index = {k = "now present"}
print(obj.k)
-- indexing non-tables through their metatables
print(("abc").len == nil, ("abc").sub == string.sub)
print(pcall(function() return (5).x end))
print(pcall(function() local b = true; return b.x end))
-- a loop in __index chains is detected
local loop1, loop2 = {}, {}
setmetatable(loop1, {__index = loop2})
setmetatable(loop2, {__index = loop1})
print(pcall(function() return loop1.x end))
