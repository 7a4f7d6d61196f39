-- __gc finalizers run on collection and when the state closes
local function make(name)
  setmetatable({}, {__gc = function() print("finalizer " .. name) end})
end
make("a")
collectgarbage()
collectgarbage()
print("after collect")
-- objects still alive are finalized when the state closes
keep1 = setmetatable({}, {__gc = function() print("exit finalizer 1") end})
-- __gc set after setmetatable does not mark the object for finalization
local function late()
  local mt = {}
  setmetatable({}, mt)
  mt.__gc = function() print("never") end
end
late()
collectgarbage()
print("end of script")
