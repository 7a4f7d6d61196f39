package stdlib

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestIOCheckMode(t *testing.T) {
	for mode, want := range map[string]bool{
		"r": true, "w": true, "a": true, "r+": true, "w+b": true, "ab": true, "rbb": true,
		"": false, "+": false, "b": false, "rw": false, "rb+": false, "r+bk": false, "x": false,
	} {
		if got := ioCheckMode(mode); got != want {
			t.Errorf("ioCheckMode(%q) = %v", mode, got)
		}
	}
}

// TestIOCollectedFileIsFlushed checks that a handle the program drops
// without closing it has its buffered output written once Go collects it.
func TestIOCollectedFileIsFlushed(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out")
	var out strings.Builder
	st := libState(&out)
	st.SetGlobal("NAME", st.NewString(name))
	if _, err := st.DoString(`local f = assert(io.open(NAME, "w")) f:write("buffered")`, "=gc"); err != nil {
		t.Fatal(err)
	}
	st = nil
	for i := 0; i < 50; i++ {
		runtime.GC()
		if b, _ := os.ReadFile(name); string(b) == "buffered" {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b, _ := os.ReadFile(name)
	t.Errorf("file holds %q after collection; want the buffered output", b)
}
