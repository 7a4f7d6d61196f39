-- math.random: ranges, errors and seeded reproducibility (values checked
-- as properties, and through sequences compared with themselves)
local function inrange(lo, hi, n)
  for _ = 1, n do
    local r = math.random(lo, hi)
    if math.type(r) ~= "integer" or r < lo or r > hi then return false end
  end
  return true
end
print(inrange(1, 6, 1000), inrange(-3, 3, 1000), inrange(0, 0, 10))
print(inrange(math.mininteger, -1, 100), inrange(0, math.maxinteger, 100))
print(inrange(math.maxinteger - 1, math.maxinteger, 100))
local f = math.random()
print(math.type(f), f >= 0 and f < 1)
local r = math.random(10)
print(math.type(r), r >= 1 and r <= 10)
-- all values of a small range appear
local seen, count = {}, 0
for _ = 1, 2000 do
  local v = math.random(5)
  if not seen[v] then seen[v] = true; count = count + 1 end
end
print(count)
-- seeding makes sequences reproducible
local function seq(seed)
  math.randomseed(seed)
  local t = {}
  for i = 1, 10 do t[i] = math.random(1000) end
  t[11] = math.random()
  return t
end
local a, b, c = seq(42), seq(42), seq(43)
local same, diff = true, false
for i = 1, 11 do
  if a[i] ~= b[i] then same = false end
  if a[i] ~= c[i] then diff = true end
end
print(same, diff)
math.randomseed(2^31 + 5)
math.randomseed(-7)
math.randomseed(1.5)
math.randomseed("3")
print(pcall(math.randomseed))
print(pcall(math.randomseed, {}))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0))
print(pcall(math.random, math.mininteger, 1))
print(pcall(math.random, math.mininteger, math.maxinteger))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.random, 1, "x"))
