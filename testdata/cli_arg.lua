-- the global arg table and the main chunk's varargs for a script run with no arguments
print(type(arg), arg[0], #arg, arg[1], select("#", ...))
print(type(arg[-1]))
local n = 0
for i = -1, -10, -1 do if arg[i] ~= nil then n = n + 1 end end
print(n >= 1)
