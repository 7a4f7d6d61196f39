-- __newindex
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = 1
print(rawget(proxy, "a"), store.a)
-- __newindex function
local log = {}
local watched = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(t, k, v)
end})
watched.x = 1
watched.x = 2  -- exists now: no metamethod
watched.y = nil
print(#log, log[1], log[2], watched.x)
-- chain of __newindex tables
local final = {}
local middle = setmetatable({}, {__newindex = final})
local front = setmetatable({}, {__newindex = middle})
front.z = "deep"
print(rawget(front, "z"), rawget(middle, "z"), final.z)
-- __newindex chain ending in a function
local f2 = setmetatable({}, {__newindex = function(t, k, v) print("newindex", k, v) end})
local f1 = setmetatable({}, {__newindex = f2})
f1.q = 42
-- read-only table
local ro = setmetatable({}, {__index = {v = 1}, __newindex = function(t, k) error("read-only field " .. k, 2) end})
print(ro.v, pcall(function() ro.v = 2 end))
-- rawset bypasses
rawset(ro, "v", 3)
print(ro.v)
-- assigning to non-tables
print(pcall(function() local n = 5; n.x = 1 end))
print(pcall(function() undefinedtable.x = 1 end))
