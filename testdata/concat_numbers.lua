-- numbers format like tostring when concatenated
local vals = {0, 1, -1, 1.0, -1.0, 0.5, 1 / 3, 1e14, 1e15, 1e16, 123456789012,
  2^53, 2^63, -2^63, 0x7fffffffffffffff, 0x8000000000000000, 1e-5, 1e-4, 123.456, 1e300 * 1e300}
for i = 1, #vals do
  print(i, vals[i] .. "|" .. tostring(vals[i]))
end
