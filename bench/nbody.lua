-- nbody: gravitational simulation of a small system of bodies.
-- Stresses: float arithmetic, field access on small tables, numeric for loops.
local N = tonumber(arg and arg[1]) or 700000

local PI = 3.141592653589793
local SOLAR_MASS = 4 * PI * PI
local DAYS = 365.24

-- A deterministic, made-up system: a heavy central body and four lighter
-- ones on roughly circular orbits, started on the axes so that no
-- trigonometric function (whose last bit differs between C and Go
-- libraries) enters the initial state.
local bodies = { { x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0, mass = SOLAR_MASS } }
local dirs = { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 } }
for i = 1, 4 do
  local r = 1.5 * i + 0.25 * (i % 2)
  local v = math.sqrt(SOLAR_MASS / r)
  local d = dirs[i]
  bodies[#bodies + 1] = {
    x = r * d[1], y = r * d[2], z = 0.01 * i - 0.02,
    vx = -v * d[2], vy = v * d[1], vz = 0.001 * (3 - i),
    mass = SOLAR_MASS * (0.0005 / i),
  }
end

local function offset_momentum(b)
  local px, py, pz = 0, 0, 0
  for i = 1, #b do
    local bi = b[i]
    px = px + bi.vx * bi.mass
    py = py + bi.vy * bi.mass
    pz = pz + bi.vz * bi.mass
  end
  b[1].vx = -px / SOLAR_MASS
  b[1].vy = -py / SOLAR_MASS
  b[1].vz = -pz / SOLAR_MASS
end

local function energy(b)
  local e = 0
  local n = #b
  for i = 1, n do
    local bi = b[i]
    e = e + 0.5 * bi.mass * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz)
    for j = i + 1, n do
      local bj = b[j]
      local dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
      e = e - bi.mass * bj.mass / math.sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local function advance(b, n, dt)
  local sqrt = math.sqrt
  for i = 1, n do
    local bi = b[i]
    local bix, biy, biz, bim = bi.x, bi.y, bi.z, bi.mass
    local bivx, bivy, bivz = bi.vx, bi.vy, bi.vz
    for j = i + 1, n do
      local bj = b[j]
      local dx, dy, dz = bix - bj.x, biy - bj.y, biz - bj.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * sqrt(d2))
      local bm = bj.mass * mag
      bivx = bivx - dx * bm
      bivy = bivy - dy * bm
      bivz = bivz - dz * bm
      bm = bim * mag
      bj.vx = bj.vx + dx * bm
      bj.vy = bj.vy + dy * bm
      bj.vz = bj.vz + dz * bm
    end
    bi.vx, bi.vy, bi.vz = bivx, bivy, bivz
    bi.x = bix + dt * bivx
    bi.y = biy + dt * bivy
    bi.z = biz + dt * bivz
  end
end

offset_momentum(bodies)
local e0 = energy(bodies)
local n = #bodies
for _ = 1, N do
  advance(bodies, n, 0.01 / DAYS * 365.24)
end
local e1 = energy(bodies)
print(string.format("energy before %.9f after %.9f", e0, e1))
print(string.format("checksum %.9f %.9f", e0, e1))
