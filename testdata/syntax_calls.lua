-- call syntax forms
local function id(...) return ... end
print(id"string arg")
print(id[[long string arg]])
print(#id{1, 2, 3})
local obj = {name = "obj"}
function obj:greet(x) return "hi " .. self.name .. (x or "") end
function obj.static(x) return "static " .. tostring(x) end
print(obj:greet(), obj:greet"!", obj.greet(obj, "?"), obj.static(1))
local chain = {}
function chain:a() return self end
function chain:b(v) self.v = v; return self end
print(chain:a():b(10):a().v)
local nested = {x = {y = {z = function(s) return s end}}}
print(nested.x.y.z"deep")
print(("%d-%d"):format(1, 2))
print(("x"):rep(3))
local f = function() return function() return function() return "three" end end end
print(f()()())
print((id(1, 2, 3)))
print(type(print), (print == print))
