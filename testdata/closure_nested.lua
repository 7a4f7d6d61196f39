-- upvalues through many levels
local function level1()
  local a = "a"
  return function()
    local b = "b"
    return function()
      local c = "c"
      return function()
        return a .. b .. c
      end
    end
  end
end
print(level1()()()())
local function deep(n)
  local v = n
  if n == 0 then return function() return v end end
  local inner = deep(n - 1)
  return function() return v + inner() end
end
print(deep(10)())
-- an upvalue captured by a closure created inside a loop inside a closure
local function gen()
  local total = 0
  return function(k)
    for i = 1, k do
      local f = function() total = total + i end
      f()
    end
    return total
  end
end
local g = gen()
print(g(3), g(4))
