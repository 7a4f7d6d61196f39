package luanum

import "math"

// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2 once
// normalized, about 106 bits. The error-free transformations below are the
// classic ones (Knuth's two-sum, Dekker's fast two-sum, the product error
// by a fused multiply-add); Go does not reassociate floating-point
// expressions, and fusing a multiplication into an addition only makes the
// non-error-free steps more accurate.

// twoSum returns s = fl(a+b) and the rounding error e, a+b = s+e exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// fastTwoSum is twoSum for |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// twoProd returns p = fl(a*b) and the error e, a*b = p+e exactly (barring
// underflow).
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

// ddAdd adds two double-doubles (relative error about 2^-105 unless the sum
// cancels, in which case the error is about 2^-105 of the larger operand).
func ddAdd(ah, al, bh, bl float64) (float64, float64) {
	s, e := twoSum(ah, bh)
	t, f := twoSum(al, bl)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	return fastTwoSum(s, e)
}

// ddMul multiplies two double-doubles (relative error about 2^-104).
func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p, e := twoProd(ah, bh)
	e += ah*bl + al*bh
	return fastTwoSum(p, e)
}

// ddMulF multiplies a double-double by a double.
func ddMulF(ah, al, b float64) (float64, float64) {
	p, e := twoProd(ah, b)
	e += al * b
	return fastTwoSum(p, e)
}

// ddSqr squares a double-double.
func ddSqr(ah, al float64) (float64, float64) {
	p, e := twoProd(ah, ah)
	e += 2 * ah * al
	return fastTwoSum(p, e)
}

// ddRecip is 1/(ah+al) (relative error about 2^-104).
func ddRecip(ah, al float64) (float64, float64) {
	q := 1 / ah
	// r = 1 - q*(ah+al), computed with one rounding for the main part
	r := math.FMA(-q, ah, 1) - q*al
	return fastTwoSum(q, r*q)
}

// ddDiv is (ah+al)/(bh+bl).
func ddDiv(ah, al, bh, bl float64) (float64, float64) {
	q := ah / bh
	// remainder a - q*b, exact in its leading part
	p, e := twoProd(q, bh)
	r := ((ah - p) - e + al - q*bl) / bh
	return fastTwoSum(q, r)
}
