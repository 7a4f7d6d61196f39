package luanum

import (
	"math"
	"testing"
)

func TestCMath(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		got  float64
		want string // as tostring prints it
	}{
		{"log subnormal", Log(5e-324), "-744.44007192138"},
		{"log smallest normal", Log(0x1p-1022), "-708.39641853226"},
		{"log10 subnormal", Log10(5e-324), "-323.30621534312"},
		{"log negative", Log(-1), "-nan"},
		{"log10 negative", Log10(-1), "nan"},
		{"log zero", Log(0), "-inf"},
		{"pow invalid", Pow(-8, 1.0/3), "-nan"},
		{"pow nan base", Pow(nan, 2), "nan"},
		{"pow default nan base", Pow(NaNNeg, 2), "-nan"},
		{"pow nan exponent one", Pow(1, nan), "1.0"},
		{"pow zero exponent", Pow(NaNNeg, 0), "1.0"},
		{"pow", Pow(2, 0.5), "1.4142135623731"},
	}
	for _, c := range cases {
		if got := FormatFloat(c.got); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}
