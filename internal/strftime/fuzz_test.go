package strftime

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzFormat breaks a time down (FromUnix, any seconds and any offset a C
// int can hold) and formats it with an arbitrary format, checking that:
//
//   - nothing panics;
//   - the broken-down fields are in range, and Normalize turns them back
//     into the wall-clock seconds (t + offset);
//   - CivilFromDays and DaysFromCivil are inverses on the day;
//   - Format fails only with an *InvalidSpecError quoting the rest of the
//     format, copies a format without '%' unchanged, and never expands a
//     byte of format into more than 32 bytes plus the zone name, and Len
//     gives the length of its result;
//   - for times Go's time package represents (years 1 to 9999), the
//     numeric and name conversions agree with it (ISO weeks included).
func FuzzFormat(f *testing.F) {
	const all = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
	f.Add(all, int64(0), int32(0))
	f.Add(all, int64(1e9), int32(3600))
	f.Add("%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", int64(-1), int32(-12600))
	f.Add("%", int64(67768036191676799), int32(0))
	f.Add("x%Ez", int64(-67768040609740800), int32(0))
	f.Add("plain \x00 text", int64(-62167219200), int32(50400))
	f.Add("%G-W%V-%u %j %U %W", int64(1104537600), int32(0))
	f.Fuzz(func(t *testing.T, format string, secs int64, offset int32) {
		checkFormat(t, format, secs, offset)
		// the same format at a time within Go's years 1 to 9999, which
		// arbitrary seconds rarely fall in
		const first, span = -62135596800, 315537897600 - 2*86400
		checkFormat(t, format, first+86400+floorMod(secs, span), offset%(26*3600))
	})
}

// checkFormat is FuzzFormat's check of one time and format.
func checkFormat(t *testing.T, format string, secs int64, offset int32) {
	tm, ok := FromUnix(secs, int(offset))
	if !ok {
		return
	}
	tm.Zone = "Zone"
	if tm.Month < 1 || tm.Month > 12 || tm.Day < 1 || tm.Day > 31 || tm.Hour < 0 || tm.Hour > 23 ||
		tm.Min < 0 || tm.Min > 59 || tm.Sec < 0 || tm.Sec > 59 || tm.Wday < 0 || tm.Wday > 6 ||
		tm.Yday < 0 || tm.Yday >= yearDays(tm.Year) || tm.Year < MinYear || tm.Year > MaxYear {
		t.Fatalf("FromUnix(%d, %d) = %+v", secs, offset, tm)
	}
	wall := secs + int64(offset)
	if got := Normalize(tm.Year, int64(tm.Month), int64(tm.Day), int64(tm.Hour), int64(tm.Min), int64(tm.Sec)); got != wall {
		t.Fatalf("Normalize(FromUnix(%d, %d) = %+v) = %d, want %d", secs, offset, tm, got, wall)
	}
	days := floorDiv(wall, 86400)
	if y, m, d := CivilFromDays(days); y != tm.Year || m != tm.Month || d != tm.Day || DaysFromCivil(y, m, d) != days {
		t.Fatalf("CivilFromDays(%d) = %d-%d-%d, FromUnix %+v", days, y, m, d, tm)
	}

	out, err := Format(nil, format, &tm)
	if err != nil {
		var ise *InvalidSpecError
		if !errors.As(err, &ise) || !strings.HasSuffix(format, "%"+ise.Rest) {
			t.Fatalf("Format(%q): error %T %v", format, err, err)
		}
	} else if !strings.Contains(format, "%") && string(out) != format {
		t.Fatalf("Format(%q) = %q", format, out)
	}
	if n, lerr := Len(format, &tm); (lerr == nil) != (err == nil) || err == nil && n != len(out) {
		t.Fatalf("Len(%q) = %d, %v; Format gives %d bytes, %v", format, n, lerr, len(out), err)
	}
	if max := len(format) * (32 + len(tm.Zone)); len(out) > max {
		t.Fatalf("Format(%q) gives %d bytes", format, len(out))
	}

	if tm.Year < 1 || tm.Year > 9999 {
		return
	}
	gt := time.Unix(wall, 0).UTC()
	isoYear, isoWeek := gt.ISOWeek()
	for conv, want := range map[byte]string{
		'Y': strconv.Itoa(gt.Year()),
		'F': strconv.Itoa(gt.Year()) + gt.Format("-01-02"), // glibc does not pad the year
		'T': gt.Format("15:04:05"),
		'a': gt.Format("Mon"),
		'A': gt.Format("Monday"),
		'b': gt.Format("Jan"),
		'B': gt.Format("January"),
		'e': gt.Format("_2"),
		'I': gt.Format("03"),
		'p': gt.Format("PM"),
		'j': gt.Format("002"),
		'w': strconv.Itoa(int(gt.Weekday())),
		'G': strconv.Itoa(isoYear),
		'V': fmt.Sprintf("%02d", isoWeek),
	} {
		if got := string(AppendConversion(nil, conv, &tm)); got != want {
			t.Fatalf("%%%c for %d (%v): %q, Go gives %q", conv, wall, gt, got, want)
		}
	}
}
