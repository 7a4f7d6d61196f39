-- N queens: count all solutions and print the first for N = 8
local function solve(n)
  local cols, d1, d2 = {}, {}, {}
  local count, first = 0, nil
  local pos = {}
  local function place(r)
    if r > n then
      count = count + 1
      if not first then first = {} for i = 1, n do first[i] = pos[i] end end
      return
    end
    for c = 1, n do
      if not cols[c] and not d1[r + c] and not d2[r - c + n] then
        cols[c], d1[r + c], d2[r - c + n] = true, true, true
        pos[r] = c
        place(r + 1)
        cols[c], d1[r + c], d2[r - c + n] = nil, nil, nil
      end
    end
  end
  place(1)
  return count, first
end
for n = 1, 8 do
  local c = solve(n)
  print(n, c)
end
local _, first = solve(8)
for r = 1, 8 do
  local line = ""
  for c = 1, 8 do line = line .. (first[r] == c and "Q " or ". ") end
  print(line)
end
