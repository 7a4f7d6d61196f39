package stdlib

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/vm"
)

// TestDatePaysBeforeBuilding: os.date measures its result and pays for it
// (fuel, string size, memory) before building it. A short format can ask
// for a result many times longer ("%c" gives 24 bytes): it used to be
// built in Go's memory, uncharged, before the string size limit refused
// it, and an invalid conversion at the end of a long format made it do
// that work for the fuel of the format alone.
func TestDatePaysBeforeBuilding(t *testing.T) {
	const n = 1 << 20 // 1M "%c": 24 MB of result
	run := func(src string) (*vm.State, error, uint64) {
		st := vm.NewState(vm.Options{MemoryLimit: 16 << 20})
		st.SetLimits(vm.Limits{MaxStringSize: 4 << 20})
		OpenBase(st)
		OpenString(st)
		OpenOSWith(st, OSConfig{Location: time.UTC})
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		_, err := st.DoString(src, "=date")
		runtime.ReadMemStats(&m1)
		return st, err, m1.TotalAlloc - m0.TotalAlloc
	}
	st, err, alloc := run(`local f = ("%c"):rep(` + libItoa(n) + `) return os.date("!" .. f, 0)`)
	if !errors.Is(err, vm.ErrStringLimit) {
		t.Fatalf("long result: %v", err)
	}
	if alloc > 12<<20 {
		t.Errorf("long result: Go allocated %d MB", alloc>>20)
	}
	if min := vm.CharCost(24 * n); st.FuelUsed() < min {
		t.Errorf("long result: fuel %d, want at least %d", st.FuelUsed(), min)
	}
	st, err, _ = run(`local f = ("%c"):rep(` + libItoa(n) + `) return os.date("!" .. f .. "%", 0)`)
	if err == nil || !strings.Contains(err.Error(), "invalid conversion specifier '%'") {
		t.Fatalf("invalid conversion: %v", err)
	}
	if min := vm.CharCost(24 * n); st.FuelUsed() < min {
		t.Errorf("invalid conversion at the end: fuel %d, want at least %d", st.FuelUsed(), min)
	}
	if out := libRun(t, `print(os.date("!%c|%F|%j", 0), #os.date(("x%Y"):rep(1000), 0))`); out != "Thu Jan  1 00:00:00 1970|1970-01-01|001\t5000\n" {
		t.Errorf("os.date: %q", out)
	}
}
