package luanum

import (
	"math"
	"math/bits"
)

// sin, cos and tan as glibc computes them (correctly rounded but for a tiny
// fraction of cases): x = q*pi/2 + r with r in double-double from the bits
// of 2/pi (exact whatever the size of x), then r = a + b with a = i/64
// from a table of sines and cosines, and series in b, |b| <= 1/128. The
// series are first summed in double (sinCosFast, about 2^-64), which
// settles the rounding but for a fraction of a percent of results; those
// are computed again in double-double. |x| < 2^20 is reduced by a 5-part
// pi/2.

const (
	piOver2Hi = 0x1.921fb54442d18p+0
	piOver2Lo = 0x1.1a62633145c07p-54
)

// pi/2 in five parts for reducing |x| < 2^20: three of 33 bits, whose
// products with q < 2^20 are exact, and a double-double, about 205 bits in
// all: the error of q*pi/2 is below 2^-180, against a remainder that is
// never below 2^-62 or so for such x.
const (
	cwP1   = 0x1.921fb544p+0
	cwP2   = 0x1.0b4611a6p-34
	cwP3   = 0x1.3198a2ep-69
	cwP4Hi = 0x1.b839a252049c1p-104
	cwP4Lo = 0x1.14cf98e804178p-160

	twoOverPiD = 0x1.45f306dc9c883p-1
)

// reducePiOver2 returns r (double-double, |r| <= pi/4 but for a rounding
// error) and q mod 4 with x = q*pi/2 + r, for finite x.
func reducePiOver2(x float64) (rh, rl float64, q int) {
	ax := math.Abs(x)
	if ax <= math.Pi/4 {
		return x, 0, 0
	}
	if ax < 0x1p20 {
		// Cody and Waite: q nearest x*2/pi (maybe off by one at a half,
		// leaving |r| a hair over pi/4), x - q*P1 exact by Sterbenz's
		// lemma, the next product added by an error-free sum.
		qf := x*twoOverPiD + 0x1.8p52
		qf -= 0x1.8p52
		t := x - qf*cwP1
		rh, rl = twoSum(t, -qf*cwP2)
		rh, rl = ddAdd(rh, rl, -qf*cwP3, 0)
		ph, pl := twoProd(qf, cwP4Hi)
		rh, rl = ddAdd(rh, rl, -ph, -(pl + qf*cwP4Lo))
		return rh, rl, int(qf) & 3
	}
	return reduceBits(x)
}

// reduceBits is reducePiOver2 by the bits of 2/pi, exact for any finite
// |x| > pi/4.
func reduceBits(x float64) (rh, rl float64, q int) {
	ax := math.Abs(x)
	ix := math.Float64bits(ax)
	e := int(ix>>52) - 1075 // ax = m * 2^e
	m := ix&(1<<52-1) | 1<<52
	// The bits of 2/pi of weight 2^-(e-1) and less: with m, the higher
	// ones only add multiples of 4. Word index in twoOverPi (one zero word
	// first, so the window may start before the point).
	s := e + 62
	w, sh := s/64, uint(s%64)
	var W [4]uint64
	for k := range W {
		W[k] = twoOverPi[w+k] << sh
		if sh != 0 {
			W[k] |= twoOverPi[w+k+1] >> (64 - sh)
		}
	}
	// R = m * W (320 bits); its low 256 bits hold x*2/pi mod 4 as a 2.254
	// fixed-point number.
	h3, r4 := bits.Mul64(m, W[3])
	h2, l2 := bits.Mul64(m, W[2])
	h1, l1 := bits.Mul64(m, W[1])
	_, l0 := bits.Mul64(m, W[0])
	r3, c := bits.Add64(l2, h3, 0)
	r2, c := bits.Add64(l1, h2, c)
	r1, _ := bits.Add64(l0, h1, c)
	q = int(r1 >> 62)
	f0 := r1<<2 | r2>>62
	f1 := r2<<2 | r3>>62
	f2 := r3<<2 | r4>>62
	neg := false
	if f0>>63 != 0 { // fraction >= 1/2: r = (fraction - 1) * pi/2
		q++
		neg = true
		var b uint64
		f2, b = bits.Sub64(0, f2, 0)
		f1, b = bits.Sub64(0, f1, b)
		f0, _ = bits.Sub64(0, f0, b)
	}
	// Normalize the fraction (it is at least 2^-70 or so for a double x).
	scale := 0
	for f0 == 0 {
		f0, f1, f2 = f1, f2, 0
		scale += 64
	}
	lz := uint(bits.LeadingZeros64(f0))
	if lz != 0 {
		f0 = f0<<lz | f1>>(64-lz)
		f1 = f1<<lz | f2>>(64-lz)
	}
	scale += int(lz)
	// 2^(-53-scale) is normal: the fraction is not below 2^-200 or so
	p := math.Float64frombits(uint64(1023-53-scale) << 52)
	hi := float64(f0>>11) * p
	lo := float64((f0&0x7ff)<<53|f1>>11) * p * 0x1p-64
	hi, lo = fastTwoSum(hi, lo)
	rh, rl = ddMul(hi, lo, piOver2Hi, piOver2Lo)
	if neg {
		rh, rl = -rh, -rl
	}
	if x < 0 {
		rh, rl, q = -rh, -rl, -q
	}
	return rh, rl, q & 3
}

// sinCosDD returns sin(r) and cos(r) as double-doubles, |r| <= pi/4.
func sinCosDD(rh, rl float64) (sh, sl, ch, cl float64) {
	neg := rh < 0
	if neg {
		rh, rl = -rh, -rl
	}
	i := int(rh*64 + 0.5)
	bh, bl := fastTwoSum(rh-float64(i)/64, rl)
	b2h, b2l := ddSqr(bh, bl)
	// sin b = b*(1 - b^2*(1/6 - b^2*P)), cos b = 1 - b^2*(1/2 - b^2*(1/24 - b^2*Q))
	p := 1.0/120 - b2h*(1.0/5040-b2h*(1.0/362880-b2h*(1.0/39916800)))
	ih, il := twoSum(sixthHi, -b2h*p)
	il += sixthLo
	ih, il = ddMul(ih, il, b2h, b2l)
	ih, il = ddAdd(1, 0, -ih, -il)
	sbh, sbl := ddMul(ih, il, bh, bl)
	qq := 1.0/720 - b2h*(1.0/40320-b2h*(1.0/3628800-b2h*(1.0/479001600)))
	jh, jl := twoSum(0x1.5555555555555p-5, -b2h*qq) // 1/24
	jl += 0x1.5555555555555p-59
	jh, jl = ddMul(jh, jl, b2h, b2l)
	jh, jl = ddAdd(0.5, 0, -jh, -jl)
	jh, jl = ddMul(jh, jl, b2h, b2l)
	cbh, cbl := ddAdd(1, 0, -jh, -jl)
	if i == 0 {
		sh, sl, ch, cl = sbh, sbl, cbh, cbl
	} else {
		t := &sinCosTab[i]
		// sin(a+b) = sin a cos b + cos a sin b; cos(a+b) = cos a cos b - sin a sin b
		ah, al := ddMul(t[0], t[1], cbh, cbl)
		bh, bl := ddMul(t[2], t[3], sbh, sbl)
		sh, sl = ddAdd(ah, al, bh, bl)
		ah, al = ddMul(t[2], t[3], cbh, cbl)
		bh, bl = ddMul(t[0], t[1], sbh, sbl)
		ch, cl = ddAdd(ah, al, -bh, -bl)
	}
	if neg {
		sh, sl = -sh, -sl
	}
	return
}

// sinCosFast is sinCosDD to about 2^-64 (relative): sin r = sh + sl and
// cos r = ch + cl, the table values in double-double, the series of
// sin b - b and cos b - 1 (at most 2^-15 of the result) in double.
func sinCosFast(rh, rl float64) (sh, sl, ch, cl float64) {
	neg := rh < 0
	if neg {
		rh, rl = -rh, -rl
	}
	i := int(rh*64 + 0.5)
	bh, bl := fastTwoSum(rh-float64(i)/64, rl)
	b2 := bh * bh
	ps := bh * b2 * (-1.0/6 + b2*(1.0/120-b2*(1.0/5040-b2*(1.0/362880))))
	pc := b2 * (-0.5 + b2*(1.0/24-b2*(1.0/720-b2*(1.0/40320))))
	if i == 0 {
		sh, sl = bh, bl+ps
		ch, cl = 1, pc
	} else {
		t := &sinCosTab[i]
		p, pe := twoProd(t[2], bh)
		sh, sl = twoSum(t[0], p)
		sl += pe + t[1] + t[2]*bl + t[3]*bh + t[0]*pc + t[2]*ps
		p, pe = twoProd(t[0], bh)
		ch, cl = twoSum(t[2], -p)
		cl += t[3] - pe - t[0]*bl - t[1]*bh + t[2]*pc - t[0]*ps
	}
	if neg {
		sh, sl = -sh, -sl
	}
	return
}

// roundOK returns h+l rounded when every value within err of it rounds the
// same.
func roundOK(h, l, err float64) (float64, bool) {
	r := h + (l + err)
	return r, r == h+(l-err)
}

// Sin is C's sin.
func Sin(x float64) float64 {
	if x == 0 || !(math.Abs(x) <= math.MaxFloat64) {
		return FixNaN(math.Sin(x), NaNNeg, x)
	}
	rh, rl, q := reducePiOver2(x)
	return sinQuadrant(rh, rl, q)
}

// Cos is C's cos: cos(r + q·pi/2) = sin(r + (q+1)·pi/2).
func Cos(x float64) float64 {
	if !(math.Abs(x) <= math.MaxFloat64) {
		return FixNaN(math.Cos(x), NaNNeg, x)
	}
	rh, rl, q := reducePiOver2(x)
	return sinQuadrant(rh, rl, q+1)
}

// sinQuadrant returns sin(r + q·pi/2) for the reduced argument r = rh+rl,
// rounded once: from the fast series when that settles the rounding, else
// from the double-double one.
func sinQuadrant(rh, rl float64, q int) float64 {
	h, l, ch, cl := sinCosFast(rh, rl)
	if q&1 != 0 {
		h, l = ch, cl
	}
	r, ok := roundOK(h, l, math.Abs(h)*0x1p-61)
	if !ok {
		sh, _, ch, _ := sinCosDD(rh, rl)
		r = sh
		if q&1 != 0 {
			r = ch
		}
	}
	if q&2 != 0 {
		return -r
	}
	return r
}

// Tan is C's tan.
func Tan(x float64) float64 {
	if x == 0 || !(math.Abs(x) <= math.MaxFloat64) {
		return FixNaN(math.Tan(x), NaNNeg, x)
	}
	rh, rl, q := reducePiOver2(x)
	sh, sl, ch, cl := sinCosFast(rh, rl)
	if q&1 != 0 {
		sh, sl, ch, cl = -ch, -cl, sh, sl
	}
	// (sh+sl)/(ch+cl) to about 2^-62 (the low parts are up to 2^-15 of
	// the high ones before they are normalized)
	sh, sl = fastTwoSum(sh, sl)
	ch, cl = fastTwoSum(ch, cl)
	t := sh / ch
	tl := (math.FMA(-t, ch, sh) + sl - t*cl) / ch
	if r, ok := roundOK(t, tl, math.Abs(t)*0x1p-59); ok {
		return r
	}
	sh, sl, ch, cl = sinCosDD(rh, rl)
	if q&1 == 0 {
		h, _ := ddDiv(sh, sl, ch, cl)
		return h
	}
	h, _ := ddDiv(ch, cl, sh, sl)
	return -h
}
