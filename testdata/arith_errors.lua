-- arithmetic error messages name the offending variable
local function try(f) local ok, err = pcall(f); print(err) end
local lnil, ltab = nil, {}
gnil = nil
local t = {}
try(function() return lnil + 1 end)
try(function() return 1 + lnil end)
try(function() return gnil * 2 end)
try(function() return t.field - 1 end)
try(function() return t[1] / 2 end)
try(function() return ltab % 2 end)
try(function() return 2 ^ true end)
try(function() return -ltab end)
try(function() return ltab // 1 end)
try(function() return (function() end)() + 1 end)
try(function() local up = nil; return (function() return up + 1 end)() end)
try(function() return "a" + 1 end)
try(function() return t.a.b end)
try(function() return #lnil end)
try(function() return #5 end)
try(function() return 1 & 1.5 end)
try(function() return 1 | "x" end)
try(function() return 1 < {} end)
try(function() return {} < {} end)
try(function() return "a" < 1 end)
try(function() return nil <= 1 end)
try(function() return {} .. "x" end)
try(function() return "x" .. lnil end)
try(function() return 1 .. true end)
