-- table.insert / table.remove, including metamethods and errors
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  print(#t, table.concat(parts, ","))
end

local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
show(t)
print(table.remove(t), table.remove(t, 1), table.remove(t, #t))
show(t)
print(table.remove({}), table.remove({}, 0), table.remove({n = 1}, 1))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
local u = {1, 2, 3}
print(table.remove(u, 4), #u)
print(pcall(table.remove, {1, 2, 3}, 5))
print(pcall(table.remove, {1, 2, 3}, -1))
print(pcall(table.insert, {1, 2}, 4, "x"))
print(pcall(table.insert, {1, 2}, 0, "x"))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, {}, 1.5, 1))
print(pcall(table.insert, {}, "2", 1))
print(pcall(table.insert, 1, 2))

-- __len, __index and __newindex are honoured
local log = {}
local proxy = setmetatable({}, {
  __len = function() return 3 end,
  __index = function(_, k) return "v" .. k end,
  __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end,
})
table.insert(proxy, "new")
table.insert(proxy, 2, "mid")
print(table.concat(log, " "))
log = {}
print(table.remove(proxy, 1))
print(table.concat(log, " "))
print(pcall(table.insert, setmetatable({}, {__len = function() return 2.5 end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return "2" end}), 1))

-- a userdata-like object: needs all three metamethods
local obj = setmetatable({}, {__index = function() end})
print(pcall(table.insert, obj, 1))
