package conformance

import (
	"strings"
	"testing"
	"time"
)

// TestGCFullMode runs the official gc.lua in full mode: not under all.lua's
// user mode (_U, _soft and _port unset), so the collector's pace, the basic
// step sizes and the deep-structure tests run too. T (the C test library)
// does not exist, as in a release lua5.3. The state is closed at exit, so
// the finalizers gc.lua leaves for lua_close must run (">>> closing state
// <<<"), and the ones that raise errors must not change the exit status.
func TestGCFullMode(t *testing.T) {
	needBinary(t)
	dir, looked := suiteDir()
	if dir == "" {
		t.Skipf("official Lua 5.3.4 test suite not found at %s: set LUA_TESTS_DIR or run scripts/fetch-lua-tests.sh (nothing was run, nothing counted as passed)", looked)
	}
	const done = "@@moonfuel-gc-full: finished"
	driver := "T = nil\nassert(loadfile('gc.lua'))()\nprint('" + done + "')\n"
	r := runProgram(t, 60*time.Second, dir, moonfuelBin, "-e", driver)
	out := string(r.stdout)
	if r.err != nil || r.timedOut || r.exit != 0 || !strings.Contains(out, "OK\n"+done) {
		t.Fatalf("gc.lua in full mode failed: %s\nstdout tail: %s", failureDetail(r, 60*time.Second), gcTail(out, 400))
	}
	if !strings.Contains(out[strings.Index(out, done):], ">>> closing state <<<") {
		t.Errorf("the finalizer gc.lua leaves for lua_close did not run at exit:\n%s", gcTail(out, 400))
	}
}

func gcTail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
