-- method definitions and calls
local Account = {balance = 0}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
local a = Account.new(100)
a:deposit(50):deposit(25)
print(a:get(), Account.get(a), a.get(a))
-- self is just the first parameter
local o = {n = "o"}
function o.plain(self, x) return self.n .. x end
print(o:plain("!"), o.plain(o, "?"))
-- the receiver expression is evaluated once
local calls = 0
local function recv() calls = calls + 1; return o end
print(recv():plain("#"), calls)
-- methods on strings through the string metatable
local s = "hello"
print(s:sub(2, 3), s:byte(1), ("%d"):format(7), s:rep(2, "-"))
-- calling a missing method
print(pcall(function() return o:missing() end))
