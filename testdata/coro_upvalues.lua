-- coroutines share upvalues with their creator
local shared = 0
local co = coroutine.wrap(function()
  while true do
    shared = shared + 1
    coroutine.yield(shared)
  end
end)
print(co(), co(), shared)
shared = 100
print(co(), shared)
-- closures created inside a coroutine outlive it
local getter
local c2 = coroutine.create(function()
  local inside = "inside value"
  getter = function() return inside end
  coroutine.yield()
  inside = "changed before death"
end)
coroutine.resume(c2)
print(getter())
coroutine.resume(c2)
print(coroutine.status(c2), getter())
