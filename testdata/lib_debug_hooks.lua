-- debug.sethook / gethook: call, tail call, return, line and count events

local function trace(src, mask, count)
  local ev = {}
  local f = assert(load(src, "=src"))
  debug.sethook(function(e, l)
    local i = debug.getinfo(2, "nS")
    if e == "line" then ev[#ev + 1] = tostring(l)
    elseif e == "count" then ev[#ev + 1] = "#"
    else ev[#ev + 1] = e .. ":" .. (i.name or i.what) end
  end, mask, count)
  f()
  debug.sethook()
  -- the last events are the call of sethook
  return table.concat(ev, " ")
end

print(trace("local a = 1\nlocal b = 2\n\nlocal c = a + b\n", "l"))
print(trace("for i = 1, 3 do\n  local x = i\nend\n", "l"))
print(trace("local i = 0\nwhile i < 2 do\n  i = i + 1\nend\n", "l"))
print(trace("local i = 0\nrepeat\n  i = i + 1\nuntil i == 2\n", "l"))
print(trace("local t = {}\nfor k, v in pairs{1, 2} do\n  t[k] = v\nend\n", "l"))
print(trace("if 1 > 2\nthen\n  x = 1\nelseif 2 > 1\nthen\n  x = 2\nelse\n  x = 3\nend\n", "l"))
print(trace("local function f(x)\n  return x\nend\nlocal y = f(1)\nlocal z = f(2) + f(3)\n", "l"))
print(trace("goto l\n::l::\nlocal a = 1 local b = 2\nreturn", "l"))
print(trace("local function f(n) if n > 0 then return f(n - 1) end return 0 end\nf(2)\n", "cr"))
print(trace("local t = setmetatable({}, {__index = function(t, k) return k end})\nlocal v = t.x\n", "cr"))
print(trace("print()\nlocal s = ('x'):rep(2)\n", "c"))
print(trace("local x = 0\nfor i = 1, 10 do x = x + i end\n", "", 7))
print(trace("local x = 0\nfor i = 1, 3 do x = x + i end\n", "l", 5))
print(trace("local co = coroutine.wrap(function() coroutine.yield(1) end)\nco()\nco()\n", "crl"))
print(trace("pcall(error, 'x')\nlocal ok = pcall(function() error('y') end)\n", "cr"))

-- gethook
print(debug.gethook())
local function h() end
debug.sethook(h, "crl", 3)
print(debug.gethook() == h, select(2, debug.gethook()))
debug.sethook(h, "", 10)
print(select(2, debug.gethook()))
debug.sethook(h, "lc")
print(select(2, debug.gethook()))
debug.sethook(h, "", 0)
print(debug.gethook())
debug.sethook()
print(debug.gethook())
print(pcall(debug.sethook, 1, "l"))
print(pcall(debug.sethook, h))
print(pcall(debug.sethook, h, "l", "x"))

-- hooks are disabled inside a hook; a hook may replace itself
local n = 0
debug.sethook(function(e, l)
  n = n + 1
  local s = 0
  for i = 1, 10 do s = s + i end
end, "l")
local a = 1
local b = 2
debug.sethook()
print("line events", n)
local seen = {}
debug.sethook(function(e, l)
  seen[#seen + 1] = e
  debug.sethook(function(e2, l2) seen[#seen + 1] = "second " .. e2 end, "l")
end, "c")
local c = 1
debug.sethook()
print(table.concat(seen, ", "))

-- the hook function is named 'hook'
debug.sethook(function()
  local i = debug.getinfo(1, "n")
  print(i.name, i.namewhat, (debug.traceback():match("\n[^\n]*\n([^\n]*)")))
  debug.sethook()
end, "l")
local d = 1

-- errors in hooks propagate to the hooked code
print(pcall(function()
  local once = true
  debug.sethook(function(e, l) if once then once = false; error("in hook " .. e) end end, "l")
  local x = 1
end))
debug.sethook()
print(pcall(function()
  debug.sethook(function(e) debug.sethook(); error("call hook") end, "c")
  print("not reached")
end))
print(debug.gethook())

-- hooks are per thread
local co = coroutine.create(function()
  local x = 1
  coroutine.yield()
  local y = 2
end)
local lines = {}
debug.sethook(co, function(e, l) lines[#lines + 1] = e .. (l and (":" .. l) or "") end, "lr")
print(debug.gethook())
print(select(2, debug.gethook(co)))
coroutine.resume(co)
local z = 1
coroutine.resume(co)
print(table.concat(lines, " "))

-- locals and line seen from a line hook
local function body(p)
  local q = p * 2
  return q
end
debug.sethook(function(e, l)
  local info = debug.getinfo(2, "Sl")
  if info.linedefined > 0 then
    print("line", l, info.currentline == l, debug.getlocal(2, 1), (debug.getlocal(2, 2)))
  end
end, "l")
body(4)
debug.sethook()

-- locals seen from a return hook and a call hook
debug.sethook(function(e)
  local i = debug.getinfo(2, "n")
  if i.name == "body" then
    print(e, debug.getlocal(2, 1), debug.getlocal(2, 2))
  end
end, "cr")
body(5)
debug.sethook()

-- a new coroutine gets its creator's hook (not its Lua hook function)
local function h2() end
debug.sethook(h2, "l", 5)
local co2 = coroutine.create(function() end)
debug.sethook()
print(debug.gethook(co2))
print(debug.gethook())
