-- string.gsub and string.gmatch
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "(o)", "[%1]"))
print(string.gsub("hello", "", "-"))
print(string.gsub("abc", "%w*", "-"))
print(string.gsub("hello world", "(%w+)", "%1 %1"))
print(string.gsub("hello world", "%w+", "%0 %0", 1))
print(string.gsub("abc", "^a", "x"), string.gsub("abc", "^b", "x"), string.gsub("abc", "$", "x"))
print(string.gsub("abc", "()b", "%1"), string.gsub("abc", "b", "%%"))
print(string.gsub("abc", ".", "%0%0", 0), string.gsub("abc", ".", "%0%0", -1), string.gsub("abc", ".", "%0", 2.0))
print(string.gsub("abc", ".", {a = 1, b = true and "B"}))
print(string.gsub("abc", ".", {a = false}))
print(string.gsub("abc", "(.)(.)", function(a, b) return b .. a end))
print(string.gsub("abc", ".", function(c) if c == "b" then return nil end return c:upper() end))
print(string.gsub("abc", "()", function(p) return p end))
print(string.gsub("x = 1, y = 2", "(%w+) = (%w+)", "%2 = %1"))
print(string.gsub("abc", "b", 5), string.gsub(123, 2, 0.5))
print(string.gsub("hello", "l", setmetatable({}, {__index = function(t, k) return k:upper() .. "!" end})))
for _, r in ipairs{"%2", "%", "%x", true, {b = {}}} do
  print(pcall(string.gsub, "abc", "(b)", r))
end
print(pcall(string.gsub, "abc", "b", "%1"))
print(pcall(string.gsub, "abc", "b", function() return {} end))
print(pcall(string.gsub, "abc", "(", "x"))
print(pcall(string.gsub, "abc", "b", "x", 1.5))
print(pcall(string.gsub, "abc", "b"))
local words = {}
for w in string.gmatch("one two  three", "%a+") do words[#words + 1] = w end
print(table.concat(words, ","))
for k, v in string.gmatch("k=v, a=b", "(%w+)=(%w+)") do print(k, v) end
for p in string.gmatch("abc", "()") do io_write = (io_write or "") .. p .. " " end
print(io_write)
for m in ("a^b"):gmatch("^.") do print("caret", m) end
for m in ("aaa"):gmatch("a*") do print("star", "[" .. m .. "]") end
local it = string.gmatch("a1b2", "%a(%d)")
print(it(), it(), it(), it())
print(pcall(string.gmatch, "abc"))
print(pcall(function() for m in ("x"):gmatch("%") do end end))
print(string.gsub(string.rep("ab", 5000), "a", "")  == string.rep("b", 5000))
