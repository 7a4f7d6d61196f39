-- metering corpus: runs until its fuel is spent
while true do pcall(error, 'x') end
