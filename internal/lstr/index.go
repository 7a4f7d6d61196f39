package lstr

// PosRelat converts a Lua string position (1-based, negative counting from
// the end) into a non-negative position for a string of length n, as the
// reference's posrelat does: negative positions beyond the start give 0.
func PosRelat(pos int64, n int) int64 {
	if pos >= 0 {
		return pos
	}
	if -pos > int64(n) {
		return 0
	}
	return int64(n) + pos + 1
}

// SubRange returns the byte range [start, end) of string.sub(s, i, j) for
// a string of length n (empty when start >= end).
func SubRange(i, j int64, n int) (start, end int) {
	l := PosRelat(i, n)
	h := PosRelat(j, n)
	if l < 1 {
		l = 1
	}
	if h > int64(n) {
		h = int64(n)
	}
	if l > h {
		return 0, 0
	}
	return int(l - 1), int(h)
}

// FindInit converts the init argument of string.find / string.match into a
// 0-based offset; ok is false when init is past the end of the subject
// plus one, in which case the functions return nil.
func FindInit(init int64, n int) (off int, ok bool) {
	i := PosRelat(init, n)
	if i < 1 {
		i = 1
	} else if i > int64(n)+1 {
		return 0, false
	}
	return int(i - 1), true
}

// MaxStringSize is the largest string the string library builds (MAXSIZE
// of the reference: INT_MAX on 64-bit machines).
const MaxStringSize = 1<<31 - 1

// RepSize returns the size of string.rep(s, n, sep) for a string of length
// l and a separator of length lsep, or ok == false when the reference fails
// with "resulting string too large". n must be positive.
func RepSize(l, lsep int, n int64) (size int64, ok bool) {
	total := int64(l) + int64(lsep)
	if total > MaxStringSize/n {
		return 0, false
	}
	return n*int64(l) + (n-1)*int64(lsep), true
}

// ErrRepTooLarge is the error of string.rep when the result would exceed
// MaxStringSize.
var ErrRepTooLarge error = msgError("resulting string too large")
