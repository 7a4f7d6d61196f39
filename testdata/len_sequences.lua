-- # on proper sequences built in different ways
local a = {}
for i = 1, 50 do a[#a + 1] = i end
print(#a)
for i = 1, 20 do a[#a] = nil end
print(#a)
local b = {n = 1, 1, 2, 3}
print(#b)
local c = {}
c[1] = 1; c[2] = 2; c[3] = 3
print(#c)
local d = {1, 2, 3}
d[4] = 4; d[5] = 5
print(#d)
local e = {}
for i = 10, 1, -1 do e[i] = i end
print(#e)
local f = {"x"}
f[1] = nil
print(#f)
local g = {[1] = "a", [2] = "b", [3] = "c"}
print(#g)
print(#"\0\0", #{nil, nil, 3} == 3 or #{nil, nil, 3} == 0)
