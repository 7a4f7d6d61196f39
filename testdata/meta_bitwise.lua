-- bitwise metamethods
local B = {}
local function wrap(n) return setmetatable({n = n}, B) end
local function v(x) return type(x) == "table" and x.n or x end
B.__band = function(a, b) return wrap(v(a) & v(b)) end
B.__bor = function(a, b) return wrap(v(a) | v(b)) end
B.__bxor = function(a, b) return wrap(v(a) ~ v(b)) end
B.__shl = function(a, b) return wrap(v(a) << v(b)) end
B.__shr = function(a, b) return wrap(v(a) >> v(b)) end
B.__bnot = function(a) return wrap(~v(a)) end
local x = wrap(12)
print((x & 10).n, (x | 3).n, (x ~ 5).n, (x << 2).n, (x >> 2).n, (~x).n)
print((10 & x).n, (3 | x).n, (1 << wrap(4)).n)
-- a float that is not integral triggers the metamethod only if one exists
local F = setmetatable({}, {__band = function(a, b) return "band called" end})
print(F & 1.5, 1.5 & F)
print(pcall(function() return 1.5 & 1 end))
-- strings that are not numbers go to the metamethod
local S = setmetatable({}, {__bor = function(a, b) return "bor" end})
print(S | "x", "x" | S)
