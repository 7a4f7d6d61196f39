-- pairs and ipairs on sequences
local seq = {"a", "b", "c"}
local s = ""
for i, v in ipairs(seq) do s = s .. i .. v end
print(s)
local total = 0
for k, v in pairs({10, 20, 30}) do total = total + k * v end
print(total)
local n = 0
for k, v in pairs({}) do n = n + 1 end
print(n)
print(pcall(pairs))
print((pcall(ipairs)))
-- ipairs over a string-keyed table yields nothing
n = 0
for _ in ipairs({a = 1}) do n = n + 1 end
print(n)
-- pairs on a table with integer keys out of order: sorted for printing
local sparse = {[5] = "e", [1] = "a", [3] = "c"}
local keys = {}
for k in pairs(sparse) do keys[#keys + 1] = k end
for i = 2, #keys do
  local v, j = keys[i], i - 1
  while j >= 1 and keys[j] > v do keys[j + 1] = keys[j]; j = j - 1 end
  keys[j + 1] = v
end
for _, k in ipairs(keys) do print(k, sparse[k]) end
