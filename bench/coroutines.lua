-- coroutines: producer/consumer ping-pong, generators, nested coroutines.
-- Stresses: coroutine.create/resume/yield/wrap/status, passing values
-- both ways across resume and yield.
local N = tonumber(arg and arg[1]) or 2000000

local MOD = 1000000007
local h = 0

-- 1. ping-pong: the consumer resumes the producer for every value
local producer = coroutine.create(function(limit)
  local total = 0
  for i = 1, limit do
    local reply = coroutine.yield(i, i * 2)
    total = total + reply
  end
  return "done", total
end)
local ok, a, b = coroutine.resume(producer, N)
while coroutine.status(producer) ~= "dead" do
  h = (h + a + b) % MOD
  ok, a, b = coroutine.resume(producer, a % 7)
end
if not ok or a ~= "done" then error("producer failed") end
h = (h + b) % MOD

-- 2. generators via coroutine.wrap, many short-lived coroutines
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
for k = 1, N // 100 do
  for v in range(20) do h = (h + v * k) % MOD end
end

-- 3. a pipeline of three coroutines (source -> filter -> map)
local function source(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local function keep(gen, p)
  return coroutine.wrap(function()
    for v in gen do if p(v) then coroutine.yield(v) end end
  end)
end
local function mapc(gen, f)
  return coroutine.wrap(function()
    for v in gen do coroutine.yield(f(v)) end
  end)
end
for v in mapc(keep(source(N), function(x) return x % 3 ~= 0 end), function(x) return x * x % 1000 end) do
  h = (h + v) % MOD
end

-- 4. yield across a pcall inside the coroutine
local co = coroutine.wrap(function()
  local s = 0
  for i = 1, N // 10 do
    local ok2, v = pcall(function() return coroutine.yield(i) end)
    if ok2 then s = s + v end
  end
  return -s
end)
local v = co()
local last
while true do
  local r = co(v % 5)
  if r < 0 then last = r break end
  v = r
end
h = (h - last) % MOD
print(string.format("checksum %d", h))
