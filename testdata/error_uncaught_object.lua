-- an uncaught non-string error object also exits with status 1
print("start")
error(setmetatable({}, {__tostring = function() return "custom error object" end}))
