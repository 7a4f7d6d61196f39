-- errors inside coroutines
local co = coroutine.create(function(x)
  coroutine.yield(x)
  error("failure inside")
end)
print(coroutine.resume(co, "first"))
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
-- error values other than strings
local co2 = coroutine.create(function() error({tag = "T"}) end)
local ok, e = coroutine.resume(co2)
print(ok, e.tag)
-- runtime error with variable info inside a coroutine
local co3 = coroutine.create(function() local t; return t.x end)
print(coroutine.resume(co3))
-- pcall inside the coroutine catches it
local co4 = coroutine.create(function()
  local ok, err = pcall(error, "caught inside", 0)
  coroutine.yield(ok, err)
  return "still alive"
end)
print(coroutine.resume(co4))
print(coroutine.resume(co4))
-- yield from outside a coroutine
print(pcall(coroutine.yield, 1))
