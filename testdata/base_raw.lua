-- raw accessors ignore metamethods
local mt = {__index = function() return "meta" end, __newindex = function() error("blocked") end,
  __len = function() return 99 end, __eq = function() return true end}
local t = setmetatable({}, mt)
print(t.x, rawget(t, "x"))
print(rawset(t, "x", 1) == t, rawget(t, "x"), t.x)
print(#t, rawlen(t), rawlen({1, 2}), rawlen("abcd"))
local u = setmetatable({}, mt)
print(t == u, rawequal(t, u), rawequal(t, t))
print(pcall(rawget, 1, 1))
print(pcall(rawset, {}, nil, 1))
print(pcall(rawset, {}, 0 / 0, 1))
print(pcall(rawlen, 5))
print(pcall(rawequal, 1))
print(rawget({10, 20}, 2), rawget({10, 20}, 2.0))
local r = {}
rawset(r, 1.0, "float key")
print(r[1])
