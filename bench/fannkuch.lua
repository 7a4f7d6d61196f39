-- fannkuch-redux: count pancake flips over all permutations of 1..N.
-- Stresses: small integer arrays, swaps, tight while loops.
local N = tonumber(arg and arg[1]) or 9
local R = tonumber(arg and arg[2]) or 5 -- repetitions (N=10 would take too long)

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do perm1[i] = i; count[i] = 0 end
  local maxflips, checksum, permcount = 0, 0, 0
  local r = n
  while true do
    while r ~= 1 do count[r] = r; r = r - 1 end
    for i = 1, n do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      local i, j = 1, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > maxflips then maxflips = flips end
    if permcount % 2 == 0 then
      checksum = checksum + flips
    else
      checksum = checksum - flips
    end
    -- advance to the next permutation
    while true do
      if r == n then return checksum, maxflips end
      local p0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = p0
      local c = count[r + 1] - 1
      count[r + 1] = c
      if c > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end

local sum, flips
for _ = 1, R do sum, flips = fannkuch(N) end
print(string.format("%d\nPfannkuchen(%d) = %d", sum, N, flips))
print(string.format("checksum %d %d", sum, flips))
