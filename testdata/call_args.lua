-- argument adjustment
local function three(a, b, c) return a, b, c end
print(three(1))
print(three(1, 2, 3, 4, 5))
print(three())
local function count(...) return select("#", ...) end
print(count(nil, nil, nil))
-- argument evaluation order is left to right
local log = {}
local function l(x) log[#log + 1] = x; return x end
three(l(1), l(2), l(3))
print(log[1], log[2], log[3])
-- parameters are locals
local function modify(a) a = a + 1; return a end
local v = 1
print(modify(v), v)
-- tables are passed by reference
local function setk(t) t.k = "set" end
local tt = {}
setk(tt)
print(tt.k)
