-- next's argument checking
print(pcall(next, nil))
print(pcall(next, 1))
print(pcall(next, {}, {}))
print(pcall(next, {a = 1}, "b"))
print(next({}, nil))
local t = {10}
print(next(t))
print(next(t, 1))
