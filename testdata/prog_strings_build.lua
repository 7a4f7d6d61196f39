-- building strings with rep, sub, byte, char and format
local function reverse(s)
  local r = ""
  for i = #s, 1, -1 do r = r .. string.sub(s, i, i) end
  return r
end
local function upper(s)
  local r = ""
  for i = 1, #s do
    local b = string.byte(s, i)
    if b >= 97 and b <= 122 then b = b - 32 end
    r = r .. string.char(b)
  end
  return r
end
local function caesar(s, k)
  local r = ""
  for i = 1, #s do
    local b = string.byte(s, i)
    if b >= 97 and b <= 122 then b = (b - 97 + k) % 26 + 97 end
    r = r .. string.char(b)
  end
  return r
end
print(reverse("moonfuel"), upper("hello, world"), caesar("attack at dawn", 13), caesar(caesar("xyz", 3), 23))
print(string.rep("-", 20))
print(string.rep("ab", 3, ","), string.rep("x", 0), string.rep("x", -1), string.rep("", 5))
print(string.sub("hello", 2), string.sub("hello", -3), string.sub("hello", 2, -2), string.sub("hello", 0), string.sub("hello", 10), string.sub("hello", 3, 2))
print(string.byte("ABC"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, 3))
print(string.byte("ABC", 4), string.byte(""))
print(string.char(), string.char(72, 105), #string.char(0, 0))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(string.format("%5d|%-5d|%05d", 42, 42, 42))
print(string.format("%.3f %10.2f %-8.1f|", 3.14159, 2.5, 1.25))
print(string.format("%s %s %s", 1, 1.5, true))
print(string.format("%x %X %o", 255, 255, 8))
print(string.format("%q", "quote\"newline\nzero\0end"))
print(string.format("%g %g %g", 1e20, 0.1, 100))
print(string.format("%%"))
print(string.format("%c%c%c", 76, 117, 97))
print(string.format("%10s|%-10s|", "right", "left"))
local tbl = ""
for i = 1, 5 do tbl = tbl .. string.format("%2d:%-3s", i, string.rep("*", i)) .. "|" end
print(tbl)
