-- lexical scoping of locals
local x = 10
do
  local x = x + 1
  print(x)
  do
    local x = x * 2
    print(x)
  end
  print(x)
end
print(x)
local a, b, c = 1, 2
print(a, b, c)
local d, e = 1, 2, 3
print(d, e)
local f = f  -- refers to global f (nil)
print(f)
local y = 1
local y = y + 1  -- new local initialised from the old one
print(y)
for i = 1, 2 do local x = i * 100; print(x) end
print(x)
if true then local x = "then"; print(x) else local x = "else" end
print(x)
while true do local x = "while"; print(x); break end
repeat local z = "repeat"; print(z) until z
print(z)
