-- a "strict" global table built from __index and __newindex on _G
local declared = {}
setmetatable(_G, {
  __newindex = function(t, k, v)
    if not declared[k] then error("assignment to undeclared global '" .. tostring(k) .. "'", 2) end
    rawset(t, k, v)
  end,
  __index = function(_, k) error("variable '" .. tostring(k) .. "' is not declared", 2) end,
})
local function declare(name, v) declared[name] = true; rawset(_G, name, v) end
declare("ok_global", 1)
print(ok_global)
print(pcall(function() undeclared_read = 1 end))
print(pcall(function() return also_undeclared end))
ok_global = 2
print(ok_global)
setmetatable(_G, nil)
free_again = "free"
print(free_again)
