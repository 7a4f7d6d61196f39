local s = [[
long
string]] .. [==[x]==]
obj.a:b"str"
obj:c{1, 2, x = 3}
f{...}
f"x""y"
local t = {f(), ..., g()}
local h = 0x10, 0xA.8p1, 1e-3, 9007199254740993, 0x7fffffffffffffff + 1
----
local function rec(n) if n > 0 then return rec(n - 1) end return 0 end

----
local x = 1
local function f()
  local function g()
    local function h()
      x = x + 1
      return x
    end
    return h
  end
  return g
end
----
local a, b, c = 1, 2, 3
a, b, c = c, a, b
a.x, b.y = b, a
local t = {}
t.a, t.b, t.a = 1, 2, 3
----
while true do end
repeat until false
for i = 1, 10 do end
if true then end
if false then else end
----
local t = {}
t[#t + 1] = #t
t[1], t[2] = t[2], t[1]
return #t, -#t, not #t
----
local a = 1
do
  local b = 2
  local function f() return a + b end
  goto out
end
::out::
print(a)
----
for i = 1, 3 do
  local x = i
  local f = function() return x end
  if i == 2 then goto cont end
  print(f())
  ::cont::
end
----
local x = 1 == 1
local y = 1 < 2 and 2 < 3
local z = not (1 == 2) or nil
local w = "a" == "a"
----
local a = {} a.b = {} a.b.c = {} a.b.c.d = function() end
a.b.c.d()
a.b.c:d()
a["b"]["c"]["d"]()
----
return -9223372036854775808, 9223372036854775807, -(-9223372036854775807-1), 1//0.0, -1//0.0, 0.0/1
----
local x = 2^63 | 0
