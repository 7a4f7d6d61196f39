package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/vm"
)

// adversarialLimits are the limits of the adversarial scripts unless their
// "-- limits:" line says otherwise.
var adversarialLimits = Limits{Fuel: 5_000_000, Memory: 16 << 20, Timeout: time.Minute}

// parseAdversarial reads a script's "-- expect:" and "-- limits:" lines.
func parseAdversarial(t *testing.T, name, src string) ([]string, Limits) {
	lim := adversarialLimits
	var expect []string
	for _, line := range strings.Split(src, "\n") {
		if v, ok := strings.CutPrefix(line, "-- expect: "); ok {
			expect = strings.Split(v, ",")
		}
		if v, ok := strings.CutPrefix(line, "-- limits: "); ok {
			for _, kv := range strings.Fields(v) {
				k, val, _ := strings.Cut(kv, "=")
				switch k {
				case "timeout":
					d, err := time.ParseDuration(val)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					lim.Timeout = d
				case "fuel", "mem":
					mult := 1.0
					for suf, m := range map[string]float64{"MB": 1 << 20, "KB": 1 << 10} {
						if s, ok := strings.CutSuffix(val, suf); ok {
							val, mult = s, m
						}
					}
					f, err := strconv.ParseFloat(val, 64)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if k == "fuel" {
						lim.Fuel = int64(f * mult)
					} else {
						lim.Memory = int64(f * mult)
					}
				default:
					t.Fatalf("%s: unknown limit %q", name, k)
				}
			}
		}
	}
	if expect == nil {
		t.Fatalf("%s: no '-- expect:' line", name)
	}
	return expect, lim
}

// matches reports whether err is one of the expected outcomes.
func matches(err error, expect []string) bool {
	for _, e := range expect {
		e = strings.TrimSpace(e)
		var le *vm.LuaError
		switch {
		case e == "ok":
			if err == nil {
				return true
			}
		case strings.HasPrefix(e, "error:"):
			if errors.As(err, &le) && strings.Contains(le.Error(), strings.TrimPrefix(e, "error:")) {
				var lim *LimitError
				if !errors.As(err, &lim) {
					return true
				}
			}
		default:
			sentinel := map[string]error{"fuel": ErrFuel, "memory": ErrMemory, "stack": ErrStack,
				"callback": ErrCallback, "string": ErrStringSize, "timeout": ErrTimeout}[e]
			if sentinel != nil && errors.Is(err, sentinel) {
				return true
			}
		}
	}
	return false
}

// heapPeak samples the Go heap while the scripts run.
type heapPeak struct {
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

func startHeapPeak() *heapPeak {
	h := &heapPeak{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	return h
}

func (h *heapPeak) end() uint64 { close(h.stop); <-h.done; return h.peak.Load() }

// TestAdversarial runs every script of testdata/adversarial, several at a
// time, next to a well-behaved sandbox that must keep running and finish
// with the right answer: each script must stop with its expected limit or
// error, and the Go heap must stay bounded.
func TestAdversarial(t *testing.T) {
	files, err := filepath.Glob("testdata/adversarial/*.lua")
	if err != nil || len(files) < 40 {
		t.Fatalf("%d adversarial scripts (want at least 40): %v", len(files), err)
	}
	peak := startHeapPeak()

	// the bystander: runs in slices all along
	by, err := NewString(`local n = 0 for i = 1, 1e7 do n = n + i % 7 end return n`, "=bystander", Config{Limits: Limits{Fuel: -1}})
	if err != nil {
		t.Fatal(err)
	}
	byDone := make(chan struct{})
	var byTurns atomic.Int64
	go func() {
		defer close(byDone)
		for {
			st, _ := by.Step(context.Background(), 100_000)
			byTurns.Add(1)
			if st == Done {
				return
			}
		}
	}()

	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	type outcome struct {
		name   string
		err    error
		expect []string
		stats  Stats
		took   time.Duration
	}
	results := make([]outcome, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".lua")
		expect, lim := parseAdversarial(t, name, string(data))
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			var err error
			var stats Stats
			t0 := time.Now()
			func() {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("host panicked: %v", r)
					}
				}()
				s, e := NewString(string(data), "@"+name+".lua", Config{Limits: lim})
				if e != nil {
					err = e
					return
				}
				_, err = s.Run(context.Background())
				stats = s.Stats()
			}()
			results[i] = outcome{name, err, expect, stats, time.Since(t0)}
		}()
	}
	wg.Wait()
	for _, r := range results {
		if !matches(r.err, r.expect) {
			t.Errorf("%s: got %v, want %v", r.name, r.err, r.expect)
		} else if testing.Verbose() {
			msg := fmt.Sprint(r.err)
			if len(msg) > 160 {
				msg = msg[:160] + "..."
			}
			t.Logf("%-32s %v (fuel %d, peak %d bytes, %v)", r.name, msg, r.stats.FuelUsed, r.stats.MemoryPeak, r.took.Round(time.Millisecond))
		}
	}
	<-byDone
	if err := by.Err(); err != nil || by.Results()[0] != int64(29999997) {
		t.Errorf("bystander: %v %v", by.Results(), err)
	}
	p := peak.end()
	const bound = 2 << 30
	if p > bound {
		t.Errorf("Go heap peaked at %d bytes (bound %d)", p, bound)
	}
	t.Logf("%d scripts; Go heap peak %d MB; bystander took %d turns", len(files), p>>20, byTurns.Load())
}
