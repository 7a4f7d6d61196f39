-- integer keys at the ends of the integer range and float keys beyond them
local t = {}
local maxi, mini = 0x7fffffffffffffff, 0x8000000000000000
t[maxi] = "max"; t[mini] = "min"; t[0] = "zero"; t[-1] = "minus one"
t[2^63] = "two to the 63 (float)"; t[-2^63] = "minus two to the 63"
print(t[maxi], t[mini], t[0], t[-1], t[2^63], t[-2^63] == t[mini])
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n, #t)
t[1] = "one"
print(#t, t[1.0], t[maxi + 0.0])
-- keys that are equal as numbers are the same key
local u = {}
u[3] = "int"; u[3.0] = "float overwrites"
print(u[3], #u == 0 or #u == 3)
