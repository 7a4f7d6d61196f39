-- __concat is called when one operand is a number and the other a table
local mt = {__concat = function(a, b)
  local function s(x) return type(x) == "table" and "T" or tostring(x) end
  return s(a) .. s(b)
end}
local t = setmetatable({}, mt)
print(1 .. t, t .. 2.5, t .. "s", "s" .. t, 1 .. 2 .. t)
print(t .. t .. t)
print(pcall(function() return 1 .. {} end))
