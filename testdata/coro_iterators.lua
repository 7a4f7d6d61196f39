-- coroutines as iterators in generic for
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step or 1 do coroutine.yield(i) end
  end)
end
local s = ""
for i in range(10, 3) do s = s .. i .. " " end
print(s)
local function chars(str)
  return coroutine.wrap(function()
    for i = 1, #str do coroutine.yield(i, string.sub(str, i, i)) end
  end)
end
for i, c in chars("abc") do print(i, c) end
local function zip(a, b)
  return coroutine.wrap(function()
    local i = 1
    while a[i] ~= nil and b[i] ~= nil do coroutine.yield(a[i], b[i]); i = i + 1 end
  end)
end
for x, y in zip({1, 2, 3}, {"one", "two"}) do print(x, y) end
-- nested coroutine iterators
local count = 0
for i in range(3) do for j in range(3) do count = count + i * j end end
print(count)
