package compiler

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// bigPrograms exercise encodings that only large functions need: LOADKX
// with more than 2^18 constants, SETLIST with EXTRAARG beyond 511 flushes,
// RK operands past MaxIndexRK, and long jumps.
func bigPrograms() map[string]string {
	var sb strings.Builder
	progs := map[string]string{}

	// more than MaxIndexRK constants: later constants go through registers
	sb.Reset()
	sb.WriteString("local t = {}\n")
	for i := 0; i < 300; i++ {
		sb.WriteString("t.k" + itoa(i) + " = t.k" + itoa(i) + " + " + itoa(i) + ".5\n")
	}
	progs["rk overflow"] = sb.String()

	// a constructor with more than 511*50 items
	sb.Reset()
	sb.WriteString("local t = {")
	for i := 0; i < 26000; i++ {
		sb.WriteString("1,")
	}
	sb.WriteString("f()}\n")
	progs["setlist extraarg"] = sb.String()

	// more than 2^18 constants
	sb.Reset()
	sb.WriteString("local x\n")
	for i := 0; i < 270000; i++ {
		sb.WriteString("x = " + itoa(i) + ".5\n")
	}
	progs["loadkx"] = sb.String()
	return progs
}

func TestBigProgramsAgainstLuac(t *testing.T) {
	if testing.Short() {
		t.Skip("big programs skipped in short mode")
	}
	if _, err := exec.LookPath("luac5.3"); err != nil {
		t.Skip("luac5.3 not installed; skipping the bytecode comparison")
	}
	for name, src := range bigPrograms() {
		want, ok := luacListing(t, src)
		if !ok {
			t.Fatalf("%s: luac rejects: %s", name, want)
		}
		p, err := compileSource(src, "@t.lua")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := normalizeListing(Disassemble(p), true)
		w := normalizeListing(want, true)
		if name == "setlist extraarg" {
			// luac's listing prints SETLIST's EXTRAARG as a comment only
			w = renumberAfterSetList(w, true)
			got = renumberAfterSetList(got, false)
		}
		if got != w {
			t.Errorf("%s: listing differs:\n%s", name, shortDiff(w, got))
		}
	}
}

// renumberAfterSetList drops instruction numbers and EXTRAARG lines, which
// luac's listing handles specially after a SETLIST with C == 0.
// luac prints the raw EXTRAARG word as SETLIST's comment (raw).
func renumberAfterSetList(s string, raw bool) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "EXTRAARG") {
			continue
		}
		if m := reInstrLn.FindString(l); m != "" {
			l = "\t" + l[len(m):]
		}
		if m := reSetListRaw.FindStringSubmatch(l); raw && m != nil {
			raw, _ := strconv.Atoi(m[2])
			l = m[1] + strconv.Itoa(raw>>PosAx)
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

var reSetListRaw = regexp.MustCompile(`^(.*SETLIST.* 0\t; )(\d+)$`)

func TestControlStructureTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("big programs skipped in short mode")
	}
	src := "while x do\n" + strings.Repeat("x = x + 1\n", 70000) + "end"
	_, err := compileSource(src, "@t.lua")
	if err == nil || !strings.Contains(err.Error(), "control structure too long") {
		t.Fatalf("got %v", err)
	}
}
