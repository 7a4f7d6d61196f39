-- an uncaught error ends the script with exit status 1 after earlier output
print("before the error")
local t = nil
local function f() return t.field end
f()
print("never printed")
