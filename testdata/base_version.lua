-- _VERSION and the standard globals
print(_VERSION)
local names = {"assert", "collectgarbage", "error", "getmetatable", "ipairs", "load",
  "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "select",
  "setmetatable", "tonumber", "tostring", "type", "xpcall", "coroutine", "string"}
for _, n in ipairs(names) do print(n, type(_G[n])) end
local co = {"create", "isyieldable", "resume", "running", "status", "wrap", "yield"}
for _, n in ipairs(co) do print("coroutine." .. n, type(coroutine[n])) end
