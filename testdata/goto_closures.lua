-- each pass of a backward goto creates fresh locals
local fns = {}
do
  local i = 1
  ::top::
  local x = i * 10
  fns[i] = function() return x end
  i = i + 1
  if i <= 3 then goto top end
end
print(fns[1](), fns[2](), fns[3]())
-- a closure made before a backward goto is closed properly
local gs = {}
local k = 0
::loop::
do
  local captured = k
  gs[#gs + 1] = function() captured = captured + 1; return captured end
end
k = k + 1
if k < 3 then goto loop end
print(gs[1](), gs[1](), gs[2](), gs[3]())
-- goto continue with a closure capturing the loop variable
local hs = {}
for i = 1, 4 do
  local v = i
  hs[#hs + 1] = function() return v end
  if i % 2 == 1 then goto cont end
  v = v * 100
  ::cont::
end
print(hs[1](), hs[2](), hs[3](), hs[4]())
