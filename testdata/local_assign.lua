-- multiple assignment: all expressions are evaluated before assigning
local a, b = 1, 2
a, b = b, a
print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, z = 1
print(x, y, z)
x, y, z = 1, 2, 3, 4
print(x, y, z)
local function two() return "p", "q" end
x, y, z = two()
print(x, y, z)
x, y, z = two(), "r"
print(x, y, z)
x, y, z = "r", two()
print(x, y, z)
x, y = (two())
print(x, y)
-- globals and fields mixed
g1, t.k, g2 = "one", "two", "three"
print(g1, t.k, g2)
local n = 0
local function counter() n = n + 1; return n end
local r1, r2, r3 = counter(), counter(), counter()
print(r1, r2, r3)
