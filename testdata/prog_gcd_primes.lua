-- number theory with integers: gcd, modular exponentiation, Miller-Rabin
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function lcm(a, b) return a // gcd(a, b) * b end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), lcm(4, 6), lcm(21, 6))
local l = 1
for i = 1, 20 do l = lcm(l, i) end
print(l)
local function mulmod(a, b, m)
  local r = 0
  a = a % m
  while b > 0 do
    if b & 1 == 1 then r = (r + a) % m end
    a = (a * 2) % m
    b = b >> 1
  end
  return r
end
local function powmod(b, e, m)
  local r = 1
  b = b % m
  while e > 0 do
    if e & 1 == 1 then r = mulmod(r, b, m) end
    b = mulmod(b, b, m)
    e = e >> 1
  end
  return r
end
print(powmod(2, 10, 1000), powmod(3, 200, 1000000007), powmod(7, 0, 13))
local function isprime(n)
  if n < 2 then return false end
  for _, p in ipairs({2, 3, 5, 7, 11, 13}) do if n % p == 0 then return n == p end end
  local d, s = n - 1, 0
  while d % 2 == 0 do d = d // 2; s = s + 1 end
  for _, a in ipairs({2, 3, 5, 7, 11, 13, 17}) do
    local x = powmod(a, d, n)
    if x ~= 1 and x ~= n - 1 then
      local comp = true
      for _ = 1, s - 1 do
        x = mulmod(x, x, n)
        if x == n - 1 then comp = false; break end
      end
      if comp then return false end
    end
  end
  return true
end
local ps = ""
for n = 1, 60 do if isprime(n) then ps = ps .. n .. " " end end
print(ps)
print(isprime(1000000007), isprime(1000000009), isprime(1000000011), isprime(2147483647))
