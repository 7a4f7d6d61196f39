package stdlib

import (
	"errors"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/gc"
	"github.com/moonfuel/moonfuel/vm"
)

func TestTableSmoke(t *testing.T) {
	libCases(t, []struct{ src, want string }{
		{`print(table.concat({1, 2, "x"}, ","))`, "1,2,x\n"},
		{`local t = {5, 3, 1, 4, 2} table.sort(t) print(table.concat(t, " "))`, "1 2 3 4 5\n"},
	})
}

// TestTableFuel checks that the table functions pay for their work: a
// program doing large table work runs out of a small fuel budget instead
// of running to completion.
func TestTableFuel(t *testing.T) {
	progs := []string{
		`local t = {} for i = 1, 100 do t[i] = i end for _ = 1, 1000 do table.sort(t, function(a, b) return a > b end) end`,
		`table.move({}, 1, 1e12, 2)`,
		`local t = {} for i = 1, 1000 do t[i] = "x" end for _ = 1, 10000 do table.concat(t) end`,
		`local t = {} for i = 1, 1000 do t[i] = i end for _ = 1, 10000 do table.unpack(t) end`,
		`local t = {} for i = 1, 1000 do t[i] = i end for _ = 1, 10000 do table.insert(t, 1, 0) table.remove(t, 1) end`,
	}
	for _, src := range progs {
		var out strings.Builder
		st := vm.NewState(vm.Options{Stdout: &out, Fuel: 200000})
		OpenTable(st)
		_, err := st.DoString(src, "=fuel")
		if !errors.Is(err, vm.ErrFuelExhausted) {
			t.Errorf("%s: err = %v; want fuel exhaustion", src, err)
		}
	}
}

// TestTableConcatMemory checks that table.concat charges its result before
// building it.
func TestTableConcatMemory(t *testing.T) {
	var out strings.Builder
	st := vm.NewState(vm.Options{Stdout: &out, MemoryLimit: 4 << 20})
	OpenTable(st)
	_, err := st.DoString(`local t = {} local big = "0123456789abcdef"
		for i = 1, 6 do big = big .. big .. big .. big end -- 64 KB
		for i = 1, 200 do t[i] = big end
		return table.concat(t)`, "=mem")
	if !errors.Is(err, gc.ErrMemoryLimit) {
		t.Errorf("err = %v; want the memory limit", err)
	}
}
