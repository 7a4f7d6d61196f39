package luanum

import "math"

// expm1 and the hyperbolic functions. Expm1 is correctly rounded (computed
// in double-double like Exp, rounded once). glibc's sinh, cosh and tanh are
// not correctly rounded: they evaluate the classic identities below in
// double arithmetic on top of expm1 and exp, with thresholds on the high
// 32 bits of |x|; the formulas and thresholds here were found to reproduce
// lua5.3's results exactly when fed glibc's own expm1 and exp. glibc's
// expm1 is itself off by an ulp in about 5% of arguments, which is where
// these still differ (sinh and tanh; cosh uses expm1 only below ln2/2).
//
// With t = expm1(|x|), h = ±1/2 and e^|x| = 1+t:
//
//	sinh x = h*(2t - t^2/(t+1))          |x| < 1
//	       = h*(t + t/(t+1))             1 <= |x| < 22
//	       = h*e^|x|                     22 <= |x| < 0x1.62e42p+9
//	       = (h*w)*w, w = e^(|x|/2)      up to the overflow threshold
//	cosh x = 1 + t^2/(2(1+t))            |x| < ln2/2
//	       = e^|x|/2 + 1/(2e^|x|)        |x| < 22, then as sinh
//	tanh x = -u/(u+2), u = expm1(-2|x|)  |x| < 1
//	       = 1 - 2/(u+2), u = expm1(2|x|) |x| < 22, else ±1
//
// Products that feed an addition are written float64(a*b) so that they are
// rounded on their own and never fused into an FMA, as in glibc's
// (non-FMA) build.

// sinhOverflow is the largest |x| whose sinh and cosh are finite.
const sinhOverflow = 0x1.633ce8fb9f87dp+9

// highWord returns the upper 32 bits of |x|'s representation.
func highWord(x float64) uint32 {
	return uint32(math.Float64bits(x) >> 32 & 0x7fffffff)
}

// Expm1 is e^x - 1, correctly rounded but for a tiny fraction of cases.
func Expm1(x float64) float64 {
	if !(x > -40) {
		if x != x {
			return x
		}
		return -1
	}
	if x > 700 {
		return Exp(x)
	}
	if math.Abs(x) < 0x1p-54 {
		return x // e^x - 1 = x + x^2/2 rounds to x, subnormals too
	}
	if math.Abs(x) < 0x1.62e42fefa39efp-10 { // ln2/512: no reduction
		if r, ok := roundOK(x, expm1Tail(x, 0), math.Abs(x)*0x1p-60); ok {
			return r
		}
		h, _ := expm1Small(x, 0)
		return h
	}
	// e^x = 2^K * (hi+lo) to about 2^-70, first, then in double-double
	// (about 2^-95) when that does not settle the rounding of e^x - 1.
	K, hi, lo := expCoreFast(x)
	s := math.Float64frombits(uint64(K+1023) << 52) // exact, |K| < 1011
	h, l := twoSum(hi*s, -1)
	if r, ok := roundOK(h, l+lo*s, hi*s*0x1p-64); ok {
		return r
	}
	K, hi, lo = expCore(x, 0)
	s = math.Float64frombits(uint64(K+1023) << 52)
	h, _ = ddAdd(hi*s, lo*s, -1, 0)
	return h
}

// Sinh is glibc's sinh (see above).
func Sinh(x float64) float64 {
	if x != x {
		return x
	}
	a := math.Abs(x)
	h := math.Copysign(0.5, x)
	ix := highWord(x)
	switch {
	case ix < 0x3e300000: // |x| < 2^-28: x
		return x
	case ix < 0x3ff00000:
		t := Expm1(a)
		return h * (2*t - float64(t*t)/(t+1))
	case ix < 0x40360000:
		t := Expm1(a)
		return h * (t + t/(t+1))
	case ix < 0x40862e42:
		return h * Exp(a)
	case a <= sinhOverflow:
		w := Exp(0.5 * a)
		return (h * w) * w
	}
	return math.Copysign(math.Inf(1), x)
}

// Cosh is glibc's cosh (see above).
func Cosh(x float64) float64 {
	if x != x {
		return x
	}
	a := math.Abs(x)
	ix := highWord(x)
	switch {
	case ix < 0x3c800000: // |x| < 2^-55
		return 1
	case ix < 0x3fd62e43: // |x| < ln2/2
		t := Expm1(a)
		w := 1 + t
		return 1 + float64(t*t)/(w+w)
	case ix < 0x40360000:
		t := Exp(a)
		return float64(0.5*t) + 0.5/t
	case ix < 0x40862e42:
		return 0.5 * Exp(a)
	case a <= sinhOverflow:
		w := Exp(0.5 * a)
		return (0.5 * w) * w
	}
	return math.Inf(1)
}

// Tanh is glibc's tanh (see above).
func Tanh(x float64) float64 {
	if x != x {
		return x
	}
	ix := highWord(x)
	var z float64
	switch {
	case ix < 0x3c800000: // |x| < 2^-55: x, ±0 and subnormals included
		return x
	case ix < 0x3ff00000:
		t := Expm1(-2 * math.Abs(x))
		z = -t / (t + 2)
	case ix < 0x40360000:
		t := Expm1(2 * math.Abs(x))
		z = 1 - 2/(t+2)
	default:
		z = 1
	}
	return math.Copysign(z, x)
}
