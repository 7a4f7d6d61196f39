package conformance

import (
	"fmt"
	"strings"
	"testing"
)

// TestRandomPrograms is the differential test at the level of statements:
// random, always-terminating programs (nested blocks of locals, multiple
// assignment, numeric and generic for loops with integer and float steps,
// while and repeat loops, break, goto, closures capturing loop variables
// and upvalues shared between closures, varargs and select, method calls
// through metatables, table constructors with open calls, pcall and error)
// run on moonfuel and lua5.3, which must print the same lines. It checks
// the compiler (register allocation, jumps, upvalue capture, scoping) and
// the loop together; run-time errors are caught by pcall and printed, so
// their messages (variable names, line numbers) are compared too.
func TestRandomPrograms(t *testing.T) {
	runGenerated(t, 3<<32, func(g *exprGen) string {
		p := &progGen{g: g}
		return p.chunk()
	})
}

// progGen writes one random program. Each call of runGenerated's function
// makes one "statement" of the outer program: here a whole function body
// run under pcall, so that an error in one does not stop the others.
type progGen struct {
	g     *exprGen
	b     strings.Builder
	depth int
	// scopes holds the numeric locals visible at each block level; tables
	// and functions are created with fixed names the generator knows.
	scopes [][]string
	nvar   int
	loops  int // enclosing loops (break is allowed inside one)
	labels int
	ro     map[string]bool // loop counters: read, never assigned
}

func (p *progGen) line(format string, args ...any) {
	p.b.WriteString(strings.Repeat(" ", p.depth))
	fmt.Fprintf(&p.b, format, args...)
	p.b.WriteString(";")
}

func (p *progGen) vars() []string {
	var all []string
	for _, s := range p.scopes {
		all = append(all, s...)
	}
	return all
}

func (p *progGen) newVar() string {
	p.nvar++
	name := fmt.Sprintf("v%d", p.nvar)
	p.scopes[len(p.scopes)-1] = append(p.scopes[len(p.scopes)-1], name)
	return name
}

func (p *progGen) open()  { p.scopes = append(p.scopes, nil); p.depth++ }
func (p *progGen) close() { p.scopes = p.scopes[:len(p.scopes)-1]; p.depth-- }

// num returns a numeric expression over the visible variables.
func (p *progGen) num(d int) string {
	vs := p.vars()
	if d <= 0 || p.g.r.IntN(3) == 0 {
		if len(vs) > 0 && p.g.r.IntN(2) == 0 {
			return vs[p.g.r.IntN(len(vs))]
		}
		return p.g.pick([]string{"0", "1", "2", "3", "-1", "7", "0.5", "-2.5", "10", "2^53", "math.maxinteger", "1e300", "(0/0)", "-0.0"})
	}
	switch p.g.r.IntN(8) {
	case 0:
		return "(" + p.num(d-1) + " " + p.g.pick([]string{"+", "-", "*", "/", "//", "%", "^"}) + " " + p.num(d-1) + ")"
	case 1:
		return "(" + p.num(d-1) + " " + p.g.pick([]string{"&", "|", "~", "<<", ">>"}) + " " + p.num(d-1) + ")"
	case 2:
		return "(" + p.num(d-1) + " " + p.g.pick([]string{"<", "<=", "==", "~="}) + " " + p.num(d-1) + " and " + p.num(d-1) + " or " + p.num(d-1) + ")"
	case 3:
		return "select('#', " + p.num(d-1) + ", " + p.num(d-1) + ")"
	case 4:
		return "(t[" + p.g.pick([]string{"1", "2", "3", "'x'", "'y'"}) + "] or 0)"
	case 5:
		return "obj:get()"
	case 6:
		return "f(" + p.num(d-1) + ")"
	}
	return "(- " + p.num(d-1) + ")"
}

// stmt writes one statement; budget bounds the nesting.
func (p *progGen) stmt(budget int) {
	r := p.g.r
	k := r.IntN(16)
	if budget <= 0 {
		k = r.IntN(4)
	}
	switch k {
	case 0:
		e := p.num(2)
		p.line("local %s = %s", p.newVar(), e)
	case 1:
		var vs []string
		for _, v := range p.vars() {
			if !p.ro[v] {
				vs = append(vs, v)
			}
		}
		if len(vs) >= 2 {
			a, b := vs[r.IntN(len(vs))], vs[r.IntN(len(vs))]
			p.line("%s, %s = %s, %s", a, b, p.num(1), p.num(1))
		} else {
			e := p.num(2)
			p.line("local %s, %s = %s", p.newVar(), p.newVar(), e)
		}
	case 2:
		p.line("print(%s, %s)", p.num(2), p.num(1))
	case 3:
		p.line("t[%s] = %s", p.g.pick([]string{"1", "2", "3", "'x'", "'y'", "#t + 1"}), p.num(2))
	case 4:
		start, limit, step := p.g.pick([]string{"1", "0", "-3", "2.5", "10"}), p.g.pick([]string{"3", "5", "-1", "4.5", "0"}), p.g.pick([]string{"", ", 1", ", -1", ", 2", ", 0.5", ", -0.75"})
		p.line("for i%d = %s, %s%s do", p.depth, start, limit, step)
		p.open()
		p.scopes[len(p.scopes)-1] = append(p.scopes[len(p.scopes)-1], fmt.Sprintf("i%d", p.depth-1))
		p.loops++
		p.block(budget - 1)
		p.loops--
		p.close()
		p.line("end")
	case 5:
		c := p.newVar()
		p.ro[c] = true
		p.line("local %s = 0", c)
		p.line("while %s < %d do", c, 1+r.IntN(4))
		p.open()
		p.line("%s = %s + 1", c, c)
		p.loops++
		p.block(budget - 1)
		p.loops--
		p.close()
		p.line("end")
	case 6:
		c := p.newVar()
		p.ro[c] = true
		p.line("local %s = 0", c)
		p.line("repeat")
		p.open()
		p.line("%s = %s + 1", c, c)
		inner := p.newVar()
		p.line("local %s = %s * 2", inner, c)
		p.loops++
		p.block(budget - 1)
		p.loops--
		// the condition sees the body's locals
		p.line("until %s >= %d or %s > 100", c, 1+r.IntN(4), inner)
		p.close()
	case 7:
		p.line("if %s then", p.num(2))
		p.open()
		p.block(budget - 1)
		p.close()
		if r.IntN(2) == 0 {
			p.line("elseif %s then", p.num(1))
			p.open()
			p.block(budget - 1)
			p.close()
		}
		if r.IntN(2) == 0 {
			p.line("else")
			p.open()
			p.block(budget - 1)
			p.close()
		}
		p.line("end")
	case 8:
		// closures capturing the visible variables, called later
		p.line("fs[#fs + 1] = function(a, ...) return %s, select('#', ...) end", p.num(2))
	case 9:
		if p.loops > 0 {
			p.line("if %s then break end", p.num(1))
		} else {
			p.line("print(pcall(error, %s))", p.num(1))
		}
	case 10:
		if p.loops > 0 {
			// goto to the end of the enclosing loop body (continue)
			p.labels++
			lbl := fmt.Sprintf("c%d", p.labels)
			p.line("do")
			p.open()
			p.line("if %s then goto %s end", p.num(1), lbl)
			p.block(budget - 1)
			p.close()
			p.line("::%s::", lbl)
			p.line("end")
		} else {
			p.line("print(select(-1, %s, %s))", p.num(1), p.num(1))
		}
	case 11:
		p.line("for k, v in ipairs({%s, %s, f(%s)}) do print(k, v) end", p.num(1), p.num(1), p.num(1))
	case 12:
		p.line("local %s = {%s, g(%s)}", "tt", p.num(1), p.num(1))
		p.line("print(select('#', table.unpack(tt, 1, 4)), tt[1], tt[2], tt[3])")
	case 13:
		// a shared upvalue between two closures
		e := p.num(1)
		u := p.newVar()
		p.line("local %s = %s", u, e)
		p.line("local inc, get = function() %s = %s + 1 end, function() return %s end", u, u, u)
		p.line("inc() inc() print(get(), %s)", u)
	case 14:
		p.line("obj:set(%s) print(obj:get(), obj.n)", p.num(2))
	default:
		p.line("print(pcall(function() local z = %s return z .. '' end))", p.num(2))
	}
}

func (p *progGen) block(budget int) {
	for range 1 + p.g.r.IntN(3) {
		p.stmt(budget)
	}
}

// chunk returns one self-contained statement of the outer program: a
// function run under pcall that sets up its helpers, runs a random block
// and prints what its closures return.
func (p *progGen) chunk() string {
	p.b.Reset()
	p.scopes, p.nvar, p.loops, p.labels, p.depth = [][]string{nil}, 0, 0, 0, 0
	p.ro = map[string]bool{}
	p.b.WriteString("(function() ")
	p.b.WriteString("local t, fs = {1, 2}, {} ")
	p.b.WriteString("local function f(x) return x, 2 end ")
	p.b.WriteString("local function g(...) return select('#', ...), ... end ")
	p.b.WriteString("local obj = setmetatable({n = 0}, {__index = {get = function(s) return s.n end, set = function(s, v) s.n = v end}}) ")
	p.block(3)
	p.b.WriteString(" for i = 1, #fs do print(i, fs[i](i, i, nil)) end ")
	p.b.WriteString("end)()")
	return p.b.String()
}
