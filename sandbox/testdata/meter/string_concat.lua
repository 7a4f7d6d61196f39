-- metering corpus: runs until its fuel is spent
while true do local s = '' for i = 1, 300 do s = s .. 'x' end end
