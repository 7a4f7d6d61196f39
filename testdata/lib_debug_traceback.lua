-- debug.traceback: messages, levels, threads, long stacks
-- (run in a coroutine: the bottom of the main thread's stack is the host's)

coroutine.wrap(function()

print(debug.traceback())
print(debug.traceback("msg"))
print(debug.traceback("msg", 0))
print(debug.traceback("msg", 2))
print(debug.traceback("msg", 50))
print(debug.traceback("msg", -1))
print(debug.traceback(""))
print(debug.traceback(nil, 1))
print(debug.traceback(42))
print(debug.traceback(4.5, 1))
local t = {}
print(debug.traceback(t) == t, debug.traceback(print) == print, debug.traceback(false))
print(select("#", debug.traceback(nil)))
print(pcall(debug.traceback, "m", "x"))

local function lvl3() return debug.traceback("in lvl3", 1) end
local function lvl2() local s = lvl3(); return s end
local obj = {}
function obj.method(self) local s = lvl2(); return s end
function globalfn() local s = obj:method(); return s end
print(globalfn())

-- tail calls
local function tailee() return debug.traceback("tail") end
local function tailer() return tailee() end
print(tailer())

-- through pcall, metamethods and iterators
print(select(2, pcall(debug.traceback, "via pcall")))
local mt = {__index = function(t, k) return debug.traceback(k) end}
print(setmetatable({}, mt).key)
for s in function(_, prev) if not prev then return debug.traceback("iter") end end do print(s) end
print(xpcall(function() error("boom") end, debug.traceback))
print(xpcall(function() local x = nil; return x.y end, debug.traceback))

-- coroutines
local co = coroutine.create(function(a)
  local function inner() coroutine.yield(1) end
  inner()
  error("dead")
end)
print(debug.traceback(co))
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "co msg"))
print(debug.traceback(co, "co msg", 1))
print(debug.traceback(co, nil, 2))
print(debug.traceback(co, "co msg", 10))
coroutine.resume(co)
print(debug.traceback(co, "after error"))
print(coroutine.wrap(function() return debug.traceback("in wrap") end)())

-- long stacks are cut: 10 levels, "...", then the last 11
local function deep(n, lv) if n == 0 then return debug.traceback("deep", lv) end local s = deep(n - 1, lv); return s end
print(deep(25, 1))
print(deep(19, 1))
print(deep(20, 1))
print(deep(21, 1))
print(deep(30, 15))
end)()
