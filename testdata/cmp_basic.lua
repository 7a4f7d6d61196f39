-- comparisons of numbers and strings
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 2 > 1)
print(1 < 1.5, 1.5 < 2, -0.0 < 0, 0 <= -0.0)
print("a" < "b", "a" < "ab", "" < "a", "Z" < "a", "abc" <= "abc")
print("a\0b" < "a\0c", "a\0" > "a", "\255" > "\0")
print("10" < "9", 10 < 9)
local nan = 0 / 0
print(nan < 1, nan > 1, nan <= nan, nan >= nan, nan == nan, nan ~= nan)
local inf = 1 / 0
print(inf > 0x7fffffffffffffff, -inf < 0x8000000000000000)
-- integers and floats compare exactly, without rounding
local maxi = 0x7fffffffffffffff
print(maxi < 2^63, maxi <= 2^63, maxi + 0.0 == 2^63, maxi == 2^63)
print(2^53 + 1 > 2^53, 9007199254740993 > 2^53, 9007199254740993 == 2^53)
print(0x8000000000000000 == -2^63, 0x8000000000000000 < -2^63)
print(1 == 1.0, 1 < 1.0000000000000002, -1 > -1.0000000000000002)
print(maxi < inf, maxi > -inf, maxi < nan, maxi > nan)
