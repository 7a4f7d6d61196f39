-- string concatenation
print("a" .. "b" .. "c", "" .. "", "x" .. "")
print(1 .. "", 1.0 .. "", -0.0 .. "", 1e100 .. "", 2^63 .. "")
print(1 .. 2 .. 3, 0x10 .. 0x20)
local s = ""
for i = 1, 10 do s = s .. i end
print(s, #s)
local parts = {"p", "q", "r"}
print(parts[1] .. parts[2] .. parts[3])
print("\0" .. "\0" == "\0\0", #("\0" .. "a\0"))
local long = string.rep("ab", 1000) .. string.rep("cd", 1000)
print(#long, long:sub(1999, 2002))
local function err(f) print(select(2, pcall(f))) end
err(function() return "a" .. nil end)
err(function() return "a" .. {} end)
err(function() local t = {}; return t.x .. "a" end)
err(function() return "a" .. true end)
err(function() return 1 .. print end)
err(function() return glob .. "x" end)
