-- proper tail calls do not grow the stack
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
local function down(n, ...)
  if n == 0 then return select("#", ...), ... end
  return down(n - 1, ...)
end
print(down(1000000, "x", "y"))
-- tail call through a method
local obj = {}
function obj:count(n) if n == 0 then return "method done" end return self:count(n - 1) end
print(obj:count(1000000))
-- tail call to a Go builtin
local function tb(n) if n == 0 then return select(2, "a", "b") end return tb(n - 1) end
print(tb(100000))
-- not a tail call: (f()) and return f() + 0
local function depth(n) if n == 0 then return 0 end return (depth(n - 1)) end
print(depth(10000))
