-- closures stored in tables act as objects with private state
local function makeStack()
  local items, n = {}, 0
  return {
    push = function(v) n = n + 1; items[n] = v end,
    pop = function() local v = items[n]; items[n] = nil; n = n - 1; return v end,
    size = function() return n end,
    peek = function() return items[n] end,
  }
end
local s1, s2 = makeStack(), makeStack()
s1.push(1); s1.push(2); s2.push("x")
print(s1.size(), s2.size(), s1.peek(), s2.peek())
print(s1.pop(), s1.pop(), s1.size(), s2.pop(), s2.size())
-- a table of closures over a loop variable
local ops = {}
for _, name in ipairs({"add", "sub", "mul"}) do
  ops[name] = function(a, b)
    if name == "add" then return a + b elseif name == "sub" then return a - b else return a * b end
  end
end
print(ops.add(6, 3), ops.sub(6, 3), ops.mul(6, 3))
