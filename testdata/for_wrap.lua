-- loops near the integer limits behave as in lua5.3
local maxi, mini = 0x7fffffffffffffff, 0x8000000000000000
local n = 0
for i = maxi - 2, maxi do
  print(i)
  n = n + 1
  if n >= 6 then break end
end
n = 0
for i = mini + 2, mini, -1 do
  print(i)
  n = n + 1
  if n >= 6 then break end
end
n = 0
for i = maxi - 1, maxi, 2 do print("step 2", i); n = n + 1; if n > 3 then break end end
for i = 1, 0, maxi do print("never") end
for i = 0, maxi, maxi do print("big step", i) ; n = n + 1; if n > 8 then break end end
