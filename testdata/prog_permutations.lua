-- permutations and combinations with recursion
local function perms(a)
  local out = {}
  local used, cur = {}, {}
  local function rec()
    if #cur == #a then
      local s = ""
      for i = 1, #cur do s = s .. cur[i] end
      out[#out + 1] = s
      return
    end
    for i = 1, #a do
      if not used[i] then
        used[i] = true
        cur[#cur + 1] = a[i]
        rec()
        cur[#cur] = nil
        used[i] = false
      end
    end
  end
  rec()
  return out
end
local p = perms({"a", "b", "c", "d"})
print(#p, p[1], p[2], p[24])
local function choose(n, k)
  local out = {}
  local function rec(start, acc)
    if #acc == k then
      local s = ""
      for i = 1, #acc do s = s .. acc[i] end
      out[#out + 1] = s
      return
    end
    for i = start, n do acc[#acc + 1] = i; rec(i + 1, acc); acc[#acc] = nil end
  end
  rec(1, {})
  return out
end
local c = choose(5, 3)
local s = ""
for i = 1, #c do s = s .. c[i] .. " " end
print(#c, s)
