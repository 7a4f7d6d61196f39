-- bitwise operators on integers
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ~ 0x3C, ~0xF0)
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 >> 1, -1 >> 63, -1 >> 64, 0x80 >> 4)
print(1 << -1, 2 >> -1, 8 << -2, 8 >> -64)
print(~0, ~-1, ~0x7fffffffffffffff)
print(5 & -1, 5 | -1, 5 ~ -1)
print(0x7fffffffffffffff << 1, 0x8000000000000000 >> 63)
print(3 & 5 | 2 ~ 7, (3 & 5) | (2 ~ 7))
print(1 << 2 << 3, 256 >> 2 >> 1)
local x = 0xDEADBEEF
print(x & 0xFFFF, (x >> 16) & 0xFFFF, x ~ x, x | 0)
print(string.format("%x %X", x, ~x & 0xFFFFFFFF))
