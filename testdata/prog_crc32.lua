-- CRC-32 with a table, using bitwise operators on integers
local crctab = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if c & 1 == 1 then c = 0xEDB88320 ~ (c >> 1) else c = c >> 1 end
  end
  crctab[i] = c
end
local function crc32(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do
    c = crctab[(c ~ string.byte(s, i)) & 0xFF] ~ (c >> 8)
  end
  return c ~ 0xFFFFFFFF
end
print(string.format("%08x", crc32("")))
print(string.format("%08x", crc32("a")))
print(string.format("%08x", crc32("123456789")))
print(string.format("%08x", crc32("The quick brown fox jumps over the lazy dog")))
print(crc32(string.rep("x", 1000)))
