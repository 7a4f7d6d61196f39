-- integer arithmetic with wraparound
local maxi, mini = 0x7fffffffffffffff, 0x8000000000000000
print(maxi, mini)
print(maxi + 1 == mini, mini - 1 == maxi)
print(maxi + 1, mini - 1)
print(maxi * 2, mini * -1, mini * 2)
print(-mini, -maxi, - -maxi)
print(maxi + maxi, mini + mini)
print(3 + 4, 3 - 4, 3 * -4, -3 * -4)
print(1000000 * 1000000, 1000000 * 1000000 * 1000000)
print(123456789 * 987654321)
print(0x100000000 * 0x100000000)
local x = 1
for i = 1, 70 do x = x * 2 end
print(x)
x = 1
for i = 1, 62 do x = x * 2 end
print(x, x * 2, x * 4)
