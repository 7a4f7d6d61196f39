-- expect: fuel
-- limits: fuel=5e5
local function f() return coroutine.wrap(f)() end
while true do pcall(f) end
