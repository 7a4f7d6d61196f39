package compiler

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/parser"
)

func rep(s string, n int, sep string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strings.ReplaceAll(s, "#", itoa(i))
	}
	return strings.Join(parts, sep)
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// errorCases are programs the compiler must reject, with Lua's message
// (without the " near 'token'" suffix that only the parser could add).
var errorCases = []struct {
	name, src, want string
	lineApprox      bool // only the text after "chunk:line:" must match
}{
	{"goto undefined", "goto x\n", "t.lua:2: no visible label 'x' for <goto> at line 1", false},
	{"goto undefined in block", "do goto x end\n\n\n", "t.lua:4: no visible label 'x' for <goto> at line 1", false},
	{"goto undefined in function", "local function f()\n goto x\nend\n\n\nlocal y", "t.lua:6: no visible label 'x' for <goto> at line 2", false},
	{"goto undefined in function value", "local f = function()\n goto x\nend\n\n\nlocal y", "t.lua:6: no visible label 'x' for <goto> at line 2", false},
	{"goto undefined in function in list", "local f = function()\n goto x\nend, 1\n\n\nlocal y", "t.lua:3: no visible label 'x' for <goto> at line 2", false},
	{"break outside loop", "break", "t.lua:1: <break> at line 1 not inside a loop", false},
	{"break in function outside loop", "while true do\n local function f()\n  break\n end\nend", "t.lua:5: <break> at line 3 not inside a loop", false},
	{"repeated label", "::a:: ::a::", "t.lua:1: label 'a' already defined on line 1", false},
	{"repeated label lines", "::a::\ndo ::b:: end\n::a::", "t.lua:3: label 'a' already defined on line 1", false},
	{"jump into scope", "goto a; local x; ::a:: print(x)", "t.lua:1: <goto a> at line 1 jumps into the scope of local 'x'", false},
	{"jump into scope later", "do\n goto a\n local x\n ::a::\n x = 1\nend", "t.lua:5: <goto a> at line 2 jumps into the scope of local 'x'", false},
	{"continue-like into repeat until", "repeat\n if x then goto cont end\n local y = 1\n ::cont::\nuntil y", "t.lua:5: <goto cont> at line 2 jumps into the scope of local 'y'", false},
	{"label not visible in nested function", "::l::\nlocal function f() goto l end", "t.lua:2: no visible label 'l' for <goto> at line 2", false},
	// The 200-locals limit is raised by the parser, with lua5.3's "near"
	// token (parser/errors_test.go).
	{"too many registers", "f(" + rep("#", 300, ",") + ")", "t.lua:1: function or expression needs too many registers", false},
	{"too many registers in table", "local t = {f(" + rep("#", 300, ",") + ")}", "t.lua:1: function or expression needs too many registers", false},
	// Lua reports the line of the token after the 256th name (6); the
	// compiler only knows the name's line
	// raised by the parser, which resolves names as it reads them
	{"too many upvalues", upvalueProgram(), "t.lua:6: too many upvalues (limit is 255) in function at line 5 near 'end'", true},
}

// upvalueProgram is the upvalue-limit program of the official errors.lua.
func upvalueProgram() string {
	const lim = 127
	s := "local function fooA ()\n  local "
	for j := 1; j <= lim; j++ {
		s += "a" + itoa(j) + ", "
	}
	s += "b,c\n"
	s += "local function fooB ()\n  local "
	for j := 1; j <= lim; j++ {
		s += "b" + itoa(j) + ", "
	}
	s += "b\n"
	s += "function fooC () return b+c"
	for j := 1; j <= lim; j++ {
		s += "+a" + itoa(j) + "+b" + itoa(j)
	}
	s += "\nend  end end"
	return s
}

// afterLine strips the "chunk:line:" prefix of a message.
func afterLine(msg string) string {
	if i := strings.Index(msg, ": "); i >= 0 {
		return msg[i:]
	}
	return msg
}

func TestCompileErrors(t *testing.T) {
	_, haveLuac := exec.LookPath("luac5.3")
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compileSource(tc.src, "@t.lua")
			var ce *Error
			var se *parser.SyntaxError
			if !errors.As(err, &ce) && !errors.As(err, &se) {
				t.Fatalf("got %v, want a *compiler.Error or *parser.SyntaxError %q", err, tc.want)
			}
			if got := err.Error(); got != tc.want && !(tc.lineApprox && afterLine(got) == afterLine(tc.want)) {
				t.Errorf("got  %q\nwant %q", err.Error(), tc.want)
			}
			if haveLuac == nil {
				dir := t.TempDir()
				os.WriteFile(filepath.Join(dir, "t.lua"), []byte(tc.src), 0o644)
				cmd := exec.Command("luac5.3", "-p", "t.lua")
				cmd.Dir = dir
				out, _ := cmd.CombinedOutput()
				ref := strings.TrimSpace(strings.TrimPrefix(string(out), "luac5.3: "))
				if i := strings.Index(ref, " near "); i >= 0 && !strings.Contains(tc.want, " near ") {
					ref = ref[:i]
				}
				if ref != tc.want {
					t.Errorf("luac5.3 says %q, table says %q", ref, tc.want)
				}
			}
		})
	}
}

// TestLimitBoundaries checks that programs right at Lua's limits compile
// (and match luac), while one more fails.
func TestLimitBoundaries(t *testing.T) {
	ups := func(n int) string {
		// n upvalues: locals spread over two enclosing functions
		s := "local function a()\n local " + rep("a#", 150, ",") + "\n local function b()\n  local " + rep("b#", 150, ",") + "\n  return function() local x\n"
		for i := 0; i < n; i++ {
			if i < 150 {
				s += "x = a" + itoa(i) + "\n"
			} else {
				s += "x = b" + itoa(i-150) + "\n"
			}
		}
		return s + "end end end"
	}
	cases := []struct {
		name   string
		src    string
		wantOK bool
	}{
		{"200 locals", "local " + rep("a#", 200, ","), true},
		{"201 locals", "local " + rep("a#", 201, ","), false},
		{"255 upvalues", ups(255), true},
		{"256 upvalues", ups(256), false},
		{"253 arguments", "f(" + rep("#", 253, ",") + ")", true},
		{"254 arguments", "f(" + rep("#", 254, ",") + ")", false},
	}
	_, luacErr := exec.LookPath("luac5.3")
	for _, tc := range cases {
		p, err := compileSource(tc.src, "@t.lua")
		if (err == nil) != tc.wantOK {
			t.Errorf("%s: got error %v, want ok=%v", tc.name, err, tc.wantOK)
			continue
		}
		if luacErr != nil {
			continue
		}
		want, ok := luacListing(t, tc.src)
		if ok != tc.wantOK {
			t.Errorf("%s: luac ok=%v, table says %v", tc.name, ok, tc.wantOK)
		}
		if ok && err == nil {
			if got, w := normalizeListing(Disassemble(p), true), normalizeListing(want, true); got != w {
				t.Errorf("%s: listing differs:\n%s", tc.name, shortDiff(w, got))
			}
		}
	}
}
