-- __pairs controls pairs
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function()
    i = i + 1
    if i <= 3 then return i, i * i end
  end, self, nil
end})
for k, v in pairs(t) do print(k, v) end
-- __pairs receives the table and its results are used as is
local seen
local u = setmetatable({real = 1}, {__pairs = function(self) seen = self; return next, {fake = 2}, nil end})
for k, v in pairs(u) do print(k, v) end
print(seen == u)
-- next ignores __pairs
print(next(u))
