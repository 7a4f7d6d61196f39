-- tostring on every type
print(tostring(nil), tostring(true), tostring(false))
print(tostring(10), tostring(10.0), tostring(-0.0), tostring("str"))
print(string.sub(tostring({}), 1, 6) == "table:")
print(string.sub(tostring(print), 1, 9) == "function:")
print(string.sub(tostring(function() end), 1, 9) == "function:")
print(string.sub(tostring(coroutine.create(function() end)), 1, 7) == "thread:")
print(pcall(tostring))
print(tostring(1, 2))
print(type(tostring(12)))
-- distinct objects have distinct names; the same object the same name
local a, b = {}, {}
print(tostring(a) == tostring(a), tostring(a) ~= tostring(b))
