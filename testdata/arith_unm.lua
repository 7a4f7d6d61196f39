-- unary minus
local mini = 0x8000000000000000
print(-1, - 1, -(-1), - - 1)
print(-mini == mini, -0, -0.0, -(0.0))
print(-(1 / 0), -(-1 / 0), -1.5, -"2", -"2.5", -"0x10")
local x = 5
print(-x, -(-x), - - -x)
print(pcall(function() return -{} end))
print(pcall(function() local s = "abc"; return -s end))
print(pcall(function() return -nil end))
