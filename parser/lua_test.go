package parser

import (
	"encoding/hex"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// compilerMessages are load errors that lua5.3 raises while generating
// code; they belong to the compiler, not to the parser.
var compilerMessages = []string{
	"not inside a loop", "no visible label", "jumps into the scope", "already defined",
	"too many registers", "too many local variables", "too many upvalues", "error in __gc",
}

// TestMutationsAgainstLua mutates Lua programs (the official test suite
// when LUA_TESTS_DIR or ../../shared/lua-5.3.4-tests has it, else the
// error cases) by truncating, deleting and inserting tokens, and compares
// Parse's verdict and message with lua5.3's load.
func TestMutationsAgainstLua(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test")
	}
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Skip("lua5.3 not installed")
	}
	dir := os.Getenv("LUA_TESTS_DIR")
	if dir == "" {
		dir = "../../shared/lua-5.3.4-tests"
	}
	var corpus []string
	files, _ := filepath.Glob(filepath.Join(dir, "*.lua"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err == nil {
			corpus = append(corpus, "--"+string(b)) // "--" disables a '#' first line
		}
	}
	for _, c := range errorCases {
		corpus = append(corpus, c.src)
	}
	pieces := []string{"(", ")", "[", "]", "{", "}", "end", "=", ",", ".", ":", "::", "..", "...", "'", `"`,
		"[[", "]]", "--[[", "\\", "\n", "function", "local", "0x", "1e", "\\u{", "\\x", "\\9", "#", "~",
		"<", ">>", "//", "return", "goto", "if", "then", "for", "in", "do", "\r", "\x00", "@", "$", "[=", "]=]"}
	r := rand.New(rand.NewPCG(7, 8))
	var srcs []string
	for _, src := range corpus {
		srcs = append(srcs, src)
		if len(src) == 0 {
			continue
		}
		for k := 0; k < 12; k++ {
			a := r.IntN(len(src))
			switch r.IntN(3) {
			case 0:
				srcs = append(srcs, src[:a])
			case 1:
				b := min(len(src), a+1+r.IntN(20))
				srcs = append(srcs, src[:a]+src[b:])
			default:
				srcs = append(srcs, src[:a]+pieces[r.IntN(len(pieces))]+src[a:])
			}
		}
	}
	var in strings.Builder
	for _, s := range srcs {
		in.WriteString(hex.EncodeToString([]byte(s)))
		in.WriteByte('\n')
	}
	cmd := exec.Command(lua, "-e", `
for line in io.lines() do
  local src = line:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
  local f, e = load(src, "=in")
  io.write(f and "" or e:gsub("[\r\n]", "\0"), "\n")
end`)
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lua5.3: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(srcs) {
		t.Fatalf("lua5.3 gave %d answers for %d sources", len(lines), len(srcs))
	}
	bad := 0
outer:
	for i, src := range srcs {
		want := lines[i]
		for _, m := range compilerMessages {
			if strings.Contains(want, m) {
				continue outer
			}
		}
		got := ""
		if _, err := Parse(src, "=in"); err != nil {
			got = strings.NewReplacer("\r", "\x00", "\n", "\x00").Replace(err.Error())
		}
		if got != want {
			bad++
			if bad <= 10 {
				t.Errorf("source %.60q...:\n got  %q\n want %q", src, got, want)
			}
		}
	}
	t.Logf("%d sources compared, %d mismatches", len(srcs), bad)
}
