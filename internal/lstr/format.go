package lstr

import (
	"math"
	"strconv"
)

// LiteralKind classifies an argument of "%q".
type LiteralKind uint8

// Kinds of "%q" arguments.
const (
	LitString  LiteralKind = iota // a string, quoted
	LitInteger                    // an integer, in decimal (hex for mininteger)
	LitFloat                      // a float, in hexadecimal ("%a")
	LitOther                      // nil or a boolean, written with tostring
	LitNone                       // anything else: "value has no literal form"
)

// FormatArgs gives the format engine access to the arguments of
// string.format. Positions are Lua argument positions: the format string is
// argument 1, the first value argument 2. The engine checks that a position
// exists (NumArgs) before asking for it. The conversion methods return the
// errors of the reference's luaL_checkinteger, luaL_checknumber and
// luaL_tolstring ("number expected, got nil", "number has no integer
// representation", errors of __tostring).
type FormatArgs interface {
	// NumArgs returns the position of the last argument.
	NumArgs() int
	// Integer converts argument arg as luaL_checkinteger does.
	Integer(arg int) (int64, error)
	// Number converts argument arg as luaL_checknumber does.
	Number(arg int) (float64, error)
	// ToString converts argument arg as luaL_tolstring (tostring) does.
	ToString(arg int) (string, error)
	// Literal describes argument arg for "%q": its kind and, for strings,
	// integers and floats, its raw value.
	Literal(arg int) (kind LiteralKind, s string, i int64, f float64)
	// Reserve is called before the result grows by about n more bytes
	// (at least ReserveChunk at a time, so small results never call it);
	// an error (such as running out of memory) stops the formatting.
	Reserve(n int) error
}

// ReserveChunk is the growth of the result of Format, in bytes, between
// calls of FormatArgs.Reserve.
const ReserveChunk = 1 << 16

// Limits of a conversion specification: at most len(formatFlags) flag
// bytes, two digits of width and two of precision.
const formatFlags = "-+ #0"

var (
	errRepeatedFlags = msgError("invalid format (repeated flags)")
	errTooLong       = msgError("invalid format (width or precision too long)")
)

// spec is one parsed conversion specification.
type spec struct {
	minus, plus, space, hash, zero bool
	width                          int
	prec                           int // -1 when absent
	verb                           byte
	modified                       bool // anything between '%' and the verb
}

// Format appends to dst the result of string.format(format, ...) and
// returns the extended buffer. Errors are those of the reference, word for
// word; errors about one argument are *ArgError.
func Format(dst []byte, format string, args FormatArgs) ([]byte, error) {
	arg := 1
	top := args.NumArgs()
	reported := len(dst) // result size already reported to Reserve
	// grow reports that the result is about to grow by n bytes.
	grow := func(n int) error {
		if len(dst)+n-reported < ReserveChunk {
			return nil
		}
		err := args.Reserve(len(dst) + n - reported)
		reported = len(dst) + n
		return err
	}
	for i := 0; i < len(format); {
		c := format[i]
		i++
		if c != '%' {
			dst = append(dst, c)
			continue
		}
		if i < len(format) && format[i] == '%' {
			dst = append(dst, '%')
			i++
			continue
		}
		// a conversion
		arg++
		if arg > top {
			return dst, &ArgError{arg, "no value"}
		}
		var sp spec
		var err error
		i, err = scanFormat(format, i, &sp)
		if err != nil {
			return dst, err
		}
		switch sp.verb {
		case 'c':
			n, err := args.Integer(arg)
			if err != nil {
				return dst, err
			}
			var b [1]byte
			b[0] = byte(n)
			sp.zero = false
			dst = pad(dst, &sp, "", b[:])
		case 'd', 'i', 'o', 'u', 'x', 'X':
			n, err := args.Integer(arg)
			if err != nil {
				return dst, err
			}
			dst = appendIntSpec(dst, &sp, n)
		case 'a', 'A', 'e', 'E', 'f', 'g', 'G':
			f, err := args.Number(arg)
			if err != nil {
				return dst, err
			}
			dst = appendFloatSpec(dst, &sp, f)
		case 'q':
			if kind, s, _, _ := args.Literal(arg); kind == LitString {
				if err := grow(4*len(s) + 2); err != nil {
					return dst, err
				}
			}
			dst, err = appendLiteral(dst, args, arg)
			if err != nil {
				return dst, err
			}
		case 's':
			s, err := args.ToString(arg)
			if err != nil {
				return dst, err
			}
			if err := grow(len(s) + sp.width); err != nil {
				return dst, err
			}
			if !sp.modified {
				dst = append(dst, s...)
				break
			}
			for j := 0; j < len(s); j++ {
				if s[j] == 0 {
					return dst, &ArgError{arg, "string contains zeros"}
				}
			}
			if sp.prec < 0 && len(s) >= 100 {
				dst = append(dst, s...) // too long to be formatted
				break
			}
			if sp.prec >= 0 && sp.prec < len(s) {
				s = s[:sp.prec]
			}
			sp.zero = false
			dst = padString(dst, &sp, s)
		default:
			return dst, invalidOption(sp.verb)
		}
		// other conversions append at most a few hundred bytes
		if err := grow(0); err != nil {
			return dst, err
		}
	}
	return dst, nil
}

func invalidOption(c byte) error {
	b := make([]byte, 0, 40)
	b = append(b, "invalid option '%"...)
	b = appendCharFmt(b, c)
	b = append(b, "' to 'format'"...)
	return msgError(b)
}

// appendCharFmt appends c as lua_pushfstring's "%c" does: printable
// bytes as themselves, others as "<\code>".
func appendCharFmt(b []byte, c byte) []byte {
	if isPrint(c) {
		return append(b, c)
	}
	b = append(b, "<\\"...)
	b = strconv.AppendInt(b, int64(c), 10)
	return append(b, '>')
}

// scanFormat parses the specification starting after the '%' at i and
// returns the offset after the conversion byte.
func scanFormat(f string, i int, sp *spec) (int, error) {
	at := func(k int) byte {
		if k < len(f) {
			return f[k]
		}
		return 0
	}
	start := i
	for ; i < len(f); i++ {
		switch f[i] {
		case '-':
			sp.minus = true
		case '+':
			sp.plus = true
		case ' ':
			sp.space = true
		case '#':
			sp.hash = true
		case '0':
			sp.zero = true
		default:
			goto flagsDone
		}
	}
flagsDone:
	if i-start >= len(formatFlags)+1 {
		return i, errRepeatedFlags
	}
	sp.prec = -1
	for k := 0; k < 2 && IsDigit(at(i)); k++ {
		sp.width = sp.width*10 + int(f[i]-'0')
		i++
	}
	if at(i) == '.' {
		i++
		sp.prec = 0
		for k := 0; k < 2 && IsDigit(at(i)); k++ {
			sp.prec = sp.prec*10 + int(f[i]-'0')
			i++
		}
	}
	if IsDigit(at(i)) {
		return i, errTooLong
	}
	sp.modified = i > start
	sp.verb = at(i)
	return i + 1, nil
}

// pad appends prefix and body padded to the width of sp: spaces on the
// left (or right with '-'), or zeros between prefix and body with '0'.
func pad(dst []byte, sp *spec, prefix string, body []byte) []byte {
	n := sp.width - len(prefix) - len(body)
	switch {
	case n <= 0:
		dst = append(dst, prefix...)
		dst = append(dst, body...)
	case sp.minus:
		dst = append(dst, prefix...)
		dst = append(dst, body...)
		dst = appendRepeat(dst, ' ', n)
	case sp.zero:
		dst = append(dst, prefix...)
		dst = appendRepeat(dst, '0', n)
		dst = append(dst, body...)
	default:
		dst = appendRepeat(dst, ' ', n)
		dst = append(dst, prefix...)
		dst = append(dst, body...)
	}
	return dst
}

func padString(dst []byte, sp *spec, s string) []byte {
	n := sp.width - len(s)
	if n > 0 && !sp.minus {
		dst = appendRepeat(dst, ' ', n)
	}
	dst = append(dst, s...)
	if n > 0 && sp.minus {
		dst = appendRepeat(dst, ' ', n)
	}
	return dst
}

func appendRepeat(dst []byte, c byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, c)
	}
	return dst
}

// appendIntSpec formats n for %d %i %o %u %x %X as C's printf does with
// the "ll" length modifier.
func appendIntSpec(dst []byte, sp *spec, n int64) []byte {
	var tmp [128]byte
	u := uint64(n)
	prefix := ""
	base := 10
	switch sp.verb {
	case 'd', 'i':
		if n < 0 {
			u = -u
			prefix = "-"
		} else if sp.plus {
			prefix = "+"
		} else if sp.space {
			prefix = " "
		}
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
		if sp.hash && u != 0 {
			prefix = "0x"
			if sp.verb == 'X' {
				prefix = "0X"
			}
		}
	}
	// precision zeros, then the digits
	const at = 104 // room for 99 precision zeros and 22 octal digits
	digits := strconv.AppendUint(tmp[at:at], u, base)
	if sp.prec == 0 && u == 0 {
		digits = digits[:0]
	}
	if sp.verb == 'X' {
		for k, c := range digits {
			if c >= 'a' {
				digits[k] = c - ('a' - 'A')
			}
		}
	}
	start := at
	for z := sp.prec - len(digits); z > 0; z-- {
		start--
		tmp[start] = '0'
	}
	body := tmp[start : at+len(digits)]
	if sp.verb == 'o' && sp.hash && (len(body) == 0 || body[0] != '0') {
		start--
		tmp[start] = '0'
		body = tmp[start : at+len(digits)]
	}
	if sp.prec >= 0 {
		sp.zero = false
	}
	return pad(dst, sp, prefix, body)
}

// appendFloatSpec formats f for %a %A %e %E %f %g %G as glibc's printf does.
func appendFloatSpec(dst []byte, sp *spec, f float64) []byte {
	var tmp [512]byte
	prefix := ""
	if math.Signbit(f) {
		prefix = "-"
		f = -f
	} else if sp.plus {
		prefix = "+"
	} else if sp.space {
		prefix = " "
	}
	upper := sp.verb == 'A' || sp.verb == 'E' || sp.verb == 'G'
	var body []byte
	switch {
	case math.IsInf(f, 0):
		body = append(tmp[:0], "inf"...)
		sp.zero = false
	case f != f:
		body = append(tmp[:0], "nan"...)
		sp.zero = false
	default:
		switch sp.verb {
		case 'a', 'A':
			body = appendHexFloat(tmp[:0], f, sp.prec, sp.hash)
			prefix = hexPrefix(prefix, upper)
		case 'e', 'E':
			body = appendE(tmp[:0], f, precOr6(sp.prec), sp.hash)
		case 'f':
			body = appendF(tmp[:0], f, precOr6(sp.prec), sp.hash)
		default:
			body = appendG(tmp[:0], f, precOr6(sp.prec), sp.hash)
		}
	}
	if upper {
		for k, c := range body {
			if c >= 'a' && c <= 'z' {
				body[k] = c - ('a' - 'A')
			}
		}
	}
	return pad(dst, sp, prefix, body)
}

// hexPrefix returns the sign prefix followed by "0x" or "0X".
func hexPrefix(sign string, upper bool) string {
	if upper {
		switch sign {
		case "-":
			return "-0X"
		case "+":
			return "+0X"
		case " ":
			return " 0X"
		}
		return "0X"
	}
	switch sign {
	case "-":
		return "-0x"
	case "+":
		return "+0x"
	case " ":
		return " 0x"
	}
	return "0x"
}

func precOr6(p int) int {
	if p < 0 {
		return 6
	}
	return p
}

// appendE formats the non-negative finite f as %.{prec}e.
func appendE(dst []byte, f float64, prec int, hash bool) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'e', prec, 64)
	if hash && prec == 0 {
		// insert the point before the exponent
		dst = append(dst, 0)
		k := start + 1
		copy(dst[k+1:], dst[k:len(dst)-1])
		dst[k] = '.'
	}
	return dst
}

// appendF formats the non-negative finite f as %.{prec}f.
func appendF(dst []byte, f float64, prec int, hash bool) []byte {
	dst = strconv.AppendFloat(dst, f, 'f', prec, 64)
	if hash && prec == 0 {
		dst = append(dst, '.')
	}
	return dst
}

// appendG formats the non-negative finite f as C's %.{prec}g.
func appendG(dst []byte, f float64, prec int, hash bool) []byte {
	if prec == 0 {
		prec = 1
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'e', prec-1, 64)
	// exponent of the %e form
	k := len(dst) - 1
	for dst[k] != 'e' {
		k--
	}
	x := 0
	for _, c := range dst[k+2:] {
		x = x*10 + int(c-'0')
	}
	if dst[k+1] == '-' {
		x = -x
	}
	if prec > x && x >= -4 {
		dst = strconv.AppendFloat(dst[:start], f, 'f', prec-1-x, 64)
		if hash {
			if prec-1-x == 0 {
				dst = append(dst, '.')
			}
			return dst
		}
		return trimZeros(dst, start, len(dst))
	}
	if hash {
		if prec == 1 || (x == prec && exp10(f) == x-1) {
			// glibc decides between the styles on the unrounded exponent;
			// when rounding then carries into a new digit it writes only
			// the leading digit: "%#g" of 999999.5 is "1.e+06".
			return appendE(dst[:start], f, 0, true)
		}
		return dst
	}
	// trim zeros of the mantissa, keeping the exponent
	var exp [8]byte
	ne := copy(exp[:], dst[k:])
	dst = trimZeros(dst[:k], start, k)
	return append(dst, exp[:ne]...)
}

// exp10 returns the decimal exponent of the non-negative finite f before
// any rounding to a few digits.
func exp10(f float64) int {
	var tmp [32]byte
	b := strconv.AppendFloat(tmp[:0], f, 'e', 20, 64)
	k := len(b) - 1
	for b[k] != 'e' {
		k--
	}
	x := 0
	for _, c := range b[k+2:] {
		x = x*10 + int(c-'0')
	}
	if b[k+1] == '-' {
		x = -x
	}
	return x
}

// trimZeros removes the trailing zeros of the fraction in dst[start:end]
// (which is the end of dst), and the point if nothing follows it.
func trimZeros(dst []byte, start, end int) []byte {
	hasPoint := false
	for k := start; k < end; k++ {
		if dst[k] == '.' {
			hasPoint = true
			break
		}
	}
	if !hasPoint {
		return dst
	}
	for end > start && dst[end-1] == '0' {
		end--
	}
	if end > start && dst[end-1] == '.' {
		end--
	}
	return dst[:end]
}

const hexDigits = "0123456789abcdef"

// appendHexFloat formats the non-negative finite f as glibc's %a without
// the "0x" prefix: the leading digit is 1 for normal numbers and 0 for
// zero and subnormals (exponent -1022), rounding to prec digits (prec < 0:
// as many as needed) may carry into the leading digit, which then reads 2.
func appendHexFloat(dst []byte, f float64, prec int, hash bool) []byte {
	bits := math.Float64bits(f)
	bexp := int(bits >> 52 & 0x7ff)
	mant := bits & (1<<52 - 1)
	lead := uint64(1)
	exp := bexp - 1023
	if bexp == 0 {
		lead = 0
		exp = -1022
		if mant == 0 {
			exp = 0
		}
	}
	nd := 13 // significant hex digits in mant
	for nd > 0 && mant&0xf == 0 {
		mant >>= 4
		nd--
	}
	if prec >= 0 && prec < nd {
		// round mant (nd digits) to prec digits, to nearest, ties to even
		drop := uint(4 * (nd - prec))
		rest := mant & (1<<drop - 1)
		mant >>= drop
		half := uint64(1) << (drop - 1)
		odd := mant&1 == 1
		if prec == 0 {
			odd = lead&1 == 1
		}
		if rest > half || (rest == half && odd) {
			mant++
			if mant == 1<<(4*uint(prec)) {
				mant = 0
				lead++
			}
		}
		nd = prec
	}
	dst = append(dst, hexDigits[lead])
	ndig := nd
	if prec > nd {
		ndig = prec
	}
	if ndig > 0 || hash {
		dst = append(dst, '.')
	}
	for k := nd - 1; k >= 0; k-- {
		dst = append(dst, hexDigits[mant>>(4*uint(k))&0xf])
	}
	dst = appendRepeat(dst, '0', ndig-nd)
	dst = append(dst, 'p')
	if exp >= 0 {
		dst = append(dst, '+')
	}
	return strconv.AppendInt(dst, int64(exp), 10)
}

// appendLiteral writes argument arg as "%q" does.
func appendLiteral(dst []byte, args FormatArgs, arg int) ([]byte, error) {
	kind, s, i, f := args.Literal(arg)
	switch kind {
	case LitString:
		return AppendQuoted(dst, s), nil
	case LitInteger:
		if i == math.MinInt64 {
			return append(dst, "0x8000000000000000"...), nil
		}
		return strconv.AppendInt(dst, i, 10), nil
	case LitFloat:
		sp := spec{verb: 'a', prec: -1}
		return appendFloatSpec(dst, &sp, f), nil
	case LitOther:
		s, err := args.ToString(arg)
		if err != nil {
			return dst, err
		}
		return append(dst, s...), nil
	}
	return dst, &ArgError{arg, "value has no literal form"}
}

// AppendQuoted appends s quoted as "%q" writes strings: between double
// quotes, with '"', '\\' and newline escaped by a backslash and control
// bytes written as decimal escapes.
func AppendQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '"' || c == '\\' || c == '\n':
			dst = append(dst, '\\', c)
		case ctype[c]&cCntrl != 0:
			dst = append(dst, '\\')
			if k+1 < len(s) && IsDigit(s[k+1]) {
				dst = append(dst, '0'+c/100, '0'+c/10%10, '0'+c%10)
			} else {
				dst = strconv.AppendInt(dst, int64(c), 10)
			}
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

// AppendNumber appends the float f formatted as C's "%.{prec}g" (Lua
// writes floats with "%.14g").
func AppendNumber(dst []byte, f float64, prec int) []byte {
	sp := spec{verb: 'g', prec: prec}
	return appendFloatSpec(dst, &sp, f)
}

// AppendFloatString appends f as Lua's tostring writes floats: "%.14g",
// with ".0" added when the result looks like an integer.
func AppendFloatString(dst []byte, f float64) []byte {
	start := len(dst)
	dst = AppendNumber(dst, f, 14)
	for _, c := range dst[start:] {
		if c != '-' && !IsDigit(c) {
			return dst
		}
	}
	return append(dst, '.', '0')
}
