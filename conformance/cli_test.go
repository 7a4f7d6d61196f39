package conformance

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestCloseIgnoresFinalizerErrors checks the command line's lua_close: the
// finalizers of objects still alive at exit run (in reverse order), and
// their errors are ignored as Lua 5.3 ignores them there: nothing on
// standard error, exit status 0, the same output as lua5.3.
func TestCloseIgnoresFinalizerErrors(t *testing.T) {
	needBinary(t)
	dir := t.TempDir()
	src := `keep = {}
for i = 1, 3 do
  keep[i] = setmetatable({}, {__gc = function() print("gc " .. i) error("boom " .. i) end})
end
print("end of script")
`
	if err := os.WriteFile(filepath.Join(dir, "close.lua"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := runProgram(t, 10*time.Second, dir, moonfuelBin, "close.lua")
	want := "end of script\ngc 3\ngc 2\ngc 1\n"
	if lua, err := exec.LookPath("lua5.3"); err == nil {
		ref := runProgram(t, 10*time.Second, dir, lua, "close.lua")
		if string(ref.stdout) != want || len(ref.stderr) != 0 || ref.exit != 0 {
			t.Fatalf("lua5.3 printed %q, stderr %q, exit %d: the test's expectation is wrong", ref.stdout, ref.stderr, ref.exit)
		}
	}
	if string(got.stdout) != want || len(got.stderr) != 0 || got.exit != 0 {
		t.Errorf("moonfuel printed %q, stderr %q, exit %d; want %q, nothing, 0", got.stdout, got.stderr, got.exit, want)
	}
}
