-- metering corpus: runs until its fuel is spent
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
while true do fib(20) end
