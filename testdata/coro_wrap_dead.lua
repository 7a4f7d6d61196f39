-- resuming dead coroutines
local w = coroutine.wrap(function() return 1 end)
print(w())
print(pcall(w))
local c = coroutine.create(function() return 1 end)
print(coroutine.resume(c))
print(coroutine.resume(c))
local e = coroutine.create(function() error("x", 0) end)
print(coroutine.resume(e))
print(coroutine.resume(e))
-- a wrapped coroutine that errors is dead afterwards
local we = coroutine.wrap(function() error("first", 0) end)
print(pcall(we))
print(pcall(we))
