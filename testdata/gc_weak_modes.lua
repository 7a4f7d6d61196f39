-- weak tables: __mode "k", "v" and "kv" after full collections
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local keep = {}
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local wkv = setmetatable({}, {__mode = "kv"})
do
  for i = 1, 10 do
    wk[{}] = i               -- collectable keys: go
    wv[i] = {}               -- collectable values (array part): go
    wv["s" .. i] = {}        -- collectable values (hash part): go
    wkv[{}] = "x"            -- either side collectable: go
  end
  wk[keep] = "kept"
  wk[1] = {}                 -- non-collectable key: the value stays
  wk["str"] = {}             -- strings are values: stays
  wv[100] = keep
  wv[101] = "a string value"
  wv[102] = 3.5
  wkv[keep] = "kept"
  wkv["k"] = keep
  wkv["k2"] = {}
end
collectgarbage()
print("k", count(wk), wk[keep], type(wk[1]), type(wk.str))
print("v", count(wv), wv[100] == keep, wv[101], wv[102])
print("kv", count(wkv), wkv[keep], wkv.k == keep, wkv.k2)

-- functions and threads are collectable too
local wf = setmetatable({}, {__mode = "v"})
do
  local up = 0
  wf[1] = function() up = up + 1 return up end
  wf[2] = coroutine.create(function() end)
  wf[3] = print                -- reachable from _G
end
collectgarbage()
print("fn", wf[1], wf[2], wf[3] == print)

-- a weak table that is itself garbage is fine; a changed __mode applies at the next cycle
local t = setmetatable({}, {})
t[1] = {}
collectgarbage()
print("strong", type(t[1]))
getmetatable(t).__mode = "v"
collectgarbage()
print("now weak", t[1])

-- keys removed from a weak table keep next() working during traversal
local w = setmetatable({}, {__mode = "k"})
local ks = {}
for i = 1, 5 do ks[i] = {} w[ks[i]] = i end
local seen = 0
for k, v in pairs(w) do
  seen = seen + v
  ks[v] = nil
  collectgarbage()
end
print("traversal", seen)
collectgarbage()
print("after", next(w))
