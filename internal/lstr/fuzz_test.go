package lstr

import (
	"errors"
	"strings"
	"testing"
)

// fuzzBudget bounds the steps of one fuzzed pattern operation.
const fuzzBudget = 200000

func FuzzPattern(f *testing.F) {
	for _, c := range patternCases {
		f.Add(c.src, c.pat, c.repl)
	}
	f.Add(strings.Repeat("a", 50), strings.Repeat("a*", 40)+"b", "%0")
	f.Fuzz(func(t *testing.T, src, pat, repl string) {
		if len(src) > 4096 || len(pat) > 1024 {
			return
		}
		var m Matcher
		m.Reset(src, pat, fuzzBudget)
		s, e, ok, err := m.Find(0)
		checkErr(t, err)
		if ok {
			if s < 0 || e < s || e > len(src) {
				t.Fatalf("bad match %d..%d", s, e)
			}
			for i := 0; i < m.NumCaptures(true); i++ {
				cs, ce, _, err := m.Capture(i, s, e)
				if err == nil && (cs < 0 || ce < cs || ce > len(src)) {
					t.Fatalf("bad capture %d..%d", cs, ce)
				}
			}
		}
		var it Iter
		it.ResetGsub(src, pat, fuzzBudget)
		var out []byte
		for n := 0; ; n++ {
			s, e, ok, err := it.Next()
			checkErr(t, err)
			if !ok || err != nil {
				break
			}
			if n > len(src)+1 {
				t.Fatal("too many matches")
			}
			out, err = it.M.AppendRepl(out[:0], repl, s, e)
			if err != nil {
				break
			}
		}
		if it.M.Steps() > fuzzBudget+fuzzBudget/8+len64(src) {
			t.Fatalf("steps %d over budget", it.M.Steps())
		}
	})
}

func len64(s string) int64 { return int64(len(s)) }

func checkErr(t *testing.T, err error) {
	var m msgError
	if err != nil && !errors.Is(err, ErrBudget) && !errors.As(err, &m) {
		t.Fatalf("unexpected error type %T: %v", err, err)
	}
}

func FuzzFormat(f *testing.F) {
	for _, c := range formatCases {
		var i int64
		var x float64
		var s string
		for _, a := range c.args {
			switch v := a.(type) {
			case int64:
				i = v
			case float64:
				x = v
			case string:
				s = v
			}
		}
		f.Add(c.format, i, x, s)
	}
	f.Fuzz(func(t *testing.T, format string, i int64, x float64, s string) {
		args := testArgs{i, x, s, i, x, s, nil, true}
		out, err := Format(nil, format, args)
		if err == nil && len(out) > len(format)*(len(s)+400) {
			t.Fatalf("output too long: %d", len(out))
		}
	})
}

func FuzzPack(f *testing.F) {
	for _, c := range packCases {
		var data string
		var i int64
		if c.fn == "unpack" {
			data = c.args[0].(string)
		}
		for _, a := range c.args {
			if v, ok := a.(int64); ok {
				i = v
			}
		}
		f.Add(c.format, data, i)
	}
	f.Fuzz(func(t *testing.T, format, data string, i int64) {
		if n, err := PackSize(format); err == nil && (n < 0 || n > MaxStringSize) {
			t.Fatalf("packsize %d", n)
		}
		a := &limitedPackArgs{packArgs: packArgs{testArgs: testArgs{i, float64(i), data, i, data, i, data, i}}}
		out, err := Pack(nil, format, a)
		if err == nil && int64(len(out)) != a.reserved {
			t.Fatalf("reserved %d, produced %d", a.reserved, len(out))
		}
		var u Unpacker
		if err := u.Reset(format, data, i%8); err != nil {
			return
		}
		for n := 0; n < 10000; n++ {
			v, ok, err := u.Next()
			if err != nil || !ok {
				break
			}
			if v.Kind == KString && len(v.Str) > len(data) {
				t.Fatal("string longer than data")
			}
		}
		if u.Pos() < 1 || u.Pos() > int64(len(data))+2 {
			t.Fatalf("bad position %d", u.Pos())
		}
	})
}

// limitedPackArgs refuses to build results over 1 MB, as a memory limit
// would.
type limitedPackArgs struct{ packArgs }

func (a *limitedPackArgs) Reserve(n int64) error {
	if a.reserved+n > 1<<20 {
		return errors.New("not enough memory")
	}
	a.reserved += n
	return nil
}
