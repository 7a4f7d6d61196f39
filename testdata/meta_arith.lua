-- arithmetic metamethods
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
local function show(v) if type(v) == "table" then return "(" .. v.x .. "," .. v.y .. ")" end return tostring(v) end
V.__add = function(a, b)
  if type(a) == "number" then return vec(a + b.x, a + b.y) end
  if type(b) == "number" then return vec(a.x + b, a.y + b) end
  return vec(a.x + b.x, a.y + b.y)
end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(a) == "number" then a, b = b, a end return vec(a.x * b, a.y * b) end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
local a, b = vec(1, 2), vec(3, 4)
print(show(a + b), show(a + 1), show(1 + a), show(b - a))
print(show(a * 3), show(3 * a), show(b / 2), show(b % 2), show(a ^ 2), show(-a), show(b // 2))
-- the metamethod receives operands in source order, even when the right one has it
local log = {}
local M = {__add = function(x, y) return (type(x) == "table" and "T" or x) .. "+" .. (type(y) == "table" and "T" or y) end,
           __sub = function(x, y) return "sub" end}
local t = setmetatable({}, M)
print(t + 1, 1 + t, t + t, "s" + t)
-- the first operand's metamethod is tried first
local A = setmetatable({}, {__add = function() return "A" end})
local B = setmetatable({}, {__add = function() return "B" end})
print(A + B, B + A, 1 + B, A + 1)
-- strings convertible to numbers don't call metamethods; others do
local S = setmetatable({}, {__concat = function() return "concat" end})
print("10" + 1, pcall(function() return "x" + 1 end))
-- metamethod results are adjusted to one value
local multi = setmetatable({}, {__add = function() return 1, 2, 3 end})
print(multi + 1)
