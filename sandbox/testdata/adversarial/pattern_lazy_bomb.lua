-- expect: fuel
local s = string.rep('a', 5000)
while true do s:find('.-.-.-.-.-x') end
