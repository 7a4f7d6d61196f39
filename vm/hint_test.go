package vm_test

import "testing"

// TestConstantKeyHints checks the loop's constant-key fast paths (GETTABLE,
// SETTABLE, GETTABUP, SETTABUP, SELF with a string constant, table.go's
// hinted): one instruction meets tables whose keys sit at different nodes,
// keys equal in content but built at run time, dead keys brought back,
// compacted and resized hash parts, and __index / __newindex.
func TestConstantKeyHints(t *testing.T) {
	src := `
local function get(o) return o.x end
local function set(o, v) o.x = v end
local a = { x = 1, y = 2 }
local b = { y = 3, x = 4 }            -- x at another node
local c = { ["x" .. ""] = 5 }         -- key built at run time
local d = {}
d[table.concat({ "x" })] = 6
local out = {}
for _ = 1, 2 do
  for _, o in ipairs({ a, b, c, d, {} }) do out[#out + 1] = tostring(get(o)) end
end
print(table.concat(out, " "))

-- a dead key at the hinted node, then revived by the same instruction
set(a, 10); print(get(a)); set(a, nil); print(get(a), next(a)); set(a, 11); print(get(a))

-- compaction and growth move nodes under a cached hint
local t = { x = 0 }
for i = 1, 100 do t["k" .. i] = i end
for i = 1, 100 do t["k" .. i] = nil end
for i = 101, 200 do t["k" .. i] = i end
print(get(t)); set(t, 7); print(get(t), t.x, rawget(t, "x"))

-- metatables: a missing key still goes through __index / __newindex
local log = {}
local m = setmetatable({}, { __index = function(_, k) return "idx:" .. k end,
  __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end })
print(get(m)); set(m, 3); print(rawget(m, "x"), log[1])
local base = { x = "inherited" }
local obj = setmetatable({}, { __index = base })
print(get(obj)); set(obj, "own"); print(get(obj), base.x)

-- globals (GETTABUP/SETTABUP) and methods (SELF)
gx = 1
for i = 1, 3 do gx = gx + i end
print(gx)
local cls = {}; cls.__index = cls
function cls:val() return self.v end
local o1 = setmetatable({ v = 1 }, cls)
local o2 = setmetatable({ w = 0, v = 2 }, cls)
print(o1:val(), o2:val(), o1:val())

-- the cache's flags: a string store can add a metamethod
local mt = {}
local p = setmetatable({}, mt)
print(p.q)
local function setidx(tbl, f) tbl.__index = f end
setidx(mt, function() return "late" end)
print(p.q)
`
	want := "1 4 5 6 nil 1 4 5 6 nil\n" +
		"10\nnil\ty\t2\n11\n" +
		"0\n7\t7\t7\n" +
		"idx:x\nnil\tx=3\n" +
		"inherited\nown\tinherited\n" +
		"7\n" +
		"1\t2\t1\n" +
		"nil\nlate\n"
	if got := run(t, src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
