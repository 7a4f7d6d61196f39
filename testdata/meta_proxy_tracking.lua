-- a proxy that tracks every access to an underlying table
local function track(t)
  local log = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get " .. tostring(k); return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set " .. tostring(k); t[k] = v end,
    __len = function() return #t end,
    __pairs = function() return next, t, nil end,
  })
  return proxy, log
end
local data = {1, 2, 3}
local p, log = track(data)
p[4] = p[1] + p[3]
p.name = "tracked"
print(#p, data[4], data.name, rawget(p, 4))
for i = 1, #log do print(i, log[i]) end
local n = 0
for k, v in pairs(p) do n = n + 1 end
print(n)
