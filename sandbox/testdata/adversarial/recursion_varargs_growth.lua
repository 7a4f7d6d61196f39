-- expect: stack,error:stack overflow
local function f(...) return 1 + f(1, 2, 3, 4, 5, 6, 7, 8, ...) end
f()
