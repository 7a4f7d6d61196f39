-- Random patterns through find, match, gsub and gmatch (a deterministic generator).
local seed = 777
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return (seed >> 8) % n end
local atoms = {"a", "b", ".", "%a", "%d", "%s", "%W", "[ab]", "[^a]", "[a-c%d]", "%b()", "%f[%w]", "%f[%W]", "(", ")", "()",
  "%1", "%2", "^", "$", "x", "%", "[", "]", "-", "*", "+", "?", "%z", "[%]]", "(a)", "(%a+)", "[]", "[^]"}
local quants = {"", "", "", "*", "+", "-", "?"}
local srcchars = {"a", "b", "c", "1", "2", " ", "(", ")", "x", "\0", "]", "%"}
for i = 1, 3000 do
  local p = {}
  for k = 1, rnd(6) + 1 do p[#p + 1] = atoms[rnd(#atoms) + 1] .. quants[rnd(#quants) + 1] end
  p = table.concat(p)
  local s = {}
  for k = 1, rnd(12) do s[#s + 1] = srcchars[rnd(#srcchars) + 1] end
  s = table.concat(s)
  local init = rnd(16) - 4
  local r1 = table.pack(pcall(string.find, s, p, init))
  local r2 = table.pack(pcall(string.match, s, p, init))
  local r3 = table.pack(pcall(string.gsub, s, p, "<%0>", rnd(5)))
  local r4 = table.pack(pcall(function() local t = {} for a, b in s:gmatch(p) do t[#t+1] = tostring(a) .. "/" .. tostring(b) if #t > 50 then break end end return table.concat(t, ",") end))
  local out = {}
  for _, r in ipairs{r1, r2, r3, r4} do
    for j = 1, r.n do out[#out + 1] = tostring(r[j]):gsub("^[^:]*:%d+: ", "") end
  end
  print(string.format("%q %q %d", s, p, init), table.concat(out, " "))
end
