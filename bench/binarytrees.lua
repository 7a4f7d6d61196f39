-- binarytrees: build and walk many short-lived binary trees.
-- Stresses: table allocation, garbage collection, recursion.
local N = tonumber(arg and arg[1]) or 14

local function make(d)
  if d == 0 then return {} end
  d = d - 1
  return { make(d), make(d) }
end

local function check(t)
  local l = t[1]
  if l then return 1 + check(l) + check(t[2]) end
  return 1
end

local mindepth = 4
local maxdepth = N
if maxdepth < mindepth + 2 then maxdepth = mindepth + 2 end

local sum = 0
local stretch = maxdepth + 1
local c = check(make(stretch))
print(string.format("stretch tree of depth %d\t check: %d", stretch, c))
sum = sum + c

local longlived = make(maxdepth)
for d = mindepth, maxdepth, 2 do
  local iters = 1
  for _ = 1, maxdepth - d + mindepth do iters = iters * 2 end
  local total = 0
  for _ = 1, iters do
    total = total + check(make(d))
  end
  print(string.format("%d\t trees of depth %d\t check: %d", iters, d, total))
  sum = sum + total
end
c = check(longlived)
print(string.format("long lived tree of depth %d\t check: %d", maxdepth, c))
sum = sum + c
print(string.format("checksum %d", sum))
