-- generators built from coroutines
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  local co = coroutine.create(function() permgen(a) end)
  return function()
    local _, res = coroutine.resume(co)
    return res
  end
end
local count = 0
for p in permutations({"a", "b", "c"}) do
  count = count + 1
  print(p[1] .. p[2] .. p[3])
end
print(count)
-- fibonacci generator
local function fibs()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a); a, b = b, a + b end
  end)
end
local s = ""
local f = fibs()
for i = 1, 15 do s = s .. f() .. " " end
print(s)
-- producer / consumer with a filter
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma", "delta"}) do coroutine.yield(w) end
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local n = 1
    while true do
      local _, x = coroutine.resume(prod)
      if x == nil then break end
      coroutine.yield(n .. ":" .. x)
      n = n + 1
    end
  end)
end
local fl = filter(producer())
while true do
  local _, v = coroutine.resume(fl)
  if not v then break end
  print(v)
end
