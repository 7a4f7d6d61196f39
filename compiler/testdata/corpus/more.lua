local fs = {}
for i = 1, 10 do
  local j = i
  fs[i] = function() return j end
  if i > 5 then break end
end
----
local i = 0
while i < 10 do
  local k = i
  g = function() return k end
  i = i + 1
end
----
repeat
  local x = 1
  h = function() return x end
until x == 1
----
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    print(i, j)
    ::continue::
  end
end
----
local a = {}
a.b = {}
a.b.c = f()
a.b.c, a.d = f()
a[g()] = h(), i()
----
local function v(...)
  local a, b = ...
  local t = {..., n = select('#', ...)}
  return select(2, ...)
end
----
print("a\n\t\"b\\", 'c\0d', "\200")
----
local t = {}
t.x = t.y == 1
t.z = t.y ~= nil
t.w = 1 < t.y
t.v = t.y <= 2
----
local x, y = 1, 2
local z = x + y * 2 - x / y % 3 ^ 2 // 1
local w = x & y | x ~ y << 1 >> 2
local u = -x
local v = ~y
----
local a = 1.5 + 2
local b = 2^-1
local c = 3 // 0.0
local d = 1e308 * 10
local e = -(-9223372036854775807 - 1)
local f = math.maxinteger + 1
local g = 5 % -3
local h = -5 // 3
local ii = 5.5 % -2
----
function M.new(o)
  o = o or {}
  setmetatable(o, M)
  return o
end
function M:get() return self.v end
----
local t = setmetatable({}, {__index = function(t, k) return k end})
local s = t.foo .. t["bar"] .. t[1]
----
local a, b, c, d = f()
local e, g = f(), f()
local h = (f())
a, b = f(), g()
----
local x = f and f() or nil
if not x then x = 1 end
if x and y then z() end
if x or y then z() end
while x and not y do x = nil end
----
return
----
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(10))
----
for _, v in ipairs({1, 2}) do
  local function inner() return v end
  inner()
end
----
local x = {f(), g(), h = 1, [2] = 3, 4, ...}
----
goto done
do
  print(1)
end
::done::
----
local a = 1
local function f() a = 2; b = a end
----
local t = {}
t[1], t[2], t[3] = 1, 2
----
local a = "x"
a = a .. a .. (a .. a) .. a
----
local n = 0
for i = 1.0, 2.5, 0.5 do n = n + i end
