-- all binary operators in one place, integer and float operands
local a, b = 7, 2
print(a + b, a - b, a * b, a / b, a // b, a % b, a ^ b)
print(a & b, a | b, a ~ b, a << b, a >> b, ~a)
print(a == b, a ~= b, a < b, a <= b, a > b, a >= b)
local x, y = 7.5, 2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ^ y)
print(x == y, x ~= y, x < y, x <= y, x > y, x >= y)
print(a .. b, x .. y)
print(-a, -x, not a, #"seven")
print(a and b, a or b, nil and a, nil or a)
