-- number formatting follows %.14g for floats and %d for integers
local vals = {
  0, -0, 1, -1, 123456789, 0x7fffffffffffffff, 0x8000000000000000,
  0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 100.0, 1e14, 1e15, 1e16, 1e100, 1e-100,
  123456789012345.0, 1234567890123456.0, 12345678901234567.0,
  0.1, 0.2, 0.3, 1 / 3, 2 / 3, 3.14159265358979, 2.5e-7, 1e-4, 1e-5,
  2^53, 2^63, -2^63, 2^64, 1e308, 4.9e-324, 2.2250738585072014e-308,
  1 / 0, -1 / 0, 123.0, -123.5, 99999999999999.9, 999999999999999.9,
}
for i = 1, #vals do print(vals[i], tostring(vals[i])) end
-- nan is printed as the C library prints it
local nan = 0 / 0
print(nan ~= nan, tostring(nan) == tostring(0 / 0))
print(tostring(-(0 / 0)) ~= nil)
