-- string.find and string.match
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, " ")
end
local cases = {
  {"hello world", "o"}, {"hello world", "o", 6}, {"hello world", "o", -3}, {"hello world", "l+"},
  {"hello world", "^h"}, {"hello world", "^e"}, {"hello world", "d$"}, {"a.b", ".", 1, true},
  {"a+b", "+", 1, true}, {"", ""}, {"abc", "", 10}, {"abc", "", 4}, {"abc", "", -10},
  {"aaab", "a-b"}, {"xyz", "(x)(y)(z)"}, {"xyz", "()y()"}, {"THE (quick) fox", "%f[%a]%a+", 2},
  {"f(a(b)c)d", "%b()"}, {"abab", "(ab)%1"}, {"a1 B2_c3\t!", "[%w_]+", 3}, {"x^y", "x^"},
  {"abc", "b", 1.0}, {"abc", "b", "2"}, {"a$b", "$b"}, {"a]b", "[]]"}, {"a-b", "[a-]+"},
  {"key = value", "(%w+)%s*=%s*(%w+)"}, {"\0a\0", "%z"}, {"\0a\0", "a\0"}, {"x", "x", nil, false},
}
for _, c in ipairs(cases) do
  print("find", show(string.find(c[1], c[2], c[3], c[4])))
  print("match", show(pcall(string.match, c[1], c[2], c[3])))
end
for _, p in ipairs{"%", "[a", "[a%", "(a", "a)", "%1", "(a%1)", "%f", "%fx", "%b", "%bx", "%g(", string.rep("()", 33),
    string.rep("a?", 200) .. string.rep("a", 200)} do
  print(p:sub(1, 20), pcall(string.find, string.rep("a", 300), p))
end
print(pcall(string.find, "abc", "b", 1.5))
print(pcall(string.find, "abc"))
print(pcall(string.find, nil, "x"))
print(pcall(string.match, "abc", {}))
print(string.match("  trim me  ", "^%s*(.-)%s*$") .. "|")
print(string.match("2024-01-05", "(%d+)-(%d+)-(%d+)"))
print(string.match("[[x]]", "%[(=*)%[(.-)%]%1%]"))
print(string.match("hello", "()ll()"))
print(string.find(string.rep("x", 10000) .. "y", "x*y"))
print(string.find(123456, 34), string.match(3.5, "%d"))
