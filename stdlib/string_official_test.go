package stdlib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStringOfficial runs the official suite's string files (strings.lua,
// pm.lua, tpack.lua) from LUA_TESTS_DIR (default ../../shared/lua-5.3.4-tests
// from the repository root).
func TestStringOfficial(t *testing.T) {
	dir := os.Getenv("LUA_TESTS_DIR")
	if dir == "" {
		dir = "../../shared/lua-5.3.4-tests"
	}
	for _, name := range []string{"strings.lua", "pm.lua", "tpack.lua"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Skipf("official tests not found: %v", err)
			}
			var out strings.Builder
			st := stringState(&out)
			if _, err := st.DoString(string(src), "@"+name); err != nil {
				t.Errorf("%s: %v\noutput:\n%s", name, err, out.String())
			} else if !strings.HasSuffix(out.String(), "OK\n") {
				t.Errorf("%s did not reach its end:\n%s", name, out.String())
			}
		})
	}
}
