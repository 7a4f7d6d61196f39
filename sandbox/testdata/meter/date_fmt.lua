-- metering corpus: runs until its fuel is spent
while true do os.date('%c %x %X %Y-%m-%d') os.date('*t') end
