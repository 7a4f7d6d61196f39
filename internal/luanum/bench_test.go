package luanum

import (
	"math"
	"math/rand/v2"
	"testing"
)

var benchSink float64

func benchInputs() (xs, ys []float64) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 1024; i++ {
		xs = append(xs, r.Float64()*100)
		ys = append(ys, r.Float64()*6-3)
	}
	return
}

func BenchmarkPow(b *testing.B) {
	xs, ys := benchInputs()
	for _, c := range []struct {
		name string
		f    func(x, y float64) float64
		y    float64 // 0: random
	}{
		{"luanum", Pow, 0}, {"go", math.Pow, 0},
		{"luanum/int3", Pow, 3}, {"go/int3", math.Pow, 3},
		{"luanum/int17", Pow, 17}, {"go/int17", math.Pow, 17},
		{"luanum/half", Pow, 0.5}, {"go/half", math.Pow, 0.5},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := 0.0
			for i := 0; i < b.N; i++ {
				y := c.y
				if y == 0 {
					y = ys[i&1023]
				}
				s += c.f(xs[i&1023], y)
			}
			benchSink = s
		})
	}
}

func BenchmarkExpLog(b *testing.B) {
	xs, ys := benchInputs()
	for _, c := range []struct {
		name string
		f    func(float64) float64
		in   []float64
	}{
		{"Exp", Exp, ys}, {"math.Exp", math.Exp, ys},
		{"Log", Log, xs}, {"math.Log", math.Log, xs},
		{"Log2", Log2, xs}, {"math.Log2", math.Log2, xs},
		{"Log10", Log10, xs}, {"math.Log10", math.Log10, xs},
		{"Sin", Sin, xs}, {"math.Sin", math.Sin, xs},
		{"Cos", Cos, ys}, {"math.Cos", math.Cos, ys},
		{"Tan", Tan, xs}, {"math.Tan", math.Tan, xs},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := 0.0
			for i := 0; i < b.N; i++ {
				s += c.f(c.in[i&1023])
			}
			benchSink = s
		})
	}
}

func BenchmarkInvTrig(b *testing.B) {
	xs, ys := benchInputs()
	us := make([]float64, len(ys))
	for i, y := range ys {
		us[i] = y / 3
	}
	for _, c := range []struct {
		name string
		f    func(float64) float64
		in   []float64
	}{
		{"Asin", Asin, us}, {"math.Asin", math.Asin, us},
		{"Acos", Acos, us}, {"math.Acos", math.Acos, us},
		{"Atan", Atan, xs}, {"math.Atan", math.Atan, xs},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := 0.0
			for i := 0; i < b.N; i++ {
				s += c.f(c.in[i&1023])
			}
			benchSink = s
		})
	}
	for _, c := range []struct {
		name string
		f    func(y, x float64) float64
	}{{"Atan2", Atan2}, {"math.Atan2", math.Atan2}} {
		b.Run(c.name, func(b *testing.B) {
			s := 0.0
			for i := 0; i < b.N; i++ {
				s += c.f(ys[i&1023], ys[(i+1)&1023])
			}
			benchSink = s
		})
	}
}
