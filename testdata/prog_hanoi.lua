-- towers of hanoi
local moves = {}
local function hanoi(n, from, to, via)
  if n == 0 then return end
  hanoi(n - 1, from, via, to)
  moves[#moves + 1] = from .. "->" .. to
  hanoi(n - 1, via, to, from)
end
hanoi(4, "A", "C", "B")
print(#moves)
local line = ""
for i = 1, #moves do line = line .. moves[i] .. " " end
print(line)
moves = {}
hanoi(15, "A", "C", "B")
print(#moves, moves[1], moves[#moves])
