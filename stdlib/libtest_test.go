package stdlib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/vm"
)

// This file holds the helpers the tests of the table, math, utf8, os, io
// and package libraries share: a state with every library, a script
// runner and the runner of the testdata scripts for these libraries.

// libState makes a state with the libraries under test, writing print
// output to out.
func libState(out *strings.Builder) *vm.State {
	st := vm.NewState(vm.Options{Stdout: out})
	OpenBase(st)
	OpenPackage(st)
	OpenCoroutine(st)
	OpenString(st)
	OpenTable(st)
	OpenMath(st)
	OpenUTF8(st)
	OpenDebug(st)
	// The .out files were made with TZ=UTC: local time is UTC here too.
	OpenOSWith(st, OSConfig{Location: time.UTC})
	OpenIO(st)
	return st
}

// libRun runs src and returns what it printed; a Lua error is appended as
// "error: msg".
func libRun(t *testing.T, src string) string {
	t.Helper()
	var out strings.Builder
	st := libState(&out)
	if _, err := st.DoString(src, "=test"); err != nil {
		out.WriteString("error: " + vm.ErrorValue(err).TypeName() + ": ")
		if s, ok := st.MainThread().ToString(vm.ErrorValue(err)); ok {
			out.WriteString(s)
		}
		out.WriteString("\n")
	}
	return out.String()
}

// TestLibScripts runs the script tests of these libraries,
// testdata/lib_*.lua, comparing their output with the reference's .out
// files (made by scripts/regen-testdata.sh): the working directory is
// testdata and an uncaught error ends the output with "# exit status: 1".
func TestLibScripts(t *testing.T) {
	var files []string
	for _, lib := range []string{"table", "math", "utf8", "os", "io", "package"} {
		f, err := filepath.Glob("../testdata/lib_" + lib + "*.lua")
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f...)
	}
	t.Chdir("../testdata")
	// The reference ran with standard input from /dev/null (and a test
	// must never wait on the terminal or a pipe that stays open).
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	oldStdin := os.Stdin
	os.Stdin = null
	defer func() { os.Stdin = oldStdin }()
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".lua"), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(name, ".lua") + ".out")
			if err != nil {
				t.Skip("no .out file")
			}
			var out strings.Builder
			st := libState(&out)
			if _, err := st.DoString(string(src), "@"+name); err != nil {
				t.Logf("error: %v", err)
				out.WriteString("# exit status: 1\n")
			}
			if got := out.String(); got != string(want) {
				t.Errorf("output differs from lua5.3's:\n%s", lineDiff(got, string(want)))
			}
		})
	}
}

// lineDiff shows the first differing lines of got and want.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			b.WriteString("line " + libItoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl + "\n")
			if shown++; shown == 8 {
				break
			}
		}
	}
	return b.String()
}

func libItoa(i int) string {
	s := ""
	for {
		s = string(rune('0'+i%10)) + s
		i /= 10
		if i == 0 {
			return s
		}
	}
}

// libCases runs each script and compares its output.
func libCases(t *testing.T, cases []struct{ src, want string }) {
	t.Helper()
	for _, c := range cases {
		if got := libRun(t, c.src); got != c.want {
			t.Errorf("script:\n%s\ngot:\n%s\nwant:\n%s", c.src, got, c.want)
		}
	}
}

// libTestBase opens the base library for tests that build their own
// state (it once stood in for base functions; string_test.go uses it).
func libTestBase(st *vm.State) {
	OpenBase(st)
}
