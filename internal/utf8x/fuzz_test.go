package utf8x

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// isSurrogate reports whether c is a UTF-16 surrogate, which Lua encodes
// and decodes and Go's unicode/utf8 refuses.
func isSurrogate(c uint32) bool { return 0xD800 <= c && c <= 0xDFFF }

// FuzzDecode decodes at every position of arbitrary bytes and checks that
// Decode never panics, that a sequence it accepts is 1 to 4 bytes long,
// holds a code point up to MaxUnicode and encodes back to the same bytes
// (overlong forms are refused, so the encoding is unique), and that it
// agrees with Go's unicode/utf8 wherever surrogates are not involved.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "a", "\x00", "héllo", "\u20ac\U0010FFFF", "\xed\xa0\x80", "\xc0\x80",
		"\xe0\x80\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe\xff", "\x80\xbf", "\xf0\x9f\x98"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			code, size, ok := Decode(s, i)
			r, gsize := utf8.DecodeRuneInString(s[i:])
			goOK := r != utf8.RuneError || gsize > 1
			if !ok {
				if size != 0 || code != 0 {
					t.Fatalf("Decode(%q, %d) refused but returned %#x, %d", s, i, code, size)
				}
				if goOK {
					t.Fatalf("Decode(%q, %d) refused what Go decodes as %U", s, i, r)
				}
				continue
			}
			if size < 1 || size > 4 || i+size > len(s) || code > MaxUnicode {
				t.Fatalf("Decode(%q, %d) = %#x, %d", s, i, code, size)
			}
			if enc := Encode(nil, code); string(enc) != s[i:i+size] {
				t.Fatalf("Decode(%q, %d) = %#x, which encodes as %q", s, i, code, enc)
			}
			if isSurrogate(code) {
				continue
			}
			if !goOK || uint32(r) != code || gsize != size {
				t.Fatalf("Decode(%q, %d) = %#x, %d; Go gives %U, %d", s, i, code, size, r, gsize)
			}
		}
	})
}

// FuzzEncode encodes any value up to MaxEncodable and checks that Encode
// never panics and appends to dst, that the result is well formed (a lead
// byte announcing its length, then continuation bytes; six bytes at the
// most), that Decode reads back exactly the code points up to MaxUnicode
// and refuses larger ones, and that it agrees with Go's unicode/utf8 on
// the code points that are not surrogates.
func FuzzEncode(f *testing.F) {
	for _, x := range []uint32{0, 0x7f, 0x80, 0x7ff, 0x800, 0xd800, 0xdfff, 0xffff, 0x10000, MaxUnicode,
		MaxUnicode + 1, 0x1fffff, 0x200000, 0x3ffffff, 0x4000000, MaxEncodable} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x uint32) {
		x &= MaxEncodable
		prefix := []byte("p")
		enc := Encode(prefix, x)
		if !bytes.HasPrefix(enc, prefix) {
			t.Fatalf("Encode(%#x) lost dst: %q", x, enc)
		}
		enc = enc[len(prefix):]
		n := len(enc)
		if n < 1 || n > 6 {
			t.Fatalf("Encode(%#x) = %q", x, enc)
		}
		if n == 1 {
			if enc[0] >= 0x80 {
				t.Fatalf("Encode(%#x) = %q", x, enc)
			}
		} else {
			lead := enc[0]
			ones := 0
			for lead&0x80 != 0 {
				ones++
				lead <<= 1
			}
			if ones != n {
				t.Fatalf("Encode(%#x) = %q: lead byte announces %d bytes", x, enc, ones)
			}
			for _, c := range enc[1:] {
				if !IsCont(c) {
					t.Fatalf("Encode(%#x) = %q: not a continuation byte", x, enc)
				}
			}
		}
		code, size, ok := Decode(string(enc), 0)
		if x > MaxUnicode {
			if ok {
				t.Fatalf("Decode(Encode(%#x)) accepted %#x", x, code)
			}
			return
		}
		if !ok || code != x || size != n {
			t.Fatalf("Decode(Encode(%#x) = %q) = %#x, %d, %v", x, enc, code, size, ok)
		}
		if !isSurrogate(x) {
			if want := utf8.AppendRune(nil, rune(x)); !bytes.Equal(want, enc) {
				t.Fatalf("Encode(%#x) = %q; Go gives %q", x, enc, want)
			}
		}
	})
}

// TestEncodeDecodeAllCodePoints checks the round trip of FuzzEncode on
// every code point (about 1.1 million, a few milliseconds).
func TestEncodeDecodeAllCodePoints(t *testing.T) {
	var buf []byte
	for x := uint32(0); x <= MaxUnicode; x++ {
		buf = Encode(buf[:0], x)
		if code, size, ok := Decode(string(buf), 0); !ok || code != x || size != len(buf) {
			t.Fatalf("Decode(Encode(%#x) = %q) = %#x, %d, %v", x, buf, code, size, ok)
		}
	}
}
