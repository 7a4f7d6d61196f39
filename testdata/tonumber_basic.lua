-- tonumber without a base
local inputs = {"10", "  10  ", "10.5", "-10", "+10", "0x10", "0X1F", "-0x10", "1e3", "1E-2",
  ".5", "5.", "0x.8", "0x1p4", "0xA.8p1", "  0x10  ", "1e", "e1", "0x", "", " ", "abc",
  "10a", "1 0", "inf", "nan", "-inf", "0x7fffffffffffffff", "0xffffffffffffffff",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e500",
  "\t\n\v\f\r 7 \t", "0x1p-2", "1.5e+2", "00012", "1__2", "1..2", "- 1"}
for i = 1, #inputs do print(string.format("%q", inputs[i]), tonumber(inputs[i])) end
print(tonumber(10), tonumber(10.5), tonumber(nil), tonumber(true), tonumber({}))
print(pcall(tonumber))
print(tonumber("10", nil))
print(tonumber("0x10") == 16, tonumber("10") == 10)
