-- metatables set with debug.setmetatable for booleans, functions, threads, nil and numbers: the vm honours every event
local mt = {}
for _, e in ipairs{"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot", "__concat", "__len", "__lt", "__le", "__index", "__call", "__newindex"} do
  mt[e] = function(a, b) return e end
end
for _, v in ipairs{true, false, print, coroutine.create(print)} do
  debug.setmetatable(v, mt)
  print(type(v), v + 1, 1 - v, v * v, v / 2, v % 2, v ^ 2, -v, v // 1, v & 1, v | 1, v ~ 1, v << 1, v >> 1, ~v, v .. "x", "x" .. v, #v, v < v, v <= v, v > 1, v.x, v(1))
  v.y = 1
  debug.setmetatable(v, nil)
end
debug.setmetatable(nil, mt)
local n = nil
print(n + 1, -n, n .. "x", #n, n < n, n.x, n(2))
debug.setmetatable(nil, nil)
debug.setmetatable(1, {__concat = function() return "numcat" end, __call = function(self, x) return self * x end, __len = function(x) return x * 10 end})
print(1 .. {}, (3)(4), #5, (2.5)(2))
debug.setmetatable(1, nil)
print(pcall(function() return #5 end))
