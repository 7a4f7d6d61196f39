package luanum

import "math"

// atan2, atan, asin and acos as glibc computes them (correctly rounded but
// for a tiny fraction of cases): every one is an angle atan(n/d) with
// 0 <= n <= d, reduced to a table value and a series,
//
//	atan(n/d) = atan(c) + atan((n - c*d) / (d + c*n)),  c = i/64 nearest n/d,
//
// the quotient at most 1/128, all in double-double, then put in its
// quadrant (pi/2 - angle, pi - angle) and rounded once. asin and acos take
// d or n = sqrt(1 - x^2), also in double-double. The series is first
// summed in double (atanFast, about 2^-65), which settles the rounding
// but for a fraction of a percent of results; those take the
// double-double path.

const (
	piHi       = 0x1.921fb54442d18p+1
	piLo       = 0x1.1a62633145c07p-53
	fifthHi    = 0x1.999999999999ap-3
	fifthLo    = -0x1.999999999999ap-57
	piOver4Hi  = 0x1.921fb54442d18p-1
	threePi4Hi = 0x1.2d97c7f3321d2p+1
)

// atanDD returns atan(n/d) as a normalized double-double for double-doubles
// 0 <= n <= d (n may pass d by a rounding error), d normal and not huge
// (about 2^-900 to 2^900) and n/d at least 2^-100 or zero: the terms below
// neither underflow nor overflow.
func atanDD(nh, nl, dh, dl float64) (float64, float64) {
	i := int(nh/dh*64 + 0.5)
	zh, zl := nh, nl
	if i != 0 {
		c := float64(i) / 64
		// n - c*d and d + c*n; c has 7 bits, so the products of the high
		// parts are exact and those of the low parts err by 2^-106 or so.
		ph, pl := twoProd(c, dh)
		zh, zl = ddAdd(nh, nl, -ph, -(pl + c*dl))
		ph, pl = twoProd(c, nh)
		dh, dl = ddAdd(dh, dl, ph, pl+c*nl)
	}
	zh, zl = ddDiv(zh, zl, dh, dl)
	// atan z = z*(1 - z^2*(1/3 - z^2*(1/5 - z^2*P))) with |z| <= 1/128:
	// P in double, the rest in double-double.
	z2h, z2l := ddSqr(zh, zl)
	p := 1.0/7 - z2h*(1.0/9-z2h*(1.0/11-z2h*(1.0/13-z2h*(1.0/15))))
	wh, wl := twoSum(fifthHi, -z2h*p)
	wl += fifthLo
	wh, wl = ddMul(wh, wl, z2h, z2l)
	wh, wl = ddAdd(thirdHi, thirdLo, -wh, -wl)
	wh, wl = ddMul(wh, wl, z2h, z2l)
	wh, wl = ddAdd(1, 0, -wh, -wl)
	zh, zl = ddMul(wh, wl, zh, zl)
	if i != 0 {
		t := &atanTab[i]
		zh, zl = ddAdd(t[0], t[1], zh, zl)
	}
	return zh, zl
}

// atanFast returns atan(n/d) as s + lo, within 2^-65 of it or so, for
// n and d as in atanDD: atanDD with z in double-double but its series in
// double (z^3/3 is at most 2^-15.6 of z).
func atanFast(nh, nl, dh, dl float64) (s, lo float64) {
	i := int(nh/dh*64 + 0.5)
	if i == 0 {
		zh, zl := ddDiv(nh, nl, dh, dl)
		z2 := zh * zh
		p := z2 * (1.0/3 - z2*(1.0/5-z2*(1.0/7-z2*(1.0/9))))
		return zh, zl - zh*p
	}
	c := float64(i) / 64
	// n - c*d and d + c*n as in atanDD
	ph, pl := twoProd(c, dh)
	qh, ql := twoProd(c, nh)
	ah, e := twoSum(nh, -ph)
	ah, al := fastTwoSum(ah, e+(nl-(pl+c*dl)))
	bh, e := twoSum(dh, qh)
	zh, zl := ddDiv(ah, al, bh, e+(dl+(ql+c*nl)))
	z2 := zh * zh
	p := z2 * (1.0/3 - z2*(1.0/5-z2*(1.0/7-z2*(1.0/9))))
	t := &atanTab[i]
	s, e = twoSum(t[0], zh)
	return s, e + (t[1] + (zl - zh*p))
}

// Atan2 is C's atan2(y, x) (Lua's math.atan(y, x); math.atan(y) is
// atan2(y, 1)).
func Atan2(y, x float64) float64 {
	if x != x {
		return x // x86's addition keeps its first operand's NaN
	}
	if y != y {
		return y
	}
	ay, ax := math.Abs(y), math.Abs(x)
	if y == 0 || ax > math.MaxFloat64 || ay > math.MaxFloat64 || x == 0 {
		return atan2Special(y, x)
	}
	n, d, swap := ay, ax, false
	if ay > ax {
		n, d, swap = ax, ay, true
	}
	en, ed := int(math.Float64bits(n)>>52), int(math.Float64bits(d)>>52)
	var th, tl float64
	if ed-en > 62 {
		// n/d < 2^-61: atan(n/d) = n/d (1 - (n/d)^2/3 ...) is n/d
		// correctly rounded, as a quotient of doubles is never that close
		// to a rounding boundary (glibc too returns y/x, also when it is
		// subnormal).
		if !swap && x > 0 {
			return y / x
		}
		th = n / d
	} else {
		// Scale out of atanDD's extremes (exactly: n >= d*2^-63).
		if ed > 1023+900 {
			n *= 0x1p-600
			d *= 0x1p-600
		} else if en < 1023-900 {
			n *= 0x1p600
			d *= 0x1p600
		}
		// First to about 2^-65 (atanFast), rounded when that settles the
		// rounding, else again in double-double.
		s, lo := atanFast(n, 0, d, 0)
		err := s * 0x1p-62
		if swap {
			h, e := twoSum(piOver2Hi, -s)
			s, lo = h, e+(piOver2Lo-lo)
		}
		if x < 0 {
			h, e := twoSum(piHi, -s)
			s, lo = h, e+(piLo-lo)
		}
		if r := s + (lo + err); r == s+(lo-err) {
			if y < 0 {
				return -r
			}
			return r
		}
		th, tl = atanDD(n, 0, d, 0)
	}
	if swap {
		th, tl = ddAdd(piOver2Hi, piOver2Lo, -th, -tl)
	}
	if x < 0 {
		th, tl = ddAdd(piHi, piLo, -th, -tl)
	}
	if y < 0 {
		return -th
	}
	return th
}

// atan2Special handles zeros and infinities (C99 Annex F).
func atan2Special(y, x float64) float64 {
	var r float64
	switch {
	case y == 0:
		if x > 0 || (x == 0 && !math.Signbit(x)) {
			return y
		}
		r = piHi
	case math.IsInf(y, 0):
		switch {
		case math.IsInf(x, 1):
			r = piOver4Hi
		case math.IsInf(x, -1):
			r = threePi4Hi
		default:
			r = piOver2Hi
		}
	case math.IsInf(x, 1):
		r = 0
	case math.IsInf(x, -1):
		r = piHi
	default: // x == 0
		r = piOver2Hi
	}
	return math.Copysign(r, y)
}

// Atan is C's atan.
func Atan(x float64) float64 { return Atan2(x, 1) }

// sqrt1mx2 returns sqrt(1 - x^2) as a double-double for 0 < x < 1.
func sqrt1mx2(x float64) (float64, float64) {
	ph, pl := twoProd(x, x)
	ah, al := ddAdd(1, 0, -ph, -pl)
	sh := math.Sqrt(ah)
	// one Newton step: s + (a - s^2)/(2s), a - s^2 exact in its leading part
	sl := (math.FMA(-sh, sh, ah) + al) / (2 * sh)
	return fastTwoSum(sh, sl)
}

// Asin is C's asin.
func Asin(x float64) float64 {
	ax := math.Abs(x)
	if !(ax < 1) {
		switch {
		case x != x:
			return x
		case ax == 1:
			return math.Copysign(piOver2Hi, x)
		}
		return NaNPos
	}
	if ax < 0x1p-26 {
		// asin x = x (1 + x^2/6 + ...), less than half an ulp from x
		return x
	}
	sh, sl := sqrt1mx2(ax)
	var th float64
	// first to about 2^-65 as in Atan2, then if need be in double-double
	if ax <= sh {
		th, tl := atanFast(ax, 0, sh, sl)
		if r, ok := roundOK(th, tl, th*0x1p-62); ok {
			return math.Copysign(r, x)
		}
	} else {
		th, tl := atanFast(sh, sl, ax, 0)
		h, e := twoSum(piOver2Hi, -th)
		if r, ok := roundOK(h, e+(piOver2Lo-tl), th*0x1p-62); ok {
			return math.Copysign(r, x)
		}
	}
	if ax <= sh {
		th, _ = atanDD(ax, 0, sh, sl)
	} else {
		nh, nl := atanDD(sh, sl, ax, 0)
		th, _ = ddAdd(piOver2Hi, piOver2Lo, -nh, -nl)
	}
	if x < 0 {
		return -th
	}
	return th
}

// Acos is C's acos.
func Acos(x float64) float64 {
	ax := math.Abs(x)
	if !(ax < 1) {
		switch {
		case x != x:
			return x
		case x == 1:
			return 0
		case x == -1:
			return piHi
		}
		return NaNPos
	}
	if ax < 0x1p-60 {
		// pi/2 - x with |x| far below pi/2's rounding boundaries
		return piOver2Hi
	}
	sh, sl := sqrt1mx2(ax)
	var th, tl float64
	// first to about 2^-65 as in Atan2, then if need be in double-double
	if ax <= sh {
		th, tl = atanFast(ax, 0, sh, sl)
		err := th * 0x1p-62
		if x > 0 {
			th, tl = -th, -tl
		}
		h, e := twoSum(piOver2Hi, th)
		if r, ok := roundOK(h, e+(piOver2Lo+tl), err); ok {
			return r
		}
	} else {
		th, tl = atanFast(sh, sl, ax, 0)
		err := th * 0x1p-62
		if x < 0 {
			h, e := twoSum(piHi, -th)
			th, tl = h, e+(piLo-tl)
		}
		if r, ok := roundOK(th, tl, err); ok {
			return r
		}
	}
	if ax <= sh {
		// pi/2 - asin x
		th, tl = atanDD(ax, 0, sh, sl)
		if x > 0 {
			th, tl = -th, -tl
		}
		th, _ = ddAdd(piOver2Hi, piOver2Lo, th, tl)
		return th
	}
	th, tl = atanDD(sh, sl, ax, 0)
	if x < 0 {
		th, _ = ddAdd(piHi, piLo, -th, -tl)
	}
	return th
}
