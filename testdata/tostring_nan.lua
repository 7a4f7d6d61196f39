-- nan formatting, as lua5.3 on this platform prints it
print(0 / 0, -(0 / 0))
local z = 0
print(z / z, -(z / z))
print((1 / 0) - (1 / 0), (1 / 0) * 0)
print(string.format("%.14g", 0 / 0))
