-- metering corpus: runs until its fuel is spent
while true do local s = string.format('%d %s %5.2f %q', 42, 'abc', 3.14159, 'x\ny') end
