-- Random pack formats through pack, packsize and unpack (a deterministic generator).
local seed = 4242
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return (seed >> 8) % n end
local opts = {"b", "B", "h", "H", "l", "L", "j", "J", "T", "f", "d", "n", "i", "I", "s", "z", "x", "X", " ", "<", ">", "=", "!", "c", "y"}
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local vals = {0, 1, -1, 127, 128, 255, -129, 65535, 2^31, -2^31, math.maxinteger, math.mininteger, 1.5, "ab", "", "a\0"}
for i = 1, 1000 do
  local f = {}
  for k = 1, rnd(5) + 1 do
    local o = opts[rnd(#opts) + 1]
    if (o == "i" or o == "I" or o == "s" or o == "!" or o == "c") and rnd(3) > 0 then o = o .. rnd(18) end
    f[#f + 1] = o
  end
  f = table.concat(f)
  local args = {}
  for k = 1, 6 do args[k] = vals[rnd(#vals) + 1] end
  local ok, r = pcall(string.pack, f, table.unpack(args))
  local out = {f, tostring(ok), ok and hex(r) or r}
  local ok2, sz = pcall(string.packsize, f)
  out[#out + 1] = tostring(sz)
  local data = ok and r or string.rep("\1\255", rnd(20))
  local u = table.pack(pcall(string.unpack, f, data, rnd(5) - 1))
  for j = 1, u.n do out[#out + 1] = string.format("%q", u[j]) end
  print(table.concat(out, " "))
end
