-- collecting varargs into tables
local function pack(...) return {n = select("#", ...), ...} end
local t = pack(1, nil, 3, nil)
print(t.n, t[1], t[2], t[3], t[4])
local function sum(...)
  local s = 0
  local args = {...}
  for i = 1, select("#", ...) do s = s + (args[i] or 0) end
  return s
end
print(sum(), sum(1), sum(1, 2, 3, 4, 5), sum(1, nil, 3))
local function rev(...)
  local n = select("#", ...)
  local a = {...}
  local r = {}
  for i = n, 1, -1 do r[#r + 1] = a[i] end
  return r[1], r[2], r[3], r[4]
end
print(rev(1, 2, 3, 4))
local function each(f, ...)
  for i = 1, select("#", ...) do f((select(i, ...))) end
end
each(print, "p", "q", "r")
-- many values through varargs
local function id(...) return ... end
local big = {}
for i = 1, 200 do big[i] = i end
local function total(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end
print(total(id(big[1], big[2], big[3])), select("#", id(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
