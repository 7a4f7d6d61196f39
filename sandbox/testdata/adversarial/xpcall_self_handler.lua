-- expect: error:stack overflow,stack,callback
local function f() error('x') end
local function h(m) return xpcall(f, h) end
print(xpcall(f, h))
error('after')
