-- io: reading numerals ("n") stops where C's reader stops
local file = os.tmpname()
local f = assert(io.open(file, "w"))
f:write[[
-12.3-	-0xffff+  .3|5.E-3X  +234e+13E 0xDEADBEEFDEADBEEFx
0x1.13Ap+3e
]]
f:write("1234") for i = 1, 1000 do f:write("0") end f:write("\n")
f:write[[
.e+	0.e;	--;  0xX;
 12 0x 1e5 -.5 +.5e-1 0x.1p4 9223372036854775807 9223372036854775808 -9223372036854775808 1e400
]]
assert(f:close())
f = assert(io.open(file, "r"))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(1))
print(f:read("n"))
print(#f:read("L"))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(1))
print(f:read("n"), f:read(1))
print(f:read("n", "n"))
print(f:read("n", "n", "n", "n", "n", "n", "n", "n", "n"))
print(f:read("n"), f:read(0))
f:close()
os.remove(file)
