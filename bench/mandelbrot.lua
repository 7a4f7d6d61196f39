-- mandelbrot: render an N x N Mandelbrot set as packed bits and hash them.
-- Stresses: float inner loop, integer and bitwise ops (<<, |, ~, &, //).
-- Uses Lua 5.3 integer/bitwise operators on purpose.
local N = tonumber(arg and arg[1]) or 1200
local ITER = 50

local hash = 0
local inside = 0
local bits, nbits = 0, 0
for y = 0, N - 1 do
  local ci = 2.0 * y / N - 1.0
  for x = 0, N - 1 do
    local cr = 2.0 * x / N - 1.5
    local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
    local i = 0
    while i < ITER and tr + ti <= 4.0 do
      zi = 2.0 * zr * zi + ci
      zr = tr - ti + cr
      tr = zr * zr
      ti = zi * zi
      i = i + 1
    end
    bits = bits << 1
    if tr + ti <= 4.0 then
      bits = bits | 1
      inside = inside + 1
    end
    nbits = nbits + 1
    if nbits == 8 or x == N - 1 then
      bits = bits << (8 - nbits)
      -- FNV-1a style mixing kept within 32 bits
      hash = ((hash ~ bits) * 16777619) & 0xffffffff
      bits, nbits = 0, 0
    end
  end
  hash = (hash + (y // 3)) & 0xffffffff
end
print(string.format("%dx%d inside=%d", N, N, inside))
print(string.format("checksum %d %08x", inside, hash))
