-- edit distance and longest common subsequence with dynamic programming
local function lev(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = {[0] = i}
    for j = 1, #b do
      local cost = string.byte(a, i) == string.byte(b, j) and 0 or 1
      local v = prev[j] + 1
      if cur[j - 1] + 1 < v then v = cur[j - 1] + 1 end
      if prev[j - 1] + cost < v then v = prev[j - 1] + cost end
      cur[j] = v
    end
    prev = cur
  end
  return prev[#b]
end
local function lcs(a, b)
  local t = {}
  for i = 0, #a do t[i] = {} for j = 0, #b do t[i][j] = 0 end end
  for i = 1, #a do
    for j = 1, #b do
      if string.byte(a, i) == string.byte(b, j) then t[i][j] = t[i - 1][j - 1] + 1
      else t[i][j] = t[i - 1][j] > t[i][j - 1] and t[i - 1][j] or t[i][j - 1] end
    end
  end
  local s, i, j = "", #a, #b
  while i > 0 and j > 0 do
    if string.byte(a, i) == string.byte(b, j) then s = string.sub(a, i, i) .. s; i = i - 1; j = j - 1
    elseif t[i - 1][j] >= t[i][j - 1] then i = i - 1 else j = j - 1 end
  end
  return s
end
for _, p in ipairs({{"kitten", "sitting"}, {"flaw", "lawn"}, {"", "abc"}, {"same", "same"}, {"moonfuel", "fuelmoon"}}) do
  print(p[1], p[2], lev(p[1], p[2]), lcs(p[1], p[2]))
end
