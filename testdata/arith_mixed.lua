-- integer and float subtypes
print(1 + 2, 1 + 2.0, 1.0 + 2, 3 - 3.0, 2 * 3.0)
print(1 == 1.0, -0 == -0.0, 2^53 == 2^53 + 1)
print(3 // 1, 3.0 // 1, 3 % 1, 3.0 % 1)
print(10 / 2, 10 // 2, 10.0 // 2)
print(tostring(1) == tostring(1.0))
print(1e15, 1e15 // 1, 10^15 // 1)
-- conversions from float to integer where required
local t = {}
t[1.0] = "one"; t[2] = "two"; t[3.5] = "three and a half"
print(t[1], t[2.0], t[3.5], #t)
t[2^53] = "big"
print(t[2^53], t[9007199254740992])
print(0x7fffffffffffffff + 0.0, 0x7fffffffffffffff + 0.0 == 2^63)
print(0x7fffffffffffffff == 2^63, 0x8000000000000000 == -2^63)
print(string.format("%d %d", 3.0, -2.0))
print(pcall(string.format, "%d", 3.5))
