-- load with an explicit environment
local env = {x = 5}
local f = load("x = x * 2; return x", "=chunk", "t", env)
print(f(), env.x, x)
print(f(), env.x)
-- the env is the chunk's first upvalue; functions inside share it
local g = load("function inc() n = (n or 0) + 1 return n end return inc", "=c2", "t", env)
local inc = g()
print(inc(), inc(), env.n, env.inc == inc)
-- without env, the chunk uses the global table
y = "global y"
print(load("return y")())
-- env can be nil: any global access errors
local h = load("return x", "=nilenv", "t", nil)
print(pcall(h))
-- a chunk sees _ENV as a name
local e2 = {}
local k = load("return _ENV", "=c3", "t", e2)
print(k() == e2)
-- local _ENV inside a loaded chunk
print(load("local _ENV = {q = 'inner'}; return q")())
