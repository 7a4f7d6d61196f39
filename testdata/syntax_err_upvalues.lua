-- the 255-upvalues limit, raised while parsing at the token where lua5.3
-- raises it, in the function that needs the 256th upvalue
local function list(prefix, n, sep)
  local t = {}
  for i = 1, n do t[i] = prefix .. i end
  return table.concat(t, sep)
end
local function check(src) local f, e = load(src, "=c") print(f ~= nil, e) end
check("local " .. list("a", 190, ",") .. "\nlocal function f() local " .. list("b", 66, ",") .. "\n local function g()\n return function() return " .. list("a",190,"+") .. "+" .. list("b",66,"+") .. " end end end")
check("local " .. list("a", 190, ",") .. "\nlocal function f() local " .. list("b", 65, ",") .. "\n local function g()\n return function() return " .. list("a",190,"+") .. "+" .. list("b",65,"+") .. " + gl end end end")
check("local " .. list("a", 190, ",") .. "\nlocal function f() local " .. list("b", 65, ",") .. "\n local function g()\n repeat local a3 = 1 until function() return " .. list("a",190,"+") .. "+" .. list("b",65,"+") .. " + gl end end end")
check("local " .. list("a", 190, ",") .. "\nlocal function f() local " .. list("b", 65, ",") .. "\n local function g()\n do local a3 = 1 end return function() return " .. list("a",190,"+") .. "+" .. list("b",65,"+") .. " + gl end end end")
-- globals in nested function need _ENV: 255 locals via outer + _ENV
check("local " .. list("a", 150, ",") .. "\nlocal function g() local " .. list("b", 110, ",") .. "\nreturn function() return " .. list("a",150,"+") .. "+" .. list("b",105,"+") .. "+ x end end")
check("local " .. list("a", 150, ",") .. "\nlocal function g() local " .. list("b", 110, ",") .. "\nreturn function() return " .. list("a",150,"+") .. "+" .. list("b",104,"+") .. "+ x end end")
-- 200 locals and one more: the locals limit comes first
check("local " .. list("a", 200, ",") .. "\nlocal " .. "function g() return function() local z = " .. list("a",200,"+") .. " end end")
-- repeat-until sees body locals
check("local " .. list("a", 180, ",") .. "\nreturn function() repeat local q = 1 until q + " .. list("a", 180, "+") .. " end")
-- for variables, method self, params
check("local " .. list("a", 199, ",") .. "\nlocal t = {} function t:m(p) return function() return self, p, " .. list("a", 199, ",") .. " end end")
