-- functions with many constants, operands beyond the RK range and long chains
local function build(n)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = "x = x + " .. i .. ".5 t['k" .. i .. "'] = " .. i end
  return "local x, t = 0, {} " .. table_concat_free(parts, " ") .. " return x, t"
end
function table_concat_free(p, sep)
  local s = ""
  for i = 1, #p do s = s .. (i > 1 and sep or "") .. p[i] end
  return s
end
local f = assert(load(build(300)))
local x, t = f()
print(x, t.k1, t.k150, t.k300)
-- a concatenation with many operands
local src = "local a = 'a' return a"
for i = 1, 150 do src = src .. " .. " .. (i % 2 == 0 and "a" or "'" .. i .. "'") end
local s = assert(load(src))()
print(#s, string.sub(s, 1, 12), string.sub(s, -6))
-- a long if/elseif chain
local chain = "local v = ... "
for i = 1, 200 do chain = chain .. (i == 1 and "if" or "elseif") .. " v == " .. i .. " then return " .. i * 2 .. " " end
chain = chain .. "else return -1 end"
local g = assert(load(chain))
print(g(1), g(100), g(200), g(201))
-- deeply nested closures
local nest = "local v0 = 0 "
for i = 1, 60 do nest = nest .. "return (function() local v" .. i .. " = v" .. (i - 1) .. " + 1 " end
nest = nest .. "return v60"
for i = 1, 60 do nest = nest .. " end)()" end
print(assert(load(nest))())
