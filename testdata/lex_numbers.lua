-- numerals: integers, floats, hex, exponents
print(0, 1, 42, 007)
print(3.0, 3., .5, 0.5, 3e0, 3E2, 3e-2, 3.5e+1)
print(0x10, 0XFF, 0xA, 0xa, 0x0)
print(0x.8, 0x1p4, 0x1P-2, 0xA.8p0, 0x.1p4)
print(0xffffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000)
print(0x10000000000000000) -- wraps around to 0
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(1e308, 1e309, -1e309)
print(123456789012345678)
print(1.5e300 * 1.5e300)
print(2^53, 2^63, 2^64)
print(100 // 1, 100.0 // 1)
print(1e2, 1e15, 1e16, 12345678901234567890)
print(0.1, 0.25, 1/3, -1/3, 2/3)
print(3 == 3.0, 0x10 == 16, 1e2 == 100)
-- numerals followed by operators and concatenation
print(1 .. 2, 1.5 .. "x", 0x10 .. "")
print(2^-1, -2^2, (-2)^2)
