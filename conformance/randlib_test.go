package conformance

import (
	"fmt"
	"strings"
	"testing"
)

// TestRandomLibraryCalls is the differential test for the table, string and
// utf8 functions that take positions and ranges: random calls with valid,
// negative, zero, out-of-range, float and non-number positions on small
// tables (with and without holes) and strings (ASCII and UTF-8), printing
// the results, the table afterwards and any error message. (The length of
// a table with holes is any border, and lua5.3's choice depends on its hash
// layout, for example after t[k] = nil for an absent k, which creates the
// key there: the test prints the slots, not #t.)
func TestRandomLibraryCalls(t *testing.T) {
	runGenerated(t, 4<<32, func(g *exprGen) string { return g.libCall() })
}

var (
	libTables = []string{"{}", "{1, 2, 3}", "{'a', 'b', 'c', 'd', 'e'}", "{1, nil, 3}", "{nil, nil, 3}",
		"{1, 2, 3, nil, 5, nil}", "{n = 2, 'x', 'y'}", "{[1] = 'a', [2] = 'b', [4] = 'd'}"}
	libPos  = []string{"1", "2", "3", "0", "-1", "-2", "4", "5", "6", "7", "10", "-10", "1.0", "2.5", "'2'", "'x'", "nil", "math.maxinteger", "math.mininteger", "2^53"}
	libStrs = []string{`""`, `"a"`, `"hello"`, `"h\u{e9}llo w\u{f6}rld"`, `"\u{10ffff}x"`, `"\xff\xfe"`, `"abc\0def"`, `"\u{7ff}\u{800}\u{ffff}"`}
)

func (g *exprGen) libCall() string {
	p := func() string { return g.pick(libPos) }
	// table.move with a huge range runs for ages in lua5.3: small positions
	mp := func() string { return g.pick(libPos[:17]) }
	tab, s := g.pick(libTables), g.pick(libStrs)
	show := "local function show(t) local r = {} for i = -1, 41 do r[#r + 1] = tostring(rawget(t, i)) end return table.concat(r, ',') end"
	var call string
	switch g.r.IntN(17) {
	case 0:
		call = fmt.Sprintf("table.insert(t, %s, 'v')", p())
	case 1:
		call = "table.insert(t, 'v')"
	case 2:
		call = fmt.Sprintf("table.remove(t, %s)", p())
	case 3:
		call = "table.remove(t)"
	case 4:
		call = fmt.Sprintf("table.move(t, %s, %s, %s)", mp(), mp(), p())
	case 5:
		call = fmt.Sprintf("table.move(t, %s, %s, %s, u)", mp(), mp(), p())
	case 6:
		call = fmt.Sprintf("table.concat(t, '-', %s, %s)", p(), p())
	case 7:
		call = fmt.Sprintf("select('#', table.unpack(t, %s, %s))", p(), p())
	case 8:
		call = fmt.Sprintf("table.unpack(t, %s, %s)", p(), p())
	case 9:
		call = fmt.Sprintf("string.sub(%s, %s, %s)", s, p(), p())
	case 10:
		call = fmt.Sprintf("string.byte(%s, %s, %s)", s, p(), p())
	case 11:
		call = fmt.Sprintf("utf8.len(%s, %s, %s)", s, p(), p())
	case 12:
		call = fmt.Sprintf("utf8.codepoint(%s, %s, %s)", s, p(), p())
	case 13:
		call = fmt.Sprintf("utf8.offset(%s, %s, %s)", s, p(), p())
	case 14:
		call = fmt.Sprintf("#%s, (%s):rep(%s %% 3, '|')", tab, s, p())
	case 15:
		// table.sort: the reference's algorithm exactly (the order of equal
		// elements, which inconsistent comparators raise "invalid order
		// function for sorting", which elements are compared)
		n := g.r.IntN(40)
		elems := make([]string, n)
		for i := range elems {
			elems[i] = fmt.Sprint(g.r.IntN(12))
			if g.r.IntN(30) == 0 {
				elems[i] = g.pick([]string{"'s'", "1.5", "true"})
			}
		}
		tab = "{" + strings.Join(elems, ", ") + "}"
		cmp := g.pick([]string{"", ", function(a, b) return a > b end", ", function(a, b) return true end",
			", function(a, b) return a <= b end", ", function(a, b) return (a % 3) < (b % 3) end",
			", function(a, b) return false end", ", function(a, b) u[#u + 1] = a return a < b end"})
		call = fmt.Sprintf("table.sort(t%s)", cmp)
	default:
		// traversal order outside the array part is the implementation's:
		// only tables built without explicit keys
		if tab == libTables[len(libTables)-1] {
			tab = libTables[1]
		}
		call = fmt.Sprintf("next(t, %s)", p())
	}
	return fmt.Sprintf("(function() %s local t, u = %s, {'u1', 'u2'} "+
		"local r = table.pack(pcall(function() return %s end)) "+
		"for i = 1, r.n do r[i] = type(r[i]) == 'table' and 'table' or tostring(r[i]) end "+
		"return table.concat(r, ' ', 1, r.n) .. ' | ' .. show(t) .. ' | ' .. show(u) end)()",
		show, tab, call)
}
