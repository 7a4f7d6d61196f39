-- the main chunk is a vararg function; with no script arguments ... is empty
print(select("#", ...))
local a = ...
print(a)
local chunk = load("return select('#', ...), ...")
print(chunk("x", "y", nil))
local f = load("local a, b = ... return b, a")
print(f(1, 2))
