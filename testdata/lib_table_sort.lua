-- table.sort with and without comparators
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"banana", "Apple", "cherry", "apple"}
table.sort(words)
print(table.concat(words, ","))
local recs = {{n = "b", v = 2}, {n = "a", v = 3}, {n = "c", v = 1}}
table.sort(recs, function(x, y) return x.v < y.v end)
print(recs[1].n, recs[2].n, recs[3].n)
local big = {}
local seed = 1
for i = 1, 5000 do seed = (seed * 1103515245 + 12345) % 2147483648; big[i] = seed % 1000 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i] < big[i - 1] then ok = false end end
print(ok, big[1], big[5000])
print(pcall(table.sort, {1, "x", 2}))
local mixed = {3.5, 1, 2.25, -1, 0}
table.sort(mixed)
print(table.concat(mixed, " "))
