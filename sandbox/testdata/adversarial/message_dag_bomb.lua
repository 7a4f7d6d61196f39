-- expect: error:message size limit
local t = {}
for i = 1, 60 do t = {t, t} end
sandbox.send(t)
