-- metering corpus: runs until its fuel is spent
local s = string.rep('hello world ', 200)
while true do s:gsub('%w+', function(w) return w end) end
