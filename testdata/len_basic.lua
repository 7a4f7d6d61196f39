-- the length operator
print(#"", #"a", #"hello", #"\0\0\0", #"\u{10FFFF}")
print(#{}, #{1}, #{1, 2, 3}, #{n = 1}, #{1, 2, x = "y"})
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[101] = 101
print(#t)
t[#t] = nil
print(#t)
for i = #t, 51, -1 do t[i] = nil end
print(#t)
local s = {10, 20, 30, nil}
print(#s)
local u = {nil}
print(#u)
local w = {n = 3}
w[1] = "a"
print(#w)
w[2] = "b"; w[3] = "c"
print(#w)
print(pcall(function() return #nil end))
print(pcall(function() local n = 1; return #n end))
print(pcall(function() return #print end))
