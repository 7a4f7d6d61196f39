// Package utf8x decodes and encodes UTF-8 with the rules of Lua 5.3's utf8
// library and string escapes, which differ from Go's unicode/utf8:
// surrogates are accepted, sequences are at most four bytes long, and
// overlong encodings and values above 0x10FFFF are rejected when decoding.
// Encoding accepts values up to 0x7FFFFFFF (up to six bytes), as the
// reference's luaO_utf8esc does.
package utf8x

// MaxUnicode is the largest code point the utf8 library accepts.
const MaxUnicode = 0x10FFFF

// MaxEncodable is the largest value Encode can represent.
const MaxEncodable = 0x7FFFFFFF

// IsCont reports whether c is a UTF-8 continuation byte.
func IsCont(c byte) bool { return c&0xC0 == 0x80 }

// ContAt reports whether s[i] exists and is a continuation byte (an index
// past the end reads as the NUL terminator of a C string).
func ContAt(s string, i int) bool { return i < len(s) && IsCont(s[i]) }

var limits = [...]uint32{0xFF, 0x7F, 0x7FF, 0xFFFF}

// Decode decodes the UTF-8 sequence starting at s[i] (i < len(s)) and
// returns the code point and its length in bytes; ok is false when the
// sequence is invalid.
func Decode(s string, i int) (code uint32, size int, ok bool) {
	c := uint32(s[i])
	if c < 0x80 {
		return c, 1, true
	}
	var res uint32
	count := 0
	for c&0x40 != 0 {
		count++
		if count > 3 {
			return 0, 0, false
		}
		if i+count >= len(s) {
			return 0, 0, false
		}
		cc := uint32(s[i+count])
		if cc&0xC0 != 0x80 {
			return 0, 0, false
		}
		res = res<<6 | cc&0x3F
		c <<= 1
	}
	res |= (c & 0x3F) << (count * 5)
	if res > MaxUnicode || res <= limits[count] {
		return 0, 0, false
	}
	return res, count + 1, true
}

// Encode appends the UTF-8 encoding of x (0 <= x <= MaxEncodable).
func Encode(dst []byte, x uint32) []byte {
	if x < 0x80 {
		return append(dst, byte(x))
	}
	var buf [8]byte
	n := 1
	mfb := uint32(0x3f) // maximum that fits in the first byte
	for {
		buf[8-n] = byte(0x80 | x&0x3f)
		n++
		x >>= 6
		mfb >>= 1
		if x <= mfb {
			break
		}
	}
	buf[8-n] = byte(^mfb<<1 | x)
	return append(dst, buf[8-n:]...)
}
