-- sorting algorithms written in Lua
local function lcg(seed)
  local state = seed
  return function() state = (state * 1103515245 + 12345) % 2147483648; return state end
end
local rnd = lcg(42)
local data = {}
for i = 1, 2000 do data[i] = rnd() % 10000 end
local function quicksort(a, lo, hi, less)
  lo, hi = lo or 1, hi or #a
  less = less or function(x, y) return x < y end
  if lo >= hi then return end
  local p = a[(lo + hi) // 2]
  local i, j = lo, hi
  while i <= j do
    while less(a[i], p) do i = i + 1 end
    while less(p, a[j]) do j = j - 1 end
    if i <= j then a[i], a[j] = a[j], a[i]; i = i + 1; j = j - 1 end
  end
  quicksort(a, lo, j, less)
  quicksort(a, i, hi, less)
end
local function issorted(a, less)
  for i = 2, #a do if less(a[i], a[i - 1]) then return false end end
  return true
end
local copy = {}
for i = 1, #data do copy[i] = data[i] end
quicksort(copy)
print(issorted(copy, function(x, y) return x < y end), copy[1], copy[1000], copy[2000])
quicksort(copy, 1, #copy, function(x, y) return x > y end)
print(copy[1], copy[2000])
-- merge sort is stable: sort records by key and check order of equal keys
local recs = {}
for i = 1, 200 do recs[i] = {key = rnd() % 10, id = i} end
local function mergesort(a, less)
  if #a <= 1 then return a end
  local mid = #a // 2
  local l, r = {}, {}
  for i = 1, mid do l[#l + 1] = a[i] end
  for i = mid + 1, #a do r[#r + 1] = a[i] end
  l, r = mergesort(l, less), mergesort(r, less)
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do
    if less(r[j], l[i]) then out[#out + 1] = r[j]; j = j + 1 else out[#out + 1] = l[i]; i = i + 1 end
  end
  while i <= #l do out[#out + 1] = l[i]; i = i + 1 end
  while j <= #r do out[#out + 1] = r[j]; j = j + 1 end
  return out
end
local sorted = mergesort(recs, function(x, y) return x.key < y.key end)
local stable = true
for i = 2, #sorted do
  if sorted[i].key == sorted[i - 1].key and sorted[i].id < sorted[i - 1].id then stable = false end
end
print(stable, sorted[1].key, sorted[200].key)
-- strings sorted lexicographically
local words = {"pear", "apple", "fig", "banana", "cherry", "date", "Apple", "apple2"}
quicksort(words)
local s = ""
for _, w in ipairs(words) do s = s .. w .. " " end
print(s)
