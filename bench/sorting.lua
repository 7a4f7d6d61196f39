-- sorting: table.sort with and without comparators, table.insert/remove.
-- Stresses: table library calls into Lua comparators, array shifting,
-- record (table) field access during comparison.
local N = tonumber(arg and arg[1]) or 24

local seed = 42
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local MOD = 1000000007
local h = 0
local function mix(x) h = (h * 31 + x) % MOD end

local names = { "ann", "bob", "cyd", "dee", "eve", "fay", "gus", "hal", "ivy", "jon" }

for round = 1, N do
  -- plain numbers, default order
  local a = {}
  for i = 1, 20000 do a[i] = rand(1000000) end
  table.sort(a)
  for i = 1, #a, 997 do mix(a[i]) end

  -- numbers, descending comparator
  local b = {}
  for i = 1, 20000 do b[i] = rand(1000000) end
  table.sort(b, function(x, y) return x > y end)
  for i = 1, #b, 991 do mix(b[i]) end

  -- strings
  local s = {}
  for i = 1, 5000 do s[i] = names[rand(#names) + 1] .. rand(5000) end
  table.sort(s)
  for i = 1, #s, 499 do mix(#s[i] + s[i]:byte(-1)) end

  -- records with a multi-key comparator
  local recs = {}
  for i = 1, 8000 do
    recs[i] = { name = names[rand(#names) + 1], age = rand(90), id = i }
  end
  table.sort(recs, function(p, q)
    if p.name ~= q.name then return p.name < q.name end
    if p.age ~= q.age then return p.age > q.age end
    return p.id < q.id
  end)
  for i = 1, #recs, 397 do mix(recs[i].id + recs[i].age) end

  -- sorted insertion with table.insert at a position (binary search)
  local sorted = {}
  for _ = 1, 1500 do
    local v = rand(100000)
    local lo, hi = 1, #sorted + 1
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if sorted[mid] < v then lo = mid + 1 else hi = mid end
    end
    table.insert(sorted, lo, v)
  end
  for i = 1, #sorted, 101 do mix(sorted[i]) end

  -- queue/stack behaviour with table.remove
  local q = {}
  for i = 1, 3000 do table.insert(q, i * round) end
  local acc = 0
  while #q > 0 do
    local v
    if #q % 3 == 0 then v = table.remove(q, 1) else v = table.remove(q) end
    acc = (acc + v) % MOD
  end
  mix(acc)
end
print(string.format("checksum %d", h))
