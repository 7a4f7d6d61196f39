-- expect: fuel
-- limits: fuel=2e6 mem=2MB
for i = 1, 1e12 do coroutine.resume(coroutine.create(function() coroutine.yield() end)) end
