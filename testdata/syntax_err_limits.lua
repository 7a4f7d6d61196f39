-- structural limits the parser enforces
local function check(src)
  local f, err = load(src, "=limits")
  print(f ~= nil, err)
end
local function list(prefix, n, sep)
  local s = ""
  for i = 1, n do s = s .. (i > 1 and sep or "") .. prefix .. i end
  return s
end
-- many locals (limit is 200 per function)
check("local " .. list("a", 199, ","))
check("local " .. list("a", 200, ","))
check("local " .. list("a", 201, ","))
check("local " .. list("a", 150, ",") .. "\nlocal " .. list("b", 60, ","))
-- deep nesting of parentheses within the C-level limit (200)
check("x = " .. string.rep("(", 100) .. "1" .. string.rep(")", 100))
check("x = " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))
-- many upvalues (limit is 255)
local function upsrc(n1, n2)
  return "local " .. list("u", n1, ",") .. "\n" ..
    "return function()\n local " .. list("v", n2, ",") .. "\n" ..
    " return function() return " .. list("u", n1, "+") .. "+" .. list("v", n2, "+") .. " end end"
end
check(upsrc(100, 100))
check(upsrc(150, 150))
