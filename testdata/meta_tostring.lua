-- __tostring and __name
local T = setmetatable({}, {__tostring = function(self) return "custom T" end})
print(T, tostring(T))
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local typed = setmetatable({}, {__name = "MyType"})
print(string.sub(tostring(typed), 1, 8))
-- print uses __tostring
local list = setmetatable({1, 2, 3}, {__tostring = function(self)
  local s = "{"
  for i, v in ipairs(self) do s = s .. (i > 1 and "," or "") .. v end
  return s .. "}"
end})
print(list, "after")
-- tostring of basic values
print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring(1.5), tostring("s"))
print(string.sub(tostring({}), 1, 7), string.sub(tostring(print), 1, 10), string.sub(tostring(function() end), 1, 10))
print(string.sub(tostring(coroutine.create(print)), 1, 8))
