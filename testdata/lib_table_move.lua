-- table.move
local function show(t, a, b)
  local parts = {}
  for i = a, b do parts[#parts + 1] = tostring(t[i]) end
  print(table.concat(parts, ","))
end
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
show(t, 1, 6)
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1)
show(t, 1, 6)
t = {1, 2, 3}
local t2 = table.move(t, 1, 3, 2, {})
show(t2, 1, 4)
print(table.move(t, 1, 0, 5) == t)
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 2))
print(pcall(table.move, {}, 1, 2, math.maxinteger))
print(pcall(table.move, {}, math.mininteger, -1, 1))
print(pcall(table.move, 1, 1, 2, 3))
print(pcall(table.move, {}, 1, 2, 3, 5))
print(pcall(table.move, {}, 1, 2))
local a = table.move({[math.maxinteger - 2] = 1, [math.maxinteger - 1] = 2, [math.maxinteger] = 3},
  math.maxinteger - 2, math.maxinteger, -10, {})
show(a, -10, -8)
-- metamethods on source and destination
local log = {}
local src = setmetatable({}, {__index = function(_, k) return k * 2 end})
local dst = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k .. ":" .. v end})
table.move(src, 1, 3, 10, dst)
print(table.concat(log, " "))
