-- ephemeron tables: a weak-key entry's value is reachable only through its key
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end
local mt = {__mode = "k"}

-- a value that refers to its own key does not keep the key alive
local e = setmetatable({}, mt)
do
  for i = 1, 5 do
    local k = {}
    e[k] = {k, i}
  end
end
collectgarbage()
print("self cycles", count(e))

-- a chain: each value refers to the key of the next entry
local head = {}
do
  local k = head
  for i = 1, 100 do
    local n = {}
    e[k] = {next = n, i = i}
    k = n
  end
end
collectgarbage()
local n, k = 0, head
while e[k] do n = n + 1; k = e[k].next end
print("chain kept", n, count(e))
head = nil
collectgarbage()
print("chain gone", count(e))

-- an ephemeron reached through another ephemeron
local e2 = setmetatable({}, mt)
local root = {}
do
  local a, b = {}, {}
  e[root] = a
  e2[a] = b
  e[b] = "end of the chain"
end
collectgarbage()
print("nested", count(e), count(e2), e[e2[e[root]]])
root = nil
collectgarbage()
print("nested gone", count(e), count(e2))

-- strings and numbers as keys are never collected; their values stay
e.name = {}
e[42] = {}
collectgarbage()
print("values of non-collectable keys", type(e.name), type(e[42]))
