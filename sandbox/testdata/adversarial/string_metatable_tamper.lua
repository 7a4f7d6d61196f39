-- expect: error:attempt to index a string value
getmetatable('').__index = nil
return ('x'):upper()
