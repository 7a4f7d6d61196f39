-- Random format specifications against the reference (a deterministic generator).
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local flags = {"", "-", "+", " ", "#", "0", "-0", "+ ", "#0", "-#", "+0", " 0#"}
local convs = {"d", "i", "u", "c", "x", "X", "o", "e", "E", "f", "g", "G", "a", "A", "s", "q"}
local nums = {0, 1, -1, 7, 255, -256, 123456789, math.maxinteger, math.mininteger, 0.0, -0.0, 0.5, 1.5, 2.5,
  1e-300, 5e-324, 1e300, 1/0, -1/0, 0/0, 123.456, -9.999, 99.995, 1e15, 1e16, 0.1, 1/3, 2^53, 2^63, 65.0, 9.5e-5}
local n = 0
for i = 1, 3000 do
  local f = "%" .. flags[rnd(#flags) + 1]
  if rnd(2) == 0 then f = f .. rnd(30) end
  if rnd(2) == 0 then f = f .. "." .. rnd(25) end
  local c = convs[rnd(#convs) + 1]
  f = f .. c
  local v = nums[rnd(#nums) + 1]
  if c == "s" and rnd(2) == 0 then v = ("abcdefgh"):sub(1, rnd(9)) end
  local ok, r = pcall(string.format, f, v)
  print(f, ok, r)
end
