-- numeric for with integers
local s = ""
for i = 1, 5 do s = s .. i end print(s)
s = "" for i = 5, 1, -1 do s = s .. i end print(s)
s = "" for i = 1, 10, 3 do s = s .. i .. " " end print(s)
s = "" for i = 10, 1, -3 do s = s .. i .. " " end print(s)
s = "" for i = 1, 0 do s = s .. i end print("empty:" .. s)
s = "" for i = 0, 0 do s = s .. i end print("one:" .. s)
-- the loop variable is a copy: changing it doesn't affect iteration
s = "" for i = 1, 3 do local j = i; i = i * 10; s = s .. j .. ":" .. i .. " " end print(s)
-- the limit and step are evaluated once
local limit = 3
s = "" for i = 1, limit do limit = 10; s = s .. i end print(s)
-- large steps
s = "" for i = 0, 100, 50 do s = s .. i .. " " end print(s)
s = "" for i = -5, 5, 5 do s = s .. i .. " " end print(s)
local count = 0
for i = 1, 100000 do count = count + 1 end
print(count)
-- the control variable is an integer
for i = 1, 1 do print(i, i / 1, i // 1) end
