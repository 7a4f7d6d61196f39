-- getmetatable and setmetatable
local t = {}
local mt = {}
print(getmetatable(t))
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
print(getmetatable(setmetatable({}, nil)))
print(getmetatable("abc") == getmetatable("xyz"), type(getmetatable("")))
local prot = setmetatable({}, {__metatable = {fake = true}})
print(getmetatable(prot).fake)
print(pcall(setmetatable, prot, {}))
print(pcall(getmetatable))
print(pcall(setmetatable, {}, "x"))
-- changing a metatable's fields is seen immediately
local obj = setmetatable({}, mt)
mt.__index = function() return "dynamic" end
print(obj.anything)
mt.__index = nil
print(obj.anything)
