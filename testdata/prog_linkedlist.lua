-- a doubly linked list class
local List = {}
List.__index = List
function List.new() local l = setmetatable({size = 0}, List); l.head = nil; l.tail = nil; return l end
function List:push(v)
  local node = {value = v, prev = self.tail}
  if self.tail then self.tail.next = node else self.head = node end
  self.tail = node
  self.size = self.size + 1
end
function List:unshift(v)
  local node = {value = v, next = self.head}
  if self.head then self.head.prev = node else self.tail = node end
  self.head = node
  self.size = self.size + 1
end
function List:remove(node)
  if node.prev then node.prev.next = node.next else self.head = node.next end
  if node.next then node.next.prev = node.prev else self.tail = node.prev end
  self.size = self.size - 1
end
function List:iter()
  local n = self.head
  return function()
    if n then local v = n.value; n = n.next; return v end
  end
end
function List:reverse_iter()
  local n = self.tail
  return function()
    if n then local v = n.value; n = n.prev; return v end
  end
end
List.__len = function(self) return self.size end
List.__tostring = function(self)
  local s = "["
  for v in self:iter() do s = s .. (s == "[" and "" or ", ") .. tostring(v) end
  return s .. "]"
end
local l = List.new()
for i = 1, 5 do l:push(i) end
l:unshift(0)
print(l, #l)
local n = l.head
while n do local nx = n.next; if n.value % 2 == 1 then l:remove(n) end; n = nx end
print(l, #l)
local r = ""
for v in l:reverse_iter() do r = r .. v end
print(r)
