package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/parser"
	"github.com/moonfuel/moonfuel/vm"
)

// fuzzLimits are the small limits fuzzed scripts run under. The timeout is
// only a backstop: 200,000 units of fuel take a few milliseconds, so a run
// that reaches it means fuel failed to bound time.
var fuzzLimits = Limits{
	Fuel:             200_000,
	Memory:           4 << 20,
	MaxDepth:         200,
	MaxCallbackDepth: 16,
	MaxStringSize:    64 << 10,
	Timeout:          20 * time.Second,
	MaxMessageBytes:  16 << 10,
	MaxMessageDepth:  16,
	MailboxLen:       8,
}

// fuzzFuelSlack bounds how far the reported fuel may pass the limit. Most
// charges are all-or-nothing, but some work is charged as a debt that
// stops the script only at its next refuel (vm/fuel.go chargeDebt), and
// the dispatch loop refuels once per slice of fuelSlice (16384) units:
//
//   - a collection (CostGCMark per marked object) and a table resize
//     (CostPerSlot per slot): bounded by the memory limit, as no more
//     objects or slots can be live than fit in it (16 bytes each at the
//     least);
//   - caught errors (CostError each, vm/exec.go and vm/call.go): bounded
//     by the errors one slice of instructions can raise. Measured: about
//     10 units of debt per instruction at most (xpcall(error, error) in a
//     loop passes a 200,000 limit by 158,000); 20 per instruction are
//     allowed here.
//
// The bound does not grow with the fuel limit: a script cannot go on
// running on debts.
var fuzzFuelSlack = (vm.CostGCMark+vm.CostPerSlot)*fuzzLimits.Memory/16 + 16384*20

// fuzzWatchdog fails an input whose run does not end in this time (a hang
// that the context cannot stop, e.g. a builtin looping without charging
// fuel).
const fuzzWatchdog = 60 * time.Second

// fuzzOutcome is what one run of a fuzzed script gave.
type fuzzOutcome struct {
	compileErr error // the script did not compile
	err        error // the run's error
	results    []any
	waiting    bool // still waiting for a message when the host stopped sending
	stats      Stats
}

// fuzzMessage is what the host sends to a script waiting in receive.
var fuzzMessage = map[string]any{"n": int64(1), "s": "x", "list": []any{1.5, true, "y", []any{}}}

// runFuzzScript runs src in the untrusted profile under fuzzLimits,
// deterministically. The host answers up to three waits in receive with
// fuzzMessage and offers one host function, sandbox.echo, which returns
// its arguments.
func runFuzzScript(src string) fuzzOutcome {
	p, err := Compile(src, "=fuzz")
	if err != nil {
		return fuzzOutcome{compileErr: err}
	}
	s, err := New(p, Config{
		Limits:        fuzzLimits,
		Deterministic: true,
		Seed:          7,
		Funcs: map[string]HostFunc{
			"echo": func(_ context.Context, args []any) ([]any, error) { return args, nil },
		},
	})
	if err != nil {
		return fuzzOutcome{err: err}
	}
	ctx := context.Background()
	sent := 0
	for {
		status, err := s.Step(ctx, 0)
		switch status {
		case Done:
			return fuzzOutcome{err: err, results: s.Results(), stats: s.Stats()}
		case Waiting:
			if s.waitMsg {
				if sent == 3 {
					return fuzzOutcome{waiting: true, stats: s.Stats()}
				}
				sent++
				if err := s.Send(fuzzMessage); err != nil {
					panic(err)
				}
			} else if err := s.Wait(ctx); err != nil {
				panic(err)
			}
		}
	}
}

// runFuzzGuarded runs src with runFuzzScript on its own goroutine, turning
// a Go panic into a test failure with its stack and a run longer than
// fuzzWatchdog into a failure too.
func runFuzzGuarded(t *testing.T, src string) fuzzOutcome {
	t.Helper()
	type result struct {
		out   fuzzOutcome
		panic any
		stack []byte
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{panic: r, stack: debug.Stack()}
			}
		}()
		ch <- result{out: runFuzzScript(src)}
	}()
	timer := time.NewTimer(fuzzWatchdog)
	defer timer.Stop()
	select {
	case r := <-ch:
		if r.panic != nil {
			t.Fatalf("Go panic: %v\n%s", r.panic, r.stack)
		}
		return r.out
	case <-timer.C:
		t.Fatalf("the run did not end within %v", fuzzWatchdog)
	}
	panic("unreachable")
}

// checkFuzzOutcome fails t unless out is one of the allowed outcomes.
func checkFuzzOutcome(t *testing.T, out fuzzOutcome) {
	t.Helper()
	if err := out.compileErr; err != nil {
		var se *parser.SyntaxError
		var ce *compiler.Error
		if !errors.As(err, &se) && !errors.As(err, &ce) && !errors.Is(err, ErrBytecode) {
			t.Fatalf("compile error of type %T: %v", err, err)
		}
		if !strings.HasPrefix(err.Error(), "fuzz:") && !errors.Is(err, ErrBytecode) {
			t.Fatalf("compile error without a position: %q", err)
		}
		return
	}
	if err := out.err; err != nil {
		var le *LimitError
		var lua *vm.LuaError
		switch {
		case errors.As(err, &le):
			switch {
			case errors.Is(err, ErrTimeout), errors.Is(err, ErrCanceled):
				t.Fatalf("fuel did not bound the run: %v (stats %+v)", err, out.stats)
			case le.kind == nil || !errors.Is(err, le.kind):
				t.Fatalf("limit error without its sentinel: %#v", le)
			}
		case errors.As(err, &lua):
		case strings.HasPrefix(err.Error(), "sandbox: results: ") &&
			(errors.Is(err, ErrNotCopyable) || errors.Is(err, ErrMessageSize)):
		default:
			t.Fatalf("error of type %T: %v", err, err)
		}
	}
	st := out.stats
	if over := st.FuelUsed - fuzzLimits.Fuel; over > fuzzFuelSlack {
		t.Fatalf("fuel used %d passes the limit %d by %d (more than %d); err %v",
			st.FuelUsed, fuzzLimits.Fuel, over, fuzzFuelSlack, out.err)
	}
	if st.MemoryPeak > fuzzLimits.Memory {
		t.Fatalf("memory peak %d passes the limit %d; err %v", st.MemoryPeak, fuzzLimits.Memory, out.err)
	}
}

// addresses matches the "0x..." of tostring on tables, functions and
// threads, which are not the same from one run to the next.
var addresses = regexp.MustCompile(`0x[0-9a-f]+`)

// describe gives the parts of an outcome that must be the same on every
// run of the same script.
func (o fuzzOutcome) describe() string {
	s := fmt.Sprintf("compile=%v err=%v waiting=%v results=%s fuel=%d instr=%d",
		o.compileErr, o.err, o.waiting, fmtResults(o.results), o.stats.FuelUsed, o.stats.Instructions)
	return addresses.ReplaceAllString(s, "0xADDR")
}

// fmtResults formats results with the fields of copied tables.
func fmtResults(res []any) string {
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		if t, ok := v.(*Table); ok {
			b.WriteString("{")
			for _, f := range t.Fields {
				walk(f.Key)
				b.WriteString("=")
				walk(f.Value)
				b.WriteString(",")
			}
			b.WriteString("}")
			return
		}
		fmt.Fprintf(&b, "%#v", v)
	}
	for _, v := range res {
		walk(v)
		b.WriteString(" ")
	}
	return b.String()
}

// fuzzSeedScripts are hand-written seeds: each reaches a different limit
// or refusal.
var fuzzSeedScripts = []string{
	`return 1 + 1`,
	`local t = {} for i = 1, 100 do t[i] = i * 2 end return #t, t[50]`,
	`while true do end`,
	`local s = "x" while true do s = s .. s end`,
	`local function f(n) return f(n + 1) + 1 end return f(1)`,
	`local t = {} setmetatable(t, {__index = function(t, k) return t[k] end}) return t.x`,
	`return string.rep("ab", 1e9)`,
	`return ("a"):rep(40):find(("a*"):rep(30) .. "b")`,
	`local t = {} t.t = t sandbox.send(t)`,
	`local m = sandbox.receive() return m.n, m.s, m.list[3], sandbox.receive(0)`,
	`return sandbox.echo(1, "two", {3, {four = 4}})`,
	`return sandbox.echo(function() end)`,
	`return coroutine.wrap(function() coroutine.yield(1) end)()`,
	`local t = setmetatable({}, {__gc = function() while true do end end}) t = nil collectgarbage("count")`,
	`return load("return ...", "c", "t", {})(1, 2)`,
	`return pcall(error, {code = 1})`,
	`error("plain", 0)`,
	`return table.concat({1, 2, 3}, ", "), os.date("!%c", 0), utf8.char(72, 228, 8364)`,
	`local t = {} for i = 1, 1e6 do t[i] = {} end`,
	`table.sort({3, 1, 2}, function(a, b) return sandbox.receive() end)`,
	`return function() end`,
	"\x1bLua",
	`x = = 1`,
}

// FuzzSandboxRun runs arbitrary source in the untrusted profile under small
// limits (fuzzLimits) and checks that:
//
//   - the run ends (within a watchdog) with results or an error, never a Go
//     panic, and never on its wall-clock timeout (fuel bounds time);
//   - a compile error is a syntax or compiler error with the "fuzz:"
//     position, or ErrBytecode;
//   - a run error is a *vm.LuaError, a *LimitError matching its sentinel,
//     or a refusal to copy the results (ErrNotCopyable, ErrMessageSize);
//   - the fuel used passes the limit by no more than the debts that
//     collections and table resizes may leave (fuzzFuelSlack), and the
//     memory peak never passes the memory limit;
//   - a second run of the same source gives the same outcome: error text,
//     results, fuel and instruction counts (addresses printed by tostring
//     aside).
//
// The seed corpus is sandbox/testdata/adversarial, sandbox/testdata/meter
// and fuzzSeedScripts.
func FuzzSandboxRun(f *testing.F) {
	for _, dir := range []string{"testdata/adversarial", "testdata/meter"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.lua"))
		if err != nil || len(files) == 0 {
			f.Fatalf("seed scripts in %s: %v", dir, err)
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(data))
		}
	}
	for _, src := range fuzzSeedScripts {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 16<<10 {
			return
		}
		first := runFuzzGuarded(t, src)
		checkFuzzOutcome(t, first)
		second := runFuzzGuarded(t, src)
		if a, b := first.describe(), second.describe(); a != b {
			t.Fatalf("two runs differ:\n first: %s\nsecond: %s", a, b)
		}
	})
}
