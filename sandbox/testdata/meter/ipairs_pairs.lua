-- metering corpus: runs until its fuel is spent
local t = {} for i = 1, 1000 do t[i] = i end
while true do for _, v in ipairs(t) do end for k, v in pairs(t) do end end
