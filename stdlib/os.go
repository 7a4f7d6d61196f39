package stdlib

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/moonfuel/moonfuel/internal/strftime"
	"github.com/moonfuel/moonfuel/vm"
)

// The os library (Lua 5.3 §6.9). Dates use the proleptic Gregorian
// calendar over 64-bit times, with glibc's limits (years must fit a C int
// counted from 1900) and glibc's "C" locale formats; local time is Go's
// time.Local (the TZ variable, else /etc/localtime).

// OSConfig lets a host replace the parts of the os library that reach the
// outside world. Zero fields mean the real thing.
type OSConfig struct {
	// Now returns the current time (os.time, os.date).
	Now func() time.Time
	// Clock returns the processor time used, in seconds (os.clock).
	Clock func() float64
	// Exit ends the program with a status (os.exit); close asks for the
	// state to be closed first (its finalizers run). The default closes
	// the state when asked, flushes the io library's open files and calls
	// os.Exit.
	Exit func(L *vm.Thread, code int, close bool)
	// Location is the local time zone; nil means time.Local.
	Location *time.Location
}

// OpenOS registers the os library with the real clock, environment and
// process exit.
func OpenOS(st *vm.State) *vm.Table { return OpenOSWith(st, OSConfig{}) }

// OpenOSWith registers the os library with the given configuration.
func OpenOSWith(st *vm.State, cfg OSConfig) *vm.Table {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Clock == nil {
		cfg.Clock = osProcessClock
	}
	if cfg.Exit == nil {
		cfg.Exit = osDefaultExit
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	o := &osLib{cfg: cfg, locale: [osNumLocaleCats]string{"C", "C", "C", "C", "C"}}
	return st.NewLib("os", []vm.Reg{
		{Name: "clock", Fn: o.clock},
		{Name: "date", Fn: o.date},
		{Name: "difftime", Fn: osDifftime},
		{Name: "execute", Fn: osExecute},
		{Name: "exit", Fn: o.exit},
		{Name: "getenv", Fn: osGetenv},
		{Name: "remove", Fn: osRemove},
		{Name: "rename", Fn: osRename},
		{Name: "setlocale", Fn: o.setlocale},
		{Name: "time", Fn: o.time},
		{Name: "tmpname", Fn: osTmpname},
	})
}

type osLib struct {
	cfg         OSConfig
	locale      [osNumLocaleCats]string
	guessOffset int64 // UTC offset of mktime's last result, its next first guess
}

// osProcessClock is C's clock(): processor time of the process in seconds.
func osProcessClock() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func osDefaultExit(L *vm.Thread, code int, close bool) {
	if close {
		L.State().Close() // as lua_close: pending finalizers run
	}
	ioFlushAll(L)
	os.Exit(code)
}

func (o *osLib) clock(L *vm.Thread) int {
	L.Push(vm.Float(o.cfg.Clock()))
	return 1
}

func osGetenv(L *vm.Thread) int {
	name := L.CheckString(1)
	if v, ok := os.LookupEnv(name); ok {
		L.PushString(v)
	} else {
		L.Push(vm.Nil)
	}
	return 1
}

func osRemove(L *vm.Thread) int {
	name := L.CheckString(1)
	// C's remove() deletes files and empty directories alike.
	err := syscall.Unlink(name)
	if err == syscall.EISDIR {
		err = syscall.Rmdir(name)
	}
	return ioFileResult(L, err, name)
}

func osRename(L *vm.Thread) int {
	from := L.CheckString(1)
	to := L.CheckString(2)
	return ioErrResult(L, syscall.Rename(from, to))
}

func osTmpname(L *vm.Thread) int {
	f, err := os.CreateTemp("/tmp", "lua_")
	if err != nil {
		L.Errorf("unable to generate a unique filename")
	}
	name := f.Name()
	f.Close()
	L.PushString(name)
	return 1
}

func osExecute(L *vm.Thread) int {
	if L.Arg(1).IsNil() {
		L.Push(vm.True) // a shell is available
		return 1
	}
	cmdline := L.CheckString(1)
	cmd := exec.Command("/bin/sh", "-c", cmdline)
	cmd.Stdin = os.Stdin
	cmd.Stdout = L.State().Stdout()
	cmd.Stderr = os.Stderr
	ioFlushAll(L)
	return osExecResult(L, cmd.Run())
}

// osExecResult pushes what luaL_execresult does for a finished command:
// true|nil, "exit"|"signal", code.
func osExecResult(L *vm.Thread, err error) int {
	what, code := "exit", 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return ioErrResult(L, err)
		}
		ws, _ := ee.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			what, code = "signal", int(ws.Signal())
		} else {
			code = ws.ExitStatus()
		}
	}
	if what == "exit" && code == 0 {
		L.Push(vm.True)
	} else {
		L.Push(vm.Nil)
	}
	L.Push(vm.StringValue(what))
	L.Push(vm.Int(int64(code)))
	return 3
}

func (o *osLib) exit(L *vm.Thread) int {
	code := 0
	if v := L.Arg(1); v.Type() == vm.TypeBoolean {
		if !v.AsBool() {
			code = 1
		}
	} else {
		code = int(L.OptInteger(1, 0))
	}
	o.cfg.Exit(L, code, !L.Arg(2).IsFalsy())
	return 0
}

func osDifftime(L *vm.Thread) int {
	t1 := L.CheckInteger(1)
	t2 := L.CheckInteger(2)
	L.Push(vm.Float(float64(t1) - float64(t2)))
	return 1
}

// ---------------------------------------------------------------------------
// Dates.

const osErrTimeRange = "time result cannot be represented in this installation"

// breakDown converts t to broken-down time, in UTC or local time.
func (o *osLib) breakDown(t int64, utc bool) (strftime.Tm, bool) {
	const limit = 1 << 60 // far beyond the last representable year
	if t > limit || t < -limit {
		return strftime.Tm{}, false
	}
	if utc {
		tm, ok := strftime.FromUnix(t, 0)
		tm.Zone = "GMT"
		return tm, ok
	}
	lt := time.Unix(t, 0).In(o.cfg.Location)
	name, off := lt.Zone()
	tm, ok := strftime.FromUnix(t, off)
	tm.Zone = name
	tm.IsDST = lt.IsDST()
	return tm, ok
}

func (o *osLib) date(L *vm.Thread) int {
	s := L.OptString(1, "%c")
	var t int64
	if L.Arg(2).IsNil() {
		t = o.cfg.Now().Unix()
	} else {
		t = L.CheckInteger(2)
	}
	utc := strings.HasPrefix(s, "!")
	if utc {
		s = s[1:]
	}
	tm, ok := o.breakDown(t, utc)
	if !ok {
		L.Errorf(osErrTimeRange)
	}
	if strings.HasPrefix(s, "*t") && (len(s) == 2 || s[2] == 0) { // C compares up to a NUL
		tab := L.NewTable(0, 9)
		tv := vm.TableValue(tab)
		osSetAllFields(L, tv, &tm)
		L.Push(tv)
		return 1
	}
	// measure the result, then pay for it (fuel, string size, memory)
	// before building it: a short format can ask for a long result
	L.ChargeFuel(vm.CharCost(len(s)))
	n, err := strftime.Len(s, &tm)
	L.ChargeFuel(vm.CharCost(n))
	if err != nil {
		L.ArgError(1, err.Error())
	}
	L.ChargeString(n)
	out, _ := strftime.Format(make([]byte, 0, n), s, &tm)
	L.Push(vm.StringValue(ownedString(out)))
	return 1
}

// osSetAllFields stores tm in the date table v, as the reference does (with
// metamethods, and with its int arithmetic for the year).
func osSetAllFields(L *vm.Thread, v vm.Value, tm *strftime.Tm) {
	set := func(k string, n int64) { L.SetIndex(v, vm.StringValue(k), vm.Int(n)) }
	set("sec", int64(tm.Sec))
	set("min", int64(tm.Min))
	set("hour", int64(tm.Hour))
	set("day", int64(tm.Day))
	set("month", int64(tm.Month))
	set("year", int64(int32(tm.Year))) // tm_year + 1900 in a C int
	set("wday", int64(tm.Wday+1))
	set("yday", int64(tm.Yday+1))
	L.SetIndex(v, vm.StringValue("isdst"), vm.Bool(tm.IsDST))
}

// osMaxDateField bounds date-table fields (the reference's L_MAXDATEFIELD,
// INT_MAX / 2), so that normalising them cannot overflow.
const osMaxDateField = (1<<31 - 1) / 2

// osGetDateField reads field key of the table at argument 1: an integer
// within bounds, or d when absent (d < 0: the field is required).
func osGetDateField(L *vm.Thread, key string, d int64, delta int64) int64 {
	v := L.Index(L.Arg(1), vm.StringValue(key))
	res, ok := L.ToInteger(v)
	if !ok {
		if !v.IsNil() {
			L.Errorf("field '%s' is not an integer", key)
		} else if d < 0 {
			L.Errorf("field '%s' missing in date table", key)
		}
		return d
	}
	if !(-osMaxDateField <= res && res <= osMaxDateField) {
		L.Errorf("field '%s' is out-of-bound", key)
	}
	return res - delta
}

func (o *osLib) time(L *vm.Thread) int {
	if L.Arg(1).IsNil() {
		L.Push(vm.Int(o.cfg.Now().Unix()))
		return 1
	}
	L.CheckType(1, vm.TypeTable)
	L.SetTop(1)
	sec := osGetDateField(L, "sec", 0, 0)
	minute := osGetDateField(L, "min", 0, 0)
	hour := osGetDateField(L, "hour", 12, 0)
	day := osGetDateField(L, "day", -1, 0)
	month := osGetDateField(L, "month", -1, 1) + 1
	year := osGetDateField(L, "year", -1, 1900) + 1900
	isdst := -1
	if v := L.Index(L.Arg(1), vm.StringValue("isdst")); !v.IsNil() {
		isdst = 0
		if !v.IsFalsy() {
			isdst = 1
		}
	}
	t, tm, ok := o.mktime(year, month, day, hour, minute, sec, isdst)
	if ok {
		osSetAllFields(L, L.Arg(1), &tm)
	}
	if !ok || t == -1 {
		L.Errorf(osErrTimeRange)
	}
	L.Push(vm.Int(t))
	return 1
}

// mktime normalises a local wall-clock time as glibc's mktime does: it
// probes for the instant whose local time is the one requested, starting
// from the offset of its previous result (so, as in C, the choice inside
// an ambiguous hour depends on history), settles a time in a
// spring-forward gap on its daylight-saving reading, and honours a
// requested daylight-saving flag (isdst < 0: unknown) the zone does not
// have at that time by borrowing a nearby offset or, failing that,
// shifting by an hour.
func (o *osLib) mktime(year, month, day, hour, minute, sec int64, isdst int) (int64, strftime.Tm, bool) {
	wall := strftime.Normalize(year, month, day, hour, minute, sec)
	offsetAt := func(t int64) (int64, bool) {
		lt := time.Unix(t, 0).In(o.cfg.Location)
		_, off := lt.Zone()
		return int64(off), lt.IsDST()
	}
	wantDST := isdst != 0
	t0 := wall - o.guessOffset
	t, t1, t2 := t0, t0, t0
	exact := false
	for probes := 6; ; {
		off, dst := offsetAt(t)
		dt := wall - (t + off)
		if dt == 0 {
			exact = true
			break
		}
		// Oscillating between two instants: the time is in a gap.
		if t == t1 && t != t2 && (isdst < 0 && dst || isdst >= 0 && wantDST != dst) {
			break
		}
		if probes--; probes == 0 {
			return 0, strftime.Tm{}, false
		}
		t1, t2, t = t2, t, t+dt
	}
	if _, dst := offsetAt(t); exact && isdst >= 0 && wantDST != dst {
		// Look for a nearby time with the requested flag and use its
		// offset; failing that, assume a one-hour difference.
		const stride = 601200
		const bound = 536454000/2 + stride
		found := false
		for delta := int64(stride); delta < bound && !found; delta += stride {
			for _, dir := range [2]int64{-1, 1} {
				if ooff, odst := offsetAt(t + delta*dir); odst == wantDST {
					t = wall - ooff
					found = true
					break
				}
			}
		}
		if !found {
			if wantDST {
				t -= 3600
			} else {
				t += 3600
			}
		}
	}
	o.guessOffset = wall - t
	tm, ok := o.breakDown(t, false)
	return t, tm, ok
}

// ---------------------------------------------------------------------------
// Locales: only the C locale exists ("POSIX" and "C.UTF-8" are its
// aliases here).

var osLocaleCats = []string{"all", "collate", "ctype", "monetary", "numeric", "time"}

const osNumLocaleCats = 5 // collate, ctype, monetary, numeric, time

// osLocaleEnv is the locale "" selects for category cat, from the
// environment as setlocale(3) reads it.
func osLocaleEnv(cat string) string {
	if v := os.Getenv("LC_ALL"); v != "" {
		return v
	}
	if v := os.Getenv("LC_" + strings.ToUpper(cat)); v != "" {
		return v
	}
	if v := os.Getenv("LANG"); v != "" {
		return v
	}
	return "C"
}

func osKnownLocale(name string) bool {
	switch name {
	case "C", "POSIX", "C.UTF-8", "C.utf8":
		return true
	}
	return false
}

func (o *osLib) setlocale(L *vm.Thread) int {
	var name string
	query := L.Arg(1).IsNil()
	if !query {
		name = L.CheckString(1)
	}
	catName := L.OptString(2, "all")
	cat := -1
	for i, c := range osLocaleCats {
		if c == catName {
			cat = i - 1
		}
	}
	if cat < -1 || (cat == -1 && catName != "all") {
		L.ArgError(2, "invalid option '"+catName+"'")
	}
	cats := []int{cat}
	if cat < 0 {
		cats = []int{0, 1, 2, 3, 4}
	}
	if !query {
		var names [osNumLocaleCats]string
		for _, c := range cats {
			n := name
			if n == "" {
				n = osLocaleEnv(osLocaleCats[c+1])
			}
			if !osKnownLocale(n) {
				L.Push(vm.Nil)
				return 1
			}
			if n == "POSIX" {
				n = "C" // glibc's canonical name
			}
			names[c] = n
		}
		for _, c := range cats {
			o.locale[c] = names[c]
		}
	}
	if cat >= 0 {
		L.PushString(o.locale[cat])
		return 1
	}
	same := true
	for _, n := range o.locale {
		same = same && n == o.locale[0]
	}
	if same {
		L.PushString(o.locale[0])
		return 1
	}
	// glibc's composite name, in its category order
	order := []struct {
		name string
		idx  int
	}{{"LC_CTYPE", 1}, {"LC_NUMERIC", 3}, {"LC_TIME", 4}, {"LC_COLLATE", 0}, {"LC_MONETARY", 2}}
	var b strings.Builder
	for i, c := range order {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(c.name + "=" + o.locale[c.idx])
	}
	b.WriteString(";LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;LC_MEASUREMENT=C;LC_IDENTIFICATION=C")
	L.PushString(b.String())
	return 1
}
