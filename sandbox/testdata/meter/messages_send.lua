-- metering corpus: runs until its fuel is spent
local m = {a = 1, b = {1, 2, 3}, s = string.rep('x', 100)}
while true do pcall(sandbox.send, m) end
