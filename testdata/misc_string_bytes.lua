-- strings hold arbitrary bytes
local all = ""
for i = 0, 255 do all = all .. string.char(i) end
print(#all, string.byte(all, 1), string.byte(all, 256), string.byte(all, 129))
local sum = 0
for i = 1, #all do sum = sum + string.byte(all, i) end
print(sum)
print(all == string.char(table_free and 0 or 0) .. string.sub(all, 2))
print(string.sub(all, 66, 70), #string.sub(all, 250, 300))
local z = "a\0b\0c"
print(#z, z == "a\0b\0c", z < "a\0c", string.byte(z, 2))
print(("\xe4\xb8\xad"):byte(1, -1))
