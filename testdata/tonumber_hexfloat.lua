-- hexadecimal floats in numerals and tonumber
print(0x1p0, 0x1p1, 0x1p-1, 0x.1, 0x1.8, 0xA.Bp2, 0X1P+3)
print(tonumber("0x1p10"), tonumber("0x.8p1"), tonumber("0x1.fffffffffffffp1023"))
print(tonumber("0x1p"), tonumber("0xp1"), tonumber("0x1.p1"), tonumber("0x.p1"))
print(tonumber("-0x1p2"), tonumber("  0x10p-4  "))
print(0xffffffffffffffffff, 0x1ffffffffffffffff)
