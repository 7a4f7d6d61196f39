-- equality across types never converts
print(1 == "1", "1" == 1, 0 == false, nil == false, "" == false)
print(1 == 1.0, "a" == "a", "a" .. "b" == "ab")
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
local f1 = function() end
local f2 = function() end
print(f1 == f1, f1 == f2, print == print)
print(true == true, true ~= false, nil == nil)
local co = coroutine.create(f1)
print(co == co, co == coroutine.create(f1))
print(rawequal(t1, t1), rawequal(t1, t2), rawequal(1, 1.0), rawequal("x", "x"))
