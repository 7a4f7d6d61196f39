-- hello.lua: a first moonfuel program.
-- Run it with:  go run ./cmd/moonfuel examples/hello.lua [name]
local name = ... or "world"
print(string.format("Hello, %s!", name))

-- closures, tables and coroutines work as in Lua 5.3
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local next_id = counter()
local squares = {}
for i = 1, 5 do squares[#squares + 1] = i * i end
print("ids:", next_id(), next_id(), next_id())
print("squares:", table.concat(squares, " "))

local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local first = {}
for i = 1, 10 do first[i] = fib() end
print("fibonacci:", table.concat(first, " "))
print(_VERSION, math.maxinteger, 7 // 2, 7 / 2, 2^53)
