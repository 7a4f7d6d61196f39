package luanum

import "math"

// This file gives the results of C's math library (glibc on x86-64, which
// the reference interpreter uses) where Go's math package differs: the sign
// of NaNs, which tostring shows ("-nan" or "nan"), and logarithms of
// subnormal numbers.

// NaNs as the x86 FPU and glibc produce them: invalid operations give the
// "default NaN", whose sign bit is set (printed "-nan"); a few glibc
// functions return a positive NaN instead.
var (
	NaNNeg = math.Float64frombits(0xFFF8000000000000)
	NaNPos = math.Float64frombits(0x7FF8000000000000)
)

// FixNaN gives a NaN result r the sign the reference would: an input NaN
// propagates; otherwise the function's own NaN (def) is used.
func FixNaN(r, def float64, in ...float64) float64 {
	if r == r {
		return r
	}
	for _, x := range in {
		if x != x {
			return x
		}
	}
	return def
}
