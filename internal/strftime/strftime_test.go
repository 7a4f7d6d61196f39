package strftime

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os/exec"
	"strings"
	"testing"
)

func utc(t int64) Tm {
	tm, ok := FromUnix(t, 0)
	if !ok {
		panic("out of range")
	}
	tm.Zone = "GMT"
	return tm
}

func TestFormatKnown(t *testing.T) {
	const all = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
	tests := []struct {
		t    int64
		f    string
		want string
	}{
		{0, all, "Thu|Thursday|Jan|January|Thu Jan  1 00:00:00 1970|19|01|01/01/70| 1|1970-01-01|70|1970|Jan|00|12|001|01|00|\n|AM|12:00:00 AM|00:00|00|\t|00:00:00|4|00|01|4|00|01/01/70|00:00:00|70|1970|+0000|GMT|%"},
		{1e9, "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy",
			"Sun Sep  9 01:46:40 2001|20|09/09/01|01:46:40|01|2001|09| 9|01|01|09|46|40|7|36|36|0|36|01"},
		{0, "", ""},
		{0, "\x00\x00", "\x00\x00"},
		{0, "%%%%", "%%"},
		{-62167219200 - 1, "%Y|%C|%y", "-1|-1|99"},
		{-67768040609740800, "%c", "Thu Jan  1 00:00:00 -2147481748"},
	}
	for _, tc := range tests {
		tm := utc(tc.t)
		got, err := Format(nil, tc.f, &tm)
		if err != nil || string(got) != tc.want {
			t.Errorf("Format(%q, %d) = %q, %v; want %q", tc.f, tc.t, got, err, tc.want)
		}
	}
}

func TestFormatInvalid(t *testing.T) {
	tests := []struct{ f, msg string }{
		{"%Ez abc", "invalid conversion specifier '%Ez abc'"},
		{"%", "invalid conversion specifier '%'"},
		{"x%", "invalid conversion specifier '%'"},
		{"%E", "invalid conversion specifier '%E'"},
		{"%O", "invalid conversion specifier '%O'"},
		{"%Ea", "invalid conversion specifier '%Ea'"},
		{"%9", "invalid conversion specifier '%9'"},
		{"%k", "invalid conversion specifier '%k'"},
		{"%d%s", "invalid conversion specifier '%s'"},
	}
	tm := utc(0)
	for _, tc := range tests {
		_, err := Format(nil, tc.f, &tm)
		if err == nil || err.Error() != tc.msg {
			t.Errorf("Format(%q) error = %v; want %q", tc.f, err, tc.msg)
		}
	}
}

func TestCivilRoundTrip(t *testing.T) {
	for _, days := range []int64{0, 1, -1, 59, 60, -719468, 2932896, -2932897, 1 << 40, -(1 << 40)} {
		y, m, d := CivilFromDays(days)
		if back := DaysFromCivil(y, m, d); back != days {
			t.Errorf("days %d -> %d-%d-%d -> %d", days, y, m, d, back)
		}
	}
	if _, ok := FromUnix(67768036191676799, 0); !ok {
		t.Error("max representable time rejected")
	}
	if _, ok := FromUnix(67768036191676800, 0); ok {
		t.Error("year past MaxYear accepted")
	}
	if _, ok := FromUnix(-67768040609740800, 0); !ok {
		t.Error("min representable time rejected")
	}
	if _, ok := FromUnix(-67768040609740801, 0); ok {
		t.Error("year before MinYear accepted")
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		y, mo, d, h, mi, s int64
		want               int64
	}{
		{1970, 1, 1, 0, 0, 0, 0},
		{2000, 1, 1, 12, 0, 0, 946728000},
		{2000, 14, -3, 25, -1, 100, 980730040},
		{1969, 12, 31, 23, 59, 59, -1},
		{2000, 0, 0, 0, 0, 0, 943920000},
	}
	for _, tc := range tests {
		if got := Normalize(tc.y, tc.mo, tc.d, tc.h, tc.mi, tc.s); got != tc.want {
			t.Errorf("Normalize(%v) = %d; want %d", tc, got, tc.want)
		}
	}
}

// TestAgainstReference formats many times with every conversion and
// compares with lua5.3's os.date in UTC.
func TestAgainstReference(t *testing.T) {
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Skip("lua5.3 not installed; skipping differential test")
	}
	const f = "!%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %m %M %p %r %R %S %T %u %U %V %w %W %x %X %y %Y %z %Z %%"
	r := rand.New(rand.NewSource(1))
	var times []int64
	for y := int64(-2005); y <= 2030; y += 3 {
		for _, md := range [][2]int{{1, 1}, {1, 3}, {12, 29}, {12, 31}, {1, 7}, {6, 15}} {
			times = append(times, Normalize(y, int64(md[0]), int64(md[1]), 13, 5, 9))
		}
	}
	for i := 0; i < 300; i++ {
		times = append(times, r.Int63n(1<<45)-(1<<44))
	}
	var script strings.Builder
	for _, tt := range times {
		fmt.Fprintf(&script, "print(os.date(%q, %d))\n", f, tt)
	}
	cmd := exec.Command(lua, "-")
	cmd.Stdin = strings.NewReader(script.String())
	cmd.Env = append(cmd.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lua5.3: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for _, tt := range times {
		if !sc.Scan() {
			t.Fatal("short output from lua5.3")
		}
		tm := utc(tt)
		got, err := Format(nil, f[1:], &tm)
		if err != nil || string(got) != sc.Text() {
			t.Errorf("time %d:\n got %q\nwant %q", tt, got, sc.Text())
		}
	}
}
