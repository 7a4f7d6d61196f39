-- __len metamethod
local t = setmetatable({1, 2, 3}, {__len = function(self) return 42 end})
print(#t, rawlen(t))
local u = setmetatable({}, {__len = function() return "not a number" end})
print(#u)
local v = setmetatable({}, {__len = function(self) return rawlen(self) * 2 end})
v[1], v[2] = "a", "b"
print(#v)
local multi = setmetatable({}, {__len = function() return 1, 2, 3 end})
print(#multi)
local none = setmetatable({}, {__len = function() end})
print(#none)
-- __len is not used for strings
print(#"abc")
-- ipairs and # are independent
local w = setmetatable({"x", "y"}, {__len = function() return 10 end})
local n = 0
for _ in ipairs(w) do n = n + 1 end
print(n, #w)
