-- errors raised inside metamethods report the metamethod's line
local mt = {
  __add = function(a, b) error("add failed") end,                 -- line 3
  __index = function(t, k) return nil + 1 end,                    -- line 4
  __call = function() local x; return x.y end,                    -- line 5
}
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
print(pcall(function() return t.field end))
print(pcall(function() return t() end))
print(pcall(function() return t + 1 end))
-- error with level 2 inside a metamethod points at the operation
local mt2 = {__add = function() error("level two", 2) end}
local u = setmetatable({}, mt2)
print(pcall(function()
  return u + 1                                                     -- line 16
end))
