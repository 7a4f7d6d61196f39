-- metering corpus: runs until its fuel is spent
local o = {n = 0}
function o:inc() self.n = self.n + 1 end
while true do o:inc() end
