-- metering corpus: runs until its fuel is spent
while true do local n = 0 load(function() n = n + 1 if n < 100 then return ' ' end end) end
