// Package strftime implements the time formatting and calendar arithmetic
// behind Lua's os.date and os.time: C's strftime in the "C" locale (as
// glibc formats it), the conversion of a time in seconds to broken-down
// time, and mktime-style normalisation of broken-down time back to seconds.
//
// Everything here is pure: time zones enter only as an offset, a zone
// abbreviation and a daylight-saving flag supplied by the caller.
package strftime

import (
	"strconv"
	"strings"
)

// Tm is a broken-down time, like C's struct tm but with a 64-bit year and
// human-friendly month numbering.
type Tm struct {
	Year   int64  // full year (1970, not 70); may be zero or negative
	Month  int    // 1..12
	Day    int    // 1..31
	Hour   int    // 0..23
	Min    int    // 0..59
	Sec    int    // 0..60
	Wday   int    // day of the week, 0..6, Sunday is 0
	Yday   int    // day of the year, 0..365 (January 1st is 0)
	IsDST  bool   // daylight saving time in effect
	Zone   string // zone abbreviation for %Z ("GMT" for UTC)
	Offset int    // seconds east of UTC, for %z
}

// InvalidSpecError reports a conversion specifier that Lua 5.3 does not
// accept. Rest is the format text from the specifier (after the '%') to the
// end of the format, as the reference quotes it.
type InvalidSpecError struct {
	Rest string
}

// Error gives lua5.3's message for the conversion.
func (e *InvalidSpecError) Error() string {
	return "invalid conversion specifier '%" + e.Rest + "'"
}

// options lists the conversions Lua 5.3 accepts (LUA_STRFTIMEOPTIONS for
// C99): single letters, then two-letter E and O forms.
const (
	oneCharOptions = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
	twoCharOptions = "EcECExEXEyEYOdOeOHOIOmOMOSOuOUOVOwOWOy"
)

// CheckOption validates the conversion starting at conv (the text after a
// '%') and returns the length of the specifier (1 or 2), or an
// *InvalidSpecError.
func CheckOption(conv string) (int, error) {
	if len(conv) >= 1 {
		for i := 0; i < len(oneCharOptions); i++ {
			if conv[0] == oneCharOptions[i] {
				return 1, nil
			}
		}
	}
	if len(conv) >= 2 {
		for i := 0; i+1 < len(twoCharOptions); i += 2 {
			if conv[0] == twoCharOptions[i] && conv[1] == twoCharOptions[i+1] {
				return 2, nil
			}
		}
	}
	return 0, &InvalidSpecError{Rest: conv}
}

// Format appends to dst the expansion of format for tm, as Lua 5.3's
// os.date does after removing a leading '!': ordinary bytes (NUL included)
// are copied, and each '%' conversion is checked against the options Lua
// accepts and expanded as glibc's strftime does in the "C" locale.
func Format(dst []byte, format string, tm *Tm) ([]byte, error) {
	out, _, err := expand(dst, format, tm, false)
	return out, err
}

// Len returns the length of Format's expansion of format for tm, without
// building it: a caller with limits (os.date) checks and pays for the
// result before allocating it. The work is proportional to the length of
// the result. On an error, the length is that of the expansion up to the
// invalid conversion (the work done).
func Len(format string, tm *Tm) (int, error) {
	var scratch [64]byte
	_, n, err := expand(scratch[:0], format, tm, true)
	return n, err
}

// expand is Format; with count, it only counts the bytes, reusing dst for
// each conversion.
func expand(dst []byte, format string, tm *Tm, count bool) ([]byte, int, error) {
	n := 0
	for i := 0; i < len(format); {
		if format[i] != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				j = len(format) - i
			}
			if !count {
				dst = append(dst, format[i:i+j]...)
			}
			n += j
			i += j
			continue
		}
		i++
		k, err := CheckOption(format[i:])
		if err != nil {
			return dst, n, err
		}
		conv := format[i]
		if k == 2 {
			conv = format[i+1] // E and O modifiers change nothing in the C locale
		}
		if count {
			dst = dst[:0]
		}
		before := len(dst)
		dst = AppendConversion(dst, conv, tm)
		n += len(dst) - before
		i += k
	}
	return dst, n, nil
}

var (
	dayNames   = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// AppendConversion appends the expansion of the single conversion %conv
// (without modifiers) for tm. Unknown conversions append nothing. Years
// print as glibc prints them, computed in a C int (so years past
// 2147483647 wrap around).
func AppendConversion(dst []byte, conv byte, tm *Tm) []byte {
	year := int64(int32(tm.Year))
	switch conv {
	case 'a':
		return append(dst, dayNames[mod(tm.Wday, 7)][:3]...)
	case 'A':
		return append(dst, dayNames[mod(tm.Wday, 7)]...)
	case 'b', 'h':
		return append(dst, monthNames[mod(tm.Month-1, 12)][:3]...)
	case 'B':
		return append(dst, monthNames[mod(tm.Month-1, 12)]...)
	case 'c':
		dst = AppendConversion(dst, 'a', tm)
		dst = append(dst, ' ')
		dst = AppendConversion(dst, 'b', tm)
		dst = append(dst, ' ')
		dst = AppendConversion(dst, 'e', tm)
		dst = append(dst, ' ')
		dst = AppendConversion(dst, 'T', tm)
		dst = append(dst, ' ')
		return AppendConversion(dst, 'Y', tm)
	case 'C':
		return strconv.AppendInt(dst, floorDiv(year, 100), 10)
	case 'd':
		return pad2(dst, tm.Day, '0')
	case 'D', 'x':
		dst = pad2(dst, tm.Month, '0')
		dst = append(dst, '/')
		dst = pad2(dst, tm.Day, '0')
		dst = append(dst, '/')
		return pad2(dst, int(floorMod(year, 100)), '0')
	case 'e':
		return pad2(dst, tm.Day, ' ')
	case 'F':
		dst = strconv.AppendInt(dst, year, 10)
		dst = append(dst, '-')
		dst = pad2(dst, tm.Month, '0')
		dst = append(dst, '-')
		return pad2(dst, tm.Day, '0')
	case 'g':
		y, _ := isoWeek(tm)
		return pad2(dst, int(floorMod(int64(int32(y)), 100)), '0')
	case 'G':
		y, _ := isoWeek(tm)
		return strconv.AppendInt(dst, int64(int32(y)), 10)
	case 'H':
		return pad2(dst, tm.Hour, '0')
	case 'I':
		return pad2(dst, hour12(tm.Hour), '0')
	case 'j':
		d := tm.Yday + 1
		dst = append(dst, byte('0'+d/100%10))
		return pad2(dst, d%100, '0')
	case 'm':
		return pad2(dst, tm.Month, '0')
	case 'M':
		return pad2(dst, tm.Min, '0')
	case 'n':
		return append(dst, '\n')
	case 'p':
		if tm.Hour >= 12 {
			return append(dst, "PM"...)
		}
		return append(dst, "AM"...)
	case 'r':
		dst = AppendConversion(dst, 'I', tm)
		dst = append(dst, ':')
		dst = AppendConversion(dst, 'M', tm)
		dst = append(dst, ':')
		dst = AppendConversion(dst, 'S', tm)
		dst = append(dst, ' ')
		return AppendConversion(dst, 'p', tm)
	case 'R':
		dst = AppendConversion(dst, 'H', tm)
		dst = append(dst, ':')
		return AppendConversion(dst, 'M', tm)
	case 'S':
		return pad2(dst, tm.Sec, '0')
	case 't':
		return append(dst, '\t')
	case 'T', 'X':
		dst = AppendConversion(dst, 'H', tm)
		dst = append(dst, ':')
		dst = AppendConversion(dst, 'M', tm)
		dst = append(dst, ':')
		return AppendConversion(dst, 'S', tm)
	case 'u':
		return append(dst, byte('0'+(mod(tm.Wday-1, 7)+1)))
	case 'U':
		return pad2(dst, (tm.Yday+7-tm.Wday)/7, '0')
	case 'V':
		_, w := isoWeek(tm)
		return pad2(dst, w, '0')
	case 'w':
		return append(dst, byte('0'+mod(tm.Wday, 7)))
	case 'W':
		return pad2(dst, (tm.Yday+7-mod(tm.Wday+6, 7))/7, '0')
	case 'y':
		return pad2(dst, int(floorMod(year, 100)), '0')
	case 'Y':
		return strconv.AppendInt(dst, year, 10)
	case 'z':
		off := tm.Offset
		sign := byte('+')
		if off < 0 {
			sign = '-'
			off = -off
		}
		dst = append(dst, sign)
		dst = pad2(dst, off/3600, '0')
		return pad2(dst, off/60%60, '0')
	case 'Z':
		return append(dst, tm.Zone...)
	case '%':
		return append(dst, '%')
	}
	return dst
}

// pad2 appends n in at least two digits, padded with pad.
func pad2(dst []byte, n int, pad byte) []byte {
	if n >= 0 && n < 10 {
		return append(dst, pad, byte('0'+n))
	}
	return strconv.AppendInt(dst, int64(n), 10)
}

func hour12(h int) int {
	h %= 12
	if h == 0 {
		return 12
	}
	return h
}

func mod(a, b int) int {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m
}

// isoWeekDays returns the number of days from the first day of the ISO
// week-numbering year containing the day (yday, wday) to that day; it is
// negative when the day belongs to the previous ISO year.
func isoWeekDays(yday, wday int) int {
	const bigEnough = (366/7 + 2) * 7
	return yday - (yday-wday+4+bigEnough)%7 + 4 - 1
}

// isoWeek returns the ISO 8601 week-numbering year and week of tm.
func isoWeek(tm *Tm) (year int64, week int) {
	year = tm.Year
	days := isoWeekDays(tm.Yday, tm.Wday)
	if days < 0 {
		year--
		days = isoWeekDays(tm.Yday+yearDays(year), tm.Wday)
	} else if d := isoWeekDays(tm.Yday-yearDays(tm.Year), tm.Wday); d >= 0 {
		year++
		days = d
	}
	return year, days/7 + 1
}

// IsLeap reports whether year is a leap year in the proleptic Gregorian
// calendar.
func IsLeap(year int64) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

func yearDays(year int64) int {
	if IsLeap(year) {
		return 366
	}
	return 365
}
