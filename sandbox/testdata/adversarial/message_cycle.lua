-- expect: error:cycle
local t = {}
t.self = t
sandbox.send(t)
