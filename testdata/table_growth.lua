-- tables growing and shrinking
local t = {}
for i = 1, 10000 do t[i] = i * 2 end
print(#t, t[1], t[5000], t[10000])
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)
for i = 1, 10000 do t[i] = nil end
print(#t, next(t))
local h = {}
for i = 1, 5000 do h["key" .. i] = i end
local n = 0
for k, v in pairs(h) do n = n + 1 end
print(n, h.key1, h.key5000)
for i = 1, 5000, 2 do h["key" .. i] = nil end
n = 0
for k, v in pairs(h) do n = n + 1 end
print(n, h.key1, h.key2)
-- reverse fill
local r = {}
for i = 100, 1, -1 do r[i] = i end
print(#r)
-- negative and zero keys live in the hash part
local z = {}
for i = -10, 10 do z[i] = i end
local c = 0
for _ in pairs(z) do c = c + 1 end
print(c, #z, z[-10], z[0])
