-- error levels choose which function's position is reported
local function lvl(n) error("level " .. n, n) end
local function caller(n) lvl(n) end  -- line 3
local function try(n) local ok, err = pcall(caller, n); print(err) end
try(0)
try(1)
try(2)
try(3)
try(4)
local function check(x)
  if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end
  return x
end
local function user() return check("str") end  -- line 14
print(pcall(user))
-- error with a non-string value ignores the level
print(pcall(error, {}, 2) == false)
print(select(2, pcall(error, 5, 1)))
-- errors in main-chunk-level functions
local t = {}
local function field() return t.x.y end
print(pcall(field))
