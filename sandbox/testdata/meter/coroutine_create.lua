-- metering corpus: runs until its fuel is spent
while true do coroutine.resume(coroutine.create(function() coroutine.yield() end)) end
