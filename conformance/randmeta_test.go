package conformance

import (
	"fmt"
	"strings"
	"testing"
)

// TestRandomMetamethods is the differential test for metamethods and
// coroutines: random metatables (each event absent, a function that
// reports its arguments, or for __index and __newindex a table, possibly
// with a metatable of its own) and random operations on objects using them
// (indexing, assignment, arithmetic and bitwise operators with the object
// on either side, concatenation, comparisons, length, call, tostring,
// raw access), some of them run inside coroutines that yield from inside
// the metamethods and across pcall. Results and error messages are
// printed and compared with lua5.3.
func TestRandomMetamethods(t *testing.T) {
	runGenerated(t, 5<<32, func(g *exprGen) string { return g.metaChunk() })
}

// metaEvents are the events a random metatable may define, with the
// function body used when it is a function (the arguments are described,
// never printed as addresses).
var metaEvents = []struct{ name, fn string }{
	{"__add", "function(a, b) Y('add') return 'add(' .. d(a) .. ',' .. d(b) .. ')' end"},
	{"__sub", "function(a, b) return 'sub(' .. d(a) .. ',' .. d(b) .. ')' end"},
	{"__mul", "function(a, b) return 3 end"},
	{"__div", "function(a, b) return 0.5 end"},
	{"__mod", "function(a, b) return 'mod' end"},
	{"__pow", "function(a, b) return 'pow' end"},
	{"__unm", "function(a, b) Y('unm') return 'unm(' .. d(a) .. ',' .. d(b) .. ')' end"},
	{"__idiv", "function(a, b) return 'idiv' end"},
	{"__band", "function(a, b) return 'band' end"},
	{"__shl", "function(a, b) return 'shl(' .. d(a) .. ',' .. d(b) .. ')' end"},
	{"__bnot", "function(a, b) return 'bnot' end"},
	{"__concat", "function(a, b) Y('concat') return 'cat(' .. d(a) .. ',' .. d(b) .. ')' end"},
	{"__len", "function(a, b) return 42 end"},
	{"__eq", "function(a, b) Y('eq') return 1 end"},
	{"__lt", "function(a, b) Y('lt') return d(a) < d(b) end"},
	{"__le", "function(a, b) return nil end"},
	{"__call", "function(self, ...) Y('call') return select('#', ...), ... end"},
	{"__tostring", "function(a) return 'OBJ' end"},
	{"__index", "function(t, k) Y('index') return 'idx:' .. d(k) end"},
	{"__newindex", "function(t, k, v) Y('newindex') rawset(t, k, d(v) .. '!') end"},
}

var metaOps = []string{
	"o.x", "o[1]", "o.y.z", "o.x = 5; return rawget(o, 'x')", "o[2] = o; return d(rawget(o, 2))",
	"o + 1", "1 + o", "o - o2", "o * 2", "2 / o", "o % 3", "o ^ 2", "-o", "o // 1", "o & 1", "1 << o",
	"~o", "o .. 'x'", "'x' .. o", "1 .. o .. 2", "o == o2", "o ~= o2", "o == o", "o < o2", "o2 < o", "o <= o2",
	"o > 1", "#o", "o(1, nil, 3)", "o()", "tostring(o) == 'OBJ'", "rawlen(o)", "rawequal(o, o2)",
	"rawget(o, 'x')", "o:m(1)", "select('#', o(1, 2))", "o.x .. o[1]", "(o + o2) .. ''",
	"#o + 1", "-(-o)",
}

// metaChunk returns an expression that builds random metatables, runs
// random operations (directly or inside a coroutine) and returns what it
// saw as one line.
func (g *exprGen) metaChunk() string {
	var b strings.Builder
	b.WriteString("(function() local out = {} ")
	b.WriteString("local function d(v) local t = type(v) if t == 'string' or t == 'number' or t == 'boolean' or t == 'nil' then return tostring(v) end return t end ")
	b.WriteString("local inco = false local function Y(what) if inco and coroutine.isyieldable() then coroutine.yield('y:' .. what) end end ")
	for _, obj := range []string{"mt", "mt2"} {
		fmt.Fprintf(&b, "local %s = {} ", obj)
		for _, ev := range metaEvents {
			switch g.r.IntN(4) {
			case 0, 1:
				// absent
			case 2:
				fmt.Fprintf(&b, "%s.%s = %s ", obj, ev.name, ev.fn)
			default:
				if ev.name == "__index" || ev.name == "__newindex" {
					// a table, itself with a metatable half of the time
					fmt.Fprintf(&b, "%s.%s = setmetatable({x = 'tx', m = function(self, a) return 'm' .. d(a) end}, %s) ", obj, ev.name,
						g.pick([]string{"nil", "{__index = function(t, k) return 'deep:' .. d(k) end}"}))
				} else {
					fmt.Fprintf(&b, "%s.%s = %s ", obj, ev.name, ev.fn)
				}
			}
		}
	}
	b.WriteString("local o, o2 = setmetatable({}, mt), setmetatable({}, mt2) ")
	ops := make([]string, 1+g.r.IntN(4))
	for i := range ops {
		op := g.pick(metaOps)
		if !strings.Contains(op, "return") {
			op = "return " + op
		}
		ops[i] = op
	}
	body := ""
	for _, op := range ops {
		body += fmt.Sprintf("out[#out + 1] = d(select(2, pcall(function() %s end))) ", op)
	}
	switch g.r.IntN(3) {
	case 0:
		b.WriteString(body)
	case 1:
		// the operations in a coroutine: metamethods yield, the main
		// side resumes until it ends
		fmt.Fprintf(&b, "inco = true local co = coroutine.create(function() %s return 'done' end) ", body)
		b.WriteString("for i = 1, 20 do local ok, v = coroutine.resume(co) out[#out + 1] = tostring(ok) .. ':' .. d(v) if coroutine.status(co) == 'dead' then break end end ")
		b.WriteString("out[#out + 1] = coroutine.status(co) out[#out + 1] = d(select(2, coroutine.resume(co))) ")
	default:
		// wrap, with an error escaping the coroutine half of the time
		fmt.Fprintf(&b, "inco = true local f = coroutine.wrap(function() %s %s return 'end' end) ", body,
			g.pick([]string{"", "error('boom')", "error({})", "local x = nil; x()"}))
		b.WriteString("for i = 1, 20 do local ok, v = pcall(f) out[#out + 1] = tostring(ok) .. ':' .. d(v) if not ok or v == 'end' then break end end ")
	}
	b.WriteString("return table.concat(out, ' ; ') end)()")
	return b.String()
}
