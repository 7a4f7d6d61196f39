package lstr

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

type patternCase struct {
	kind     string
	src, pat string
	init     int
	plain    bool
	max      int
	repl     string
	want     string
}

// lfind emulates string.find / string.match on top of the engine, with
// results formatted like the generator's show().
func lfind(src, pat string, init int64, plain, find bool) string {
	off, ok := FindInit(init, len(src))
	if !ok {
		return "nil"
	}
	if find && (plain || !HasSpecials(pat)) {
		i := strings.Index(src[off:], pat)
		if i < 0 {
			return "nil"
		}
		return strconv.Itoa(off+i+1) + "|" + strconv.Itoa(off+i+len(pat))
	}
	var m Matcher
	m.Reset(src, pat, NoBudget)
	s, e, ok, err := m.Find(off)
	if err != nil {
		return "ERR:" + err.Error()
	}
	if !ok {
		return "nil"
	}
	var parts []string
	if find {
		parts = append(parts, strconv.Itoa(s+1), strconv.Itoa(e))
	}
	caps, err := captures(&m, s, e, !find)
	if err != nil {
		return "ERR:" + err.Error()
	}
	return strings.Join(append(parts, caps...), "|")
}

func captures(m *Matcher, s, e int, whole bool) ([]string, error) {
	var out []string
	for i := 0; i < m.NumCaptures(whole); i++ {
		cs, ce, pos, err := m.Capture(i, s, e)
		if err != nil {
			return nil, err
		}
		if pos {
			out = append(out, strconv.Itoa(cs+1))
		} else {
			out = append(out, m.Src()[cs:ce])
		}
	}
	return out, nil
}

func lgsub(src, pat, repl string, max int) string {
	if max == -999 {
		max = len(src) + 1
	}
	var it Iter
	it.ResetGsub(src, pat, NoBudget)
	var b []byte
	n, copied := 0, 0
	for n < max {
		s, e, ok, err := it.Next()
		if err != nil {
			return "ERR:" + err.Error()
		}
		if !ok {
			break
		}
		n++
		b = append(b, src[copied:s]...)
		before := len(b)
		want, lerr := it.M.ReplLen(repl, s, e)
		b, err = it.M.AppendRepl(b, repl, s, e)
		if err != nil {
			if lerr == nil || lerr.Error() != err.Error() {
				return "ReplLen error differs"
			}
			return "ERR:" + err.Error()
		}
		if lerr != nil || want != len(b)-before {
			return "ReplLen wrong"
		}
		copied = e
	}
	b = append(b, src[copied:]...)
	return string(b) + "|" + strconv.Itoa(n)
}

func lgmatch(src, pat string) string {
	var it Iter
	it.ResetGmatch(src, pat, NoBudget)
	var out []string
	for {
		s, e, ok, err := it.Next()
		if err != nil {
			return "ERR:" + err.Error()
		}
		if !ok {
			break
		}
		caps, err := captures(&it.M, s, e, true)
		if err != nil {
			return "ERR:" + err.Error()
		}
		for len(caps) < 2 {
			caps = append(caps, "nil")
		}
		out = append(out, strings.Join(caps[:2], "|"))
	}
	return strings.Join(out, ";")
}

func TestPatternReference(t *testing.T) {
	for _, c := range patternCases {
		var got string
		switch c.kind {
		case "find":
			got = lfind(c.src, c.pat, int64(c.init), c.plain, true)
		case "match":
			got = lfind(c.src, c.pat, int64(c.init), false, false)
		case "gsub":
			got = lgsub(c.src, c.pat, c.repl, c.max)
		case "gmatch":
			got = lgmatch(c.src, c.pat)
		}
		if got != c.want {
			t.Errorf("%s(%q, %q, init=%d, repl=%q): got %q, want %q", c.kind, c.src, c.pat, c.init, c.repl, got, c.want)
		}
	}
}

func TestPatternBudget(t *testing.T) {
	// A classic pattern bomb: exponential backtracking is cut by the budget.
	src := strings.Repeat("a", 40)
	pat := strings.Repeat("a*", 30) + "b"
	var m Matcher
	m.Reset(src, pat, 100000)
	_, _, _, err := m.Find(0)
	if !errors.Is(err, ErrBudget) {
		t.Fatalf("got %v, want ErrBudget", err)
	}
	if m.Steps() < 100000 || m.Steps() > 100100 {
		t.Fatalf("steps %d not close to the budget", m.Steps())
	}
	// Steps grow with the work done.
	m.Reset(strings.Repeat("x", 1000), "x*y", NoBudget)
	if _, _, ok, err := m.Find(0); ok || err != nil {
		t.Fatal(ok, err)
	}
	if m.Steps() < 1000*1000/2 {
		t.Fatalf("steps %d too low for quadratic work", m.Steps())
	}
}

func TestMatchNoAlloc(t *testing.T) {
	var m Matcher
	allocs := testing.AllocsPerRun(100, func() {
		m.Reset("key = value; other = 12", "(%w+)%s*=%s*(%w+)", NoBudget)
		if _, _, ok, _ := m.Find(0); !ok {
			t.Fatal("no match")
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocs per match", allocs)
	}
}

type countingRefueler struct{ total, calls, limit int64 }

func (r *countingRefueler) Refuel(used int64) int64 {
	r.total += used
	r.calls++
	if r.total >= r.limit {
		return 0
	}
	return 100
}

func TestPatternRefuel(t *testing.T) {
	var m Matcher
	r := &countingRefueler{limit: 1 << 40}
	m.Reset(strings.Repeat("x", 300), "x*y", 100)
	m.SetRefueler(r)
	if _, _, ok, err := m.Find(0); ok || err != nil {
		t.Fatal(ok, err)
	}
	if got := r.total + m.Unreported(); got != m.Steps() {
		t.Fatalf("reported %d steps of %d", got, m.Steps())
	}
	if r.calls < m.Steps()/110 {
		t.Fatalf("%d refuels for %d steps", r.calls, m.Steps())
	}
	r = &countingRefueler{limit: 1000}
	m.Reset(strings.Repeat("x", 300), "x*y", 100)
	m.SetRefueler(r)
	if _, _, _, err := m.Find(0); !errors.Is(err, ErrBudget) {
		t.Fatal(err)
	}
}
