package lstr

import (
	"strings"
	"testing"
)

func TestTransforms(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for _, s := range []string{"", "a", "Hello, World!", string(all), "azAZ@[`{\x80\xe1\xfa" + string(all[100:])} {
		up, low, rev := make([]byte, len(s)), make([]byte, len(s)), make([]byte, len(s))
		Upper(up, s)
		Lower(low, s)
		Reverse(rev, s)
		for i := 0; i < len(s); i++ {
			if up[i] != ToUpper(s[i]) || low[i] != ToLower(s[i]) || rev[len(s)-1-i] != s[i] {
				t.Fatalf("%q: byte %d: upper %q lower %q reverse %q", s, i, up[i], low[i], rev[len(s)-1-i])
			}
		}
	}
	for _, c := range []struct {
		s, sep string
		n      int64
	}{{"ab", "", 0}, {"ab", "", 1}, {"ab", ",", 1}, {"ab", ",", 2}, {"ab", "", 7}, {"abc", "--", 13}, {"", "-", 5}, {"x", "", 1000}} {
		got := string(Repeat([]byte("pre"), c.s, c.sep, c.n))
		want := "pre"
		if c.n > 0 {
			want += strings.Repeat(c.s+c.sep, int(c.n-1)) + c.s
		}
		if got != want {
			t.Errorf("Repeat(%q, %q, %d) = %q, want %q", c.s, c.sep, c.n, got, want)
		}
	}
}

func TestTransformsNoAlloc(t *testing.T) {
	s := strings.Repeat("Hello, World! ", 100)
	dst := make([]byte, len(s))
	allocs := testing.AllocsPerRun(50, func() {
		Upper(dst, s)
		Lower(dst, s)
		Reverse(dst, s)
	})
	if allocs != 0 {
		t.Fatalf("%v allocs", allocs)
	}
}

func BenchmarkUpper(b *testing.B) {
	s := strings.Repeat("Hello, World! ", 1000)
	dst := make([]byte, len(s))
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Upper(dst, s)
	}
}
