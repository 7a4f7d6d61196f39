-- numeric for with floats
for i = 1.0, 3 do print(i) end
for i = 1, 2, 0.5 do print(i) end
for i = 0.1, 0.5, 0.1 do print(i) end
for i = 1, 0, -0.25 do print(i) end
for i = 3, 1.5, -1 do print(i) end
local n = 0
for i = 0, 1, 0.001 do n = n + 1 end
print(n)
-- integer loop with float limit: limit is floored/ceiled
for i = 1, 2.9 do print("int loop", i) end
for i = 3, 1.1, -1 do print("down", i) end
-- infinite limits
n = 0
for i = 1, 1 / 0 do n = n + 1; if n == 5 then break end end
print(n)
n = 0
for i = 1, -1 / 0 do n = n + 1 end
print(n)
for i = 1, 1e100 do print("huge limit", i); if i >= 2 then break end end
for i = -1, -1e100, -1 do print("huge negative limit", i); if i <= -2 then break end end
