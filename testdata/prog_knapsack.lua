-- 0/1 knapsack and coin change
local items = {{w = 12, v = 4}, {w = 2, v = 2}, {w = 1, v = 1}, {w = 1, v = 2}, {w = 4, v = 10}}
local function knapsack(items, cap)
  local best = {}
  for c = 0, cap do best[c] = 0 end
  for _, it in ipairs(items) do
    for c = cap, it.w, -1 do
      local cand = best[c - it.w] + it.v
      if cand > best[c] then best[c] = cand end
    end
  end
  return best[cap]
end
print(knapsack(items, 15), knapsack(items, 5), knapsack(items, 0))
local function coins(amount, denoms)
  local ways = {[0] = 1}
  for i = 1, amount do ways[i] = 0 end
  for _, d in ipairs(denoms) do
    for a = d, amount do ways[a] = ways[a] + ways[a - d] end
  end
  return ways[amount]
end
print(coins(100, {1, 5, 10, 25, 50}), coins(200, {1, 2, 5, 10, 20, 50, 100, 200}))
