-- unbounded recursion raises a catchable "stack overflow" error
local function inf(n) return 1 + inf(n + 1) end
local ok, err = pcall(inf, 1)
print(ok, err)
-- the state still works afterwards
local function fine(n) if n == 0 then return "fine" end return fine(n - 1) end
print(fine(100))
-- overflow through a metamethod
local t = setmetatable({}, {})
getmetatable(t).__index = function(t, k) return t[k .. "x"] end
local ok2, err2 = pcall(function() return t.a end)
print(ok2, err2 ~= nil)
-- overflow inside a coroutine
local co = coroutine.create(function() return inf(1) end)
local ok3, err3 = coroutine.resume(co)
print(ok3, err3, coroutine.status(co))
