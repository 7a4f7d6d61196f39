-- debug.getlocal and debug.setlocal

local function dump(level)
  local out = {}
  for i = 1, 50 do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    out[#out + 1] = n .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end

local function f(a, b)
  local c = a + b
  do
    local d = c * 2
    print(dump(1))
  end
  local e = "e"
  print(dump(1))
  return c
end
f(1, 2)

-- parameter names of a function value
local function params(x, y, ...) local z end
print(debug.getlocal(params, 1), debug.getlocal(params, 2), debug.getlocal(params, 3))
print(debug.getlocal(print, 1))
print(debug.getlocal(params, 0), debug.getlocal(params, -1))

-- varargs
local function va(a, ...)
  local out = {}
  for i = 1, select("#", ...) + 1 do
    local n, v = debug.getlocal(1, -i)
    out[#out + 1] = tostring(n) .. ":" .. tostring(v)
  end
  print(table.concat(out, " "))
  print(debug.setlocal(1, -1, "changed"), ...)
  print(debug.setlocal(1, -10, "no"))
end
va(1)
va(1, 2, 3)
va()
local function nova() return debug.getlocal(1, -1) end
print(nova(1, 2))

-- temporaries: a Go function's arguments and a Lua frame's registers
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
print(debug.getlocal(0, 0))
local function temps() local a, b = 1, 2; local n, v = debug.getlocal(1, 4); return n, v end
print(temps())

-- setlocal from a called function
local function setter()
  print(debug.setlocal(2, 1, 100))
  print(debug.setlocal(2, 2, "two"))
  print(debug.setlocal(2, 30, "none"))
end
local function target()
  local x, y = 1, 2
  setter()
  return x, y
end
print(target())

-- errors
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal, -1, 1))
print(pcall(debug.setlocal, 50, 1, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, "a", 1))
print(pcall(debug.getlocal, 1, "x"))

-- coroutines
local co = coroutine.create(function(p, ...)
  local q = p + 1
  local r, s = coroutine.yield(q)
  return p, q, r, s
end)
coroutine.resume(co, 10, "va1", "va2")
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.getlocal(co, 1, 3))
print(debug.getlocal(co, 1, -1))
print(debug.getlocal(co, 1, -2))
print(debug.getlocal(co, 1, -3))
print(debug.getlocal(co, 0, 1))
print(debug.setlocal(co, 1, 1, 50))
print(debug.setlocal(co, 1, 9, 50))
print(pcall(debug.getlocal, co, 2, 1))
print(pcall(debug.setlocal, co, 5, 1, 1))
print(coroutine.resume(co, "r", "s"))
print(debug.getlocal(co, params, 2))

-- locals of the main chunk seen from a function
local mainlocal = "main"
local function up() return debug.getlocal(2, 1) end
print((up()))
