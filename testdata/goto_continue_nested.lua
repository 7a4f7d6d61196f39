-- continue-style gotos in nested while/repeat loops
local out = ""
local i = 0
while i < 6 do
  i = i + 1
  if i % 3 == 0 then goto continue end
  do
    local j = 0
    repeat
      j = j + 1
      if j == 2 then goto inner_continue end
      out = out .. i .. ":" .. j .. " "
      ::inner_continue::
    until j >= 3
  end
  ::continue::
end
print(out)
-- goto out of a deeply nested block
local function find(m, target)
  for r = 1, #m do
    for c = 1, #m[r] do
      if m[r][c] == target then
        local pos = r .. "," .. c
        do return pos end
      end
    end
  end
  goto notfound
  ::notfound::
  return "none"
end
print(find({{1, 2}, {3, 4}}, 4), find({{1}}, 9))
