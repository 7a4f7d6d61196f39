-- string.dump and binary chunks: round trips, strip, load modes, messages,
-- the first upvalue becoming the globals, stripped error positions, files.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local x, y = 5, 6
local function f(a, ...) return a, x, y, #{...} end

print(pcall(string.dump, print))
print(pcall(string.dump, 1))
local d = string.dump(f)
print(type(d), d:sub(1, 4) == "\27Lua", d:byte(5), d:byte(6))
local g = assert(load(d))
local a, ux, uy, n = g(1, 2, 3)
print(a, ux == _G, uy, n)
g = assert(load(d, "=named", "b", "env"))
print(select(2, g(7)))
print(load(d, "=named", "t"))
print(load("return 1", "=named", "b"))
print(load(d:sub(1, 20), "=short"))
print(load(d:sub(1, 20)))
print(load(d:sub(1, -2), "@file.lua"))
print(load("\27Lux"))
print(load("\27Lua\84"))
print(load("\27Lua\83\1"))

-- recursion through a dumped upvalue-free function
local src = "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end return fib(...)"
for _, strip in ipairs{false, true} do
  local c = string.dump(load(src, "=fib"), strip)
  print(strip, load(c)(20), #c < #string.dump(load(src, "=fib")) == strip)
end

-- debug information, kept and stripped
local function boom() local t = nil; return t.x end
local function raise() error("raised") end
for _, strip in ipairs{false, true} do
  print(pcall(load(string.dump(boom, strip))))
  print(pcall(load(string.dump(raise, strip))))
  local info = debug.getinfo(load(string.dump(boom, strip)), "S")
  print(info.source, info.short_src, info.what)
end

-- constants of every kind survive
local k = load(string.dump(function()
  return nil, true, false, 42, -0.5, 2^63, math.mininteger, "", "\0\1\255", string.rep("long", 20)
end))
print(k())

-- nested functions share the source
local maker = load("return function(a) return function(b) return a .. b end end", "@nested.lua")
local m = load(string.dump(maker))()
print(m("x")("y"), debug.getinfo(m, "S").source)

-- binary files, also after a '#' line
local name = os.tmpname()
local file = io.open(name, "wb")
file:write("#!/usr/bin/env lua\n", string.dump(function(...) return "from file", ... end))
file:close()
print(loadfile(name)(1, 2))
print(dofile(name))
print(loadfile(name, "t"))
os.remove(name)
