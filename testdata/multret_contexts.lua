-- a call's results in every context (manual 3.4.12)
local function mr() return "a", "b", "c" end
local function zero() end
-- last in argument list: all results
print(mr())
print(mr(), "x")
print("x", mr())
-- in a table constructor
local t = {mr()}
print(#t, t[1], t[3])
t = {mr(), "z"}
print(#t, t[1], t[2])
t = {mr(), mr()}
print(#t)
t = {x = mr(), mr()}
print(t.x, #t)
-- return f() returns all
local function r() return mr() end
print(r())
local function r2() return (mr()) end
print(r2())
local function r3() return 1, mr() end
print(r3())
local function r4() return mr(), 1 end
print(r4())
-- in assignments
local a, b, c, d = mr()
print(a, b, c, d)
a, b, c, d = 0, mr()
print(a, b, c, d)
-- in generic for explist
for k, v in function(s, c) if c < 2 then return c + 1, s end end, "state", 0 do
  print(k, v)
end
-- concatenation and arithmetic take the first value
print(mr() .. "!", #mr())
-- zero results in various places
print(zero())
print((zero()))
print(zero(), zero())
local e = {zero()}
print(#e)
-- select on results
print(select("#", mr()), select("#", zero()), select("#", (zero())))
-- string.format with multiple results
print(string.format("%s-%s-%s", mr()))
