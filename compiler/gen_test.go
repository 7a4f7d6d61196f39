package compiler

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// progGen generates random valid Lua programs to compare the compiler's
// output with luac's.
type progGen struct {
	r      *rand.Rand
	sb     strings.Builder
	scopes [][]string // locals visible, innermost last
	nloc   int
	depth  int
	vararg []bool // per function nesting
	inLoop []bool // per function nesting
}

func (g *progGen) w(s string) { g.sb.WriteString(s) }

func (g *progGen) newName() string {
	g.nloc++
	return "v" + strconv.Itoa(g.nloc)
}

func (g *progGen) visible() []string {
	var all []string
	for _, s := range g.scopes {
		all = append(all, s...)
	}
	return all
}

func (g *progGen) declare(n string) {
	g.scopes[len(g.scopes)-1] = append(g.scopes[len(g.scopes)-1], n)
}

var genOps = []string{"+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=", "and", "or", "&", "|", "~", "<<", ">>"}

func (g *progGen) literal() string {
	switch g.r.Intn(12) {
	case 0:
		return "nil"
	case 1:
		return "true"
	case 2:
		return "false"
	case 3:
		return strconv.Itoa(g.r.Intn(5))
	case 4:
		return strconv.FormatInt(g.r.Int63()>>uint(g.r.Intn(63)), 10)
	case 5:
		return []string{"0.0", "1.5", "2.0", "1e300", "0.1", "3.25"}[g.r.Intn(6)]
	case 6:
		return strconv.Quote([]string{"a", "b", "x", "", "hello"}[g.r.Intn(5)])
	case 7:
		return "-" + strconv.Itoa(g.r.Intn(3))
	case 8:
		return "0x7fffffffffffffff"
	default:
		return strconv.Itoa(g.r.Intn(300))
	}
}

func (g *progGen) variable() string {
	vis := g.visible()
	if len(vis) > 0 && g.r.Intn(3) > 0 {
		return vis[g.r.Intn(len(vis))]
	}
	return "g" + strconv.Itoa(g.r.Intn(3))
}

func (g *progGen) expr() string {
	g.depth++
	defer func() { g.depth-- }()
	if g.depth > 4 {
		if g.r.Intn(2) == 0 {
			return g.literal()
		}
		return g.variable()
	}
	switch g.r.Intn(16) {
	case 0, 1:
		return g.literal()
	case 2, 3:
		return g.variable()
	case 4, 5, 6:
		return g.expr() + g.space() + genOps[g.r.Intn(len(genOps))] + g.space() + g.expr()
	case 7:
		return []string{"- ", "not ", "#", "~ "}[g.r.Intn(4)] + g.expr()
	case 8:
		return "(" + g.expr() + ")"
	case 9:
		return g.call()
	case 10:
		return g.variable() + "." + []string{"x", "y", "z"}[g.r.Intn(3)]
	case 11:
		return g.variable() + "[" + g.space() + g.expr() + g.space() + "]"
	case 12:
		return g.table()
	case 13:
		if g.vararg[len(g.vararg)-1] {
			return "..."
		}
		return g.literal()
	case 14:
		if g.depth < 3 {
			return g.function()
		}
		return g.variable()
	default:
		return g.variable() + ":m(" + g.exprList(g.r.Intn(3)) + ")"
	}
}

func (g *progGen) exprList(n int) string {
	var parts []string
	for i := 0; i < n; i++ {
		parts = append(parts, g.expr())
	}
	return strings.Join(parts, ","+g.space())
}

// space is a blank that is sometimes a newline, to exercise line info.
func (g *progGen) space() string {
	if g.r.Intn(6) == 0 {
		return "\n"
	}
	return " "
}

func (g *progGen) call() string {
	f := g.variable()
	if g.r.Intn(4) == 0 {
		f = g.variable() + ".f"
	}
	return f + "(" + g.exprList(g.r.Intn(4)) + ")"
}

func (g *progGen) table() string {
	var parts []string
	n := g.r.Intn(5)
	if g.r.Intn(10) == 0 {
		n = 60
	}
	for i := 0; i < n; i++ {
		switch g.r.Intn(3) {
		case 0:
			parts = append(parts, "k"+strconv.Itoa(i)+" = "+g.expr())
		case 1:
			parts = append(parts, "["+g.expr()+"] = "+g.expr())
		default:
			parts = append(parts, g.expr())
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func (g *progGen) function() string {
	var sb strings.Builder
	params := []string{}
	for i := g.r.Intn(3); i > 0; i-- {
		params = append(params, g.newName())
	}
	va := g.r.Intn(2) == 0
	plist := strings.Join(params, ", ")
	if va {
		if plist != "" {
			plist += ", "
		}
		plist += "..."
	}
	saved := g.sb
	g.sb = strings.Builder{}
	g.vararg = append(g.vararg, va)
	g.inLoop = append(g.inLoop, false)
	g.scopes = append(g.scopes, params)
	g.block(2)
	g.scopes = g.scopes[:len(g.scopes)-1]
	g.vararg = g.vararg[:len(g.vararg)-1]
	g.inLoop = g.inLoop[:len(g.inLoop)-1]
	body := g.sb.String()
	g.sb = saved
	sb.WriteString("function(" + plist + ")\n" + body + "end")
	return sb.String()
}

func (g *progGen) target() string {
	switch g.r.Intn(3) {
	case 0:
		return g.variable() + "." + []string{"x", "y"}[g.r.Intn(2)]
	case 1:
		return g.variable() + "[" + g.expr() + "]"
	}
	return g.variable()
}

func (g *progGen) block(n int) {
	g.scopes = append(g.scopes, nil)
	defer func() { g.scopes = g.scopes[:len(g.scopes)-1] }()
	for i := 0; i < n; i++ {
		g.stat()
	}
	if g.r.Intn(4) == 0 {
		g.w("return " + g.exprList(g.r.Intn(3)) + "\n")
	}
}

func (g *progGen) stat() {
	g.depth++
	defer func() { g.depth-- }()
	if g.depth > 3 {
		g.w(g.call() + "\n")
		return
	}
	loop := g.inLoop[len(g.inLoop)-1]
	switch g.r.Intn(16) {
	case 13:
		// a loop with a 'continue' label at the end of its body
		lbl := "c" + strconv.Itoa(g.nloc)
		g.nloc++
		v := g.newName()
		g.w("for " + v + " = 1, " + g.expr() + " do\n")
		g.scopes = append(g.scopes, []string{v})
		g.inLoop[len(g.inLoop)-1] = true
		g.stat()
		g.w("if " + g.expr() + " then goto " + lbl + " end\n")
		g.stat()
		g.w("::" + lbl + "::\n")
		g.inLoop[len(g.inLoop)-1] = loop
		g.scopes = g.scopes[:len(g.scopes)-1]
		g.w("end\n")
	case 14:
		sep := []string{".", ":"}[g.r.Intn(2)]
		g.w("function g" + strconv.Itoa(g.r.Intn(3)) + ".t" + sep + "m" + strings.TrimPrefix(g.function(), "function") + "\n")
	case 15:
		lbl := "l" + strconv.Itoa(g.nloc)
		g.nloc++
		g.w("do\n")
		g.w("goto " + lbl + "\n")
		g.stat()
		g.w("::" + lbl + "::\n")
		g.w("end\n")
	case 0, 1:
		k := 1 + g.r.Intn(3)
		names := make([]string, k)
		for i := range names {
			names[i] = g.newName()
		}
		vals := ""
		if g.r.Intn(4) > 0 {
			vals = " = " + g.exprList(g.r.Intn(4)+1)
		}
		g.w("local " + strings.Join(names, ", ") + vals + "\n")
		for _, n := range names {
			g.declare(n)
		}
	case 2, 3:
		k := 1 + g.r.Intn(3)
		ts := make([]string, k)
		for i := range ts {
			ts[i] = g.target()
		}
		g.w(strings.Join(ts, ", ") + " = " + g.exprList(1+g.r.Intn(4)) + "\n")
	case 4:
		g.w(g.call() + "\n")
	case 5:
		g.w("if " + g.expr() + " then\n")
		g.block(2)
		for g.r.Intn(2) == 0 {
			g.w("elseif " + g.expr() + " then\n")
			g.block(1)
		}
		if g.r.Intn(2) == 0 {
			g.w("else\n")
			g.block(1)
		}
		g.w("end\n")
	case 6:
		g.w("while " + g.expr() + " do\n")
		g.loopBody()
		g.w("end\n")
	case 7:
		v := g.newName()
		g.w("for " + v + " = " + g.expr() + ", " + g.expr())
		if g.r.Intn(2) == 0 {
			g.w(", " + g.expr())
		}
		g.w(" do\n")
		g.scopes = append(g.scopes, []string{v})
		g.loopBody()
		g.scopes = g.scopes[:len(g.scopes)-1]
		g.w("end\n")
	case 8:
		a, b := g.newName(), g.newName()
		g.w("for " + a + ", " + b + " in " + g.exprList(1+g.r.Intn(3)) + " do\n")
		g.scopes = append(g.scopes, []string{a, b})
		g.loopBody()
		g.scopes = g.scopes[:len(g.scopes)-1]
		g.w("end\n")
	case 9:
		g.w("repeat\n")
		g.inLoop[len(g.inLoop)-1] = true
		g.scopes = append(g.scopes, nil)
		for i := 0; i < 2; i++ {
			g.stat()
		}
		g.w("until " + g.expr() + "\n")
		g.scopes = g.scopes[:len(g.scopes)-1]
		g.inLoop[len(g.inLoop)-1] = loop
	case 10:
		g.w("do\n")
		g.block(2)
		g.w("end\n")
	case 11:
		if loop {
			if g.r.Intn(2) == 0 {
				g.w("if " + g.expr() + " then break end\n")
			} else {
				g.w("do break end\n")
			}
		} else {
			n := g.newName()
			g.w("local function " + n + "(a, b) return a, b end\n")
			g.declare(n)
		}
	default:
		n := g.newName()
		g.w("local " + n + " = " + g.function() + "\n")
		g.declare(n)
	}
}

func (g *progGen) loopBody() {
	loop := g.inLoop[len(g.inLoop)-1]
	g.inLoop[len(g.inLoop)-1] = true
	g.block(2)
	g.inLoop[len(g.inLoop)-1] = loop
}

func genProgram(seed int64) string {
	g := &progGen{r: rand.New(rand.NewSource(seed)), vararg: []bool{true}, inLoop: []bool{false}}
	g.block(6)
	return g.sb.String()
}

// TestGeneratedAgainstLuac compiles random programs with moonfuel and luac
// and compares the listings (lines included).
func TestGeneratedAgainstLuac(t *testing.T) {
	if _, err := exec.LookPath("luac5.3"); err != nil {
		t.Skip("luac5.3 not installed; skipping the bytecode comparison")
	}
	n := 150
	if testing.Short() {
		n = 20
	}
	if s := os.Getenv("COMPILER_GEN_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	fails := 0
	for seed := int64(1); seed <= int64(n) && fails < 5; seed++ {
		src := genProgram(seed)
		want, ok := luacListing(t, src)
		if !ok {
			t.Errorf("seed %d: luac rejects the program: %s\n%s", seed, want, src)
			fails++
			continue
		}
		p, err := compileSource(src, "@t.lua")
		if err != nil {
			t.Errorf("seed %d: %v\n%s", seed, err, src)
			fails++
			continue
		}
		if err := verify(p); err != nil {
			t.Errorf("seed %d: %v", seed, err)
		}
		got := normalizeListing(Disassemble(p), true)
		w := normalizeListing(want, true)
		if got != w {
			t.Errorf("seed %d: listing differs:\n%s\n%s", seed, src, shortDiff(w, got))
			fails++
		}
	}
	_ = fmt.Sprint
}
