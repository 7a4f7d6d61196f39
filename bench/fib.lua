-- fib: naive doubly recursive Fibonacci.
-- Stresses: Lua-to-Lua calls and returns, integer compare/add.
local N = tonumber(arg and arg[1]) or 36

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local r = fib(N)
print(string.format("fib(%d) = %d", N, r))
print(string.format("checksum %d", r))
