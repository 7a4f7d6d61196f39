-- expect: error:binary chunks are refused
local f, msg = load('\27LuaS\0', 'b', 'bt', {})
assert(not f)
error(msg)
