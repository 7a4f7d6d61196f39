package stdlib

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/vm"
)

// stringState makes a state with every library, writing print output to
// out.
func stringState(out *strings.Builder) *vm.State { return libState(out) }

// TestStringScripts runs testdata/string_*.lua and lib_string_*.lua and
// compares their output with the reference's .out files
// (scripts/regen-testdata.sh).
func TestStringScripts(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/string_*.lua", "../testdata/lib_string_*.lua"} {
		f, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f...)
	}
	t.Chdir("../testdata")
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
			st := stringState(&out)
			if _, err := st.DoString(string(src), "@"+name); err != nil {
				if msg := err.Error(); strings.Contains(msg, "(global '") && strings.Contains(msg, "nil value") {
					t.Skipf("needs a library these tests do not open: %v", err)
				}
				t.Logf("error: %v", err)
				out.WriteString("# exit status: 1\n")
			}
			if got := out.String(); got != string(want) {
				t.Errorf("output differs from lua5.3's:\n%s", lineDiff(got, string(want)))
			}
		})
	}
}

// runString runs src in a fresh string state and returns its output.
func runString(t *testing.T, st *vm.State, out *strings.Builder, src string) (string, error) {
	t.Helper()
	_, err := st.DoString(src, "=test")
	return out.String(), err
}

func TestStringRepHuge(t *testing.T) {
	var out strings.Builder
	st := stringState(&out)
	got, err := runString(t, st, &out, `print(pcall(string.rep, "x", 1e12))
print(pcall(string.rep, "ab", 1 << 30, ","))
print(#string.rep("", 1e15), #string.rep("", 1e15, ""))`)
	if err != nil {
		t.Fatal(err)
	}
	want := "false\tresulting string too large\nfalse\tresulting string too large\n0\t0\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestStringPatternBombFuel(t *testing.T) {
	var out strings.Builder
	st := stringState(&out)
	st.SetFuel(2000000)
	_, err := runString(t, st, &out, `return string.find(string.rep("a", 40), string.rep("a*", 30) .. "b")`)
	if !errors.Is(err, vm.ErrFuelExhausted) {
		t.Fatalf("got %v, want fuel exhaustion", err)
	}
}

func TestStringRepMemoryLimit(t *testing.T) {
	var out strings.Builder
	st := vm.NewState(vm.Options{Stdout: &out, MemoryLimit: 1 << 20})
	OpenBase(st)
	OpenString(st)
	_, err := st.DoString(`return string.rep("x", 1 << 29)`, "=test")
	if err == nil || !strings.Contains(err.Error(), "memory") {
		t.Fatalf("got %v, want a memory error", err)
	}
	for _, src := range []string{
		`return (string.gsub(string.rep("x", 1000), "x", string.rep("y", 100000)))`,
		`local s = string.rep("x", 100000)
		return string.format(string.rep("%s", 20), s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s)`,
		`local s = string.rep("x", 100000) return string.pack("s4s4s4s4s4s4s4s4s4s4s4s4", s,s,s,s,s,s,s,s,s,s,s,s)`,
		`return string.pack("c2000000000", "")`,
	} {
		_, err = st.DoString(src, "=test")
		if err == nil || !strings.Contains(err.Error(), "memory") {
			t.Fatalf("%s: got %v, want a memory error", src, err)
		}
	}
}
