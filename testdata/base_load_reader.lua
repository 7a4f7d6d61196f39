-- load with a reader function
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
-- the reader ends on nil or the empty string
local pieces = {"return 'a'", "", "..'b'"}
local j = 0
local g = load(function() j = j + 1; return pieces[j] end)
print(g())
-- one character at a time
local src = "local x = 10 return x * x"
local pos = 0
local h = load(function() pos = pos + 1; if pos <= #src then return string.sub(src, pos, pos) end end)
print(h())
-- a reader that returns a non-string is an error (load returns nil and a message)
local f1, m1 = load(function() return {} end)
print(f1, type(m1))
-- a reader that errors
local f2, m2 = load(function() error("reader failed") end)
print(f2, type(m2))
-- syntax errors through a reader
local done = false
print(load(function() if done then return nil end done = true; return "return +" end, "=reader"))
-- chunk name for function readers defaults to "=(load)"
local once = false
print(pcall(load(function() if once then return nil end once = true; return "error('x')" end)))
