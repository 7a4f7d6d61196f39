-- varargs and select
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
print(select(2, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(select("#"))
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, "x"))
print(select(2.0, "a", "b"))
print(select("2", "a", "b"))
local function va(a, b, ...)
  return a, b, select("#", ...), ...
end
print(va(1))
print(va(1, 2, 3, 4))
local function nth(n, ...) return (select(n, ...)) end
print(nth(2, "x", "y", "z"))
-- vararg in the middle of a list is truncated to one value
local function three() return 1, 2, 3 end
print(three(), three())
print(pass(three(), 10))
-- local copies of ...
local function locs(...)
  local a, b, c, d = ...
  return a, b, c, d
end
print(locs(1, 2))
print(locs(1, 2, 3, 4, 5))
