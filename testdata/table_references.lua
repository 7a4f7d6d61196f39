-- tables are references
local a = {x = 1}
local b = a
b.x = 2
print(a.x, a == b)
local function mutate(t) t.y = "mutated" end
mutate(a)
print(b.y)
local self = {}
self.self = self
print(self.self.self.self == self)
local list = nil
for i = 1, 5 do list = {value = i, next = list} end
local vals = ""
while list do vals = vals .. list.value; list = list.next end
print(vals)
