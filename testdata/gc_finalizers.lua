-- __gc: order, resurrection, weak tables seen by finalizers, errors
local log = {}
local mt = {__gc = function(o) log[#log + 1] = o.name end}
do
  for i = 1, 5 do setmetatable({name = "o" .. i}, mt) end
end
collectgarbage()
print("order", table.concat(log, " "))

-- __gc must be present when the metatable is set
log = {}
local late = {}
do
  local o = setmetatable({name = "late"}, late)
  late.__gc = mt.__gc
end
collectgarbage()
print("set after setmetatable", #log)

-- resurrection: the object comes back once; weak values were cleared first,
-- weak keys are cleared only when it really dies
local saved
local wv = setmetatable({}, {__mode = "v"})
local wk = setmetatable({}, {__mode = "k"})
do
  local o = setmetatable({name = "phoenix"}, {__gc = function(o)
    saved = o
    print("in __gc", wv[1], wk[o])
  end})
  wv[1] = o
  wk[o] = "key entry"
end
collectgarbage()
print("resurrected", saved and saved.name, wv[1], wk[saved])
saved = nil
collectgarbage()
print("dead", next(wk))

-- an error in a finalizer surfaces from collectgarbage
do setmetatable({}, {__gc = function() error("boom") end}) end
local ok, msg = pcall(collectgarbage)
print(ok, msg)
do setmetatable({}, {__gc = function() error({}) end}) end
ok, msg = pcall(collectgarbage)
print(ok, msg)

-- __gc = true and other non-functions are ignored
do setmetatable({}, {__gc = true}) end
print(pcall(collectgarbage))

-- registering again after finalization finalizes again
local count = 0
local again = {__gc = function(o) count = count + 1; if count < 3 then setmetatable(o, getmetatable(o)) end end}
do setmetatable({}, again) end
collectgarbage(); collectgarbage(); collectgarbage(); collectgarbage()
print("finalized", count)

-- finalizers run at close, newest first
setmetatable({}, {__gc = function() print("closing 1") end})
_G.keep = setmetatable({}, {__gc = function() print("closing 2") end})
print("end of script")
