-- tail calls that pass varargs and return multiple values
local function collect(...) return select("#", ...), ... end
local function forward(...) return collect(...) end
print(forward())
print(forward(1, nil, 3))
local function shift(n, ...)
  if n == 0 then return ... end
  return shift(n - 1, select(2, ...))
end
print(shift(2, "a", "b", "c", "d"))
local function countdown(n, acc)
  if n == 0 then return acc end
  return countdown(n - 1, acc .. n)
end
print(countdown(9, ""))
-- tail call returning from a pcall'd function
print(pcall(function() return forward("x", "y") end))
-- tail call of a C function with varargs
local function tailprint(...) return select("#", ...) end
print(tailprint(nil, nil, nil))
