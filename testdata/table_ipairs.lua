-- ipairs stops at the first nil and respects __index
local t = {"a", "b", nil, "d"}
for i, v in ipairs(t) do print(i, v) end
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do print(i, v) end
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0))
print(f(t, 2))
print(pcall(ipairs))
for i, v in ipairs({}) do print("never") end
local mixed = {1, 2, x = 3, [4] = 4}
local n = 0
for _ in ipairs(mixed) do n = n + 1 end
print(n)
