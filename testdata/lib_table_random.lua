-- table functions with random arguments, valid and invalid
local seed = 99
local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local function show(t, n)
  local p = {}
  for i = 0, n do p[#p + 1] = tostring(t[i]) end
  return table.concat(p, ",")
end
local function args(...) return select("#", ...), ... end
for k = 1, 600 do
  local t = {}
  local len = rand(6)
  for i = 1, len do t[i] = rand(100) end
  local op = rand(6)
  local a, b, c = rand(10) - 2, rand(10) - 2, rand(10) - 2
  local res
  if op == 0 then
    res = {pcall(table.insert, t, a, "x")}
  elseif op == 1 then
    res = {pcall(table.remove, t, a)}
  elseif op == 2 then
    res = {pcall(table.move, t, a, b, c)}
    res[2] = res[1] and "moved" or res[2]
  elseif op == 3 then
    res = {pcall(table.concat, t, "-", a, b)}
  elseif op == 4 then
    res = {pcall(table.unpack, t, a, b)}
  else
    res = {pcall(table.remove, t)}
  end
  local r = {}
  for i = 1, #res do r[i] = tostring(res[i]) end
  print(k, op, a, b, c, table.concat(r, " "), show(t, 9))
end
