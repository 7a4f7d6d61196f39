-- non-string error values travel unchanged
local E = setmetatable({}, {__tostring = function() return "E object" end})
local ok, err = pcall(error, E)
print(ok, err == E, tostring(err))
-- rethrowing keeps the object
local ok2, err2 = pcall(function()
  local ok, e = pcall(error, E)
  error(e)
end)
print(ok2, err2 == E)
-- error(string) at level 1 prefixes the position only once
local ok3, err3 = pcall(function()
  local ok, e = pcall(error, "msg")
  error(e, 0)
end)
print(err3)
-- numbers as error values keep their type
local _, n = pcall(error, 10)
print(type(n), n)
local _, f = pcall(error, 1.5)
print(type(f), f)
-- error with nil
local _, z = pcall(error, nil)
print(z)
-- errors in __index functions propagate
local T = setmetatable({}, {__index = function(t, k) error("no field " .. k) end})
print(pcall(function() return T.abc end))
-- errors in __tostring during print
local bad = setmetatable({}, {__tostring = function() error("tostring failed") end})
print(pcall(print, bad))
