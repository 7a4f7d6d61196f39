-- globals live in _ENV, which starts as _G
print(_G == _ENV, _G._G == _G)
x = 1
print(x, _G.x, _ENV.x, rawget(_G, "x"))
_G.y = 2
print(y)
_ENV["z"] = 3
print(z)
x = nil
print(x, rawget(_G, "x"))
print(undefined_global)
local count = 0
for k, v in pairs(_G) do if k == "print" then count = count + 1 end end
print(count)
function globalfn() return "globalfn" end
print(globalfn(), type(_G.globalfn))
local t = {}
function t.f() return "t.f" end
function t:m() return self == t end
print(t.f(), t:m())
