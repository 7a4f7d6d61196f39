-- Conway's game of life on a small torus
local W, H = 10, 10
local function new() local g = {} for y = 1, H do g[y] = {} for x = 1, W do g[y][x] = 0 end end return g end
local g = new()
-- glider
g[1][2], g[2][3], g[3][1], g[3][2], g[3][3] = 1, 1, 1, 1, 1
local function step(g)
  local n = new()
  for y = 1, H do
    for x = 1, W do
      local c = 0
      for dy = -1, 1 do
        for dx = -1, 1 do
          if dx ~= 0 or dy ~= 0 then
            c = c + g[(y + dy - 1) % H + 1][(x + dx - 1) % W + 1]
          end
        end
      end
      if c == 3 or (c == 2 and g[y][x] == 1) then n[y][x] = 1 end
    end
  end
  return n
end
local function show(g)
  for y = 1, H do
    local s = ""
    for x = 1, W do s = s .. (g[y][x] == 1 and "#" or ".") end
    print(s)
  end
end
for i = 1, 8 do g = step(g) end
show(g)
local alive = 0
for i = 1, 32 do g = step(g) end
for y = 1, H do for x = 1, W do alive = alive + g[y][x] end end
print(alive)
