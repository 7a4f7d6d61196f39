-- string building at moderate sizes
local s = string.rep("abc", 10000)
print(#s, s:sub(1, 6), s:sub(-3))
local parts = {}
for i = 1, 1000 do parts[i] = tostring(i) end
local joined = table.concat(parts, ",")
print(#joined, joined:sub(1, 10), joined:sub(-9))
print(select(2, string.gsub(joined, ",", ",")))
print(pcall(string.rep, "x", -5))
