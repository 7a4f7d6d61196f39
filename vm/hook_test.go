package vm

import "testing"

// TestTrappersPruned checks that a hooked coroutine that finished no
// longer makes the loop trap, while a live hooked one does.
func TestTrappersPruned(t *testing.T) {
	st := NewState(Options{})
	L := st.MainThread()
	fn, err := st.LoadString("local x = 1\nreturn x", "=co")
	if err != nil {
		t.Fatal(err)
	}
	co := L.NewThread(fn)
	lines := 0
	co.SetHook(func(*Thread, HookEvent, int) { lines++ }, MaskLine, 0)
	if !st.trapping() {
		t.Fatal("a line hook does not trap")
	}
	if _, err := st.Call(ResumeFunction, ThreadValue(co)); err != nil {
		t.Fatal(err)
	}
	if lines != 2 {
		t.Errorf("%d line events, want 2", lines)
	}
	if _, err := st.DoString("local y = 1", "=main"); err != nil {
		t.Fatal(err)
	}
	if st.trapping() {
		t.Error("still trapping after the hooked coroutine died")
	}
	if fn, mask, _ := co.Hook(); fn == nil || mask != MaskLine {
		t.Error("the dead coroutine lost its hook")
	}

	// a suspended hooked coroutine keeps the traps; removing its hook
	// ends them
	fn, _ = st.LoadString("coroutine = nil", "=x")
	co2 := L.NewThread(fn)
	co2.SetHook(func(*Thread, HookEvent, int) {}, MaskCount, 5)
	if _, err := st.DoString("local z = 1", "=main"); err != nil {
		t.Fatal(err)
	}
	if !st.trapping() {
		t.Error("a suspended hooked coroutine stopped the traps")
	}
	co2.SetHook(nil, 0, 0)
	if st.trapping() {
		t.Error("traps without hooks")
	}
}
