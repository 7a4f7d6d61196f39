package compiler

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/parser"
)

var (
	reAddr    = regexp.MustCompile(` at 0x[0-9a-f]+| for 0x[0-9a-f]+|\t; 0x[0-9a-f]+|\t; function \d+`)
	reInstrLn = regexp.MustCompile(`^\t\d+\t\[[-\d]+\]\t`)
)

// normalizeListing removes addresses (and optionally source lines) from a
// luac -l -l listing so that it can be compared with Disassemble's output.
func normalizeListing(s string, keepLines bool) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = reAddr.ReplaceAllString(l, "")
		if l == "" {
			continue
		}
		if !keepLines && reInstrLn.MatchString(l) {
			l = reInstrLn.ReplaceAllString(l, "\t")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func luacListing(t testing.TB, src string) (string, bool) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "t.lua"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("luac5.3", "-l", "-l", "-p", "t.lua")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), false
	}
	return string(out), true
}

func compileSource(src, name string) (*Proto, error) {
	ch, err := parser.Parse(src, name)
	if err != nil {
		return nil, err
	}
	return Compile(ch)
}

// TestAgainstLuac compiles every snippet of testdata/corpus with moonfuel
// and with luac5.3 and compares the listings: instructions, operands,
// constants, locals, upvalues and source lines.
func TestAgainstLuac(t *testing.T) {
	if _, err := exec.LookPath("luac5.3"); err != nil {
		t.Skip("luac5.3 not installed; skipping the bytecode comparison")
	}
	files, _ := filepath.Glob("testdata/corpus/*.lua")
	sort.Strings(files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, snippet := range strings.Split(string(src), "\n----\n") {
			want, ok := luacListing(t, snippet)
			if !ok {
				t.Errorf("%s #%d: luac rejects the snippet: %s", f, i, want)
				continue
			}
			p, err := compileSource(snippet, "@t.lua")
			if err != nil {
				t.Errorf("%s #%d: %v", f, i, err)
				continue
			}
			got := normalizeListing(Disassemble(p), true)
			w := normalizeListing(want, true)
			if got != w {
				t.Errorf("%s #%d: listing differs\n--- source:\n%s\n%s", f, i, snippet, lineDiff(w, got))
			}
		}
	}
}

// lineDiff shows the two listings side by side, marking differing lines.
func lineDiff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	n := len(wl)
	if len(gl) > n {
		n = len(gl)
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		mark := "  "
		if a != b {
			mark = "!!"
		}
		sb.WriteString(mark + " luac: " + strings.ReplaceAll(a, "\t", " ") + "\n")
		if a != b {
			sb.WriteString(mark + " ours: " + strings.ReplaceAll(b, "\t", " ") + "\n")
		}
	}
	return sb.String()
}

// TestSuiteFilesAgainstLuac compares the listings of the official test
// suite's files (when present) with luac's: everything must match except
// source lines, whose differences are only logged (set COMPILER_TEST_STRICT
// to make them fail).
func TestSuiteFilesAgainstLuac(t *testing.T) {
	if _, err := exec.LookPath("luac5.3"); err != nil {
		t.Skip("luac5.3 not installed; skipping the bytecode comparison")
	}
	dir := os.Getenv("LUA_TESTS_DIR")
	if dir == "" {
		dir = "../../shared/lua-5.3.4-tests"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.lua"))
	if len(files) == 0 {
		t.Skip("Lua test suite not found; set LUA_TESTS_DIR")
	}
	strict := os.Getenv("COMPILER_TEST_STRICT") != ""
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(src)
		if strings.HasPrefix(s, "#") {
			s = "--" + s
		}
		want, ok := luacListing(t, s)
		if !ok {
			continue
		}
		p, err := compileSource(s, "@t.lua")
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		listing := Disassemble(p)
		for _, keepLines := range []bool{false, true} {
			got := normalizeListing(listing, keepLines)
			w := normalizeListing(want, keepLines)
			if got == w {
				continue
			}
			report := t.Errorf
			if keepLines && !strict {
				report = t.Logf
			}
			report("%s: listing differs (lines compared: %v):\n%s", f, keepLines, shortDiff(w, got))
			break
		}
	}
}

// shortDiff returns the first differing lines of two listings.
func shortDiff(want, got string) string {
	var short []string
	for _, l := range strings.Split(lineDiff(want, got), "\n") {
		if strings.HasPrefix(l, "!!") {
			short = append(short, l)
		}
		if len(short) > 16 {
			break
		}
	}
	return strings.Join(short, "\n")
}
