-- coroutine corner cases
local co = coroutine.create(function()
  print("yieldable in pcall:", pcall(coroutine.isyieldable))
  local ok, v = pcall(coroutine.yield, "from pcall'd yield")
  print("pcall'd yield returned", ok, v)
  local E = {}
  local ok2, e2 = pcall(error, E)
  print("same error object:", e2 == E)
  error(E)
end)
print(coroutine.resume(co))
local ok, e = coroutine.resume(co, "resumed value")
print(ok, type(e), coroutine.status(co))
-- a coroutine that yields from a nested Lua call and from a for iterator
local gen = coroutine.wrap(function()
  local function inner(n) for i = 1, n do coroutine.yield(i) end end
  inner(2)
  for k in function(_, c) c = c + 1; if c <= 2 then coroutine.yield("iter" .. c); return c end end, nil, 0 do end
  return "end"
end)
print(gen(), gen(), gen(), gen(), gen())
-- resume returns all values, yield receives all values
local echo = coroutine.create(function(...)
  local args = {...}
  while true do
    args = {coroutine.yield(#args, table_unpack_free(args))}
  end
end)
function table_unpack_free(t, i) i = i or 1; if t[i] ~= nil then return t[i], table_unpack_free(t, i + 1) end end
print(coroutine.resume(echo, 1, 2, 3))
print(coroutine.resume(echo))
print(coroutine.resume(echo, "x"))
-- wrap inside wrap, errors crossing two levels
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() error("deep error") end)
  return pcall(inner)
end)
print(outer())
-- a coroutine resuming its resumer is an error
local a
local b = coroutine.create(function() return coroutine.resume(a) end)
a = coroutine.create(function() return coroutine.resume(b) end)
print(coroutine.resume(a))
-- status of the main coroutine seen from inside
local main = coroutine.running()
print(coroutine.resume(coroutine.create(function() return coroutine.status(main) end)))
