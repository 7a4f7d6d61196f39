-- load's chunkname, mode and env arguments
local env = {tostring = tostring}
local f = load("v = 1; return tostring(v)", "=envchunk", "t", env)
print(f(), env.v, v)
print(load("return 1", "=m", "b"))
print(load("return 1", "=m", "t") ~= nil)
print(load("return 1", "=m", "bt") ~= nil)
print(load("\27Lua", "=m", "t"))
print(pcall(load, "return 1", "=m", "x"))
-- a nil env makes globals inaccessible
local g = load("return print", "=nilenv", "t", nil)
print(pcall(g))
-- env can be shared by several chunks
local shared = {}
load("a = 1", "=1", "t", shared)()
load("b = a + 1", "=2", "t", shared)()
print(shared.a, shared.b)
-- env with __index to the globals
local sandbox = setmetatable({}, {__index = _G})
load("newglobal = type(print)", "=sb", "t", sandbox)()
print(sandbox.newglobal, rawget(_G, "newglobal"))
