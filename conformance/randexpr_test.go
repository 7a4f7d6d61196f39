package conformance

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRandomExpressions is a differential test of the corners of Lua 5.3's
// value semantics: programs of random expressions over integers, floats
// (signed zeros, infinities, NaN, huge and tiny values), numeric and
// non-numeric strings, booleans and nil, combined with every operator and
// the conversion-heavy library functions, run on moonfuel and on lua5.3;
// the outputs (values, or the error messages of failing expressions) must
// be identical. The programs come from fixed seeds, so a failure is
// reproducible: the failing program is written to the test's log with the
// first differing line. MOONFUEL_RANDEXPR=N runs N programs instead of the
// default 12 (for longer hunts).
func TestRandomExpressions(t *testing.T) {
	runDifferential(t, func(seed uint64) (string, int) {
		return newExprGen(seed).program(exprStatements), exprPrelude
	})
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<no more output>"
}

// exprGen generates random Lua expressions from a seed.
type exprGen struct{ r *rand.Rand }

func newExprGen(seed uint64) *exprGen {
	return &exprGen{r: rand.New(rand.NewPCG(seed, 0x6d6f6f6e6675656c))}
}

// Operand pools. Strings are Lua source (quoted where needed).
var (
	exprInts = []string{"0", "1", "-1", "2", "3", "7", "-7", "10", "255", "256", "1000",
		"2147483648", "math.maxinteger", "math.mininteger", "-9007199254740993", "0x7fffffff", "0xff"}
	exprFloats = []string{"0.0", "-0.0", "0.5", "-1.5", "3.0", "-2.5", "1e15", "1e16", "1e100", "1e308",
		"-1e308", "5e-324", "2^53", "2^63", "-2^63", "1/0", "-1/0", "0/0", "123456789012.0", "0.1", "1/3"}
	exprStrs = []string{`"10"`, `"0x10"`, `" 5 "`, `"1e2"`, `"abc"`, `""`, `"3.0"`, `"-0"`, `"0x7fffffffffffffff"`,
		`"9007199254740993"`, `"  0x1p4  "`, `"1e"`, `"inf"`, `"nan"`, `"a\0b"`, `"\xff\xfe"`, `"%d"`, `"Hello"`}
	exprOther  = []string{"true", "false", "nil"}
	exprLocals = []string{"a", "b", "c", "d", "s", "t"}
	exprBin    = []string{"+", "-", "*", "/", "//", "%", "^", "&", "|", "~", "<<", ">>", "..",
		"==", "~=", "<", "<=", ">", ">=", "and", "or"}
	exprUn = []string{"-", "~", "not ", "#"}
	// calls taking the operands given by the template's %s (repetition
	// counts are kept small: lua5.3 would take minutes or gigabytes)
	exprCalls = []string{
		"math.floor(%s)", "math.ceil(%s)", "math.abs(%s)", "math.tointeger(%s)", "math.type(%s)",
		"math.fmod(%s, %s)", "math.max(%s, %s)", "math.min(%s, %s)", "math.ult(%s, %s)",
		"tostring(%s)", "tonumber(%s)", "tonumber(%s, 16)", "tonumber(%s, 36)", "tonumber(%s, 2)",
		"string.format('%%d', %s)", "string.format('%%.3f', %s)", "string.format('%%g', %s)",
		"string.format('%%5.1s', %s)", "string.format('%%x', %s)", "string.format('%%q', %s)",
		"string.format('%%a', %s)", "string.format('%%.14g', %s)", "string.format('%%i|%%s', %s, %s)",
		"string.rep(%s, 3, ',')", "string.sub(%s, %s, %s)", "string.byte(%s, %s)", "string.char(%s)",
		"string.len(%s)", "string.upper(%s)", "select('#', %s, %s)", "select(%s, 'x', 'y', 'z')",
		"rawequal(%s, %s)", "rawlen(%s)", "type(%s)", "math.sqrt(%s)", "math.exp(%s)", "math.log(%s)",
		"math.log(%s, %s)", "string.pack('i4', %s):len()", "utf8.char(%s)", "('x'):rep(%s %% 5)",
		"string.format('%%+.3e', %s)", "string.format('%%-6d|', %s)", "string.format('%%o', %s)",
		"string.format('%%c', %s)", "string.format('%%10.4g', %s)", "string.format('%%#x', %s)",
		"string.format('%%.0f', %s)", "string.format('%%.20g', %s)", "string.format('%%e', %s)",
		"string.format('%%5.2s|', %s)", "string.format('%%.99f', %s)", "string.format('%%#.3o', %s)",
		"math.modf(%s)", "string.find(%s, %s, 1, true)", "string.reverse(%s)", "table.concat({%s, %s}, '|')",
		"table.unpack({%s, %s})", "utf8.len(%s)", "utf8.codepoint(%s)", "#tostring(%s)",
		"tostring(%s // 1)", "math.tointeger(%s .. '')", "string.rep(%s, %s %% 4)", "math.fmod(%s, 3)",
		"(%s < %s) == (%s >= %s)", "string.format('%%s', %s)", "tostring(%s):upper()",
		"next({%s})", "select(-1, %s, %s)", "string.sub('hello', %s)", "string.byte('hello', %s, %s)",
	}
)

// exprStatements is the number of printing statements of a program.
const exprStatements = 250

// exprPrelude is the number of lines before the first printing statement.
const exprPrelude = 2

func (g *exprGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// leaf returns an operand.
func (g *exprGen) leaf() string {
	switch g.r.IntN(10) {
	case 0, 1, 2:
		return g.pick(exprInts)
	case 3, 4, 5:
		return g.pick(exprFloats)
	case 6, 7:
		return g.pick(exprStrs)
	case 8:
		return g.pick(exprOther)
	}
	return g.pick(exprLocals)
}

// expr returns an expression of at most the given depth.
func (g *exprGen) expr(depth int) string {
	if depth == 0 || g.r.IntN(4) == 0 {
		return g.leaf()
	}
	switch g.r.IntN(6) {
	case 0, 1, 2:
		return "(" + g.expr(depth-1) + " " + g.pick(exprBin) + " " + g.expr(depth-1) + ")"
	case 3:
		return "(" + g.pick(exprUn) + " " + g.expr(depth-1) + ")" // "- -1", not a comment
	}
	tmpl := g.pick(exprCalls)
	args := make([]any, strings.Count(tmpl, "%s")-strings.Count(tmpl, "%%s"))
	for i := range args {
		args[i] = g.expr(depth - 1)
	}
	return fmt.Sprintf(tmpl, args...)
}

// program returns a chunk of n printing statements. The locals make some
// operands registers rather than constants, so that both the folding of
// constant expressions and the run-time paths are exercised.
func (g *exprGen) program(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "local a, b, c, d = %s, %s, %s, %s\n", g.pick(exprInts), g.pick(exprFloats), g.pick(exprInts), g.pick(exprFloats))
	fmt.Fprintf(&b, "local s, t = %s, %s\n", g.pick(exprStrs), g.pick(exprStrs))
	for range n {
		fmt.Fprintf(&b, "print(pcall(function() return %s end))\n", g.expr(3))
	}
	return b.String()
}

// TestRandomPatterns is the same differential test for Lua patterns:
// random patterns (character classes, sets, quantifiers, anchors,
// captures, position captures, %b, %f, back references, and malformed
// ones) applied by find, match, gmatch and gsub to random subjects.
func TestRandomPatterns(t *testing.T) {
	runGenerated(t, 1<<32, func(g *exprGen) string { return g.patternCall() })
}

// TestRandomConversions is the same differential test for conversions:
// random numerals through tonumber (with and without a base), coercion and
// math.tointeger, and random string.format conversions (flags, widths,
// precisions) over random values.
func TestRandomConversions(t *testing.T) {
	runGenerated(t, 2<<32, func(g *exprGen) string {
		if g.r.IntN(2) == 0 {
			return g.numeralCall()
		}
		return g.formatCall()
	})
}

// runGenerated runs MOONFUEL_RANDEXPR (default 12) programs of
// exprStatements printed calls made by call, from seeds base, base+1, ...,
// on lua5.3 and moonfuel, and reports the first differing line of each.
func runGenerated(t *testing.T, base uint64, call func(*exprGen) string) {
	runDifferential(t, func(seed uint64) (string, int) {
		g := newExprGen(base + seed)
		var b strings.Builder
		for range exprStatements {
			fmt.Fprintf(&b, "print(pcall(function() return %s end))\n", call(g))
		}
		return b.String(), 0
	})
}

// runDifferential runs MOONFUEL_RANDEXPR (default 12) programs made by
// program from seeds 0, 1, ... on lua5.3 and moonfuel and reports, for each
// program whose output differs, the first differing line and the statement
// that printed it (output line k comes from source line prelude+k: each
// statement prints at least one line, which the reference's output must
// show, else the generated program is broken).
func runDifferential(t *testing.T, program func(seed uint64) (src string, prelude int)) {
	needBinary(t)
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Skip("lua5.3 is not installed: the differential test needs the reference (apt-get install lua5.3)")
	}
	n := 12
	if s := os.Getenv("MOONFUEL_RANDEXPR"); s != "" {
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			t.Fatalf("MOONFUEL_RANDEXPR=%q: want a positive count", s)
		}
	}
	dir := t.TempDir()
	for seed := range n {
		src, prelude := program(uint64(seed))
		if err := os.WriteFile(filepath.Join(dir, "rg.lua"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		want := runProgram(t, 30*time.Second, dir, lua, "rg.lua")
		got := runProgram(t, 30*time.Second, dir, moonfuelBin, "rg.lua")
		if want.err != nil || got.err != nil {
			t.Fatalf("seed %d: running: lua5.3 %v, moonfuel %v", seed, want.err, got.err)
		}
		// (a printed string may hold newlines: at least one line per statement)
		if lines := strings.Count(string(want.stdout), "\n"); want.exit != 0 || lines < exprStatements {
			t.Fatalf("seed %d: the generated program is broken: lua5.3 printed %d lines of %d, exit %d: %s",
				seed, lines, exprStatements, want.exit, want.stderr)
		}
		if string(want.stdout) == string(got.stdout) && want.exit == got.exit {
			continue
		}
		wl, gl := strings.Split(string(want.stdout), "\n"), strings.Split(string(got.stdout), "\n")
		line := 0
		for line < len(wl) && line < len(gl) && wl[line] == gl[line] {
			line++
		}
		t.Errorf("seed %d: output line %d differs\nstatement: %s\nlua5.3:   %q\nmoonfuel: %q\n(exit %d / %d; stderr %q)",
			seed, line+1, at(strings.Split(src, "\n"), prelude+line), at(wl, line), at(gl, line), want.exit, got.exit, got.stderr)
	}
}

// Numerals: pieces of valid and invalid Lua numbers.
var (
	numSigns  = []string{"", "", "-", "+", " ", "  -"}
	numBodies = []string{"0", "1", "10", "007", "123456789012345678901", "9223372036854775807", "9223372036854775808",
		"0x10", "0X1f", "0xffffffffffffffff", "0x1p4", "0x.8", "0x1.8p-3", "0x", "1e5", "1E+5", "1e-5", "1e500",
		"1e-500", ".5", "5.", ".", "1e", "1.5e3", "inf", "nan", "0x1P", "1f", "z", "zz", "777", "101", "1_0"}
	numTails = []string{"", "", "", " ", "\\t", "\\n", "x", "\\0"}
)

func (g *exprGen) numeralCall() string {
	s := luaQuote(g.pick(numSigns) + g.pick(numBodies) + g.pick(numTails))
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("tonumber(%s)", s)
	case 1:
		return fmt.Sprintf("tonumber(%s, %d)", s, 2+g.r.IntN(35))
	case 2:
		return fmt.Sprintf("%s + 0", s)
	case 3:
		return fmt.Sprintf("math.tointeger(tonumber(%s))", s)
	}
	return fmt.Sprintf("%s // 1", s)
}

func (g *exprGen) formatCall() string {
	var spec strings.Builder
	spec.WriteString("%")
	for range g.r.IntN(3) {
		spec.WriteString(g.pick([]string{"-", "+", " ", "#", "0"}))
	}
	if g.r.IntN(2) == 0 {
		spec.WriteString(strconv.Itoa(g.r.IntN(25)))
	}
	if g.r.IntN(2) == 0 {
		spec.WriteString("." + strconv.Itoa(g.r.IntN(25)))
	}
	spec.WriteString(g.pick([]string{"d", "i", "u", "c", "x", "X", "o", "e", "E", "f", "F", "g", "G", "q", "s", "a", "A", "%", "y"}))
	return fmt.Sprintf("string.format(%q, %s)", "|"+spec.String()+"|", g.leaf())
}

// Pattern pieces; subjects are built from the same small alphabet so that
// patterns match often.
var (
	patAtoms = []string{"a", "b", "x", ".", "%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x", "%c", "%g",
		"%A", "%D", "%S", "%W", "%.", "%%", "[ab]", "[^ab]", "[a-c]", "[%d.]", "[%a_]", "[]]", "[^]]",
		"[a-]", "%b()", "%bab", "%f[%w]", "%f[%W]", "%f[a]", "(", ")", "()", "%1", "%2", " ", "-", "1", "9"}
	patQuant = []string{"", "", "", "*", "+", "-", "?"}
	patBad   = []string{"[a", "%", "(", "%b", "%f", "%9", "[%", "%z", "((((((((((((((((((((((((((((((((x))"}
	subjAlph = []string{"a", "b", "x", "1", "9", " ", ".", "(", ")", "_", "A", "\\n", "%", "]", "-", "ab", "(a)"}
)

// luaQuote quotes s (already in Lua escape form) as a Lua string literal.
func luaQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func (g *exprGen) pattern() string {
	if g.r.IntN(12) == 0 {
		return g.pick(patBad)
	}
	var b strings.Builder
	if g.r.IntN(5) == 0 {
		b.WriteString("^")
	}
	for range 1 + g.r.IntN(5) {
		atom := g.pick(patAtoms)
		b.WriteString(atom)
		if atom != "(" && atom != ")" && atom != "()" && !strings.HasPrefix(atom, "%b") && !strings.HasPrefix(atom, "%f") {
			b.WriteString(g.pick(patQuant))
		}
	}
	if g.r.IntN(6) == 0 {
		b.WriteString("$")
	}
	return strings.ReplaceAll(b.String(), `\`, `\\`)
}

func (g *exprGen) subject() string {
	var b strings.Builder
	for range g.r.IntN(14) {
		b.WriteString(g.pick(subjAlph))
	}
	return b.String()
}

func (g *exprGen) patternCall() string {
	s, p := luaQuote(g.subject()), luaQuote(g.pattern())
	switch g.r.IntN(7) {
	case 0:
		return fmt.Sprintf("string.find(%s, %s)", s, p)
	case 1:
		return fmt.Sprintf("string.find(%s, %s, %d)", s, p, g.r.IntN(9)-4)
	case 2:
		return fmt.Sprintf("string.match(%s, %s)", s, p)
	case 3:
		return fmt.Sprintf("string.gsub(%s, %s, %s)", s, p, g.pick([]string{`"<%0>"`, `"%1"`, `"%%"`, `"[%2]"`, `{a = 1, b = true, x = false}`, `string.upper`, `function(...) return select('#', ...) end`, `"%"`}))
	case 4:
		return fmt.Sprintf("string.gsub(%s, %s, '-', %d)", s, p, g.r.IntN(4))
	case 5:
		return fmt.Sprintf("(function() local r = {} for a, b in string.gmatch(%s, %s) do r[#r + 1] = tostring(a) .. '/' .. tostring(b) end return table.concat(r, ',') end)()", s, p)
	}
	return fmt.Sprintf("string.match(%s, %s, %d)", s, p, g.r.IntN(9)-4)
}
