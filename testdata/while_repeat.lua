-- while and repeat loops
local i = 0
while i < 5 do i = i + 1 end
print(i)
while false do print("never") end
local n = 0
while true do n = n + 1; if n == 10 then break end end
print(n)
repeat n = n - 1 until n <= 0
print(n)
repeat print("runs once") until true
-- nested loops with break affecting only the inner one
local pairs_found = 0
for a = 1, 5 do
  local b = 0
  while true do
    b = b + 1
    if b > a then break end
    pairs_found = pairs_found + 1
  end
end
print(pairs_found)
-- conditions use Lua truthiness
local vals = {0, "", false, nil}
for idx = 1, 4 do
  local v = vals[idx]
  if v then print(idx, "truthy") else print(idx, "falsy") end
end
-- while with complex condition
local a, b = 1, 100
while a < b and b - a > 10 do a = a * 2; b = b - 5 end
print(a, b)
