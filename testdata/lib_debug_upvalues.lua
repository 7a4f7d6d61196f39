-- debug.getupvalue, setupvalue, upvalueid, upvaluejoin

local a, b, c = 1, 2, 3
local function f1() return a + b end
local function f2() return b + c end
local function f3(x) a = x end

local function ups(f)
  local out = {}
  for i = 1, 10 do
    local n, v = debug.getupvalue(f, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end
print(ups(f1), "|", ups(f2), "|", ups(f3))
print(debug.getupvalue(f1, 0), debug.getupvalue(f1, 3), debug.getupvalue(f1, -1))
print(debug.setupvalue(f1, 1, 10), a, f1())
print(debug.setupvalue(f1, 3, 10))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f1))
print(pcall(debug.setupvalue, f1, 1))
print(debug.getupvalue(print, 1))
print(select("#", debug.getupvalue(print, 1)))

-- Go functions with upvalues
local it = string.gmatch("hello world", "%a+")
print(debug.getupvalue(it, 1))
print(debug.getupvalue(it, 2))
print(select("#", debug.getupvalue(it, 4)))
local w = coroutine.wrap(function() end)
print(debug.getupvalue(w, 1) == "", type(select(2, debug.getupvalue(w, 1))))

-- identities
print(debug.upvalueid(f1, 2) == debug.upvalueid(f2, 1))
print(debug.upvalueid(f1, 1) == debug.upvalueid(f3, 1))
print(debug.upvalueid(f1, 1) == debug.upvalueid(f2, 2))
print(type(debug.upvalueid(f1, 1)))
print(debug.upvalueid(it, 1) ~= nil, debug.upvalueid(it, 1) == debug.upvalueid(it, 1))
print(debug.upvalueid(it, 1) ~= debug.upvalueid(it, 2))
print(pcall(debug.upvalueid, f1, 3))
print(pcall(debug.upvalueid, f1, 0))
print(pcall(debug.upvalueid, print, 1))
print(pcall(debug.upvalueid, {}, 1))
print(debug.getuservalue(debug.upvalueid(f1, 1)))
print(pcall(debug.setuservalue, debug.upvalueid(f1, 1), {}))

-- closures in a loop get fresh upvalues
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(debug.upvalueid(fs[1], 1) == debug.upvalueid(fs[2], 1))

-- join
local function g1() return a end
local function g2() return c end
print(g1(), g2())
debug.upvaluejoin(g1, 1, g2, 1)
print(g1(), g2(), debug.upvalueid(g1, 1) == debug.upvalueid(g2, 1))
c = 33
print(g1())
print(pcall(debug.upvaluejoin, g1, 2, g2, 1))
print(pcall(debug.upvaluejoin, g1, 1, g2, 2))
print(pcall(debug.upvaluejoin, print, 1, g2, 1))
print(pcall(debug.upvaluejoin, it, 1, g2, 1))
print(pcall(debug.upvaluejoin, g1, 1, it, 1))
print(pcall(debug.upvaluejoin, g1, 1, {}, 1))

-- _ENV
local function env() return print end
print(debug.getupvalue(env, 1), select(2, debug.getupvalue(env, 1)) == _ENV)
print(debug.getupvalue(load("return x"), 1) == "_ENV")
local l = load("return x")
debug.setupvalue(l, 1, {x = "from env"})
print(l())

-- stripped chunks have no upvalue names
local s = string.dump(function() return a end, true)
local st = load(s)
print(debug.getupvalue(st, 1) == "(*no name)")
print(debug.setupvalue(st, 1, 5), st())
