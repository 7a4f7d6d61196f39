-- a local named _ENV changes where free names go
local print = print
local g = _G
do
  local _ENV = {x = "from local env"}
  print(x)
  y = "set in local env"
  print(y, g.y)
end
print(x, y)
local function sandboxed()
  local _ENV = {tostring = tostring}
  a = 1
  b = a + 1
  return tostring(a) .. tostring(b), _ENV
end
local s, env = sandboxed()
print(s, env.a, env.b, a, b)
-- _ENV can be any value with __index
do
  local _ENV = setmetatable({}, {__index = function(t, k) return "missing " .. k end})
  print(anything, other)
end
-- _ENV nil: accessing a global errors
do
  local ok, err = pcall(function()
    local _ENV = nil
    return undefined
  end)
  print(ok, err)
end
