-- utf8 functions on random byte strings (valid and invalid sequences)
local seed = 7
local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local pool = {"a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\x80", "\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xf8\x88\x80\x80\x80"}
for k = 1, 1500 do
  local parts = {}
  for i = 1, rand(6) do parts[#parts + 1] = pool[rand(#pool) + 1] end
  local s = table.concat(parts)
  local i, j = rand(#s + 3) - 1, rand(#s + 3) - 1
  local n = rand(7) - 3
  local r = {}
  local l1, l2, l3 = pcall(utf8.len, s, i, j)
  r[#r+1] = tostring(l1) .. "," .. tostring(l2) .. "," .. tostring(l3)
  local ok, a, b, c = pcall(utf8.codepoint, s, i, j)
  r[#r+1] = tostring(ok) .. "," .. tostring(a) .. "," .. tostring(b) .. "," .. tostring(c)
  local ok2, o = pcall(utf8.offset, s, n, i)
  r[#r+1] = tostring(ok2) .. "," .. tostring(o)
  local ok3, e = pcall(function() local t = {} for p, c in utf8.codes(s) do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)
  r[#r+1] = tostring(ok3) .. "," .. tostring(e)
  print(k, table.concat(r, " | "))
end
