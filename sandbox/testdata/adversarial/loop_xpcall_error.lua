-- expect: fuel
while true do xpcall(error, function(m) return m end) end
