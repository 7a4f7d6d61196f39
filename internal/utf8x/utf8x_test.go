package utf8x

import (
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		s    string
		code uint32
		size int
		ok   bool
	}{
		{"a", 'a', 1, true},
		{"\x00", 0, 1, true},
		{"\u00e9", 0xe9, 2, true},
		{"\u20ac", 0x20ac, 3, true},
		{"\U0010FFFF", 0x10FFFF, 4, true},
		{"\xed\xa0\x80", 0xD800, 3, true}, // surrogates are accepted
		{"\xf4\x90\x80\x80", 0, 0, false}, // above MaxUnicode
		{"\xc0\x80", 0, 0, false},         // overlong
		{"\xe0\x80\x80", 0, 0, false},     // overlong
		{"\xf0\x80\x80\x80", 0, 0, false}, // overlong
		{"\xf8\x88\x80\x80\x80", 0, 0, false},
		{"\xff", 0, 0, false},
		{"\x80", 0, 0, false},
		{"\xe4", 0, 0, false},
		{"\xe4\xb8", 0, 0, false},
		{"\xe4a", 0, 0, false},
	}
	for _, tc := range tests {
		code, size, ok := Decode(tc.s, 0)
		if code != tc.code || size != tc.size || ok != tc.ok {
			t.Errorf("Decode(%q) = %#x, %d, %v; want %#x, %d, %v", tc.s, code, size, ok, tc.code, tc.size, tc.ok)
		}
	}
}

func TestEncode(t *testing.T) {
	for _, r := range []rune{0, 0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff} {
		if got, want := string(Encode(nil, uint32(r))), string(utf8.AppendRune(nil, r)); got != want {
			t.Errorf("Encode(%#x) = %q; want %q", r, got, want)
		}
	}
	tests := []struct {
		x    uint32
		want string
	}{
		{0xD800, "\xed\xa0\x80"},
		{0x200000, "\xf8\x88\x80\x80\x80"},
		{0x7FFFFFFF, "\xfd\xbf\xbf\xbf\xbf\xbf"},
	}
	for _, tc := range tests {
		if got := string(Encode(nil, tc.x)); got != tc.want {
			t.Errorf("Encode(%#x) = %q; want %q", tc.x, got, tc.want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for x := uint32(0); x <= MaxUnicode; x += 7 {
		s := string(Encode(nil, x))
		code, size, ok := Decode(s, 0)
		if !ok || code != x || size != len(s) {
			t.Fatalf("round trip %#x: %#x %d %v", x, code, size, ok)
		}
	}
}
