-- Shared helpers for the generators of expected values (run with lua5.3).
function goq(s)
  s = tostring(s)
  return '"' .. s:gsub('[%z\1-\31"\\\127-\255]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\' end
    return string.format('\\x%02x', c:byte())
  end) .. '"'
end

function show(...)
  local n = select('#', ...)
  local t = {}
  for i = 1, n do
    local v = select(i, ...)
    if math.type(v) == 'float' then t[i] = string.format('%.17g', v) else t[i] = tostring(v) end
    if math.type(v) == 'float' and not t[i]:find('[%.eninf]') then t[i] = t[i] .. '.0' end
  end
  return table.concat(t, '|')
end

function run(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then
    local msg = tostring(r[2]):gsub('^[%w_%.]+:%d+: ', ''):gsub('^bad argument #(%d+) to \'[%w%.]+\'', 'bad argument #%1')
    return 'ERR:' .. msg
  end
  return show(table.unpack(r, 2, r.n))
end
