-- table.sort
local function show(t)
  local parts = {}
  for i = 1, #t do parts[#parts + 1] = tostring(t[i]) end
  print(table.concat(parts, " "))
end
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
show(t)
table.sort(t, function(a, b) return a > b end)
show(t)
t = {"banana", "apple", "cherry", "date"}
table.sort(t)
show(t)
t = {3.5, 1, 2.25, -1, 0}
table.sort(t)
show(t)
t = {}
table.sort(t)
t = {1}
table.sort(t)
show(t)
-- larger inputs with duplicates
t = {}
for i = 1, 300 do t[i] = (i * 7919) % 101 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[300])
-- already sorted and reversed
t = {} for i = 1, 500 do t[i] = i end
table.sort(t, function(a, b) return a > b end)
print(t[1], t[250], t[500])
-- stability is not guaranteed but the result is deterministic
t = {}
for i = 1, 50 do t[i] = {k = i % 5, id = i} end
table.sort(t, function(a, b) return a.k < b.k end)
local ks = {}
for i = 1, 50 do ks[i] = t[i].k end
print(table.concat(ks))
-- errors
print(pcall(table.sort, {1, "x", 3}))
print(pcall(table.sort, {1, 2, 3}, 3))
print(pcall(table.sort, {3, 1, 2, 5, 4, 6, 8, 7, 9, 10, 11, 12, 13}, function(a, b) return true end))
t = {} for i = 1, 200 do t[i] = (i * 37) % 101 end
print(pcall(table.sort, t, function(a, b) return a <= b end))
print(pcall(table.sort, setmetatable({}, {__len = function() return math.maxinteger end})))
print(pcall(table.sort, 1))
-- comparator errors propagate
print(pcall(table.sort, {1, 2, 3}, function(a, b) error("boom") end))
-- __lt metamethod
local mt = {__lt = function(a, b) return a.v < b.v end}
t = {}
for i, v in ipairs{4, 1, 3, 2} do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
print(t[1].v, t[2].v, t[3].v, t[4].v)
-- through __index/__newindex
local store = {3, 1, 2}
local proxy = setmetatable({}, {
  __index = store, __newindex = store, __len = function() return #store end})
table.sort(proxy)
show(store)
