-- expect: stack
local function f() pcall(f) return 1 + f() end
f()
