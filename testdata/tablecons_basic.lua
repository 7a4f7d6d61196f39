-- table constructors
local t = {1, 2, 3; 4, x = "x", ["y"] = "y", [10] = 10, [1 + 1] = "ignored?"}
print(t[1], t[2], t[3], t[4], t.x, t.y, t[10])
local u = {[1] = "a", "b"}  -- positional fields are assigned after? compare with lua5.3
print(u[1])
local v = {"a", [1] = "b"}
print(v[1])
local w = {x = 1, x = 2}
print(w.x)
local nested = {{1, 2}, {3, {4, 5}}, k = {deep = {deeper = "yes"}}}
print(nested[1][2], nested[2][2][1], nested.k.deep.deeper)
local e = {}
print(next(e), #e)
local f = {[1.0] = "float key one", [2^53] = "big"}
print(f[1], f[2^53])
local s = {["with space"] = 1, ["1"] = "string one", [1] = "int one"}
print(s["with space"], s["1"], s[1])
local b = {[true] = "t", [false] = "f"}
print(b[true], b[false])
local fn = function() end
local r = {[fn] = "function key", [b] = "table key"}
print(r[fn], r[b])
local trailing = {1, 2, 3,}
print(#trailing)
local exprs = {1 + 1, "a" .. "b", (function() return "called" end)(), #"four"}
print(exprs[1], exprs[2], exprs[3], exprs[4])
