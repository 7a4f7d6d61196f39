-- metering corpus: runs until its fuel is spent
local function f() error('x', 2) end while true do pcall(f) end
