-- a small serializer with sorted keys and a matching parser
local function sortkeys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  for i = 2, #ks do
    local v, j = ks[i], i - 1
    while j >= 1 and tostring(ks[j]) > tostring(v) do ks[j + 1] = ks[j]; j = j - 1 end
    ks[j + 1] = v
  end
  return ks
end
local function encode(v)
  local t = type(v)
  if t == "table" then
    if #v > 0 then
      local s = "["
      for i = 1, #v do s = s .. (i > 1 and "," or "") .. encode(v[i]) end
      return s .. "]"
    end
    local s, first = "{", true
    for _, k in ipairs(sortkeys(v)) do
      s = s .. (first and "" or ",") .. string.format("%q", tostring(k)) .. ":" .. encode(v[k])
      first = false
    end
    return s .. "}"
  elseif t == "string" then return string.format("%q", v)
  else return tostring(v) end
end
local doc = {name = "moonfuel", version = 1, tags = {"lua", "go", "sandbox"},
  limits = {fuel = 1000000, memory = 65536}, nested = {a = {b = {c = true}}}, ratio = 0.5}
local text = encode(doc)
print(text)
-- parser
local function decode(s)
  local pos = 1
  local function ws() while true do local c = string.sub(s, pos, pos); if c == " " or c == "\n" then pos = pos + 1 else break end end end
  local value
  local function str()
    pos = pos + 1
    local start = pos
    while string.sub(s, pos, pos) ~= '"' do pos = pos + 1 end
    local r = string.sub(s, start, pos - 1)
    pos = pos + 1
    return r
  end
  function value()
    ws()
    local c = string.sub(s, pos, pos)
    if c == "{" then
      pos = pos + 1
      local t = {}
      ws()
      if string.sub(s, pos, pos) == "}" then pos = pos + 1 return t end
      while true do
        ws(); local k = str(); ws(); pos = pos + 1
        t[k] = value(); ws()
        local d = string.sub(s, pos, pos); pos = pos + 1
        if d == "}" then return t end
      end
    elseif c == "[" then
      pos = pos + 1
      local t = {}
      while true do
        t[#t + 1] = value(); ws()
        local d = string.sub(s, pos, pos); pos = pos + 1
        if d == "]" then return t end
      end
    elseif c == '"' then return str()
    else
      local start = pos
      while true do
        local ch = string.sub(s, pos, pos)
        if ch == "" or ch == "," or ch == "]" or ch == "}" or ch == " " then break end
        pos = pos + 1
      end
      local tok = string.sub(s, start, pos - 1)
      if tok == "true" then return true elseif tok == "false" then return false end
      return tonumber(tok)
    end
  end
  return value()
end
local back = decode(text)
print(encode(back) == text, back.limits.fuel, back.tags[3], back.nested.a.b.c, back.ratio)
