package lstr

// Character classes of the C locale, as used by Lua patterns.
const (
	cAlpha = 1 << iota
	cCntrl
	cDigit
	cGraph
	cLower
	cPunct
	cSpace
	cUpper
	cXDigit
)

// ctype holds the C-locale class bits of every byte.
var ctype [256]uint16

func init() {
	for c := 0; c < 256; c++ {
		var b uint16
		switch {
		case c >= 'a' && c <= 'z':
			b |= cAlpha | cLower
		case c >= 'A' && c <= 'Z':
			b |= cAlpha | cUpper
		case c >= '0' && c <= '9':
			b |= cDigit
		}
		if c < 32 || c == 127 {
			b |= cCntrl
		}
		if c > 32 && c < 127 {
			b |= cGraph
			if b&(cAlpha|cDigit) == 0 {
				b |= cPunct
			}
		}
		if c == ' ' || (c >= '\t' && c <= '\r') {
			b |= cSpace
		}
		if (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') {
			b |= cXDigit
		}
		ctype[c] = b
	}
}

// IsDigit reports whether c is an ASCII decimal digit.
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }

// isPrint reports whether c is printable in the C locale.
func isPrint(c byte) bool { return c >= 32 && c < 127 }

// ToUpper returns the C-locale upper case of c.
func ToUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// ToLower returns the C-locale lower case of c.
func ToLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}
