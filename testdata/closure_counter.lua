-- closures capture variables, not values
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2(), c1(), c2())
local function adder(k) return function(x) return x + k end end
local add5, add10 = adder(5), adder(10)
print(add5(1), add10(1), add5(add10(0)))
-- a parameter is a fresh variable per call
local function make(x)
  return function() x = x * 2; return x end
end
local d1, d2 = make(1), make(3)
print(d1(), d1(), d2(), d1())
