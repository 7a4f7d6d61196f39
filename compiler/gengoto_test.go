package compiler

import (
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// genGotoProgram makes a small program of gotos, labels, locals, blocks
// and loops, valid or not.
func genGotoProgram(seed int64) string {
	r := rand.New(rand.NewSource(seed))
	var sb strings.Builder
	labels := []string{"a", "b", "c"}
	var stat func(depth int)
	stat = func(depth int) {
		switch k := r.Intn(11); {
		case k < 2:
			sb.WriteString("goto " + labels[r.Intn(3)] + "\n")
		case k < 4:
			sb.WriteString("::" + labels[r.Intn(3)] + "::\n")
		case k < 5:
			sb.WriteString("local x" + strconv.Itoa(r.Intn(3)) + " = 1\n")
		case k < 6:
			sb.WriteString("break\n")
		case k < 7:
			sb.WriteString(";\n")
		case k < 8:
			sb.WriteString("f(function() return x0 end)\n")
		default:
			if depth > 2 {
				sb.WriteString("f()\n")
				return
			}
			open := []string{"do\n", "while f() do\n", "repeat\n", "for i = 1, 2 do\n",
				"if f() then\n", "local function g()\n"}[r.Intn(6)]
			ends := map[string]string{"do\n": "end\n", "while f() do\n": "end\n", "repeat\n": "until x1\n",
				"for i = 1, 2 do\n": "end\n", "if f() then\n": "end\n", "local function g()\n": "end\n"}
			sb.WriteString(open)
			for n := r.Intn(4); n > 0; n-- {
				stat(depth + 1)
			}
			sb.WriteString(ends[open])
		}
	}
	for n := 1 + r.Intn(6); n > 0; n-- {
		stat(0)
	}
	return sb.String()
}

// TestGeneratedGotosAgainstLuac checks that gotos, labels and breaks are
// accepted and rejected exactly as luac does, with the same messages.
func TestGeneratedGotosAgainstLuac(t *testing.T) {
	if _, err := exec.LookPath("luac5.3"); err != nil {
		t.Skip("luac5.3 not installed; skipping the comparison")
	}
	n := 300
	if testing.Short() {
		n = 30
	}
	if s := os.Getenv("COMPILER_GEN_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	fails, rejected := 0, 0
	defer func() { t.Logf("%d programs, %d rejected by luac", n, rejected) }()
	for seed := int64(1); seed <= int64(n) && fails < 5; seed++ {
		src := genGotoProgram(seed)
		want, ok := luacListing(t, src)
		p, err := compileSource(src, "@t.lua")
		if !ok {
			rejected++
			ref := strings.TrimSpace(strings.TrimPrefix(want, "luac5.3: "))
			if i := strings.Index(ref, " near "); i >= 0 {
				ref = ref[:i]
			}
			if err == nil || err.Error() != ref {
				t.Errorf("seed %d: got error %v, luac says %q\n%s", seed, err, ref, src)
				fails++
			}
			continue
		}
		if err != nil {
			t.Errorf("seed %d: %v (luac accepts)\n%s", seed, err, src)
			fails++
			continue
		}
		got := normalizeListing(Disassemble(p), true)
		w := normalizeListing(want, true)
		if got != w {
			t.Errorf("seed %d: listing differs:\n%s\n%s", seed, src, shortDiff(w, got))
			fails++
		}
	}
}
