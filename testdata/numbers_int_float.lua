-- integer/float distinction is visible in output
print(1, 1.0, 3 / 1, 3 // 1, 3.0 // 1, 2^2, 7 % 2, 7.0 % 2)
print(1e2, 100, 0x10, 0x10p0, 1 + 0.0)
print(10 // 3, 10.0 // 3, -10 // 3, 10 % -3, 10.0 % -3)
print(2^31, 2^31 | 0, 1 << 31)
print(3.0 == 3, 3.5 // 1, 2^53 + 1.0, (2^53 | 0) + 1)
