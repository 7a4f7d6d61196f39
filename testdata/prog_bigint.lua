-- arbitrary precision factorial with base 10^7 limbs
local BASE = 10000000
local function mul(a, n)
  local carry = 0
  for i = 1, #a do
    local v = a[i] * n + carry
    a[i] = v % BASE
    carry = v // BASE
  end
  while carry > 0 do a[#a + 1] = carry % BASE; carry = carry // BASE end
end
local function tostr(a)
  local s = tostring(a[#a])
  for i = #a - 1, 1, -1 do s = s .. string.format("%07d", a[i]) end
  return s
end
local f = {1}
for i = 1, 100 do mul(f, i) end
local s = tostr(f)
print(#s)
print(s)
local digits = 0
for i = 1, #s do digits = digits + (string.byte(s, i) - 48) end
print(digits)
