-- several closures share one upvalue
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
print(get())
set(42)
print(get())
local get2, set2 = pair()
set2("other")
print(get(), get2())
-- the enclosing function sees changes made by closures while it runs
local function outer()
  local x = 1
  local function bump() x = x + 1 end
  bump(); bump()
  local before = x
  x = 100
  bump()
  return before, x
end
print(outer())
-- nested closures share through intermediate levels
local function l1()
  local a = 1
  return function()
    return function()
      a = a + 1
      return a
    end
  end, function() return a end
end
local mk, read = l1()
local inner1, inner2 = mk(), mk()
print(inner1(), inner2(), read())
