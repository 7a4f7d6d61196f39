-- base64 encoding and decoding with string.byte/char and bit operations
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local dec = {}
for i = 1, 64 do dec[string.byte(alphabet, i)] = i - 1 end
local function encode(s)
  local out = ""
  for i = 1, #s, 3 do
    local a, b, c = string.byte(s, i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    local chunk = ""
    for k = 3, 0, -1 do
      local idx = (n >> (6 * k)) & 63
      chunk = chunk .. string.sub(alphabet, idx + 1, idx + 1)
    end
    if not b then chunk = string.sub(chunk, 1, 2) .. "=="
    elseif not c then chunk = string.sub(chunk, 1, 3) .. "=" end
    out = out .. chunk
  end
  return out
end
local function decode(s)
  local out = ""
  for i = 1, #s, 4 do
    local n, pad = 0, 0
    for k = 0, 3 do
      local ch = string.byte(s, i + k)
      if ch == 61 then pad = pad + 1; n = n << 6 else n = (n << 6) | dec[ch] end
    end
    local bytes = string.char((n >> 16) & 255, (n >> 8) & 255, n & 255)
    out = out .. string.sub(bytes, 1, 3 - pad)
  end
  return out
end
for _, s in ipairs({"", "f", "fo", "foo", "foob", "fooba", "foobar", "Man is distinguished", "\0\1\2\255"}) do
  local e = encode(s)
  print(e, decode(e) == s)
end
