package lstr

import (
	"math"
	"strconv"
	"strings"
)

// Limits of string.pack formats.
const (
	maxIntSize = 16 // largest size of an integer option
	szInt      = 8  // size of a Lua integer
	maxAlign   = 8  // default maximum alignment ('!' without a size)
	packPad    = 0  // byte used for padding
)

// PackOption is the kind of one option of a pack format.
type PackOption uint8

// Kinds of pack options.
const (
	KInt       PackOption = iota // signed integer
	KUint                        // unsigned integer
	KFloat                       // float or double
	KChar                        // fixed-size string
	KString                      // string preceded by its length
	KZstr                        // zero-terminated string
	KPadding                     // one byte of padding
	KPaddAlign                   // alignment padding ('X')
	KNop                         // no data (endianness, spaces, '!')
)

var (
	errMissingCSize = msgError("missing size for format option 'c'")
)

// packHeader is the running state of a format: endianness and alignment.
type packHeader struct {
	fmt      string
	i        int // offset of the next option in fmt
	little   bool
	maxAlign int
}

func (h *packHeader) init(format string) {
	// the reference reads the format as a C string
	if k := strings.IndexByte(format, 0); k >= 0 {
		format = format[:k]
	}
	h.fmt, h.i, h.little, h.maxAlign = format, 0, true, 1
}

func (h *packHeader) more() bool { return h.i < len(h.fmt) }

// getNum reads an optional decimal number, as the reference's getnum does
// (it stops reading digits before the value could exceed MAXSIZE).
func (h *packHeader) getNum(df int) int {
	if !h.more() || !IsDigit(h.fmt[h.i]) {
		return df
	}
	a := 0
	for {
		a = a*10 + int(h.fmt[h.i]-'0')
		h.i++
		if !h.more() || !IsDigit(h.fmt[h.i]) || a > (MaxStringSize-9)/10 {
			return a
		}
	}
}

func (h *packHeader) getNumLimit(df int) (int, error) {
	sz := h.getNum(df)
	if sz > maxIntSize || sz <= 0 {
		return 0, msgError("integral size (" + strconv.Itoa(sz) + ") out of limits [1,16]")
	}
	return sz, nil
}

// getOption reads one option and returns its kind and size.
func (h *packHeader) getOption() (PackOption, int, error) {
	opt := h.fmt[h.i]
	h.i++
	var err error
	size := 0
	switch opt {
	case 'b':
		return KInt, 1, nil
	case 'B':
		return KUint, 1, nil
	case 'h':
		return KInt, 2, nil
	case 'H':
		return KUint, 2, nil
	case 'l', 'j':
		return KInt, 8, nil
	case 'L', 'J', 'T':
		return KUint, 8, nil
	case 'f':
		return KFloat, 4, nil
	case 'd', 'n':
		return KFloat, 8, nil
	case 'i':
		size, err = h.getNumLimit(4)
		return KInt, size, err
	case 'I':
		size, err = h.getNumLimit(4)
		return KUint, size, err
	case 's':
		size, err = h.getNumLimit(8)
		return KString, size, err
	case 'c':
		size = h.getNum(-1)
		if size == -1 {
			return KChar, 0, errMissingCSize
		}
		return KChar, size, nil
	case 'z':
		return KZstr, 0, nil
	case 'x':
		return KPadding, 1, nil
	case 'X':
		return KPaddAlign, 0, nil
	case ' ':
	case '<', '=':
		h.little = true
	case '>':
		h.little = false
	case '!':
		h.maxAlign, err = h.getNumLimit(maxAlign)
	default:
		b := append(make([]byte, 0, 40), "invalid format option '"...)
		b = appendCharFmt(b, opt)
		b = append(b, '\'')
		err = msgError(b)
	}
	return KNop, 0, err
}

// getDetails reads one option and computes the padding that aligns it at
// offset total.
func (h *packHeader) getDetails(total int64) (opt PackOption, size, ntoalign int, err error) {
	opt, size, err = h.getOption()
	if err != nil {
		return
	}
	align := size          // usually, alignment follows size
	if opt == KPaddAlign { // 'X' gets alignment from the following option
		if !h.more() {
			return opt, 0, 0, &ArgError{1, "invalid next option for option 'X'"}
		}
		var next PackOption
		next, align, err = h.getOption()
		if err != nil {
			return
		}
		if next == KChar || align == 0 {
			return opt, 0, 0, &ArgError{1, "invalid next option for option 'X'"}
		}
	}
	if align <= 1 || opt == KChar {
		return opt, size, 0, nil
	}
	if align > h.maxAlign {
		align = h.maxAlign
	}
	if align&(align-1) != 0 {
		return opt, size, 0, &ArgError{1, "format asks for alignment not power of 2"}
	}
	ntoalign = (align - int(total&int64(align-1))) & (align - 1)
	return opt, size, ntoalign, nil
}

// PackArgs gives the pack engine access to the values to pack. Positions
// are Lua argument positions (the format is argument 1). The methods
// return the errors of luaL_checkinteger, luaL_checknumber and
// luaL_checklstring.
type PackArgs interface {
	// Integer converts argument arg as luaL_checkinteger does.
	Integer(arg int) (int64, error)
	// Number converts argument arg as luaL_checknumber does.
	Number(arg int) (float64, error)
	// String converts argument arg as luaL_checklstring does.
	String(arg int) (string, error)
	// Reserve is called before n more bytes are appended to the result;
	// an error (such as running out of memory or fuel) stops the packing.
	Reserve(n int64) error
}

// Pack appends to dst the result of string.pack(format, ...).
func Pack(dst []byte, format string, args PackArgs) ([]byte, error) {
	var h packHeader
	h.init(format)
	arg := 1
	var total int64
	for h.more() {
		opt, size, ntoalign, err := h.getDetails(total)
		if err != nil {
			return dst, err
		}
		total += int64(ntoalign + size)
		if err := args.Reserve(int64(ntoalign + size)); err != nil {
			return dst, err
		}
		dst = appendRepeat(dst, packPad, ntoalign)
		arg++
		switch opt {
		case KInt:
			n, err := args.Integer(arg)
			if err != nil {
				return dst, err
			}
			if size < szInt {
				lim := int64(1) << (size*8 - 1)
				if n < -lim || n >= lim {
					return dst, &ArgError{arg, "integer overflow"}
				}
			}
			dst = packInt(dst, uint64(n), h.little, size, n < 0)
		case KUint:
			n, err := args.Integer(arg)
			if err != nil {
				return dst, err
			}
			if size < szInt && uint64(n) >= uint64(1)<<(size*8) {
				return dst, &ArgError{arg, "unsigned overflow"}
			}
			dst = packInt(dst, uint64(n), h.little, size, false)
		case KFloat:
			f, err := args.Number(arg)
			if err != nil {
				return dst, err
			}
			if size == 4 {
				dst = packInt(dst, uint64(math.Float32bits(float32(f))), h.little, 4, false)
			} else {
				dst = packInt(dst, math.Float64bits(f), h.little, 8, false)
			}
		case KChar:
			s, err := args.String(arg)
			if err != nil {
				return dst, err
			}
			if len(s) > size {
				return dst, &ArgError{arg, "string longer than given size"}
			}
			dst = append(dst, s...)
			dst = appendRepeat(dst, packPad, size-len(s))
		case KString:
			s, err := args.String(arg)
			if err != nil {
				return dst, err
			}
			if size < 8 && uint64(len(s)) >= uint64(1)<<(size*8) {
				return dst, &ArgError{arg, "string length does not fit in given size"}
			}
			if err := args.Reserve(int64(len(s))); err != nil {
				return dst, err
			}
			dst = packInt(dst, uint64(len(s)), h.little, size, false)
			dst = append(dst, s...)
			total += int64(len(s))
		case KZstr:
			s, err := args.String(arg)
			if err != nil {
				return dst, err
			}
			if strings.IndexByte(s, 0) >= 0 {
				return dst, &ArgError{arg, "string contains zeros"}
			}
			if err := args.Reserve(int64(len(s)) + 1); err != nil {
				return dst, err
			}
			dst = append(dst, s...)
			dst = append(dst, 0)
			total += int64(len(s)) + 1
		case KPadding:
			dst = append(dst, packPad)
			arg--
		default:
			arg--
		}
	}
	return dst, nil
}

// packInt appends the size low bytes of n (sign-extended beyond 8 bytes
// when neg) in the given byte order.
func packInt(dst []byte, n uint64, little bool, size int, neg bool) []byte {
	var b [maxIntSize]byte
	ext := byte(0)
	if neg {
		ext = 0xff
	}
	for i := 0; i < size; i++ {
		v := ext
		if i < szInt {
			v = byte(n >> (8 * i))
		}
		if little {
			b[i] = v
		} else {
			b[size-1-i] = v
		}
	}
	return append(dst, b[:size]...)
}

// PackSize returns string.packsize(format).
func PackSize(format string) (int64, error) {
	var h packHeader
	h.init(format)
	var total int64
	for h.more() {
		opt, size, ntoalign, err := h.getDetails(total)
		if err != nil {
			return 0, err
		}
		size += ntoalign
		if total > int64(MaxStringSize-size) {
			return 0, &ArgError{1, "format result too large"}
		}
		total += int64(size)
		if opt == KString || opt == KZstr {
			return 0, &ArgError{1, "variable-length format"}
		}
	}
	return total, nil
}

// UnpackedValue is one value produced by string.unpack: an integer, a
// float, or a string (a substring of the data).
type UnpackedValue struct {
	Kind PackOption // KInt, KFloat or KString
	Int  int64
	Num  float64
	Str  string
	Off  int // offset of Str in the data
}

// Unpacker decodes the values of string.unpack one by one.
type Unpacker struct {
	h    packHeader
	data string
	pos  int64
}

// Reset starts decoding data with format from the Lua position init
// (1-based, negative from the end).
func (u *Unpacker) Reset(format, data string, init int64) error {
	u.h.init(format)
	u.data = data
	pos := PosRelat(init, len(data)) - 1
	if pos < 0 || pos > int64(len(data)) {
		return &ArgError{3, "initial position out of string"}
	}
	u.pos = pos
	return nil
}

// Pos returns the Lua position (1-based) after the data read so far,
// which string.unpack returns last.
func (u *Unpacker) Pos() int64 { return u.pos + 1 }

var errDataShort = &ArgError{2, "data string too short"}

// Next decodes the next value; ok is false when the format is exhausted.
func (u *Unpacker) Next() (v UnpackedValue, ok bool, err error) {
	ld := int64(len(u.data))
	for u.h.more() {
		opt, size, ntoalign, err := u.h.getDetails(u.pos)
		if err != nil {
			return v, false, err
		}
		if int64(ntoalign)+int64(size) > ld-u.pos {
			return v, false, errDataShort
		}
		u.pos += int64(ntoalign)
		p := u.pos
		u.pos += int64(size)
		switch opt {
		case KInt, KUint:
			n, err := unpackInt(u.data[p:p+int64(size)], u.h.little, opt == KInt)
			return UnpackedValue{Kind: KInt, Int: n}, err == nil, err
		case KFloat:
			bits, _ := unpackInt(u.data[p:p+int64(size)], u.h.little, false)
			f := math.Float64frombits(uint64(bits))
			if size == 4 {
				f = float64(math.Float32frombits(uint32(bits)))
			}
			return UnpackedValue{Kind: KFloat, Num: f}, true, nil
		case KChar:
			return UnpackedValue{Kind: KString, Str: u.data[p:u.pos], Off: int(p)}, true, nil
		case KString:
			n, err := unpackInt(u.data[p:p+int64(size)], u.h.little, false)
			if err != nil {
				return v, false, err
			}
			if uint64(n) > uint64(ld-u.pos) {
				return v, false, errDataShort
			}
			off := u.pos
			u.pos += n
			return UnpackedValue{Kind: KString, Str: u.data[off:u.pos], Off: int(off)}, true, nil
		case KZstr:
			n := int64(strings.IndexByte(u.data[p:], 0))
			if n < 0 {
				n = ld - p // the reference stops at the string's terminator
			}
			u.pos = p + n + 1
			return UnpackedValue{Kind: KString, Str: u.data[p : p+n], Off: int(p)}, true, nil
		}
	}
	return v, false, nil
}

// unpackInt decodes an integer of len(b) bytes.
func unpackInt(b string, little, signed bool) (int64, error) {
	size := len(b)
	limit := size
	if limit > szInt {
		limit = szInt
	}
	var res uint64
	for i := limit - 1; i >= 0; i-- {
		res <<= 8
		if little {
			res |= uint64(b[i])
		} else {
			res |= uint64(b[size-1-i])
		}
	}
	if size < szInt {
		if signed {
			mask := uint64(1) << (size*8 - 1)
			res = (res ^ mask) - mask // sign extension
		}
	} else if size > szInt {
		var mask byte
		if signed && int64(res) < 0 {
			mask = 0xff
		}
		for i := limit; i < size; i++ {
			c := b[i]
			if !little {
				c = b[size-1-i]
			}
			if c != mask {
				return 0, msgError(strconv.Itoa(size) + "-byte integer does not fit into Lua Integer")
			}
		}
	}
	return int64(res), nil
}
