-- 64-bit xorshift random numbers rely on integer wraparound and logical shifts
local state = 88172645463325252
local function xorshift()
  state = state ~ (state << 13)
  state = state ~ (state >> 7)
  state = state ~ (state << 17)
  return state
end
for i = 1, 10 do print(xorshift()) end
-- splitmix64
local x = 0
local function splitmix()
  x = x + 0x9e3779b97f4a7c15
  local z = x
  z = (z ~ (z >> 30)) * 0xbf58476d1ce4e5b9
  z = (z ~ (z >> 27)) * 0x94d049bb133111eb
  return z ~ (z >> 31)
end
for i = 1, 5 do print(string.format("%016x", splitmix())) end
-- FNV-1a 64-bit hash of strings
local function fnv1a(s)
  local h = 0xcbf29ce484222325
  for i = 1, #s do
    h = h ~ string.byte(s, i)
    h = h * 0x100000001b3
  end
  return h
end
print(string.format("%016x", fnv1a("")), string.format("%016x", fnv1a("a")), string.format("%016x", fnv1a("moonfuel")))
