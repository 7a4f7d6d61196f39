-- spectralnorm: power method on an infinite matrix, truncated to N x N.
-- Stresses: float division and multiply-add in tight nested loops, arrays.
local N = tonumber(arg and arg[1]) or 750

local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end

local function Av(x, y, n)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do s = s + A(i, j) * x[j] end
    y[i] = s
  end
end

local function Atv(x, y, n)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do s = s + A(j, i) * x[j] end
    y[i] = s
  end
end

local function AtAv(x, y, t, n)
  Av(x, t, n)
  Atv(t, y, n)
end

local u, v, t = {}, {}, {}
for i = 1, N do u[i] = 1.0 end
for _ = 1, 10 do
  AtAv(u, v, t, N)
  AtAv(v, u, t, N)
end
local vBv, vv = 0.0, 0.0
for i = 1, N do
  local ui, vi = u[i], v[i]
  vBv = vBv + ui * vi
  vv = vv + vi * vi
end
local r = math.sqrt(vBv / vv)
print(string.format("%0.9f", r))
print(string.format("checksum %0.9f", r))
