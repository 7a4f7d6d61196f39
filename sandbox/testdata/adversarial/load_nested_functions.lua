-- expect: error:
local src = string.rep('function f() ', 1000) .. string.rep('end ', 1000)
local f, msg = load(src, 'nest', 't', {})
assert(not f)
error(msg)
