-- memoization with closures and tables
local function memoize(f)
  local cache = {}
  local hits = 0
  return function(n)
    local v = cache[n]
    if v then hits = hits + 1; return v end
    v = f(n)
    cache[n] = v
    return v
  end, function() return hits end
end
local fib, hits
fib, hits = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), hits())
print(fib(90), hits())
-- collatz lengths with a cache
local lens = {[1] = 1}
local function collatz(n)
  if lens[n] then return lens[n] end
  local nxt = n % 2 == 0 and n // 2 or 3 * n + 1
  local l = 1 + collatz(nxt)
  lens[n] = l
  return l
end
local best, bestn = 0, 0
for i = 1, 30000 do local l = collatz(i); if l > best then best, bestn = l, i end end
print(bestn, best)
