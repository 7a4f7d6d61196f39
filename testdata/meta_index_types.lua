-- metatables of strings and the string library as __index
local s = "hello"
print(s:byte(), s:sub(-3), s:rep(2), ("%5s|"):format("ab"))
print(#s, s.len == string.len)
-- numbers and booleans have no metatable by default
print(getmetatable(1), getmetatable(true))
print(pcall(function() return (1):foo() end))
print(pcall(function() return s:nonexistent() end))
print(pcall(function() return s.x.y end))
