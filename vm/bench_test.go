package vm_test

import (
	"testing"

	"github.com/moonfuel/moonfuel/vm"
)

// benchState loads src (which must return a function) and returns the state
// and the function to call.
func benchFunc(b *testing.B, opts vm.Options, src string) (*vm.State, vm.Value) {
	b.Helper()
	st, _ := newState(b, opts)
	res, err := st.DoString(src, "=bench")
	if err != nil || len(res) != 1 {
		b.Fatalf("setup: %v", err)
	}
	return st, res[0]
}

func benchCall(b *testing.B, st *vm.State, fn vm.Value, args ...vm.Value) {
	b.Helper()
	b.ReportAllocs()
	buf := make([]vm.Value, 0, 4)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.CallAppend(buf[:0], fn, args...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIntLoop: one op is a 1000-iteration integer loop (0 allocs/op
// apart from Call's result slice).
func BenchmarkIntLoop(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `return function() local s = 0 for i = 1, 1000 do s = s + i % 7 * 3 - (i // 2) end return s end`)
	benchCall(b, st, fn)
}

// BenchmarkFloatLoop: one op is a 1000-iteration float loop.
func BenchmarkFloatLoop(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `return function() local x = 0.5 for i = 1, 1000 do x = x * 1.0000001 + i / 3 end return x end`)
	benchCall(b, st, fn)
}

// BenchmarkGoFunctionCall: one op is 1000 calls of a Go builtin from Lua.
func BenchmarkGoFunctionCall(b *testing.B) {
	st, _ := newState(b, vm.Options{})
	st.Register("add", func(L *vm.Thread) int {
		L.Push(vm.Int(L.CheckInteger(1) + L.CheckInteger(2)))
		return 1
	})
	res, err := st.DoString(`return function() local s = 0 for i = 1, 1000 do s = add(s, i) end return s end`, "=bench")
	if err != nil {
		b.Fatal(err)
	}
	benchCall(b, st, res[0])
}

// BenchmarkLuaCall: one op is 1000 Lua-to-Lua calls.
func BenchmarkLuaCall(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local function add(a, b) return a + b end
		return function() local s = 0 for i = 1, 1000 do s = add(s, i) end return s end`)
	benchCall(b, st, fn)
}

// BenchmarkFib: recursive calls (fib(20), 21891 calls per op).
func BenchmarkFib(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
		return function() return fib(20) end`)
	benchCall(b, st, fn)
}

const meterScript = `return function()
	local t = {}
	for i = 1, 200 do t[i] = i end
	local s = 0
	for j = 1, 20 do for i = 1, #t do s = s + t[i] * j end end
	return s
end`

// BenchmarkMeteringOff and BenchmarkMeteringOn run the same loop-heavy
// script without and with a fuel limit: the difference is the cost of
// metering.
func BenchmarkMeteringOff(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, meterScript)
	benchCall(b, st, fn)
}

func BenchmarkMeteringOn(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{Fuel: 1 << 62}, meterScript)
	benchCall(b, st, fn)
}

// BenchmarkStateStartup measures a cold state with the libraries opened and
// a shared prototype loaded and run.
func BenchmarkStateStartup(b *testing.B) {
	p, err := vm.Compile(`return 1 + 1`, "=startup")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		st, _ := newState(b, vm.Options{})
		if _, err := st.Call(st.Load(p)); err != nil {
			b.Fatal(err)
		}
	}
}
