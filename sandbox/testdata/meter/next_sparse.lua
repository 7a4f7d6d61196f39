-- metering corpus: runs until its fuel is spent
local t = {} for i = 1, 10000 do t[i] = i end for i = 1, 9999 do t[i] = nil end while true do local k = next(t) end
