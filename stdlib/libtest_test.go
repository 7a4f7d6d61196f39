package stdlib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/vm"
)

// This file holds the helpers the tests of the table, math, utf8, os, io
// and package libraries share: a state with those libraries and, until
// the base library is available to them, a minimal stand-in for the few
// base functions the scripts use.

// libState makes a state with the libraries under test, writing print
// output to out.
func libState(out *strings.Builder) *vm.State {
	st := vm.NewState(vm.Options{Stdout: out})
	libTestBase(st)
	OpenTable(st)
	OpenMath(st)
	OpenUTF8(st)
	OpenOS(st)
	OpenIO(st)
	OpenPackage(st)
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
			b.WriteString("line " + itoaTest(i+1) + ":\n  got:  " + gl + "\n  want: " + wl + "\n")
			if shown++; shown == 8 {
				break
			}
		}
	}
	return b.String()
}

func itoaTest(i int) string {
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

// libTestBase registers stand-ins for base functions, for as long as this
// package's tests cannot open the real base library.
func libTestBase(st *vm.State) {
	reg := func(name string, fn vm.GoFunction) {
		if st.GetGlobal(name).IsNil() {
			st.Register(name, fn)
		}
	}
	reg("print", func(L *vm.Thread) int {
		var b strings.Builder
		for i := 1; i <= L.NArgs(); i++ {
			if i > 1 {
				b.WriteByte('\t')
			}
			b.WriteString(L.ToStringMeta(L.Arg(i)))
		}
		b.WriteByte('\n')
		L.State().Stdout().Write([]byte(b.String()))
		return 0
	})
	reg("tostring", func(L *vm.Thread) int {
		L.CheckAny(1)
		L.PushString(L.ToStringMeta(L.Arg(1)))
		return 1
	})
	reg("type", func(L *vm.Thread) int {
		L.CheckAny(1)
		L.PushString(L.Arg(1).TypeName())
		return 1
	})
	reg("setmetatable", func(L *vm.Thread) int {
		L.SetMetatable(L.Arg(1), L.Arg(2).AsTable())
		L.Push(L.Arg(1))
		return 1
	})
	reg("getmetatable", func(L *vm.Thread) int {
		if mt := L.GetMetatable(L.Arg(1)); mt != nil {
			L.Push(vm.TableValue(mt))
		} else {
			L.Push(vm.Nil)
		}
		return 1
	})
	reg("rawget", func(L *vm.Thread) int {
		L.Push(L.CheckTable(1).Get(L.Arg(2)))
		return 1
	})
	reg("select", func(L *vm.Thread) int {
		n := L.NArgs() - 1
		if s, ok := L.ToString(L.Arg(1)); ok && s == "#" {
			L.Push(vm.Int(int64(n)))
			return 1
		}
		i := int(L.CheckInteger(1))
		if i < 0 {
			i = n + i + 1
		}
		if i > n {
			return 0
		}
		return n - i + 1
	})
	reg("error", func(L *vm.Thread) int {
		v := L.Arg(1)
		if s, ok := L.ToString(v); ok && v.IsString() && L.OptInteger(2, 1) == 1 {
			v = L.NewString(L.Where(1) + s)
		}
		L.Error(v)
		return 0
	})
	reg("assert", func(L *vm.Thread) int {
		if L.Arg(1).IsFalsy() {
			L.Errorf("%s", L.OptString(2, "assertion failed!"))
		}
		return L.NArgs()
	})
	reg("pcall", func(L *vm.Thread) int {
		L.CheckAny(1)
		err := L.PCall(L.NArgs()-1, vm.MultRet)
		if err != nil {
			L.SetTop(0)
			L.Push(vm.False)
			L.Push(vm.ErrorValue(err))
			return 2
		}
		res := append([]vm.Value{vm.True}, L.Args()...)
		L.SetTop(0)
		for _, v := range res {
			L.Push(v)
		}
		return len(res)
	})
	next := vm.NewGoFunction("next", func(L *vm.Thread) int {
		k, v, ok := L.CheckTable(1).Next(L.Arg(2))
		if !ok {
			L.Errorf("invalid key to 'next'")
		}
		if k.IsNil() {
			L.Push(vm.Nil)
			return 1
		}
		L.Push(k)
		L.Push(v)
		return 2
	})
	st.SetGlobal("next", next)
	reg("pairs", func(L *vm.Thread) int {
		L.Push(next)
		L.Push(L.Arg(1))
		L.Push(vm.Nil)
		return 3
	})
	reg("ipairs", func(L *vm.Thread) int {
		L.Push(vm.NewGoFunction("", func(L *vm.Thread) int {
			i := L.CheckInteger(2) + 1
			v := L.Index(L.Arg(1), vm.Int(i))
			if v.IsNil() {
				return 0
			}
			L.Push(vm.Int(i))
			L.Push(v)
			return 2
		}))
		L.Push(L.Arg(1))
		L.Push(vm.Int(0))
		return 3
	})
}
