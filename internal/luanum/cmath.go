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

// Pow is C's pow: Go's math.Pow, with C's NaN signs (an invalid power such
// as (-8)^(1/3) is the default NaN, -nan; a NaN operand propagates).
func Pow(x, y float64) float64 {
	r := math.Pow(x, y)
	if r != r {
		if x != x {
			return x
		}
		if y != y {
			return y
		}
		return NaNNeg
	}
	return r
}

// smallestNormal is the least positive normal float64 (DBL_MIN).
const smallestNormal = 0x1p-1022

// Log is C's log. Go's math.Log loses precision for subnormal numbers (it
// gives log(5e-324) as -709.09 instead of -744.44): they are scaled into
// the normal range first, which is exact.
func Log(x float64) float64 {
	if x > 0 && x < smallestNormal {
		return math.Log(x*0x1p52) - 52*math.Ln2
	}
	return FixNaN(math.Log(x), NaNNeg, x)
}

// Log10 is C's log10 (see Log; glibc's NaN for a negative argument is
// positive).
func Log10(x float64) float64 {
	if x > 0 && x < smallestNormal {
		return math.Log10(x*0x1p52) - 52*math.Log10(2)
	}
	return FixNaN(math.Log10(x), NaNPos, x)
}
