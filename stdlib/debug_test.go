package stdlib

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/vm"
)

// debugState is libState with the debug library.
func debugState(out *strings.Builder) *vm.State {
	st := libState(out)
	OpenDebug(st)
	return st
}

// TestDebugScripts runs testdata/lib_debug_*.lua in-process and compares
// their output with lua5.3's .out files (the conformance corpus runs them
// through the command line too).
func TestDebugScripts(t *testing.T) {
	files, err := filepath.Glob("../testdata/lib_debug_*.lua")
	if err != nil || len(files) == 0 {
		t.Fatalf("no lib_debug scripts (%v)", err)
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
				t.Fatal(err)
			}
			var out strings.Builder
			st := debugState(&out)
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

// debugRun runs src in a state with the debug library and returns what it
// printed, or the error.
func debugRun(t *testing.T, st *vm.State, out *strings.Builder, src string) string {
	t.Helper()
	if _, err := st.DoString(src, "=test"); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return out.String()
}

const hookLoop = `
local s = 0
for i = 1, 200 do
  if i % 3 == 0 then s = s + i else s = s - 1 end
  local t = {i}
  s = s + #t
end
return s`

// TestHookFuelExact checks that hooks ride on the fuel counter without
// changing it: a Go hook that runs no Lua code leaves the fuel spent
// unchanged, and the state runs out of fuel at the same instruction.
func TestHookFuelExact(t *testing.T) {
	used := func(mask, count int) (int64, int) {
		var out strings.Builder
		st := debugState(&out)
		events := 0
		if mask != 0 {
			st.MainThread().SetHook(func(L *vm.Thread, ev vm.HookEvent, line int) { events++ }, mask, count)
		}
		before := st.FuelUsed()
		if _, err := st.DoString(hookLoop, "=loop"); err != nil {
			t.Fatal(err)
		}
		return st.FuelUsed() - before, events
	}
	base, _ := used(0, 0)
	for _, c := range []struct{ mask, count int }{
		{vm.MaskLine, 0}, {vm.MaskCount, 1}, {vm.MaskCount, 7}, {vm.MaskCall | vm.MaskReturn, 0},
		{vm.MaskLine | vm.MaskCount | vm.MaskCall | vm.MaskReturn, 3},
	} {
		got, events := used(c.mask, c.count)
		if got != base {
			t.Errorf("mask %b count %d: fuel %d, want %d as without hooks", c.mask, c.count, got, base)
		}
		if events == 0 {
			t.Errorf("mask %b count %d: no event", c.mask, c.count)
		}
	}
	// the count hook with count 1 sees every instruction: as many events
	// as CostInstruction-units of fuel the instructions spent, at least
	_, n := used(vm.MaskCount, 1)
	if int64(n) > base {
		t.Errorf("%d count events for %d fuel", n, base)
	}

	// out of fuel at the same point, hooked or not
	stopAt := func(hook bool) (int64, string) {
		var out strings.Builder
		st := debugState(&out)
		if hook {
			st.MainThread().SetHook(func(L *vm.Thread, ev vm.HookEvent, line int) {}, vm.MaskLine|vm.MaskCount, 1)
		}
		st.SetFuel(1500)
		_, err := st.DoString(`n = 0 while true do n = n + 1 end`, "=spin")
		if !errors.Is(err, vm.ErrFuelExhausted) {
			t.Fatalf("hook %v: %v, want fuel exhaustion", hook, err)
		}
		return st.FuelUsed(), st.MainThread().ToStringMeta(st.GetGlobal("n"))
	}
	u1, n1 := stopAt(false)
	u2, n2 := stopAt(true)
	if u1 != u2 || n1 != n2 {
		t.Errorf("stopped after %d fuel with n=%s unhooked, %d with n=%s hooked", u1, n1, u2, n2)
	}
}

// TestHookLuaFunctionFuel checks that a Lua hook's own work is charged.
func TestHookLuaFunctionFuel(t *testing.T) {
	run := func(src string) int64 {
		var out strings.Builder
		st := debugState(&out)
		before := st.FuelUsed()
		debugRun(t, st, &out, src)
		return st.FuelUsed() - before
	}
	loop := "local function loop() " + hookLoop + " end "
	quiet := run(loop + `debug.sethook(function() end, "l") loop() debug.sethook()`)
	busy := run(loop + `debug.sethook(function() for i = 1, 10 do end end, "l") loop() debug.sethook()`)
	if busy <= quiet {
		t.Errorf("a busier hook spent %d fuel, a quiet one %d", busy, quiet)
	}
}

// TestHookAPI covers SetHook and Hook from Go.
func TestHookAPI(t *testing.T) {
	var out strings.Builder
	st := debugState(&out)
	L := st.MainThread()
	if fn, mask, count := L.Hook(); fn != nil || mask != 0 || count != 0 {
		t.Fatalf("fresh thread has a hook: %v %d %d", fn != nil, mask, count)
	}
	var lines []int
	L.SetHook(func(L *vm.Thread, ev vm.HookEvent, line int) {
		if ev != vm.HookLine {
			t.Errorf("event %v, want line", ev)
		}
		info, ok := L.GetInfo(0)
		if !ok || info.CurrentLine != line {
			t.Errorf("level 0 at line %d (%v), event for line %d", info.CurrentLine, ok, line)
		}
		lines = append(lines, line)
	}, vm.MaskLine, 0)
	if _, mask, _ := L.Hook(); mask != vm.MaskLine {
		t.Errorf("mask %b", mask)
	}
	if _, err := st.DoString("local a = 1\n\nlocal b = 2\n", "=lines"); err != nil {
		t.Fatal(err)
	}
	L.SetHook(nil, vm.MaskLine, 0)
	if fn, _, _ := L.Hook(); fn != nil {
		t.Error("hook still set")
	}
	if got := sprintInts(lines); got != "1 3" {
		t.Errorf("lines %s, want 1 3", got)
	}
	if s := vm.HookTailCall.String(); s != "tail call" {
		t.Errorf("HookTailCall is %q", s)
	}
	// debug.gethook tells a Go hook from a Lua one
	L.SetHook(func(*vm.Thread, vm.HookEvent, int) {}, vm.MaskCall, 0)
	if got := debugRun(t, st, &out, `print(debug.gethook())`); !strings.HasSuffix(got, "external hook\tc\t0\n") {
		t.Errorf("gethook with a Go hook: %q", got)
	}
	L.SetHook(nil, 0, 0)
}

func sprintInts(v []int) string {
	var b strings.Builder
	for i, n := range v {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(libItoa(n))
	}
	return b.String()
}

// TestDebugDebug feeds debug.debug commands.
func TestDebugDebug(t *testing.T) {
	var out, errOut strings.Builder
	st := libState(&out)
	OpenDebugWith(st, DebugConfig{
		Stdin:  strings.NewReader("x = 1 + 1\nprint(x)\nerror('oops')\nsyntax error here\ncont\nprint('after')\n"),
		Stderr: &errOut,
	})
	debugRun(t, st, &out, `debug.debug() print("done", x)`)
	if got, want := out.String(), "2\ndone\t2\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	wantErr := "lua_debug> lua_debug> lua_debug> (debug command):1: oops\n" +
		"lua_debug> (debug command):1: syntax error near 'error'\nlua_debug> "
	if got := errOut.String(); got != wantErr {
		t.Errorf("stderr %q, want %q", got, wantErr)
	}
	// end of input ends it too
	out.Reset()
	st = libState(&out)
	OpenDebugWith(st, DebugConfig{Stdin: strings.NewReader("print(1)"), Stderr: &errOut})
	debugRun(t, st, &out, `debug.debug() print("end")`)
	if got := out.String(); got != "1\nend\n" {
		t.Errorf("output %q", got)
	}
}

// pauseLoop runs Lua code only (a Go builtin that runs out of fuel cannot
// be continued).
const pauseLoop = `
local function f(x) return x + 1 end
local s = 0
for i = 1, 100 do
  if i % 3 == 0 then s = s + f(i) else s = s - 1 end
end
return s`

// TestHookPauseContinue checks that a run paused for fuel and continued
// gives its hooks the same events as a run that was never paused.
func TestHookPauseContinue(t *testing.T) {
	run := func(slice int64) (string, int) {
		var out strings.Builder
		st := debugState(&out)
		var ev []string
		st.MainThread().SetHook(func(L *vm.Thread, e vm.HookEvent, line int) {
			ev = append(ev, e.String()+libItoa(line+1))
			// hooks may spend fuel (when there is some: running out
			// inside a Go function cannot be continued)
			if L.State().Fuel() >= 2 {
				L.ChargeFuel(1)
			}
		}, vm.MaskLine|vm.MaskCount|vm.MaskCall|vm.MaskReturn, 3)
		fn, err := st.LoadString(pauseLoop, "=loop")
		if err != nil {
			t.Fatal(err)
		}
		if slice > 0 {
			st.SetFuel(slice)
		}
		pauses := 0
		res, err := st.Call(fn)
		for errors.Is(err, vm.ErrFuelExhausted) && st.Paused() {
			pauses++
			st.AddFuel(slice)
			res, err = st.Continue()
		}
		if err != nil {
			t.Fatalf("slice %d: %v", slice, err)
		}
		if len(res) != 1 || st.MainThread().ToStringMeta(res[0]) != "1649" {
			t.Fatalf("slice %d: results %v", slice, res)
		}
		return strings.Join(ev, " "), pauses
	}
	want, _ := run(0)
	for _, slice := range []int64{3, 7, 50} {
		got, pauses := run(slice)
		if pauses == 0 {
			t.Errorf("slice %d: never paused", slice)
		}
		if got != want {
			t.Errorf("slice %d: events differ after %d pauses:\n got  %.300s\n want %.300s", slice, pauses, got, want)
		}
	}
}

// TestCallWithHandler checks that a host call with a message handler
// gives the handler the erring stack with no frame of the host's below the
// chunk, as lua.c's docall does.
func TestCallWithHandler(t *testing.T) {
	var out strings.Builder
	st := debugState(&out)
	handler := st.GetGlobal("debug").AsTable().GetField("traceback")
	src := "local function f(x)\n  local t = nil\n  return t.x + x\nend\nlocal function g() local r = f(1); return r end\ng()\n"
	fn, err := st.LoadString(src, "@msgh.lua")
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.CallWithHandler(handler, fn)
	want := "msgh.lua:3: attempt to index a nil value (local 't')\nstack traceback:\n" +
		"\tmsgh.lua:3: in upvalue 'f'\n\tmsgh.lua:5: in local 'g'\n\tmsgh.lua:6: in main chunk\n\t[C]: in ?"
	if err == nil || vm.ErrorValueString(st.MainThread(), err) != want {
		t.Fatalf("error %v, want %q", err, want)
	}
	// the state is usable afterwards, and results come back
	fn, _ = st.LoadString("return 1, 2", "=ok")
	res, err := st.CallWithHandler(handler, fn)
	if err != nil || len(res) != 2 || res[1].AsInt() != 2 {
		t.Fatalf("results %v, %v", res, err)
	}
	// a failing handler ends in "error in error handling"-like values, not
	// a Go panic
	bad := vm.NewGoFunction("bad", func(L *vm.Thread) int { L.Errorf("handler fails"); return 0 })
	fn, _ = st.LoadString("error('x')", "=e")
	if _, err := st.CallWithHandler(bad, fn); err == nil {
		t.Fatal("no error")
	}
	// exhaustion is not handled
	st.SetFuel(100)
	fn, _ = st.LoadString("while true do end", "=spin")
	if _, err := st.CallWithHandler(handler, fn); !errors.Is(err, vm.ErrFuelExhausted) {
		t.Fatalf("spin: %v", err)
	}
}
