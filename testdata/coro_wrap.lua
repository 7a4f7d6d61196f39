-- coroutine.wrap
local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
  return "done"
end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
-- errors propagate through wrap, with position
local bad = coroutine.wrap(function() error("inside wrap") end)
print(pcall(bad))
local bad2 = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(bad2)
print(ok, type(e), e.code)
-- wrap passes values in and out
local acc = coroutine.wrap(function(x)
  local total = x
  while true do
    local y = coroutine.yield(total)
    total = total + y
  end
end)
print(acc(1), acc(2), acc(3), acc(4))
-- wrap of a non-function
print(pcall(coroutine.wrap, 1))
print(pcall(coroutine.create, nil))
