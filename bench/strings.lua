-- strings: build strings with .., table.concat, string.format and friends.
-- Stresses: string creation and interning, concatenation, formatting,
-- sub/byte/char/rep/upper/reverse, tostring of numbers.
local N = tonumber(arg and arg[1]) or 25000

local MOD = 1000000007
local function hashstr(s, h)
  -- sample at most 64 bytes so hashing does not dominate
  local n = #s
  local step = math.floor(n / 64) + 1
  for i = 1, n, step do
    h = (h * 31 + s:byte(i)) % MOD
  end
  return (h * 31 + n) % MOD
end

local h = 7
for iter = 1, N do
  -- 1. table.concat of formatted pieces
  local parts = {}
  for i = 1, 60 do
    parts[#parts + 1] = string.format("%d:%s:%5.2f;", i * iter, tostring(i % 7), i / 8)
  end
  local s = table.concat(parts)
  h = hashstr(s, h)

  -- 2. repeated .. in a loop (quadratic-ish, short)
  local t = ""
  for i = 1, 40 do
    t = t .. string.char(65 + (i + iter) % 26)
  end
  h = hashstr(t, h)

  -- 3. multi-operand concatenation and tostring
  local u = "<" .. iter .. "|" .. t:sub(3, 9) .. "|" .. (iter * 0.5) .. ">"
  h = hashstr(u, h)

  -- 4. library transforms
  local v = t:upper():lower():reverse()
  h = hashstr(v, h)
  local w = string.rep(t:sub(1, 5), 8, ",")
  h = hashstr(w, h)
  h = (h + #table.concat(parts, "/", 10, 30)) % MOD

  -- 5. byte/char round trip
  local bytes = { s:byte(1, 20) }
  local back = string.char(table.unpack(bytes))
  if back ~= s:sub(1, 20) then error("byte/char round trip failed") end
  h = hashstr(back, h)

  -- 6. string comparison
  if t < v then h = (h + 1) % MOD else h = (h + 2) % MOD end
end
print(string.format("checksum %d", h))
