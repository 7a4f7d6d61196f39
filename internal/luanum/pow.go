package luanum

import "math"

// pow, exp and the logarithms as glibc computes them: glibc's are
// correctly rounded in all but a tiny fraction of cases (and Go's are off
// by an ulp or more in a good share of them), so these compute the result
// in double-double arithmetic (about 2^-95 relative error before the one
// final rounding) and round once. log10 follows glibc's own formula, which
// is not correctly rounded, on top of the correctly rounded log.
//
// log x = k*ln2 + log(1/invc) + log1p(z) with x = 2^k*m, invc from a table
//         indexed by the leading bits of m, z = m*invc - 1 exact, |z| <= 2^-9
// exp t = 2^(k/256) * e^r with t = k*ln2/256 + r, |r| <= ln2/512
// pow   = exp(y * log|x|) with the sign of an odd integer power.

const (
	ln2Hi = 0x1.62e42fefa39efp-1
	ln2Lo = 0x1.abc9e3b39803fp-56

	invLn2Hi = 0x1.71547652b82fep+0
	invLn2Lo = 0x1.777d0ffda0d24p-56

	// ln2/256 in three parts; the first has 33 bits, so k*ln2by256A is
	// exact for |k| < 2^20.
	ln2by256A  = 0x1.62e42fef80000p-9
	ln2by256B  = 0x1.1cf79abc9e3b4p-44
	ln2by256C  = -0x1.9ff0342542fc3p-98
	invLn2x256 = 0x1.71547652b82fep+8

	thirdHi = 0x1.5555555555555p-2 // 1/3 as a double-double
	thirdLo = 0x1.5555555555555p-56
	sixthHi = 0x1.5555555555555p-3 // 1/6
	sixthLo = 0x1.5555555555555p-57

	// logOff puts the mantissas of logDD in [0.7055, 1.411), with 1 in the
	// middle of a table interval: the bits of 1.0 minus 151.5 intervals.
	logOff = 0x3FE6980000000000
)

// logDD returns log(x) as a double-double, for finite x > 0.
func logDD(x float64) (float64, float64) {
	ix := math.Float64bits(x)
	var k int64
	if ix < 1<<52 { // subnormal: scale into the normal range (exact)
		ix = math.Float64bits(x * 0x1p52)
		k = -52
	}
	tmp := ix - logOff
	t := &logTab[(tmp>>44)&255]
	k += int64(tmp) >> 52
	m := math.Float64frombits(ix - tmp&(0xfff<<52))

	// z = m*invc - 1, exactly: m*invc is within 2^-9 of 1.
	ph, pl := twoProd(m, t[0])
	zh, zl := fastTwoSum(ph-1, pl)

	// log1p(z) = z - z^2/2 + z^3*(1/3 - z/4 + z^2*Q(z)), to z^12.
	q := zh * zh * (1.0/5 - zh*(1.0/6-zh*(1.0/7-zh*(1.0/8-zh*(1.0/9-zh*(1.0/10-zh*(1.0/11-zh*(1.0/12))))))))
	p1, p2 := twoSum(thirdHi, -0.25*zh)
	p2 += thirdLo - 0.25*zl + q
	z2h, z2l := ddSqr(zh, zl)
	z3h, z3l := ddMul(z2h, z2l, zh, zl)
	ch, cl := ddMul(z3h, z3l, p1, p2)
	sh, sl := ddAdd(zh, zl, -0.5*z2h, -0.5*z2l)
	sh, sl = ddAdd(sh, sl, ch, cl)
	if k == 0 && t[1] == 0 {
		return sh, sl
	}
	kf := float64(k)
	ah, al := twoProd(kf, ln2Hi)
	al += kf * ln2Lo
	ah, al = ddAdd(ah, al, t[1], t[2])
	return ddAdd(ah, al, sh, sl)
}

// expm1Small returns e^(rh+rl) - 1 as a double-double for |rh| <=
// ln2/512 (a little more is fine).
func expm1Small(rh, rl float64) (float64, float64) {
	// expm1(r) = r + r^2/2 + r^3*(1/6 + r/24 + r^2*T(r)), to r^9.
	tt := 1.0/120 + rh*(1.0/720+rh*(1.0/5040+rh*(1.0/40320+rh*(1.0/362880))))
	r2h, r2l := ddSqr(rh, rl)
	sh, sl := twoSum(sixthHi, rh*(1.0/24)+r2h*tt)
	sl += sixthLo
	r3h, r3l := ddMul(r2h, r2l, rh, rl)
	ch, cl := ddMul(r3h, r3l, sh, sl)
	eh, el := ddAdd(rh, rl, 0.5*r2h, 0.5*r2l)
	return ddAdd(eh, el, ch, cl)
}

// expCore returns e^(th+tl) as 2^K * (hi+lo), hi+lo in [0.99, 2.01], for
// |th| < 750.
func expCore(th, tl float64) (K int, hi, lo float64) {
	ki, rh, rl := expReduce(th, tl)
	eh, el := expm1Small(rh, rl)
	return expRebuild(ki, eh, el)
}

// expCoreFast is expCore to about 2^-70 (relative; see TestExpFastBound):
// expm1 of the reduced argument is summed in double but for its leading
// term.
func expCoreFast(x float64) (K int, hi, lo float64) {
	ki, rh, rl := expReduce(x, 0)
	return expRebuild(ki, rh, expm1Tail(rh, rl))
}

// expm1Tail is expm1(rh+rl) - rh in double, to about 2^-53 of itself
// (2^-63 of rh) for |rh| <= ln2/512.
func expm1Tail(rh, rl float64) float64 {
	p := rh * rh * (0.5 + rh*(1.0/6+rh*(1.0/24+rh*(1.0/120+rh*(1.0/720+rh*(1.0/5040))))))
	return rl + (p + rh*rl)
}

// expReduce splits th+tl = (ki/256)*ln2 + r, r = rh+rl, |r| <= ln2/512 (a
// little more).
func expReduce(th, tl float64) (ki int, rh, rl float64) {
	kf := math.Floor(th*invLn2x256 + 0.5)
	ki = int(kf)
	r1 := th - kf*ln2by256A // exact
	p, pe := twoProd(kf, ln2by256B)
	rh, rl = twoSum(r1, -p)
	rl += tl - pe - kf*ln2by256C
	rh, rl = fastTwoSum(rh, rl)
	return
}

// expRebuild returns 2^(ki/256) * (1 + eh + el) as 2^K * (hi+lo).
func expRebuild(ki int, eh, el float64) (K int, hi, lo float64) {
	tab := &exp2Tab[ki&255]
	ph, pl := twoProd(tab[0], eh)
	pl += tab[0]*el + tab[1]*eh + tab[1]
	hi, lo = fastTwoSum(tab[0], ph)
	lo += pl
	hi, lo = fastTwoSum(hi, lo)
	return ki >> 8, hi, lo
}

// scaleRound returns 2^K * (hi+lo) rounded once, hi = fl(hi+lo) in
// [0.99, 2.01]: subnormal results are rounded from hi and lo together.
func expFinish(K int, hi, lo float64) float64 {
	if K > -1022 {
		if K > 1023 {
			return hi * 2 * 0x1p1023 // overflows to Inf when it must
		}
		return hi * math.Float64frombits(uint64(K+1023)<<52)
	}
	if hi >= 2 {
		hi, lo, K = hi/2, lo/2, K+1
	}
	if K < -1076 {
		return 0
	}
	a := math.Ldexp(hi, K) // rounded to the subnormal grid, ties to even
	d := hi - math.Ldexp(a, -K)
	if half := math.Ldexp(0.5, -1074-K); d == half && lo > 0 {
		a = math.Float64frombits(math.Float64bits(a) + 1)
	} else if d == -half && lo < 0 {
		a = math.Float64frombits(math.Float64bits(a) - 1)
	}
	return a
}

// Exp is C's exp (correctly rounded but for a tiny fraction of cases).
func Exp(x float64) float64 {
	if !(x > -746) {
		if x != x {
			return x
		}
		return 0
	}
	if !(x < 710) {
		return math.Inf(1)
	}
	K, hi, lo := expCoreFast(x)
	if K > -1022 {
		if r, ok := roundOK(hi, lo, hi*0x1p-64); ok {
			return expFinish(K, r, 0)
		}
	}
	K, hi, lo = expCore(x, 0)
	return expFinish(K, hi, lo)
}

// Log is C's log (correctly rounded but for a tiny fraction of cases; the
// default NaN for a negative argument).
func Log(x float64) float64 {
	if !(x > 0) || x > math.MaxFloat64 {
		return FixNaN(math.Log(x), NaNNeg, x)
	}
	h, _ := logDD(x)
	return h
}

// Log2 is C's log2, as Log.
func Log2(x float64) float64 {
	if !(x > 0) || x > math.MaxFloat64 {
		return FixNaN(math.Log2(x), NaNNeg, x)
	}
	if b := math.Float64bits(x); b&(1<<52-1) == 0 { // a power of two
		return float64(int(b>>52) - 1023)
	}
	h, l := logDD(x)
	h, _ = ddMul(h, l, invLn2Hi, invLn2Lo)
	return h
}

// Log10 is C's log10 as glibc computes it: with x = 2^n*m, m in [1,2)
// (n >= 0) or [0.5,1) (n < 0), n*log10(2) + log(m)/ln(10), with log10(2)
// split in a 40-bit part and the rest, added last. It is not correctly
// rounded; its NaN for a negative argument is positive.
func Log10(x float64) float64 {
	if !(x > 0) || x > math.MaxFloat64 {
		return FixNaN(math.Log10(x), NaNPos, x)
	}
	const (
		log10of2Hi = 0x1.34413509f6000p-2
		log10of2Lo = 0x1.9fef311f12b36p-42
		invLn10    = 0x1.bcb7b1526e50ep-2
	)
	ix := math.Float64bits(x)
	k := 0
	if ix < 1<<52 {
		ix = math.Float64bits(x * 0x1p54)
		k = -54
	}
	k += int(ix>>52) - 1023
	i := 0
	if k < 0 {
		i = 1
	}
	n := float64(k + i)
	m := math.Float64frombits(ix&(1<<52-1) | uint64(0x3ff-i)<<52)
	// separate statements: the reference does not fuse these
	a := n * log10of2Lo
	b := invLn10 * Log(m)
	z := a + b
	c := n * log10of2Hi
	return z + c
}

// Pow is C's pow: correctly rounded but for a tiny fraction of cases,
// with glibc's rules for NaNs: y = ±0 or x = 1 give 1 whatever the other
// operand; a NaN operand propagates (the first NaN when y is NaN or
// infinite; when only x is, its sign flips for an odd integer y); an
// invalid power such as (-8)^(1/3) is the default NaN, -nan.
func Pow(x, y float64) float64 {
	if y == 0 || x == 1 {
		return 1
	}
	ax := math.Abs(x)
	if !(ax <= math.MaxFloat64) || !(math.Abs(y) <= math.MaxFloat64) || x == 0 {
		return powSpecial(x, y)
	}
	switch y {
	case 1:
		return x
	case -1:
		return 1 / x
	case 0.5:
		if x < 0 {
			return NaNNeg
		}
		return math.Sqrt(x)
	}
	neg := false
	if x < 0 {
		yt := math.Trunc(y)
		if yt != y {
			return NaNNeg
		}
		neg = isOddInt(y)
	}
	var r float64
	if n := int(y); float64(n) == y && n >= -64 && n <= 64 && powIntFits(ax, n) {
		r = powInt(ax, n)
	} else {
		lh, ll := logDD(ax)
		p := y * lh
		if !(p < 710) {
			r = math.Inf(1)
		} else if !(p > -746) {
			r = 0
		} else {
			e := math.FMA(y, lh, -p) + y*ll
			th, tl := fastTwoSum(p, e)
			K, hi, lo := expCore(th, tl)
			r = expFinish(K, hi, lo)
		}
	}
	if neg {
		r = -r
	}
	return r
}

// isOddInt tells whether y is an odd integer.
func isOddInt(y float64) bool {
	return math.Abs(y) < 1<<53 && math.Trunc(y) == y && int64(y)&1 != 0
}

// powIntFits tells whether ax^n (ax > 0 finite) is well inside the normal
// range, so that its double-double powers neither overflow nor underflow.
func powIntFits(ax float64, n int) bool {
	e := int(math.Float64bits(ax)>>52) - 1023
	if e < 0 {
		e = -e
	}
	if n < 0 {
		n = -n
	}
	return n*(e+1) < 900
}

// powInt is ax^n by squaring in double-double, rounded once: exact when
// the power fits in 106 bits, so exact results and ties are right.
func powInt(ax float64, n int) float64 {
	m := n
	if m < 0 {
		m = -m
	}
	rh, rl := 1.0, 0.0
	bh, bl := ax, 0.0
	for {
		if m&1 != 0 {
			rh, rl = ddMul(rh, rl, bh, bl)
		}
		m >>= 1
		if m == 0 {
			break
		}
		bh, bl = ddSqr(bh, bl)
	}
	if n < 0 {
		rh, _ = ddRecip(rh, rl)
	}
	return rh
}

// powSpecial is pow when x or y is not finite or x is zero.
func powSpecial(x, y float64) float64 {
	if y != y || math.IsInf(y, 0) {
		if x != x { // x + y on x86-64 gives the first NaN
			return x
		}
		if y != y {
			return y
		}
		return math.Pow(x, y)
	}
	if x != x {
		if math.Signbit(x) && isOddInt(y) {
			return math.Float64frombits(math.Float64bits(x) ^ 1<<63)
		}
		return x // 1/x for y < 0 keeps the NaN
	}
	return math.Pow(x, y) // zeros and infinities as in C99 Annex F
}
