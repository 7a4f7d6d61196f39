local a, b = 1, 1.0
local c = 1
print(a + b, "x", c)
local function f(x, ...) return x, ... end
for i=1,10 do local y = i end
t = {1,2,3,x=1}
----
local a = {}
a.x, a.y = 1, 2
a[1] = a.x + a.y * 3
print(#a, -a.x, not a.y, ~a[1])
----
local x = 10
local function g() x = x + 1; return x end
return g
----
local t = {f = function(self, y) return self, y end}
t:f(1)
local r = t:f(2, 3)
return t:f(4)
----
local a, b, c
a = b and c
a = b or c
a = (b and c) or 1
if a == b then print(1) elseif a < b then print(2) else print(3) end
if a > 1 and b >= 2 or c ~= 3 then print(4) end
----
local s = "a" .. "b" .. 1 .. 2.5
local u = s .. s
----
while true do
  local x = 1
  if x then break end
end
repeat local y = 2 until y
----
for k, v in pairs({}) do print(k, v) end
for i = 10, 1, -1 do print(i) end
----
local t = {...}
local u = {f()}
local v = {f(), 2}
local w = {..., 1}
print(...)
print((...))
return ...
----
x = 1 + 2
y = 2 ^ 2
z = 7 // 2
w = 7.0 // 2
v = 1 / 0
u = 0 / 0
q = 3 % 0
r = -0.0
s = 1 << 63
tt = 5 & 3.0
uu = 5 & 3.5
vv = -(1 << 63)
ww = 10 / 2
----
local a = nil
local b, c = nil, nil
local d
local e, f = 1
----
local t = {}
for i = 1, 3 do
  t[i] = function() return i end
end
----
do
  local x = 1
  goto skip
  local y
  ::skip::
end
::top::
local z = 1
if z then goto top end
----
function foo(a, b) return a + b end
function t.a.b.c:m(x) return self end
function t.a.b.c.f(x) return x end
----
local a, b = 1, 2
a, b = b, a
local t = {}
local i = 1
i, t[i] = i + 1, 20
t[i], i = 30, 4
----
local x = not nil
local y = not 1
local z = not (x == y)
local w = x and true or false
----
return f(1, 2)
----
local a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, f()}
----
local _ENV = {}
x = 1
print(x)
----
local function outer()
  local a = 1
  return function()
    return function() return a, b end
  end
end
