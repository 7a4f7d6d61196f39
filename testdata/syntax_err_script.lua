print("this line is never printed")
local x = = 1
