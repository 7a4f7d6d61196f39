-- textproc: generate a text and run pattern-matching over it.
-- Stresses: string.gmatch, gsub (string, table and function replacements),
-- find with and without plain, match with captures, character classes.
local N = tonumber(arg and arg[1]) or 200

local seed = 12345
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local words = {
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
  "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho",
  "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "Lua", "moon",
}

local function make_text(lines)
  local out = {}
  for l = 1, lines do
    local line = {}
    local nw = 6 + rand(10)
    for w = 1, nw do
      local word = words[rand(#words) + 1]
      if rand(7) == 0 then word = word .. "-" .. rand(1000) end
      if rand(11) == 0 then word = word:upper() end
      line[w] = word
    end
    out[l] = string.format("%04d %s. key=%d value=%s", l, table.concat(line, " "),
      rand(100), words[rand(#words) + 1])
  end
  return table.concat(out, "\n")
end

local MOD = 1000000007
local h = 0
local function mix(x) h = (h * 131 + x) % MOD end

local text = make_text(400)
for round = 1, N do
  -- word frequencies with gmatch
  local freq = {}
  for w in text:gmatch("%a+") do
    local lw = w:lower()
    freq[lw] = (freq[lw] or 0) + 1
  end
  local keys = {}
  for k in pairs(freq) do keys[#keys + 1] = k end
  table.sort(keys)
  for i = 1, #keys do mix(freq[keys[i]] + #keys[i]) end

  -- key=value pairs with captures
  local ksum = 0
  for k, v in text:gmatch("key=(%d+) value=(%w+)") do
    ksum = ksum + tonumber(k) + #v
  end
  mix(ksum)

  -- numbered words via find with captures, iterating by position
  local pos, cnt = 1, 0
  while true do
    local s, e, word, num = text:find("(%a+)%-(%d+)", pos)
    if not s then break end
    cnt = cnt + #word + tonumber(num)
    pos = e + 1
  end
  mix(cnt)

  -- gsub with string, table and function replacements
  local t1, n1 = text:gsub("(%a+)mega", "%1MEGA")
  local t2, n2 = text:gsub("%f[%a](%a%a)%a*", { al = "AL", ze = "ZE", mo = "MO" })
  local t3, n3 = text:gsub("%d+", function(d) return tostring(#d * round) end)
  mix(#t1 + n1); mix(#t2 + n2); mix(#t3 + n3)

  -- plain find and anchored match per line
  local lines, plain = 0, 0
  for line in text:gmatch("[^\n]+") do
    local num = line:match("^(%d+) ")
    if num and tonumber(num) % 3 == round % 3 then lines = lines + 1 end
    if line:find("pi.", 1, true) then plain = plain + 1 end
  end
  mix(lines); mix(plain)

  -- trim and split
  local padded = "   " .. text:sub(round, round + 200) .. "   "
  local trimmed = padded:match("^%s*(.-)%s*$")
  mix(#trimmed)
end
print(string.format("checksum %d", h))
