-- adjusting varargs to one value with parentheses
local function f() return 1, 2, 3 end
local t = {f(), f()}
print(#t)
local u = {(f()), (f())}
print(#u)
local function g(...) return (...) end
print(g(5, 6, 7))
print(g())
local x, y = (f())
print(x, y)
local function tail(...) return select(2, ...) end
print(tail(1, 2, 3))
local function none() end
print(none(), "after")
print((none()))
local v = {none(), none()}
print(#v)
print(#{none(), 1}, #{1, none()})
