-- deeply nested data structures and expressions
local t = {}
local cur = t
for i = 1, 200 do cur.next = {depth = i}; cur = cur.next end
local n, p = 0, t.next
while p do n = n + 1; p = p.next end
print(n, cur.depth)
local src = "return " .. string.rep("{", 100) .. "42" .. string.rep("}", 100)
local v = load(src)()
for i = 1, 99 do v = v[1] end
print(v[1])
local e = "1"
for i = 1, 100 do e = "(" .. e .. " + 1)" end
print(load("return " .. e)())
local function nestf(k) if k == 0 then return function() return "innermost" end end return function() return nestf(k - 1)() end end
print(nestf(50)())
