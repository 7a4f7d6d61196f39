-- __concat
local C = {}
C.__concat = function(a, b)
  local sa = type(a) == "table" and ("<" .. a.v .. ">") or tostring(a)
  local sb = type(b) == "table" and ("<" .. b.v .. ">") or tostring(b)
  return setmetatable({v = sa .. sb}, C)
end
local function c(v) return setmetatable({v = v}, C) end
print((c("a") .. "b").v)
print(("a" .. c("b")).v)
print((c("a") .. c("b")).v)
print((1 .. c("x")).v)
-- concatenation is right associative: the rightmost pair is joined first
print(("x" .. "y" .. c("z")).v)
print((c("p") .. "q" .. "r").v)
print(("a" .. c("b") .. "c" .. "d").v)
-- __concat with a number on the left and a table on the right
local N = setmetatable({}, {__concat = function(a, b) return type(a) .. "|" .. type(b) end})
print(1 .. N, N .. 1, N .. N, true and N .. nil)
print(pcall(function() return {} .. "x" end))
