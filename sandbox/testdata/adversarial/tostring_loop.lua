-- expect: callback
local t = setmetatable({}, {__tostring = function(s) return tostring(s) end})
return pcall(tostring, t)
