-- expect: timeout
-- limits: timeout=50ms
while true do sandbox.receive() end
