-- ordinary (non-tail) recursion
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(15000))
local function sum(t, i) i = i or 1; if i > #t then return 0 end return t[i] + sum(t, i + 1) end
local t = {}
for i = 1, 1000 do t[i] = i end
print(sum(t))
