package strftime

// Calendar arithmetic on the proleptic Gregorian calendar, exact over the
// whole int64 range of days used by Lua (no floating point).

// DaysFromCivil returns the number of days from 1970-01-01 to the given
// date; month and day must be normalised (1..12, 1..31).
func DaysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March is 0
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// CivilFromDays is the inverse of DaysFromCivil.
func CivilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097 // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// MinYear and MaxYear bound the years a C struct tm can hold (its tm_year
// is an int counting from 1900); times outside them "cannot be
// represented".
const (
	MinYear = -2147483648 + 1900
	MaxYear = 2147483647 + 1900
)

// FromUnix breaks t (seconds since the epoch) down into a Tm for a zone
// offset seconds east of UTC, as gmtime/localtime do. ok is false when the
// year falls outside [MinYear, MaxYear]. Zone and IsDST are left for the
// caller to fill.
func FromUnix(t int64, offset int) (tm Tm, ok bool) {
	const maxDays = 106751991167300 // |t|/86400 bound that keeps arithmetic safe
	days := floorDiv(t, 86400)
	secs := int(floorMod(t, 86400)) + offset
	days += int64(floorDiv(int64(secs), 86400))
	secs = int(floorMod(int64(secs), 86400))
	if days > maxDays || days < -maxDays {
		return tm, false
	}
	y, m, d := CivilFromDays(days)
	if y < MinYear || y > MaxYear {
		return tm, false
	}
	tm.Year, tm.Month, tm.Day = y, m, d
	tm.Hour, tm.Min, tm.Sec = secs/3600, secs/60%60, secs%60
	tm.Wday = int(floorMod(days+4, 7)) // 1970-01-01 was a Thursday
	tm.Yday = int(days - DaysFromCivil(y, 1, 1))
	tm.Offset = offset
	return tm, true
}

// Normalize computes, as mktime does, the seconds since the epoch of the
// wall-clock time given by possibly out-of-range fields (month 0 is
// December of the previous year, day 0 the last day of the previous month,
// and so on), taken as UTC. Fields are expected within ±2^31 as C ints
// are; the result is exact for them.
func Normalize(year, month, day, hour, min, sec int64) int64 {
	m := month - 1
	year += floorDiv(m, 12)
	m = floorMod(m, 12)
	days := DaysFromCivil(year, int(m)+1, 1) + day - 1
	return days*86400 + hour*3600 + min*60 + sec
}
