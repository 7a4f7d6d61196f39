-- metering corpus: runs until its fuel is spent
while true do local s = string.rep('abc', 10000) end
