-- tables: hash-part heavy work: string and mixed keys, pairs/next/ipairs
-- traversal, deletion, rehash on growth, the length operator.
-- Stresses: table get/set with non-constant keys, hashing, table resizes.
local N = tonumber(arg and arg[1]) or 1300

local MOD = 1000000007
local h = 0
local function mix(x) h = (h * 31 + x) % MOD end

local keys = {}
for i = 1, 2000 do keys[i] = "k" .. (i * 7919) % 10007 end

for round = 1, N do
  -- string keys: insert, update, read back
  local t = {}
  for i = 1, #keys do t[keys[i]] = i end
  for i = 1, #keys, 2 do t[keys[i]] = t[keys[i]] + round end
  local s = 0
  for i = 1, #keys do s = s + t[keys[i]] end
  mix(s % MOD)

  -- delete half while traversing with next (assigning nil is allowed)
  local cnt = 0
  for k, v in pairs(t) do
    if v % 2 == 0 then t[k] = nil else cnt = cnt + 1 end
  end
  mix(cnt)
  local left = 0
  for _ in next, t do left = left + 1 end
  mix(left)

  -- integer keys growing the array part, then holes and the border
  local a = {}
  for i = 1, 5000 do a[i] = i * round end
  local sum = 0
  for _, v in ipairs(a) do sum = sum + v end
  mix(sum % MOD)
  for i = #a, 2501, -1 do a[i] = nil end
  mix(#a)

  -- sparse integer and float keys in the hash part
  local sp = {}
  for i = 1, 3000 do sp[i * 37 + round] = i end
  for i = 1, 300 do sp[i + 0.5] = i end
  local ss = 0
  for i = 1, 3000 do ss = ss + (sp[i * 37 + round] or 0) end
  for i = 1, 300 do ss = ss + sp[i + 0.5] end
  mix(ss % MOD)

  -- tables as keys, booleans as keys
  local objs, set = {}, {}
  for i = 1, 500 do objs[i] = {} ; set[objs[i]] = i end
  set[true] = 1; set[false] = 2
  local os = 0
  for i = 1, 500, 3 do os = os + set[objs[i]] end
  mix(os + set[true] + set[false])

  -- nested record updates with constant field names
  local rec = { count = 0, total = 0, name = "r", inner = { hits = 0 } }
  for i = 1, 5000 do
    rec.count = rec.count + 1
    rec.total = rec.total + i
    rec.inner.hits = rec.inner.hits + (i % 2)
  end
  mix(rec.count + rec.total % MOD + rec.inner.hits)
end
print(string.format("checksum %d", h))
