-- closures: closure creation, upvalue reads and writes, higher-order functions.
-- Stresses: CLOSURE, GETUPVAL/SETUPVAL, open upvalues closed at loop exit,
-- calls through function values.
local N = tonumber(arg and arg[1]) or 50000

local MOD = 1000000007

local function counter(start)
  local n = start
  return function(d) n = n + d; return n end, function() return n end
end

local function compose(f, g) return function(x) return f(g(x)) end end
local function map(t, f) local r = {} for i = 1, #t do r[i] = f(t[i]) end return r end
local function filter(t, p) local r = {} for i = 1, #t do if p(t[i]) then r[#r + 1] = t[i] end end return r end
local function reduce(t, f, acc) for i = 1, #t do acc = f(acc, t[i]) end return acc end

local function curry3(f) return function(a) return function(b) return function(c) return f(a, b, c) end end end end

local h = 0
for round = 1, N do
  -- closures capturing a fresh loop variable each iteration
  local fs = {}
  for i = 1, 50 do fs[i] = function(x) return x * i + round end end
  local s = 0
  for i = 1, 50 do s = s + fs[i](i) end
  h = (h + s) % MOD

  -- shared mutable upvalue between two closures
  local inc, get = counter(round)
  for i = 1, 50 do inc(i % 3) end
  h = (h + get()) % MOD

  -- higher-order pipelines
  local xs = {}
  for i = 1, 40 do xs[i] = (i * round) % 97 end
  local add1 = function(x) return x + 1 end
  local dbl = function(x) return x * 2 end
  local f = compose(add1, compose(dbl, add1))
  local ys = filter(map(xs, f), function(v) return v % 3 ~= 0 end)
  h = (h + reduce(ys, function(a, b) return a + b end, 0)) % MOD

  -- currying: three nested closures per call
  local c = curry3(function(a, b, c2) return a * 100 + b * 10 + c2 end)
  for i = 1, 10 do h = (h + c(i)(round % 10)(3)) % MOD end

  -- memoized recursion through an upvalue table
  local memo = {}
  local function tri(n)
    if n <= 1 then return n end
    local m = memo[n]
    if m then return m end
    m = n + tri(n - 1)
    memo[n] = m
    return m
  end
  h = (h + tri(60 + round % 20)) % MOD
end
print(string.format("checksum %d", h))
