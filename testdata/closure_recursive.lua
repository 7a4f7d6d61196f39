-- local function can call itself; local f = function cannot (before 'f' exists)
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local ok, err = pcall(function()
  local g = function(n) if n == 0 then return 0 end return g(n - 1) end
  return g(3)
end)
print(ok, err)
local h
h = function(n) if n == 0 then return "done" end return h(n - 1) end
print(h(5))
-- mutually recursive locals
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
print(iseven(10), isodd(7), iseven(7))
-- recursion through a table field
local M = {}
function M.fib(n) if n < 2 then return n end return M.fib(n - 1) + M.fib(n - 2) end
print(M.fib(20))
