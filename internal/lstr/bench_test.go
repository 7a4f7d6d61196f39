package lstr

import (
	"strings"
	"testing"
)

// BenchmarkPatternBomb measures the time per matcher step on exponential
// backtracking; ns/op divided by the reported steps/op is the cost of a
// step.
func BenchmarkPatternBomb(b *testing.B) {
	src := strings.Repeat("a", 60)
	pat := strings.Repeat("a*", 20) + "b"
	var m Matcher
	for i := 0; i < b.N; i++ {
		m.Reset(src, pat, 1e6)
		m.Find(0)
	}
	b.ReportMetric(float64(m.Steps()), "steps/op")
}

// BenchmarkPatternSet is the same with a long set, the costliest single step.
func BenchmarkPatternSet(b *testing.B) {
	src := strings.Repeat("a", 60)
	set := "[" + strings.Repeat("bcdefghijk", 10) + "a]"
	pat := strings.Repeat(set+"*", 20) + "b"
	var m Matcher
	for i := 0; i < b.N; i++ {
		m.Reset(src, pat, 1e6)
		m.Find(0)
	}
	b.ReportMetric(float64(m.Steps()), "steps/op")
}

func BenchmarkFormat(b *testing.B) {
	buf := make([]byte, 0, 256)
	var args FormatArgs = testArgs{int64(42), 3.25, 1e100, 0.1, "hello"}
	for i := 0; i < b.N; i++ {
		buf, _ = Format(buf[:0], "%5d %-8.3f %g %.14g %s", args)
	}
}
