-- coroutine basics: create, resume, yield, status
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "finished", d + e
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
print(type(co))
-- yield with no values and resume with no values
local co2 = coroutine.create(function() coroutine.yield() return end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.resume(co2))
-- many values through yield and resume
local co3 = coroutine.create(function(...)
  local n = select("#", ...)
  local r = {coroutine.yield(n, ...)}
  return #r, r[1], r[#r]
end)
print(coroutine.resume(co3, 1, 2, 3, nil))
print(coroutine.resume(co3, "a", "b", "c", "d", "e"))
