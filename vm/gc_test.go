package vm

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/gc"
)

// newGCState returns a state with the few builtins the collector tests use
// (the standard library is not imported: package vm is below it):
// collect(), count() in KB, setmetatable(t, mt), newco(f), newud() and
// error(v).
func newGCState(t testing.TB, limit int64) *State {
	t.Helper()
	st := NewState(Options{MemoryLimit: limit})
	st.Register("collect", func(L *Thread) int { L.CollectGarbage(); return 0 })
	st.Register("count", func(L *Thread) int {
		L.Push(Float(float64(L.st.heap.InUse()) / 1024))
		return 1
	})
	st.Register("setmetatable", func(L *Thread) int {
		L.SetMetatable(L.Arg(1), L.Arg(2).AsTable())
		L.Push(L.Arg(1))
		return 1
	})
	st.Register("newco", func(L *Thread) int { L.Push(ThreadValue(L.NewThread(L.Arg(1)))); return 1 })
	st.Register("newud", func(L *Thread) int { L.Push(UserdataValue(L.NewUserdata(nil))); return 1 })
	st.Register("error", func(L *Thread) int { L.Error(L.Arg(1)); return 0 })
	return st
}

func mustRun(t testing.TB, st *State, src string) []Value {
	t.Helper()
	r, err := st.DoString(src, "=test")
	if err != nil {
		t.Fatalf("script failed: %v", err)
	}
	return r
}

// churnScript allocates tables, strings and closures in a loop; with keep
// it keeps all of them, otherwise it keeps the last 20000 iterations' (a
// few MB live). The global iter is the iteration reached; maxcount the
// largest count() seen.
const churnScript = `
local keep = %v
local ring, R = {}, 20000
maxcount = 0
for i = 1, %d do
  iter = i
  local t = {i, i + 1, name = "t"}
  local s = "string number " .. i .. " of the churn loop"
  local f = function() return t, s end
  if keep then ring[i] = f else ring[i %% R + 1] = f end
  if i %% 4096 == 0 then
    local c = count()
    if c > maxcount then maxcount = c end
  end
end
`

// TestGCChurnUnderLimit allocates and drops 1 GB of tables, strings and
// closures under a 32 MB limit: collections keep it running and count()
// stays under the limit.
func TestGCChurnUnderLimit(t *testing.T) {
	const limit = 32 << 20
	st := newGCState(t, limit)
	start := time.Now()
	mustRun(t, st, fmt.Sprintf(churnScript, false, 3_000_000))
	s := st.Heap().Stats()
	maxKB := st.GetGlobal("maxcount").AsFloat()
	t.Logf("charged %.2f GB in %v, %d collections, peak in use %.1f MB, max count() %.1f MB",
		float64(s.Total)/(1<<30), time.Since(start).Round(time.Millisecond), s.Cycles, float64(s.Peak)/(1<<20), maxKB/1024)
	if s.Total < 1<<30 {
		t.Errorf("only %d bytes charged, want at least 1 GB", s.Total)
	}
	if maxKB*1024 >= limit || s.Peak > limit {
		t.Errorf("count() reached %.0f KB, peak %d: over the %d limit", maxKB, s.Peak, limit)
	}
	if s.Cycles < 10 {
		t.Errorf("only %d collections", s.Cycles)
	}
}

// keepIteration runs the keep-everything loop under 32 MB and returns the
// iteration at which it failed, or an error.
func keepIteration() (int64, error) {
	st := newGCState(&testing.T{}, 32<<20)
	_, err := st.DoString(fmt.Sprintf(churnScript, true, 3_000_000), "=keep")
	if err == nil {
		return 0, errors.New("the keep-everything loop did not fail")
	}
	if !errors.Is(err, gc.ErrMemoryLimit) {
		return 0, fmt.Errorf("failed with %v, not the memory limit", err)
	}
	return st.GetGlobal("iter").AsInt(), nil
}

// TestGCKeepChild is the child process of TestGCKeepDeterministic.
func TestGCKeepChild(t *testing.T) {
	if os.Getenv("MOONFUEL_GC_CHILD") != "1" {
		t.Skip("run by TestGCKeepDeterministic in a child process")
	}
	n, err := keepIteration()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("ITER %d\n", n)
}

// TestGCKeepDeterministic runs the churn loop keeping everything in 10
// separate processes: each fails with "not enough memory" at the same
// iteration.
func TestGCKeepDeterministic(t *testing.T) {
	var first string
	for run := 0; run < 10; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestGCKeepChild$", "-test.v")
		cmd.Env = append(os.Environ(), "MOONFUEL_GC_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child %d: %v\n%s", run, err, out)
		}
		var it string
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "ITER ") {
				it = strings.TrimPrefix(line, "ITER ")
			}
		}
		if it == "" {
			t.Fatalf("child %d printed no iteration:\n%s", run, out)
		}
		if run == 0 {
			first = it
			t.Logf("fails with not enough memory at iteration %s", it)
		} else if it != first {
			t.Fatalf("child %d failed at iteration %s, the first at %s", run, it, first)
		}
	}
	if n, _ := strconv.Atoi(first); n < 1000 {
		t.Errorf("failed too early, at iteration %d", n)
	}
}

// TestGCAccountingMatchesGoHeap compares, for a large population of each
// kind of object, the live bytes the mark accounts with the growth of Go's
// heap (runtime.ReadMemStats after runtime.GC): within ±25%.
func TestGCAccountingMatchesGoHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	const n = 200000
	kinds := []struct{ name, build string }{
		{"empty tables", "t[i] = {}"},
		{"tables with array and hash parts", "t[i] = {i, i, i, x = i, y = i}"},
		{"strings of 40 bytes", `t[i] = "a string of forty bytes, number " .. (100000 + i)`},
		{"strings of 206 bytes", `t[i] = string200 .. (100000 + i)`},
		{"closures with 2 upvalues", "local a, b = i, i; t[i] = function() return a + b end"},
		{"coroutines", "t[i] = newco(print)"},
		{"userdata", "t[i] = newud()"},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			st := newGCState(t, 0)
			st.Register("print", func(L *Thread) int { return 0 })
			mustRun(t, st, `local s = "0123456789" s = s .. s .. s .. s .. s
				string200 = s .. s .. s .. s`)
			mustRun(t, st, "collect()")
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			live0 := st.Heap().Live()
			mustRun(t, st, fmt.Sprintf("local t = {} for i = 1, %d do %s end; keep = t; collect()", n, k.build))
			runtime.GC()
			runtime.ReadMemStats(&m1)
			live1 := st.Heap().Live()
			goGrowth := int64(m1.HeapAlloc) - int64(m0.HeapAlloc)
			accounted := live1 - live0
			ratio := float64(accounted) / float64(goGrowth)
			t.Logf("%-34s accounted %8.2f MB, Go heap %8.2f MB, ratio %.2f (%.0f vs %.0f bytes/object)",
				k.name, float64(accounted)/(1<<20), float64(goGrowth)/(1<<20), ratio,
				float64(accounted)/n, float64(goGrowth)/n)
			if ratio < 0.75 || ratio > 1.25 {
				t.Errorf("accounted %d bytes, Go heap grew %d: ratio %.2f outside ±25%%", accounted, goGrowth, ratio)
			}
			runtime.KeepAlive(st)
		})
	}
}

// TestGCFinalizersAtClose checks that Close runs the finalizers of the
// objects still alive, newest first, reports their errors as warnings and
// runs each once.
func TestGCFinalizersAtClose(t *testing.T) {
	st := newGCState(t, 0)
	var out []string
	st.Register("log", func(L *Thread) int { out = append(out, L.Arg(1).AsString()); return 0 })
	var warnings []string
	st.SetWarnFunc(func(msg string) { warnings = append(warnings, msg) })
	mustRun(t, st, `
		local mt = {__gc = function(o) log(o.name) end}
		keep = {setmetatable({name = "a"}, mt), setmetatable({name = "b"}, mt)}
		setmetatable({name = "garbage"}, mt)
		setmetatable({}, {__gc = function() error("bad finalizer") end})
		setmetatable({name = "c"}, mt)
	`)
	if len(out) != 0 {
		t.Fatalf("finalizers ran before close: %v", out)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(out, " "); got != "c garbage b a" {
		t.Errorf("finalizers at close ran %q, want %q", got, "c garbage b a")
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "error in __gc metamethod (bad finalizer)") {
		t.Errorf("warnings %q", warnings)
	}
	if err := st.Close(); err != nil || len(out) != 4 {
		t.Errorf("second Close: %v, %v", err, out)
	}
}

// TestGCAutomaticFinalizers checks that collections paced by allocation
// queue finalizers and the loop runs them (the finalizer's errors become
// warnings), at the same fuel on every run.
func TestGCAutomaticFinalizers(t *testing.T) {
	run := func() (int64, []string) {
		st := newGCState(t, 0)
		var warnings []string
		st.SetWarnFunc(func(msg string) { warnings = append(warnings, msg) })
		r := mustRun(t, st, `
			local done = false
			setmetatable({}, {__gc = function() done = true end})
			setmetatable({}, {__gc = function() error("in the loop") end})
			local n = 0
			repeat n = n + 1; local x = {n} until done
			return n`)
		return r[0].AsInt(), warnings
	}
	n1, w1 := run()
	n2, _ := run()
	if n1 != n2 {
		t.Errorf("finalizer ran after %d iterations, then after %d", n1, n2)
	}
	if len(w1) != 1 || !strings.Contains(w1[0], "in the loop") {
		t.Errorf("warnings %q", w1)
	}
	t.Logf("finalizer ran after %d iterations", n1)
}

// TestGCCachesDoNotLeak loads many distinct chunks: their prototype
// companions stop being counted (and are dropped) once unreachable.
func TestGCCachesDoNotLeak(t *testing.T) {
	st := newGCState(t, 0)
	mustRun(t, st, "collect()")
	base := st.Heap().Live()
	for i := 0; i < 2000; i++ {
		mustRun(t, st, fmt.Sprintf("local t = {} t.f = function() return %d end return t.f()", i))
	}
	mustRun(t, st, "collect()")
	if got := st.Heap().Live(); got > base+4096 {
		t.Errorf("live grew from %d to %d after dropping 2000 chunks", base, got)
	}
	if len(st.protos) > 10 {
		t.Errorf("%d prototype companions cached", len(st.protos))
	}
}

// TestGCMarkChargesFuel checks that a collection costs fuel per object.
func TestGCMarkChargesFuel(t *testing.T) {
	st := newGCState(t, 0)
	mustRun(t, st, "keep = {} for i = 1, 10000 do keep[i] = {} end")
	before := st.FuelUsed()
	st.Heap().Collect(false)
	if used := st.FuelUsed() - before; used < 10000*CostGCMark {
		t.Errorf("a mark of 10000 tables cost %d fuel", used)
	}
}

// TestTableGrowthChargesFuel checks that the slots a growing table rehashes
// are paid: filling a table by string keys costs more than overwriting the
// same keys afterwards, by about CostPerSlot per slot scanned and moved.
func TestTableGrowthChargesFuel(t *testing.T) {
	const n = 1 << 14
	st := newGCState(t, 0)
	st.Heap().Stop()
	loop := fmt.Sprintf("for i = 1, %d do t['k' .. i] = i end", n)
	mustRun(t, st, "t = {}")
	before := st.FuelUsed()
	mustRun(t, st, loop)
	growing := st.FuelUsed() - before
	before = st.FuelUsed()
	mustRun(t, st, loop)
	overwriting := st.FuelUsed() - before
	// doubling scans and reinserts about n slots in all
	if extra := growing - overwriting; extra < n*CostPerSlot || extra > 6*n*CostPerSlot {
		t.Errorf("growing to %d keys cost %d fuel more than overwriting them (%d vs %d)", n, extra, growing, overwriting)
	}
}

// TestNextOverHolesChargesFuel checks that next pays for the empty slots it
// skips: one call over a table whose only entry follows 80000 holes.
func TestNextOverHolesChargesFuel(t *testing.T) {
	st := newGCState(t, 0)
	st.Register("next", func(L *Thread) int {
		k, v, skipped, _ := L.Arg(1).AsTable().NextSkip(L.Arg(2))
		L.ChargeFuel(NextCost(skipped))
		L.Push(k)
		L.Push(v)
		return 2
	})
	mustRun(t, st, "t = {} for i = 1, 80001 do t[i] = i end for i = 1, 80000 do t[i] = nil end")
	cost := func(src string) int64 {
		before := st.FuelUsed()
		mustRun(t, st, src)
		return st.FuelUsed() - before
	}
	dense := cost("next({1})")
	sparse := cost("next(t)")
	if want := int64(80000 / ScanSlotsPerSlot * CostPerSlot * 9 / 10); sparse-dense < want {
		t.Errorf("next over 80000 holes cost %d fuel more than over none, want >= %d", sparse-dense, want)
	}
}

// TestCaughtErrorChargesFuel checks that unwinding an error costs CostError.
func TestCaughtErrorChargesFuel(t *testing.T) {
	st := newGCState(t, 0)
	// pcall(f, x): f(x) in protected mode, returning only whether it failed
	st.Register("pcall", func(L *Thread) int {
		L.Push(Bool(L.PCall(L.Top()-1, 0) == nil))
		return 1
	})
	st.Register("rawequal", func(L *Thread) int { L.Push(Bool(L.Arg(1) == L.Arg(2))); return 1 })
	cost := func(src string) int64 {
		before := st.FuelUsed()
		mustRun(t, st, src)
		return st.FuelUsed() - before
	}
	ok := cost("for i = 1, 100 do pcall(rawequal, i, i) end")
	bad := cost("for i = 1, 100 do pcall(error, i) end")
	if d := bad - ok; d < 100*CostError {
		t.Errorf("100 caught errors cost %d fuel more than 100 calls, want >= %d", d, 100*CostError)
	}
}

// buildLiveTables makes a state holding about mb MB of live tables.
func buildLiveTables(tb testing.TB, mb int) (*State, int) {
	st := newGCState(tb, 0)
	n := mb << 20 / 128 // {i, i} is 112 bytes + its slot in the holder
	mustRun(tb, st, fmt.Sprintf("keep = {} for i = 1, %d do keep[i] = {i, i} end collect()", n))
	return st, n
}

// BenchmarkGCMark measures a full mark over 10 MB and 100 MB of live tables
// (ns per live object, and the pause).
func BenchmarkGCMark(b *testing.B) {
	for _, mb := range []int{10, 100} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			st, n := buildLiveTables(b, mb)
			runtime.GC() // measure this mark, not Go's collector finishing the build
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				st.Heap().Collect(false)
			}
			per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(per/float64(n), "ns/object")
			b.ReportMetric(per/1e6, "ms/pause")
		})
	}
}

// TestConcurrentStatesShareStaticFunctions runs collections in several
// states at once whose globals hold the builtins all states share (pcall,
// xpcall, coroutine.resume): marking must not write to them (run under
// -race in .ci/run).
func TestConcurrentStatesShareStaticFunctions(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := newGCState(t, 0)
			st.SetGlobal("pcall", PcallFunction)
			st.SetGlobal("xpcall", XpcallFunction)
			st.SetGlobal("resume", ResumeFunction)
			for range 50 {
				if _, err := st.DoString("local t = {} for i = 1, 100 do t[i] = {} end collect()", "=race"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
