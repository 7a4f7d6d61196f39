-- conversions between integers and floats via the math library
local vals = {0, 1, -1, 2^53, 2^63, -2^63, 1.5, -0.0, 1/0, 0/0, "10", "0x10", "1e2", "x"}
for i = 1, #vals do
  local v = vals[i]
  print(i, math.type(v), math.tointeger(v), tostring(tonumber(v)))
end
print(3 // 0.0, -3 // 0.0, math.type(3 // 1), math.type(3.0 // 1))
print(math.floor(-0.0), math.ceil(-0.5), math.floor(2^62 + 0.0), math.type(math.floor(2^70)))
