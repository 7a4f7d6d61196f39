-- xpcall with a message handler
local function handler(msg) return "handled: " .. tostring(msg) end
print(xpcall(function() error("boom") end, handler))
print(xpcall(function() return "no error", 2 end, handler))
print(xpcall(function(a, b) return a * b end, handler, 6, 7))
print(xpcall(function(a) error(a, 0) end, handler, "arg error"))
-- the handler runs at the point of the error, before unwinding
local depth_seen
local function h2(msg)
  depth_seen = msg
  return "h2"
end
print(xpcall(function() local t = nil; return t.x end, h2))
print(depth_seen)
-- the handler can return several values; only the first is kept
print(xpcall(error, function() return 1, 2, 3 end))
-- a handler receiving a table error
print(xpcall(function() error({code = 5}) end, function(e) return e.code end))
-- handler that itself errors
print(xpcall(function() error("first") end, function(m) error("second") end))
-- xpcall needs a handler argument
print(pcall(xpcall, print))
-- nested xpcall
print(xpcall(function()
  return xpcall(function() error("inner", 0) end, function(m) return "inner handler: " .. m end)
end, handler))
