-- many coroutines alive at once
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function(x)
    local sum = x
    for j = 1, 3 do sum = sum + coroutine.yield(sum) end
    return sum
  end)
end
local total = 0
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], i); total = total + v end
print(total)
for round = 1, 3 do
  total = 0
  for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 1); total = total + v end
  print(round, total)
end
local dead = 0
for i = 1, 1000 do if coroutine.status(cos[i]) == "dead" then dead = dead + 1 end end
print(dead)
