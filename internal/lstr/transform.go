package lstr

import "encoding/binary"

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// asciiRange returns, for each byte of w, 0x20 if the byte lies in
// [lo, hi] and 0 otherwise (bytes >= 0x80 are never in range).
func asciiRange(w uint64, lo, hi byte) uint64 {
	h := w &^ highs
	ge := h + (0x80-uint64(lo))*ones   // high bit set where byte >= lo
	gt := h + (0x80-uint64(hi)-1)*ones // high bit set where byte > hi
	return ((ge &^ gt &^ w) & highs) >> 2
}

// Upper writes the C-locale upper case of s into dst, which must have the
// same length.
func Upper(dst []byte, s string) { caseMap(dst, s, 'a', 'z') }

// Lower writes the C-locale lower case of s into dst, which must have the
// same length.
func Lower(dst []byte, s string) { caseMap(dst, s, 'A', 'Z') }

// caseMap flips the case bit (0x20) of the bytes of s in [lo, hi].
func caseMap(dst []byte, s string, lo, hi byte) {
	dst = dst[:len(s)]
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		binary.LittleEndian.PutUint64(dst[i:], w^asciiRange(w, lo, hi))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= lo && c <= hi {
			c ^= 0x20
		}
		dst[i] = c
	}
}

// Reverse writes the bytes of s in reverse order into dst, which must have
// the same length.
func Reverse(dst []byte, s string) {
	dst = dst[:len(s)]
	n := len(s)
	i := 0
	for ; i+8 <= n; i += 8 {
		w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		binary.BigEndian.PutUint64(dst[n-i-8:], w)
	}
	for ; i < n; i++ {
		dst[n-1-i] = s[i]
	}
}

// Repeat appends n copies of s separated by sep to dst (string.rep),
// copying in doubling blocks.
func Repeat(dst []byte, s, sep string, n int64) []byte {
	if n <= 0 {
		return dst
	}
	start := len(dst)
	dst = append(dst, s...)
	if n == 1 {
		return dst
	}
	dst = append(dst, sep...)
	dst = append(dst, s...)
	// dst[start:] holds 2 copies; unit is one "sep+s" block
	unit := len(sep) + len(s)
	total := start + len(s) + int(n-1)*unit
	for len(dst) < total {
		// copy as much of the already repeated "sep s" blocks as fits
		chunk := dst[start+len(s):]
		if rem := total - len(dst); len(chunk) > rem {
			chunk = chunk[:rem]
		}
		dst = append(dst, chunk...)
	}
	return dst
}
