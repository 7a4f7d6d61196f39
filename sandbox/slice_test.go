package sandbox

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"testing"
)

// sliceScript mixes what could break a pause: Lua calls, metamethods,
// pcall/error, coroutines, Go builtins calling back into Lua (sort,
// gsub), builtins that charge fuel in proportion (rep, concat), and
// collections.
const sliceScript = `
local acc = {}
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
acc[#acc+1] = fib(12)
local mt = {__index = function(t, k) return k * 2 end, __add = function(a, b) return 7 end}
local obj = setmetatable({}, mt)
acc[#acc+1] = obj[21] + (obj + obj)
acc[#acc+1] = select(2, pcall(error, "boom"))
local co = coroutine.wrap(function(a) for i = 1, 5 do a = a + coroutine.yield(a) end return a end)
local v = co(1) for i = 1, 5 do v = co(i) end
acc[#acc+1] = v
local t = {} for i = 1, 200 do t[i] = (i * 7919) % 211 end
table.sort(t, function(a, b) return a > b end)
acc[#acc+1] = t[1] .. ":" .. t[200]
acc[#acc+1] = (("abc "):rep(50):gsub("%w+", function(w) return w:upper() end))
local junk = {} for i = 1, 3000 do junk[i] = {i, tostring(i)} end junk = nil
acc[#acc+1] = #table.concat(acc, ",")
print(table.concat(acc, "|"))
return acc[1], acc[#acc]
`

func TestSlicesGiveSameResultAndFuel(t *testing.T) {
	var out0 bytes.Buffer
	s0, err := NewString(sliceScript, "=slices", Config{Stdout: &out0, Limits: Limits{Fuel: 10_000_000}})
	if err != nil {
		t.Fatal(err)
	}
	res0, err := s0.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fuel0 := s0.Stats().FuelUsed
	mem0 := s0.Stats().Allocated
	for _, slice := range []int64{1, 2, 3, 7, 64, 1000, 16385, fuel0 - 1, fuel0, fuel0 + 1} {
		var out bytes.Buffer
		s, err := NewString(sliceScript, "=slices", Config{Stdout: &out, Limits: Limits{Fuel: 10_000_000}})
		if err != nil {
			t.Fatal(err)
		}
		steps := 0
		for {
			st, err := s.Step(context.Background(), slice)
			steps++
			if st == Done {
				if err != nil {
					t.Fatalf("slice %d: %v", slice, err)
				}
				break
			}
			if st != Ready {
				t.Fatalf("slice %d: status %v", slice, st)
			}
		}
		if !reflect.DeepEqual(s.Results(), res0) || out.String() != out0.String() {
			t.Errorf("slice %d: results %v / %q, want %v / %q", slice, s.Results(), out.String(), res0, out0.String())
		}
		if got := s.Stats().FuelUsed; got != fuel0 {
			t.Errorf("slice %d: fuel %d, want %d", slice, got, fuel0)
		}
		if got := s.Stats().Allocated; got != mem0 {
			t.Errorf("slice %d: allocated %d, want %d", slice, got, mem0)
		}
		if slice < fuel0/2 && steps < 2 {
			t.Errorf("slice %d: ran in %d steps, expected pauses", slice, steps)
		}
	}
}

// TestSlicesStopAtTotalFuel: with a total limit, slices stop at the same
// point as one run.
func TestSlicesStopAtTotalFuel(t *testing.T) {
	src := "local n = 0\nwhile true do n = n + 1 end"
	s0, _ := NewString(src, "=x", Config{Limits: Limits{Fuel: 5000}})
	_, err0 := s0.Run(context.Background())
	for _, slice := range []int64{1, 13, 999} {
		s, _ := NewString(src, "=x", Config{Limits: Limits{Fuel: 5000}})
		var err error
		for {
			var st Status
			st, err = s.Step(context.Background(), slice)
			if st == Done {
				break
			}
		}
		if fmt.Sprint(err) != fmt.Sprint(err0) || s.Stats().FuelUsed != s0.Stats().FuelUsed {
			t.Errorf("slice %d: %v (fuel %d), want %v (fuel %d)", slice, err, s.Stats().FuelUsed, err0, s0.Stats().FuelUsed)
		}
	}
}

// TestRefuel: a sandbox out of fuel can be given more and goes on where it
// stopped.
func TestRefuel(t *testing.T) {
	src := "local n = 0 for i = 1, 10000 do n = n + i end return n"
	s, _ := NewString(src, "=x", Config{Limits: Limits{Fuel: 1000}})
	_, err := s.Run(context.Background())
	if err == nil {
		t.Fatal("expected fuel exhaustion")
	}
	for !s.Done() || s.Err() != nil {
		if !s.Refuel(1000) {
			t.Fatalf("Refuel refused: %v", s.Err())
		}
		s.Run(context.Background())
	}
	if s.Results()[0] != int64(50005000) {
		t.Fatalf("result %v", s.Results())
	}
}
