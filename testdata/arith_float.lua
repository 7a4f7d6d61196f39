-- float arithmetic and special values
function math_floor_free(x) return x // 1 end
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.0, 1.0 / 4)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1 - 0.9)
print(1 / 0, -1 / 0, 1 / -0.0)
local nan = 0 / 0
print(nan ~= nan, nan == nan)
print(-(0 / 0) ~= -(0 / 0))
print(1e308 * 10, -1e308 * 10)
print(2 ^ 1023 * 2, 2 ^ -1074, 2 ^ -1075)
print(3 + 0.0, 3 * 1.0, 3 - 0.0)
print(0.0 == -0.0, 1 / 0.0 == 1 / -0.0)
print(-0.0, 0.0, 0 * -1.0)
print(100 * 1.1, 1e15 + 0.5, 1e16 + 1)
print(255 / 5, 256 / 5, 7 / 7)
print(2 ^ 0.5, 10 ^ 2, 10 ^ -2, (-8) ^ (1 / 3) ~= (-8) ^ (1 / 3))
print(1e300 * 1e10 - 1e300 * 1e10 ~= 0)
print(math_floor_free(3.7), math_floor_free(-3.7))
