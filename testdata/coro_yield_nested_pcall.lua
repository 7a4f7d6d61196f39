-- yields from deep inside nested pcalls and Lua calls
local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  local ok, v = pcall(deep, n - 1)
  return v .. "<" .. n
end
local co = coroutine.create(function() return deep(5) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed"))
-- an error after a yield inside nested pcalls is caught by the innermost one
local co2 = coroutine.create(function()
  local ok, e = pcall(function()
    local ok2, e2 = pcall(function()
      coroutine.yield("waiting")
      error("late error", 0)
    end)
    return "inner caught: " .. tostring(e2)
  end)
  return ok, e
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
