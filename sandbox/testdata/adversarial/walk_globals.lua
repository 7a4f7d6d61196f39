-- expect: ok
local seen, found = {}, {}
local function walk(t, path)
  if seen[t] then return end
  seen[t] = true
  for k, v in pairs(t) do
    local p = path .. '.' .. tostring(k)
    if type(v) == 'table' then walk(v, p) elseif type(v) == 'function' then found[#found + 1] = p end
  end
  local mt = getmetatable(t)
  if type(mt) == 'table' then walk(mt, path .. '<mt>') end
end
walk(_G, '_G')
walk(getmetatable(''), 'string<mt>')
local bad = {}
for _, name in ipairs({'require', 'dofile', 'loadfile', 'string.dump', 'os.execute', 'os.getenv',
    'os.exit', 'os.remove', 'os.rename', 'os.tmpname', 'os.setlocale', 'io.open', 'io.popen',
    'debug.getinfo', 'debug.sethook', 'debug.getregistry', 'package.loadlib'}) do
  bad['_G.' .. name] = true
end
for _, p in ipairs(found) do
  assert(not bad[p] and not p:find('^_G%.io%.') and not p:find('^_G%.debug%.') and not p:find('^_G%.package%.'), 'reachable: ' .. p)
end
return #found
