-- _ENV as an upvalue: closures see changes to it
local print, setmetatable = print, setmetatable
local function make()
  local _ENV = {v = 1}
  local function get() return v end
  local function set(n) v = n end
  local function swap(e) _ENV = e end
  return get, set, swap
end
local get, set, swap = make()
print(get())
set(5)
print(get())
swap({v = "swapped"})
print(get())
set("again")
print(get())
-- a function parameter named _ENV
local function withenv(_ENV) return a + b end
print(withenv({a = 1, b = 2}), withenv({a = 10, b = 20}))
-- the main chunk's _ENV is an upvalue of every function it defines
local function getglobal() return gv end
gv = "global value"
print(getglobal())
_ENV = setmetatable({}, {__index = _G})
gv = "shadowed in new env"
print(getglobal(), _G.gv)
