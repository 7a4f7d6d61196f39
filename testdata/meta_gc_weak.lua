-- weak tables after a full collection
local weakk = setmetatable({}, {__mode = "k"})
local weakv = setmetatable({}, {__mode = "v"})
local strong = {}
local function fill()
  weakk[{}] = "collected"
  weakk[strong] = "kept"
  weakv[1] = {}
  weakv[2] = strong
  weakv[3] = "strings are values, never collected"
  weakv[4] = 42
end
fill()
collectgarbage()
collectgarbage()
local n = 0
for k, v in pairs(weakk) do n = n + 1 end
print(n, weakk[strong])
print(weakv[1], weakv[2] == strong, weakv[3], weakv[4])
