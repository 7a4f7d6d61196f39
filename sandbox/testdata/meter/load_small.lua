-- metering corpus: runs until its fuel is spent
while true do load('return 1 + 2', 'c', 't', {})() end
