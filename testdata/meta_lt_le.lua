-- __lt and __le
local log = {}
local O = {}
O.__lt = function(a, b) log[#log + 1] = "lt"; return a.v < b.v end
O.__le = function(a, b) log[#log + 1] = "le"; return a.v <= b.v end
local function o(v) return setmetatable({v = v}, O) end
local one, two = o(1), o(2)
print(one < two, two < one, one <= two, two <= one, one > two, one >= two)
print(#log, log[1], log[3], log[5], log[6])
-- __le falls back to not __lt(b, a) when absent
local L = {__lt = function(a, b) return a.v < b.v end}
local function l(v) return setmetatable({v = v}, L) end
print(l(1) <= l(2), l(2) <= l(1), l(1) <= l(1), l(2) >= l(1))
-- mixed operand types call the metamethod
local M = {__lt = function(a, b)
  local x = type(a) == "table" and a.v or a
  local y = type(b) == "table" and b.v or b
  return x < y
end}
local m = setmetatable({v = 5}, M)
print(m < 10, 10 < m, 1 < m, m > 1)
-- results are converted to booleans
local T = {__lt = function() return 1 end, __le = function() return nil end}
local t1, t2 = setmetatable({}, T), setmetatable({}, T)
print(t1 < t2, t1 <= t2, t1 > t2, t1 >= t2)
-- no metamethod: error
print(pcall(function() return {} < {} end))
print(pcall(function() return setmetatable({}, {__lt = function() return true end}) <= {} end))
