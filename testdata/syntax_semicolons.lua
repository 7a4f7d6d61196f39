;;; local a = 1;;; local b = 2;
print(a, b);
do ; end
if a then ; end
while false do ; end
for i = 1, 2 do ; print(i) ; end
local function f() ; return 1 ; end
print(f());
local t = {1; 2, 3;}
print(#t, t[1], t[2], t[3])
local u = {a = 1; b = 2,}
print(u.a, u.b)
local function g() return end
print(g())
local function h() do return 1 end end
print(h())
