-- modulo follows floor division: a % b == a - (a // b) * b
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(5 % 1.5, -5 % 1.5, 0 % 5, 6 % 6)
print(5.0 % (1 / 0), -5.0 % (1 / 0), 5 % -(1 / 0), -5 % -(1 / 0))
print(0x8000000000000000 % -1, 0x7fffffffffffffff % 2, 0x8000000000000000 % 3)
print(3 % 0.0 ~= 3 % 0.0, (1 / 0) % 2 ~= (1 / 0) % 2)
print(pcall(function() return 1 % 0 end))
print(pcall(function() local z = 0; return -5 % z end))
print(5.25 % 1, -5.25 % 1, 1e15 % 7, 2^53 % 3)
for _, a in ipairs({-4, -3, -1, 0, 1, 3, 4}) do
  print(a, a % 3, a % -3, a // 3, a // -3)
end
