-- the until condition sees locals declared in the body
local i = 0
repeat
  local done = i >= 3
  i = i + 1
until done
print(i)
local fs = {}
local n = 0
repeat
  n = n + 1
  local captured = n
  fs[n] = function() return captured end
until captured == 4
print(fs[1](), fs[4]())
