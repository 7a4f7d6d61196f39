-- every loop iteration gets fresh local variables
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for k, v in ipairs({"a", "b", "c"}) do gs[k] = function() return k .. v end end
print(gs[1](), gs[2](), gs[3]())
local hs = {}
local j = 1
while j <= 3 do
  local jj = j
  hs[j] = function() jj = jj + 10; return jj end
  j = j + 1
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local rs = {}
local n = 0
repeat
  n = n + 1
  local m = n
  rs[n] = function() return m end
until m >= 3
print(rs[1](), rs[2](), rs[3]())
-- changing the control variable's copy inside the body
local out = {}
for i = 1, 3 do
  local f = function() i = i * 10; return i end
  out[#out + 1] = f()
end
print(out[1], out[2], out[3])
-- closures in the same iteration share the variable
local get, set
for i = 1, 1 do
  get = function() return i end
  set = function(v) i = v end
end
set(99)
print(get())
