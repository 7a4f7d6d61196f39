-- debug.getinfo: fields, options, levels, names

local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return table.concat(ks, " ")
end

local function show(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  local out = {}
  for _, k in ipairs(ks) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end

local function f(a, b, ...)
  return a
end

print(show(debug.getinfo(f)))
print(show(debug.getinfo(print)))
print(show(debug.getinfo(1)))
print(keys(debug.getinfo(1, "S")))
print(keys(debug.getinfo(1, "l")))
print(keys(debug.getinfo(1, "u")))
print(keys(debug.getinfo(1, "n")))
print(keys(debug.getinfo(1, "t")))
print(keys(debug.getinfo(1, "f")))
print(keys(debug.getinfo(1, "L")))
print(keys(debug.getinfo(1, "")))
print(debug.getinfo(1, "f").func ~= nil)
print(debug.getinfo(f, "f").func == f)

-- invalid options and levels
print(pcall(debug.getinfo, 1, "X"))
print(pcall(debug.getinfo, print, "Sx"))
print(debug.getinfo(100))
print(debug.getinfo(-1))
print(debug.getinfo(100, "X"))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))

-- active lines
local function g(x)
  local y = x + 1

  return y
end
local lines = {}
for l in pairs(debug.getinfo(g, "L").activelines) do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, ","))
print(debug.getinfo(print, "L").activelines)

-- names from the calling instruction
local function who(level)
  local i = debug.getinfo(level or 2, "n")
  return tostring(i.name) .. "/" .. i.namewhat
end
local function loc() local r = who(); return r end
glob = function() local r = who(); return r end
local t = {fld = function() local r = who(); return r end}
function t:meth() local r = who(); return r end
local up = function() local r = who(); return r end
print(loc(), glob(), t.fld(), t:meth(), (function() local r = up(); return r end)())
print((function() return loc() end)(), t["fld"](), t.fld and t:meth())
print(who(1))
for _ in function() print(who()); return nil end do end
local mt = {}
for _, e in ipairs{"__add", "__index", "__len", "__concat", "__eq", "__lt", "__le",
                   "__unm", "__call", "__newindex", "__band", "__shl", "__bnot"} do
  mt[e] = function() print(e, who()) return 1 end
end
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local _ = a + 1, a.x, #a, a .. "x", a == b, a < b, a <= b, -a, a(), a & 1, a << 1, ~a
a.y = 1
print(debug.getinfo(1, "n").namewhat, debug.getinfo(1, "n").name)

-- what, source and short_src
local function src(chunk, name)
  local fn = load(chunk, name)
  local i = debug.getinfo(fn, "S")
  return i.what .. " " .. i.source .. " " .. i.short_src .. " " .. i.linedefined .. " " .. i.lastlinedefined
end
print(src("return 1"))
print(src("return 1", "=name"))
print(src("return 1", "@file.lua"))
print(src("\nreturn 1", "chunk"))
print(src("return 1", string.rep("x", 100)))
print(src("return 1", "=" .. string.rep("y", 100)))
print(src("return 1", "@" .. string.rep("z", 100)))
local inner = load("local x = 1\nreturn function()\n return x\nend\n", "=inner")()
print(show(debug.getinfo(inner, "Su")))

-- current line and tail calls
local function cur() return debug.getinfo(2, "l").currentline end
print(cur())
local function tail() return debug.getinfo(1, "t").istailcall end
local function callstail() return tail() end
print(callstail(), (tail()))
local function lev2() local i = debug.getinfo(2, "nSt"); return i.what, i.istailcall, i.name end
local function viatail() return lev2() end
print(viatail())

-- a thread argument
local co = coroutine.create(function(x)
  local y = x * 2
  coroutine.yield(y)
  return y
end)
coroutine.resume(co, 21)
local i0 = debug.getinfo(co, 0, "Sln")
print(i0.what, i0.currentline, i0.name, i0.namewhat)
local i1 = debug.getinfo(co, 1, "Sl")
print(i1.what, i1.currentline, i1.linedefined)
print(debug.getinfo(co, 2))
print(pcall(debug.getinfo, co, 0, "?"))
local fresh = coroutine.create(print)
print(debug.getinfo(fresh, 0))
print(debug.getinfo(coroutine.running(), 0, "n").name)
