-- float loops compute each value by repeated addition, as the reference does
local s = ""
for x = 0, 1, 0.1 do s = s .. x .. " " end
print(s)
local count = 0
for x = 1, 2, 0.1 do count = count + 1 end
print(count)
s = ""
for x = 1, 0, -0.3 do s = s .. x .. " " end
print(s)
s = ""
for x = 2^53 - 4, 2^53 - 1 do s = s .. x .. " " end
print(s)
