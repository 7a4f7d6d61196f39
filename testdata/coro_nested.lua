-- coroutines resuming coroutines
local function nest(depth)
  return coroutine.create(function()
    if depth == 0 then
      coroutine.yield("bottom")
      return "bottom done"
    end
    local inner = nest(depth - 1)
    while true do
      local ok, v = coroutine.resume(inner)
      if coroutine.status(inner) == "dead" then return "level " .. depth .. " saw " .. tostring(v) end
      coroutine.yield(depth .. ">" .. v)
    end
  end)
end
local top = nest(5)
while true do
  local ok, v = coroutine.resume(top)
  print(ok, v)
  if coroutine.status(top) == "dead" then break end
end
-- a tree walk with a recursive generator
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(n)
  if n then walk(n.l); coroutine.yield(n.v); walk(n.r) end
end
local s = ""
for v in coroutine.wrap(function() walk(tree) end) do s = s .. v end
print(s)
