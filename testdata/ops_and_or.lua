-- and/or return one of their operands
print(1 and 2, nil and 2, false and 2, 1 or 2, nil or 2, false or nil)
print(0 and "zero is true", "" and "empty is true")
print(nil and nil, false or false, nil or false, false or nil)
local t = {}
print((t and t.x) or "default", (t or {}).y)
local function f() return nil, "second" end
print(f() or "first", (f()))
local a = 5
print(a > 3 and "big" or "small", a > 10 and "big" or "small")
print(not nil, not false, not 0, not "", not not nil, not {})
