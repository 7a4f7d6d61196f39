-- upvalues are closed when their block exits by any route
local fs = {}
for i = 1, 5 do
  local x = i * 2
  fs[#fs + 1] = function() return x end
  if i == 3 then break end
end
print(#fs, fs[1](), fs[2](), fs[3]())
local gs = {}
do
  local k = 1
  ::top::
  local v = k
  gs[#gs + 1] = function() return v end
  k = k + 1
  if k <= 3 then goto top end
end
print(gs[1](), gs[2](), gs[3]())
local function ret()
  local a = "closed by return"
  return function() return a end
end
print(ret()())
local function err()
  local a = "closed by error"
  local f = function() return a end
  error(f)
end
local ok, f = pcall(err)
print(ok, f())
