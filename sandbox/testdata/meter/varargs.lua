-- metering corpus: runs until its fuel is spent
local function f(...) return select('#', ...) end
while true do f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) end
