-- debug.getmetatable/setmetatable for every type, the registry, user values

local mt = {__index = function(v, k) return type(v) .. "." .. tostring(k) end}
for _, v in ipairs{1, 2.5, true, "s", print} do
  print(type(v), debug.getmetatable(v) == nil)
end
print(debug.getmetatable("x") == getmetatable("x"), debug.getmetatable("x").__index == string)

-- numbers
print(debug.setmetatable(10, mt))
print((5).foo, (2.5).bar, debug.getmetatable(1) == mt)
print(debug.setmetatable(1, nil), debug.getmetatable(1))
-- booleans
debug.setmetatable(true, {__index = function(b, k) return k .. tostring(b) end,
                          __call = function(b, x) return "called " .. tostring(b) .. " " .. x end,
                          __len = function() return 42 end})
print((true).x, (false).y, (true)(1), #false)
debug.setmetatable(false, nil)
print(pcall(function() return (true).x end))
-- nil
debug.setmetatable(nil, {__index = function() return "nil index" end})
local z = nil
print(z.anything)
debug.setmetatable(nil, nil)
print(pcall(function() local n; return n.x end))
-- functions
debug.setmetatable(print, {__index = {name = "fn"}, __concat = function(a, b) return "cat" end})
print(print.name, (function() end).name, print .. 1)
debug.setmetatable(print, nil)
-- threads
local co = coroutine.create(print)
debug.setmetatable(co, {__index = {kind = "thread"}})
print(co.kind, coroutine.running().kind)
debug.setmetatable(co, nil)

-- __metatable is ignored by debug.getmetatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t), type(debug.getmetatable(t)))
print(pcall(setmetatable, t, {}))
print(debug.setmetatable(t, nil) == t, getmetatable(t))

-- argument errors
print(pcall(debug.setmetatable, 1, 2))
print(pcall(debug.setmetatable, 1))
print(pcall(debug.getmetatable))

-- the registry
local r = debug.getregistry()
print(type(r), r == debug.getregistry(), type(r._LOADED), r._LOADED.debug == debug)

-- user values (only full userdata have one)
print(debug.getuservalue(1), debug.getuservalue({}), debug.getuservalue())
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, 1, 1))
local u = io.stdout
print(debug.getuservalue(u))
print(debug.setuservalue(u, "uv") == u, debug.getuservalue(u))
print(pcall(debug.setuservalue, u))
debug.setuservalue(u, nil)
print(debug.getuservalue(u))
