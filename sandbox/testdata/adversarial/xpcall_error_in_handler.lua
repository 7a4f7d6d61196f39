-- expect: fuel
local function f() error('x') end
while true do xpcall(f, f) end
