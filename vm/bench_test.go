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

// BenchmarkTableInt: one op is 1000 stores and 1000 loads of a table by
// integer key (array part).
func BenchmarkTableInt(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local t = {} for i = 1, 1000 do t[i] = 0 end
		return function() for i = 1, 1000 do t[i] = t[i] + i end return t[1000] end`)
	benchCall(b, st, fn)
}

// BenchmarkTableField: one op is 1000 iterations reading and writing fields
// of a record by constant string keys (3 loads, 2 stores each).
func BenchmarkTableField(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local p = {x = 1.5, y = 2.5, vx = 0.25, vy = 0.5, mass = 3}
		return function() for i = 1, 1000 do p.x = p.x + p.vx p.y = p.y + p.vy end return p.x end`)
	benchCall(b, st, fn)
}

// BenchmarkGlobal: one op is 1000 reads and writes of a global variable.
func BenchmarkGlobal(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `counter = 0
		return function() for i = 1, 1000 do counter = counter + 1 end return counter end`)
	benchCall(b, st, fn)
}

// BenchmarkUpvalue: one op is 1000 reads and writes of an upvalue.
func BenchmarkUpvalue(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local n = 0
		return function() for i = 1, 1000 do n = n + i end return n end`)
	benchCall(b, st, fn)
}

// BenchmarkGoToLua: one op is one call of a small Lua function from Go.
func BenchmarkGoToLua(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `return function(a, b) return a + b end`)
	benchCall(b, st, fn, vm.Int(1), vm.Int(2))
}

// BenchmarkConcat: one op is 100 concatenations of a string and a number
// (each makes a new string: allocations are expected).
func BenchmarkConcat(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `return function() local s for i = 1, 100 do s = "item" .. i .. ";" end return s end`)
	benchCall(b, st, fn)
}

// BenchmarkMetaIndex: one op is 1000 method calls through a two-level
// __index chain of tables (class and base class).
func BenchmarkMetaIndex(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local Base = {} Base.__index = Base
		function Base:get() return self.v end
		local C = setmetatable({}, Base) C.__index = C
		local o = setmetatable({v = 1}, C)
		return function() local s = 0 for i = 1, 1000 do s = s + o:get() end return s end`)
	benchCall(b, st, fn)
}

// BenchmarkMetaArith: one op is 1000 __add and __index function calls on
// a table operand.
func BenchmarkMetaArith(b *testing.B) {
	st, fn := benchFunc(b, vm.Options{}, `local mt = {__add = function(a, b) return b + 1 end, __index = function(t, k) return 2 end}
		local o = setmetatable({}, mt)
		return function() local s = 0 for i = 1, 1000 do s = o + s + o.x end return s end`)
	benchCall(b, st, fn)
}
