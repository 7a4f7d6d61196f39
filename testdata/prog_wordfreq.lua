-- word frequencies using string.byte/sub splitting and a sorted report
local text = [[the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick]]
local counts, order = {}, {}
local word = ""
local function flush()
  if word ~= "" then
    if not counts[word] then counts[word] = 0; order[#order + 1] = word end
    counts[word] = counts[word] + 1
    word = ""
  end
end
for i = 1, #text do
  local c = string.byte(text, i)
  if c >= 97 and c <= 122 then word = word .. string.char(c) else flush() end
end
flush()
for i = 2, #order do
  local v, j = order[i], i - 1
  while j >= 1 and (counts[order[j]] < counts[v] or (counts[order[j]] == counts[v] and order[j] > v)) do
    order[j + 1] = order[j]; j = j - 1
  end
  order[j + 1] = v
end
for i = 1, 5 do print(order[i], counts[order[i]]) end
print(#order)
