-- expect: fuel
while true do load('return 1', 'c', 't', {})() end
