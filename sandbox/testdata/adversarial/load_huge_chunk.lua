-- expect: memory,fuel,string
-- limits: mem=16MB
local src = string.rep('x = 1 ', 5e6)
local f = load(src, 'huge', 't', {})
return f
