-- table.sort with consistent and inconsistent comparators: the result (or
-- the error) matches the reference's algorithm step for step
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
local comparators = {
  function(a, b) return a < b end,
  function(a, b) return a > b end,
  function(a, b) return a <= b end,
  function(a, b) return (a + b) % 3 == 0 end,
  function(a, b) return a % 7 < b % 5 end,
  function(a, b) return rand(2) == 0 end,
  function(a, b) return false end,
}
for size = 1, 120, 7 do
  for ci, cmp in ipairs(comparators) do
    local t = {}
    for i = 1, size do t[i] = rand(50) end
    local ok, err = pcall(table.sort, t, cmp)
    print(size, ci, ok and table.concat(t, " ") or err)
  end
end
