-- next and pairs
local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  for i = 2, #ks do
    local v, j = ks[i], i - 1
    while j >= 1 and ks[j] > v do ks[j + 1] = ks[j]; j = j - 1 end
    ks[j + 1] = v
  end
  local s = ""
  for i = 1, #ks do s = s .. ks[i] .. " " end
  return s
end
print(next({}))
print(next({}, nil))
local t = {1, 2, 3, a = "x", b = "y", [10] = "z"}
print(sorted_keys(t))
local k, v = next({"only"})
print(k, v, next({"only"}, 1))
-- assigning to existing fields during traversal is allowed
for k in pairs(t) do t[k] = "changed" end
print(t[1], t.a, t[10])
-- clearing fields during traversal is allowed
for k in pairs(t) do t[k] = nil end
print(next(t))
-- pairs returns next, t, nil
local f, s, c = pairs(t)
print(f == next, s == t, c)
print(pcall(next, {}, "nokey"))
print(pcall(next))
-- counting entries of a large table
local big = {}
for i = 1, 1000 do big[i] = i; big["k" .. i] = i end
local n, sum = 0, 0
for k, v in pairs(big) do n = n + 1; sum = sum + v end
print(n, sum)
