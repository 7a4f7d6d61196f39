-- __call
local C = setmetatable({name = "C"}, {__call = function(self, a, b) return self.name, a, b end})
print(C(1, 2))
print(C())
print(pcall(C, "p"))
local mul = setmetatable({}, {__call = function(_, ...) return select("#", ...), ... end})
print(mul(nil, nil))
-- calling a value with no __call
print(pcall(function() local t = {}; t() end))
print(pcall(function() local n = 1; n() end))
print(pcall(function() undefinedfn() end))
print(pcall(function() local t = {}; t.method() end))
print(pcall(function() local t = {}; t:method() end))
print(pcall(function() ("x")() end))
-- a callable used as an iterator in generic for
local count = 0
local iter = setmetatable({}, {__call = function(self, s, c)
  if c < 3 then return c + 1 end
end})
for i in iter, nil, 0 do count = count + i end
print(count)
-- a callable used as a metamethod is not called through __call in 5.3
local f = setmetatable({}, {__call = function(self, a, b) return "called via __call" end})
local t = setmetatable({}, {__index = function(t, k) return k end})
print(t.key)
