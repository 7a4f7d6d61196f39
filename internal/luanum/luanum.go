// Package luanum owns Lua 5.3's number conversions, the single source of
// truth shared by the lexer, the virtual machine and the standard library:
// string to number (the rules of tonumber, of string coercion and of
// numerals), number to string (tostring and C's %g as string.format uses
// it) and float to integer conversions.
//
// All functions are pure and allocation-free unless they return a new
// string.
package luanum

import (
	"math"
	"strconv"
)

// isSpace reports whether c is a C isspace character in the "C" locale.
func isSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hexValue returns the value of the hexadecimal digit c, or -1.
func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// ParseNumber converts s to a number as Lua 5.3 does for tonumber and for
// the automatic coercion of strings: leading and trailing whitespace is
// allowed, then an optional sign and a numeral. Decimal integers that
// overflow an int64 become floats; hexadecimal integers wrap around modulo
// 2^64. Floats may be decimal (with an optional exponent) or hexadecimal
// (with an optional binary exponent 'p'). The words "inf" and "nan" are not
// numbers, and neither is a string containing a NUL byte.
//
// On success, isInt tells which of i or f holds the result. ok is false
// when s is not a number.
func ParseNumber(s string) (i int64, f float64, isInt bool, ok bool) {
	if v, ok := ParseInteger(s); ok {
		return v, 0, true, true
	}
	if v, ok := ParseFloat(s); ok {
		return 0, v, false, true
	}
	return 0, 0, false, false
}

// ParseInteger converts s to an integer with the rules of Lua's l_str2int:
// optional whitespace, optional sign, then decimal digits (failing on
// overflow, except that the most negative integer is accepted) or "0x"
// followed by hexadecimal digits (wrapping around), then optional
// whitespace. It fails on anything else, including floats.
func ParseInteger(s string) (int64, bool) {
	p := 0
	n := len(s)
	for p < n && isSpace(s[p]) {
		p++
	}
	neg := false
	if p < n && s[p] == '-' {
		neg = true
		p++
	} else if p < n && s[p] == '+' {
		p++
	}
	var a uint64
	empty := true
	if p+1 < n && s[p] == '0' && (s[p+1] == 'x' || s[p+1] == 'X') {
		p += 2
		for p < n {
			h := hexValue(s[p])
			if h < 0 {
				break
			}
			a = a<<4 | uint64(h)
			empty = false
			p++
		}
	} else {
		const maxBy10 = uint64(math.MaxInt64 / 10)
		const maxLastD = uint64(math.MaxInt64 % 10)
		for p < n && isDigit(s[p]) {
			d := uint64(s[p] - '0')
			lim := maxLastD
			if neg {
				lim++
			}
			if a >= maxBy10 && (a > maxBy10 || d > lim) {
				return 0, false // overflow: not accepted as an integer
			}
			a = a*10 + d
			empty = false
			p++
		}
	}
	for p < n && isSpace(s[p]) {
		p++
	}
	if empty || p != n {
		return 0, false
	}
	if neg {
		a = -a
	}
	return int64(a), true
}

// ParseFloat converts s to a float with the rules of Lua's l_str2d, that
// is C's strtod over the whole string (surrounding whitespace allowed)
// without "inf" and "nan". Both decimal and hexadecimal notations are
// accepted, with or without a fraction or an exponent; the result is
// correctly rounded, and values too large become ±Inf as with strtod.
func ParseFloat(s string) (float64, bool) {
	p := 0
	n := len(s)
	for p < n && isSpace(s[p]) {
		p++
	}
	start := p
	neg := false
	if p < n && (s[p] == '-' || s[p] == '+') {
		neg = s[p] == '-'
		p++
	}
	if p+1 < n && s[p] == '0' && (s[p+1] == 'x' || s[p+1] == 'X') {
		return parseHexFloat(s, p+2, neg)
	}
	digits := 0
	for p < n && isDigit(s[p]) {
		p++
		digits++
	}
	if p < n && s[p] == '.' {
		p++
		for p < n && isDigit(s[p]) {
			p++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if p < n && (s[p] == 'e' || s[p] == 'E') {
		q := p + 1
		if q < n && (s[q] == '+' || s[q] == '-') {
			q++
		}
		if q < n && isDigit(s[q]) {
			for q < n && isDigit(s[q]) {
				q++
			}
			p = q
		}
	}
	end := p
	for p < n && isSpace(s[p]) {
		p++
	}
	if p != n {
		return 0, false
	}
	f, err := strconv.ParseFloat(s[start:end], 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
		// ErrRange: f is ±Inf or ±0 as strtod gives.
	}
	return f, true
}

// parseHexFloat parses the part of a hexadecimal float after "0x", at s[p:].
func parseHexFloat(s string, p int, neg bool) (float64, bool) {
	n := len(s)
	// Mantissa: keep up to 16 significant hex digits exactly, and a sticky
	// bit for the rest, then scale by the binary exponent.
	var mant uint64
	sig := 0 // significant digits stored in mant
	exp := 0 // binary exponent adjustment
	sticky := false
	digits := 0
	seenDot := false
	for p < n {
		c := s[p]
		if c == '.' {
			if seenDot {
				break
			}
			seenDot = true
			p++
			continue
		}
		h := hexValue(c)
		if h < 0 {
			break
		}
		digits++
		p++
		if mant == 0 && h == 0 {
			// leading zero: contributes only to the exponent after the dot
			if seenDot {
				exp -= 4
			}
			continue
		}
		if sig < 15 {
			mant = mant<<4 | uint64(h)
			sig++
			if seenDot {
				exp -= 4
			}
		} else {
			if h != 0 {
				sticky = true
			}
			if !seenDot {
				exp += 4
			}
		}
	}
	if digits == 0 {
		return 0, false
	}
	if p < n && (s[p] == 'p' || s[p] == 'P') {
		q := p + 1
		eneg := false
		if q < n && (s[q] == '+' || s[q] == '-') {
			eneg = s[q] == '-'
			q++
		}
		if q < n && isDigit(s[q]) {
			e := 0
			for q < n && isDigit(s[q]) {
				if e < 1<<20 {
					e = e*10 + int(s[q]-'0')
				}
				q++
			}
			if eneg {
				e = -e
			}
			exp += e
			p = q
		}
	}
	for p < n && isSpace(s[p]) {
		p++
	}
	if p != n {
		return 0, false
	}
	// mant has at most 60 bits; fold the sticky bit in below the last
	// significant bit so that rounding to 53 bits is correct.
	if sticky {
		mant = mant<<1 | 1
		exp--
	}
	f := scaleRound(mant, exp)
	if neg {
		f = -f
	}
	return f, true
}

// scaleRound returns mant * 2^exp correctly rounded (to nearest, ties to
// even) to a float64, including subnormal results and overflow to +Inf.
func scaleRound(mant uint64, exp int) float64 {
	if mant == 0 {
		return 0
	}
	// Normalise so that the top bit is bit 63.
	for mant&(1<<63) == 0 {
		mant <<= 1
		exp--
	}
	// value = mant * 2^exp with mant in [2^63, 2^64); binary exponent of
	// the leading bit is e2 = exp + 63.
	e2 := exp + 63
	if e2 > 1023 {
		return math.Inf(1)
	}
	// Number of significant bits the result may keep.
	keep := 53
	if e2 < -1022 {
		keep = 53 - (-1022 - e2)
		if keep < 0 {
			return 0 // far below the smallest subnormal: rounds to zero
		}
	}
	drop := uint(64 - keep) // in [11, 64]
	var m, rem, half uint64
	if drop == 64 {
		m, rem, half = 0, mant, 1<<63
	} else {
		m, rem, half = mant>>drop, mant&(1<<drop-1), 1<<(drop-1)
	}
	if rem > half || (rem == half && m&1 == 1) {
		m++
	}
	// result = m * 2^(e2 - keep + 1)
	return math.Ldexp(float64(m), e2-keep+1)
}

// FormatInt returns the decimal representation of i, as Lua's tostring
// prints an integer.
func FormatInt(i int64) string { return strconv.FormatInt(i, 10) }

// AppendInt appends the decimal representation of i to dst.
func AppendInt(dst []byte, i int64) []byte { return strconv.AppendInt(dst, i, 10) }

// FormatFloat returns the text of f as Lua 5.3's tostring prints a float:
// C's "%.14g", followed by ".0" when the result looks like an integer.
// Infinities print as "inf" and "-inf"; a NaN prints as "nan", or "-nan"
// when its sign bit is set (as glibc does; note that 0/0 computed by the
// x86 hardware has its sign bit set).
func FormatFloat(f float64) string {
	var buf [32]byte
	return string(AppendFloat(buf[:0], f))
}

// AppendFloat appends FormatFloat(f) to dst.
func AppendFloat(dst []byte, f float64) []byte {
	start := len(dst)
	dst = AppendG(dst, f, 14, false)
	for _, c := range dst[start:] {
		if c != '-' && !isDigit(c) {
			return dst
		}
	}
	return append(dst, '.', '0')
}

// FormatG returns f formatted as C's printf("%.*g", prec, f) does; a
// negative prec means the default precision, 6.
func FormatG(f float64, prec int) string {
	var buf [32]byte
	return string(AppendG(buf[:0], f, prec, false))
}

// AppendG appends f formatted as C's "%.<prec>g" to dst, or as "%#.<prec>g"
// when alt is set (keeping trailing zeros and the decimal point). A
// negative prec means the default precision, 6; a zero prec means 1.
// Infinities and NaNs are written "inf", "-inf", "nan" and "-nan" (the
// sign of a NaN is its sign bit), in lower case; flags such as width, '+'
// or ' ' and the upper-case %G are the caller's to apply.
func AppendG(dst []byte, f float64, prec int, alt bool) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return appendNonFinite(dst, f)
	}
	if prec < 0 {
		prec = 6
	} else if prec == 0 {
		prec = 1
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'e', prec-1, 64)
	// Find the exponent.
	epos := len(dst) - 1
	for dst[epos] != 'e' {
		epos--
	}
	x := 0
	for _, c := range dst[epos+2:] {
		x = x*10 + int(c-'0')
	}
	if dst[epos+1] == '-' {
		x = -x
	}
	if x < -4 || x >= prec {
		// Exponential style.
		if alt && x == prec && prec > 1 && roundedUpToPow10(f, x) {
			// glibc decides between the styles with the exponent before
			// rounding; when rounding then carries into a new power of
			// ten it switches to the exponential style keeping the zero
			// fraction digits of the fixed style: %#.3g of 999.5 is
			// "1.e+03", not "1.00e+03".
			m := start
			if dst[m] == '-' {
				m++
			}
			m++ // the digit '1'
			dst[m] = '.'
			n := copy(dst[m+1:], dst[epos:])
			return dst[:m+1+n]
		}
		if alt {
			if prec == 1 {
				// "de+XX" → "d.e+XX"
				dst = append(dst, 0)
				copy(dst[epos+1:], dst[epos:])
				dst[epos] = '.'
			}
			return dst
		}
		// Strip trailing zeros of the mantissa.
		m := epos
		for m > start && dst[m-1] == '0' {
			m--
		}
		if m > start && dst[m-1] == '.' {
			m--
		}
		if m != epos {
			n := copy(dst[m:], dst[epos:])
			dst = dst[:m+n]
		}
		return dst
	}
	dst = strconv.AppendFloat(dst[:start], f, 'f', prec-1-x, 64)
	if alt {
		if prec-1-x == 0 {
			dst = append(dst, '.')
		}
		return dst
	}
	if prec-1-x > 0 {
		m := len(dst)
		for dst[m-1] == '0' {
			m--
		}
		if dst[m-1] == '.' {
			m--
		}
		dst = dst[:m]
	}
	return dst
}

// roundedUpToPow10 reports whether |f| is below 10^x (so that its rounding
// to a %g precision carried into the exponent x).
func roundedUpToPow10(f float64, x int) bool {
	var buf [64]byte
	b := strconv.AppendFloat(buf[:0], f, 'e', 40, 64)
	e := len(b) - 1
	for b[e] != 'e' {
		e--
	}
	x0 := 0
	for _, c := range b[e+2:] {
		x0 = x0*10 + int(c-'0')
	}
	if b[e+1] == '-' {
		x0 = -x0
	}
	return x0 < x
}

// appendNonFinite writes an infinity or a NaN the way glibc's printf does.
func appendNonFinite(dst []byte, f float64) []byte {
	if math.Signbit(f) {
		dst = append(dst, '-')
	}
	if math.IsNaN(f) {
		return append(dst, "nan"...)
	}
	return append(dst, "inf"...)
}

// Limits of the float values convertible to int64: [-2^63, 2^63).
const (
	minIntFloat = -9223372036854775808.0 // -2^63
	maxIntFloat = 9223372036854775808.0  // 2^63 (excluded)
)

// FloatToInt converts f to an integer when f has an exact integer value
// representable as an int64 (Lua's "number has no integer
// representation" otherwise): ok is false for fractions, out-of-range
// values, infinities and NaN.
func FloatToInt(f float64) (int64, bool) {
	if f >= minIntFloat && f < maxIntFloat {
		i := int64(f)
		if float64(i) == f {
			return i, true
		}
	}
	return 0, false
}

// FloatToIntFloor converts floor(f) to an integer; ok is false when the
// result does not fit an int64 or f is NaN.
func FloatToIntFloor(f float64) (int64, bool) {
	fl := math.Floor(f)
	if fl >= minIntFloat && fl < maxIntFloat {
		return int64(fl), true
	}
	return 0, false
}

// FloatToIntCeil converts ceil(f) to an integer; ok is false when the
// result does not fit an int64 or f is NaN.
func FloatToIntCeil(f float64) (int64, bool) {
	c := math.Ceil(f)
	if c >= minIntFloat && c < maxIntFloat {
		return int64(c), true
	}
	return 0, false
}

// StringToInteger converts s to an integer as lua_tointeger does for a
// string: s must be a number (see ParseNumber) and, if a float, have an
// exact integer value.
func StringToInteger(s string) (int64, bool) {
	i, f, isInt, ok := ParseNumber(s)
	if !ok {
		return 0, false
	}
	if isInt {
		return i, true
	}
	return FloatToInt(f)
}
