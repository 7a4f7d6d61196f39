-- oop: classes built from metatables, inheritance, method calls,
-- arithmetic/comparison metamethods, __index and __newindex functions.
-- Stresses: self calls (OP_SELF), __index chains, metamethod dispatch.
local N = tonumber(arg and arg[1]) or 800000

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local o = setmetatable({}, c)
    o:init(...)
    return o
  end
  return c
end

-- a 2D vector with operators
local Vec = class()
function Vec:init(x, y) self.x = x; self.y = y end
Vec.__add = function(a, b) return Vec.new(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return Vec.new(a.x - b.x, a.y - b.y) end
Vec.__mul = function(a, k) return Vec.new(a.x * k, a.y * k) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__lt = function(a, b) return a:len2() < b:len2() end
Vec.__le = function(a, b) return a:len2() <= b:len2() end
Vec.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
function Vec:len2() return self.x * self.x + self.y * self.y end

-- a three-level hierarchy
local Shape = class()
function Shape:init(name) self.name = name; self.moves = 0 end
function Shape:area() return 0 end
function Shape:move(d) self.moves = self.moves + 1; self.pos = (self.pos or Vec.new(0, 0)) + d end
function Shape:describe() return self.name .. ":" .. self:area() end

local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect"); self.w = w; self.h = h end
function Rect:area() return self.w * self.h end

local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
function Square:scale(k) self.w = self.w * k; self.h = self.h * k; return self end

local Circle = class(Shape)
function Circle:init(r) Shape.init(self, "circle"); self.r = r end
function Circle:area() return 3 * self.r * self.r end

-- a proxy with __index/__newindex functions counting accesses
local reads, writes = 0, 0
local function proxy(t)
  return setmetatable({}, {
    __index = function(_, k) reads = reads + 1; return t[k] end,
    __newindex = function(_, k, v) writes = writes + 1; t[k] = v end,
    __len = function() return #t end,
  })
end

local MOD = 1000000007
local h = 0
local shapes = {}
for i = 1, 64 do
  local m = i % 3
  if m == 0 then shapes[i] = Rect.new(i % 7 + 1, i % 5 + 1)
  elseif m == 1 then shapes[i] = Square.new(i % 4 + 1)
  else shapes[i] = Circle.new(i % 6 + 1) end
end
local p = proxy({})
local step = Vec.new(1, 2)
local acc = Vec.new(0, 0)
for i = 1, N do
  local s = shapes[i % 64 + 1]
  h = (h + s:area()) % MOD
  if i % 16 == 0 then s:move(step) end
  acc = acc + step * (i % 3) - Vec.new(1, 1)
  if acc < step then h = (h + 1) % MOD end
  if acc == step then h = (h + 7) % MOD end
  if i % 1000 == 0 then
    h = (h + #s:describe() + #tostring(acc)) % MOD
    if s.scale then s:scale(1) end
  end
  p[i % 100] = i
  h = (h + (p[(i * 7) % 100] or 0)) % MOD
end
h = (h + reads + writes + #p) % MOD
print(string.format("acc=%s reads=%d writes=%d", tostring(acc), reads, writes))
print(string.format("checksum %d", h))
