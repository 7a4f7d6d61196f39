-- string.find, match and gmatch with patterns
print(string.find("hello world", "wor"))
print(string.find("hello world", "o", 6))
print(string.find("hello", "l+"))
print(string.find("a.b", ".", 1, true))
print(string.find("abc", "x"))
print(string.find("key = value", "(%w+)%s*=%s*(%w+)"))
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("  trim  ", "^%s*(.-)%s*$"))
print(string.match("hello", "()ll()"))
print(string.match("[tag]", "%[(.-)%]"))
print(string.match("f(a(b)c)", "%b()"))
print(string.match("THE (quick) fox", "%f[%a]%a+"))
local words = {}
for w in string.gmatch("one two  three", "%a+") do words[#words + 1] = w end
print(#words, words[1], words[3])
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, v, ";") end
print()
print(pcall(string.find, "x", "[a"))
print(pcall(string.find, "x", "%"))
print(string.find("", ""), string.find("abc", "", 10), string.find("abc", "", 4))
