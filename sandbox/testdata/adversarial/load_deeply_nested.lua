-- expect: error:
local src = string.rep('(', 1e5) .. '1' .. string.rep(')', 1e5)
local f, msg = load('return ' .. src, 'deep', 't', {})
assert(not f)
error(msg)
