-- an event-driven simulation with a binary heap priority queue
local Heap = {}
Heap.__index = Heap
function Heap.new() return setmetatable({n = 0}, Heap) end
function Heap:push(pri, v)
  self.n = self.n + 1
  local i = self.n
  self[i] = {pri, v}
  while i > 1 do
    local p = i // 2
    if self[p][1] <= self[i][1] then break end
    self[p], self[i] = self[i], self[p]
    i = p
  end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local top = self[1]
  self[1] = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= self.n and self[l][1] < self[m][1] then m = l end
    if r <= self.n and self[r][1] < self[m][1] then m = r end
    if m == i then break end
    self[m], self[i] = self[i], self[m]
    i = m
  end
  return top[1], top[2]
end
local h = Heap.new()
local seed = 7
local function rnd(n) seed = (seed * 16807) % 2147483647; return seed % n end
for i = 1, 20 do h:push(rnd(100), "event" .. i) end
local order = ""
local last = -1
local ok = true
while true do
  local p, v = h:pop()
  if not p then break end
  if p < last then ok = false end
  last = p
  order = order .. p .. " "
end
print(order)
print(ok)
