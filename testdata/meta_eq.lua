-- __eq
local calls = 0
local E = {__eq = function(a, b) calls = calls + 1; return a.id == b.id end}
local a = setmetatable({id = 1}, E)
local b = setmetatable({id = 1}, E)
local c = setmetatable({id = 2}, E)
print(a == b, a ~= b, a == c, a ~= c, calls)
-- same reference: no call
calls = 0
print(a == a, calls)
-- only one operand needs the metamethod
local plain = {id = 1}
print(a == plain, plain == a, calls)
-- never called for different types
print(a == 1, a == "x", a == nil, calls)
-- result converted to boolean
local T = {__eq = function() return "truthy" end}
local x, y = setmetatable({}, T), setmetatable({}, T)
print(x == y, x ~= y)
local F = {__eq = function() return nil end}
local p, q = setmetatable({}, F), setmetatable({}, F)
print(p == q, p ~= q)
-- rawequal ignores __eq
print(rawequal(a, b))
-- first operand's metamethod, then second's
local L = setmetatable({}, {__eq = function() return "left" end})
local R = setmetatable({}, {__eq = function() return false end})
print(L == R, R == L)
