-- a recursive-descent calculator over string.byte/sub
local function calc(src)
  local pos = 1
  local function peek()
    while string.sub(src, pos, pos) == " " do pos = pos + 1 end
    return string.sub(src, pos, pos)
  end
  local expr
  local function number()
    local start = pos
    while true do
      local c = string.byte(src, pos)
      if c and ((c >= 48 and c <= 57) or c == 46) then pos = pos + 1 else break end
    end
    if start == pos then error("number expected at " .. pos, 0) end
    return tonumber(string.sub(src, start, pos - 1))
  end
  local function primary()
    local c = peek()
    if c == "(" then
      pos = pos + 1
      local v = expr()
      if peek() ~= ")" then error("')' expected at " .. pos, 0) end
      pos = pos + 1
      return v
    elseif c == "-" then pos = pos + 1; return -primary()
    end
    return number()
  end
  local function power()
    local b = primary()
    if peek() == "^" then pos = pos + 1; return b ^ power() end
    return b
  end
  local function term()
    local v = power()
    while true do
      local c = peek()
      if c == "*" then pos = pos + 1; v = v * power()
      elseif c == "/" then pos = pos + 1; v = v / power()
      elseif c == "%" then pos = pos + 1; v = v % power()
      else return v end
    end
  end
  function expr()
    local v = term()
    while true do
      local c = peek()
      if c == "+" then pos = pos + 1; v = v + term()
      elseif c == "-" then pos = pos + 1; v = v - term()
      else return v end
    end
  end
  local v = expr()
  if peek() ~= "" then error("unexpected '" .. peek() .. "' at " .. pos, 0) end
  return v
end
for _, e in ipairs({"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4", "10 % 4", "-3 + 5",
  "1.5 * 4", "((7))", "2 * (3 + 4) - 5 / (1 + 1)", "1 +", "(1 + 2", "1 2", "8 % 3.5"}) do
  print(e, pcall(calc, e))
end
