-- mutual tail recursion
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(1000000), odd(1000001), even(999999))
-- tail calls through __call
local callable = setmetatable({}, {__call = function(self, n)
  if n == 0 then return "call done" end
  return self(n - 1)
end})
print(callable(100000))
-- a state machine with tail calls
local states = {}
function states.a(n) if n <= 0 then return "ended in a" end return states.b(n - 1) end
function states.b(n) if n <= 0 then return "ended in b" end return states.c(n - 1) end
function states.c(n) if n <= 0 then return "ended in c" end return states.a(n - 1) end
print(states.a(300000), states.a(300001), states.a(300002))
