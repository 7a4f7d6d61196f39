-- metering corpus: runs until its fuel is spent
local s = string.rep('héllo wörld ', 500)
while true do utf8.len(s) for p, c in utf8.codes(s) do end end
