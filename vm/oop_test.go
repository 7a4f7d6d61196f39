package vm_test

import "testing"

// TestMetaStoreAndMethodPaths checks the loop's stores into tables whose
// metatable is known to lack __newindex (a raw store without leaving the
// loop) and method lookups through __index tables with constant-key hints:
// a __newindex added after the absence was cached, one that is removed
// again, present keys bypassing __newindex, nil and NaN keys, methods found
// at different levels of a class chain, and methods redefined or shadowed
// by the object.
func TestMetaStoreAndMethodPaths(t *testing.T) {
	// the expected output is lua5.3's
	src := `
local mt = {}
local o = setmetatable({}, mt)
local function set(t, k, v) t[k] = v end
local function setx(t, v) t.x = v end
setx(o, 1); setx(o, 2); set(o, 1, "a"); set(o, "y", 3)
print(o.x, o[1], o.y)
mt.__newindex = function(t, k, v) rawset(t, k, v .. "!") end
setx(o, 4); set(o, "z", "n"); set(o, 2, "b"); print(o.x, o.z, o[2])
mt.__newindex = nil
set(o, "w", 5); print(o.w)
mt.__newindex = {}
set(o, "v", 6); print(rawget(o, "v"), mt.__newindex.v)
mt.__newindex = nil
print(pcall(set, o, nil, 1))
print(pcall(set, o, 0/0, 1))
g = setmetatable({}, mt)
gk = 1
print(gk)

local function class(parent)
  local c = {}; c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end
local A = class(); function A:name() return "A" end; function A:who() return "a" .. self:name() end
local B = class(A); function B:name() return "B" end
local C = class(B)
local objs = { setmetatable({}, A), setmetatable({}, B), setmetatable({}, C), setmetatable({ name = function() return "own" end }, C) }
local out = {}
for round = 1, 3 do
  for _, x in ipairs(objs) do out[#out + 1] = x:who() .. x:name() end
  if round == 2 then function B:name() return "B2" end; A.who = function(self) return "w" .. self:name() end end
end
print(table.concat(out, " "))
print(pcall(function() return objs[3]:missing() end))
`
	want := "2\ta\t3\n" +
		"4\tn!\tb!\n" +
		"5\n" +
		"nil\t6\n" +
		"false\ttest:4: table index is nil\n" +
		"false\ttest:4: table index is NaN\n" +
		"1\n" +
		"aAA aBB aBB aownown aAA aBB aBB aownown wAA wB2B2 wB2B2 wownown\n" +
		"false\ttest:36: attempt to call a nil value (method 'missing')\n"
	if got := run(t, src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestOneSlotHashGrowth checks tables whose one-slot hash part grows to two
// slots in place (table.go: makeNodes, resize): the entry set aside must
// survive, with integer keys moving between the parts, deletions, array
// resizes and the memory figures of the size model.
func TestOneSlotHashGrowth(t *testing.T) {
	src := `
local function dump(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(ks)
  return table.concat(ks, ",")
end
local out = {}
local a = {}; a.x = 1; a.y = 2; out[#out + 1] = dump(a)
local b = { x = 1 }; b.y = 2; b.z = 3; out[#out + 1] = dump(b)
local c = {}; c.x = 1; c[1] = "one"; c[2] = "two"; out[#out + 1] = dump(c) .. "#" .. #c
local d = {}; d[2] = "two"; d.x = 1; d[1] = "one"; out[#out + 1] = dump(d) .. "#" .. #d
local e = {}; e.x = 1; e.x = nil; e.y = 2; e.z = 3; out[#out + 1] = dump(e)
local f = { 1 }; f.k = "k"; f[3] = 3; f[2] = 2; out[#out + 1] = dump(f) .. "#" .. #f
local g = {}; g[1.5] = "f"; g[true] = "t"; g.s = "s"; out[#out + 1] = dump(g)
print(table.concat(out, " "))
`
	want := "x=1,y=2 x=1,y=2,z=3 1=one,2=two,x=1#2 1=one,2=two,x=1#2 y=2,z=3 1=1,2=2,3=3,k=k#3 1.5=f,s=s,true=t\n"
	if got := run(t, src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestVarargCallInline checks vararg functions called from the loop's
// inline call path: fewer and more arguments than fixed parameters,
// select('#'), varargs passed on, and nested vararg frames.
func TestVarargCallInline(t *testing.T) {
	src := `
local function f(a, b, ...) return a, b, select('#', ...), ... end
local function g(...) return select('#', ...), ... end
local function h(x, ...) local n = g(...) return x, n, f(...) end
print(f())
print(f(1))
print(f(1, 2))
print(f(1, 2, 3, nil))
print(g(nil, nil))
print(h(1, 2, 3, 4))
local s = 0
for i = 1, 100 do s = s + select(2, f(i, i * 2, i)) end
print(s)
`
	want := "nil\tnil\t0\n1\tnil\t0\n1\t2\t0\n1\t2\t2\t3\tnil\n2\tnil\tnil\n1\t3\t2\t3\t1\t4\n10100\n"
	if got := run(t, src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
