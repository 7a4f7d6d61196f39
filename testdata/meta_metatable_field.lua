-- __metatable protects a metatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u))
print(pcall(setmetatable, u, {}))
-- strings have a protected-free metatable with __index = string
print(getmetatable("").__index == string)
-- setmetatable returns its first argument; nil removes the metatable
local v = {}
print(setmetatable(v, {}) == v)
setmetatable(v, nil)
print(getmetatable(v))
print(pcall(setmetatable, v, 1))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, v))
print(getmetatable(1), getmetatable(nil), getmetatable(print))
