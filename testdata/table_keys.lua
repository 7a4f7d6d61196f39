-- key normalisation and invalid keys
local t = {}
t[1] = "int"; print(t[1.0])
t[2.0] = "float2"; print(t[2])
t["1"] = "string"; print(t[1], t["1"])
t[-0.0] = "negzero"; print(t[0])
t[2^63] = "2^63"; print(t[2^63], t[0x7fffffffffffffff])
t[1.5] = "1.5"; print(t[1.5], t[3 / 2])
t[true] = "true"; print(t[true], t[false])
local count = 0
for k in pairs(t) do count = count + 1 end
print(count)
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0 / 0] = 1 end))
print(t[nil], t[0 / 0])
print(pcall(rawset, t, nil, 1))
-- reading with a float key that has an integer value finds the integer key
local a = {10, 20, 30}
print(a[1.0], a[2.0], a[3.0], a[4.0])
for i = 1.0, 3.0 do io_free = a[i]; print(i, io_free) end
-- assigning nil removes the key
t[1] = nil
print(t[1], t[1.0])
