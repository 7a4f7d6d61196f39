-- if / elseif / else
local function classify(x)
  if type(x) ~= "number" then return "nan-type"
  elseif x < 0 then return "negative"
  elseif x == 0 then return "zero"
  elseif x < 10 then return "small"
  else return "large" end
end
print(classify(-5), classify(0), classify(3), classify(50), classify("s"))
local function only_if(x) if x then return "yes" end return "no" end
print(only_if(1), only_if(nil), only_if(false), only_if(0))
local r
if nil then r = 1 elseif false then r = 2 end
print(r)
if 1 then if 2 then if 3 then print("nested") end end end
-- and / or idioms
local function default(x) return x or "default" end
print(default(nil), default(false), default(0), default("v"))
local function ternary(c, a, b) return c and a or b end
print(ternary(true, "a", "b"), ternary(false, "a", "b"), ternary(true, false, "b"))
-- short-circuit evaluation
local calls = 0
local function f() calls = calls + 1; return true end
local _ = false and f()
local _ = true or f()
local _ = nil or f()
print(calls)
