-- default values and inheritance implemented with rawget/rawset in metamethods
local defaults = setmetatable({}, {__index = function(t, k)
  local v = "default_" .. k
  rawset(t, k, v)
  return v
end})
print(defaults.a, rawget(defaults, "a"), rawget(defaults, "b"))
-- counting accesses with a cache
local misses = 0
local squares = setmetatable({}, {__index = function(t, n)
  misses = misses + 1
  local v = n * n
  t[n] = v
  return v
end})
local s = 0
for round = 1, 3 do for i = 1, 10 do s = s + squares[i] end end
print(s, misses)
-- __index on a table whose keys are numbers
local arr = setmetatable({10, 20}, {__index = function(t, i) return -i end})
print(arr[1], arr[2], arr[3], arr[0], arr[-1])
