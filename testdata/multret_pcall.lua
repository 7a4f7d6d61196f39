-- multiple results through pcall, coroutines and metamethods
local function many() return 1, 2, 3, 4, 5 end
print(pcall(many))
print(select("#", pcall(many)))
print((pcall(many)))
local co = coroutine.wrap(function(...) coroutine.yield(...) return many() end)
print(co("a", "b"))
print(co())
-- __index returns only the first value
local t = setmetatable({}, {__index = function() return "first", "second" end})
print(t.x)
-- __call returns all values
local c = setmetatable({}, {__call = function() return many() end})
print(c())
-- a method returning many values used in the middle of a list
print(c(), "end")
