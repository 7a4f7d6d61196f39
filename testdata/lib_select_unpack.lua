-- varargs with table.pack/unpack round trips
local function roundtrip(...)
  local p = table.pack(...)
  return table.unpack(p, 1, p.n)
end
print(roundtrip(1, nil, 3, nil))
print(select("#", roundtrip(nil, nil)))
local big = {}
for i = 1, 250 do big[i] = i end
print(select("#", table.unpack(big)), (select(250, table.unpack(big))))
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
print(sum(table.unpack(big)))
print(pcall(table.unpack, {}, 1, 1e8))
