-- yields inside metamethods and iterators
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) end,
  __len = function() return coroutine.yield("len") end,
}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local co = coroutine.wrap(function()
  print("index ->", a.foo)
  print("add ->", a + 1)
  print("lt ->", a < b)
  print("concat ->", a .. "x")
  print("eq ->", a == b)
  print("call ->", a("arg"))
  a.k = 1
  print("len ->", #a)
  for i in function(_, c) if c < 2 then return coroutine.yield("iter " .. c) end end, nil, 0 do
    print("loop", i)
  end
  return "finished"
end)
print(co())
print(co("FOO"))
print(co(42))
print(co(true))
print(co("CAT"))
print(co(false))
print(co("CALLED"))
print(co())
print(co(7))
print(co(1))
print(co(2))
