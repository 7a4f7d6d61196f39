-- assert returns all its arguments on success
print(assert(1, 2, 3))
print(assert(true))
print(assert("v", "message unused"))
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(assert, false, "custom message"))
print(pcall(assert, nil, 42))
local t = {}
local ok, e = pcall(assert, false, t)
print(ok, e == t)
print(pcall(assert))
print(pcall(assert, 0), pcall(assert, ""))
-- assert with a function call result
local function check(x) if x > 0 then return x end return nil, "not positive" end
print(pcall(function() return assert(check(5)) end))
print(pcall(function() return assert(check(-5)) end))
