package vm_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

// undumpSeeds are programs whose binary chunks seed FuzzRunUndumped: they
// use every kind of operand (varargs, calls up to top, SETLIST, loops,
// closures, upvalues, comparisons).
var undumpSeeds = []string{
	`local a, b = ... local t = {a, b, ...} for i = 1, #t do t[i] = tostring(t[i]) end return table.concat(t, ",")`,
	`local function f(...) return select('#', ...), ... end local t = {f(1, nil, 3)} return #t, f(f(2))`,
	`local s = 0 for k, v in pairs({10, 20, x = 30}) do s = s + v end while s > 0 do s = s - 7 if s < 3 then break end end return s`,
	`local x = 1 local function g() x = x + 1 return x end local c = {} for i = 1, 5 do c[i] = function() return i + g() end end return c[3](), x`,
	`local t = setmetatable({}, {__index = function(_, k) return k .. "!" end}) return t.a, t[1], #"abc", -3 // 2, 2^0.5, 1 == 1.0, "a" < "b"`,
	`local t = {} for i = 1, 120 do t[#t+1] = i end return t[60], string.rep("x", 3, "-"), (("a"):upper())`,
}

// runChunk loads and runs a verified prototype with small limits; it
// fails the test on a Go panic or an "internal error" (a Go runtime error
// inside the VM), the signs of a chunk the verifier should have refused.
func runChunk(t *testing.T, p *compiler.Proto) {
	t.Helper()
	st := vm.NewState(vm.Options{Fuel: 20000, MemoryLimit: 8 << 20})
	stdlib.OpenBase(st)
	stdlib.OpenString(st)
	stdlib.OpenTable(st)
	// NEWTABLE's size hints are not charged as fuel (a forged chunk can
	// allocate large tables in a loop for one instruction each), so the
	// wall clock bounds a run too
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err := st.CallContext(ctx, st.Load(p), vm.Int(1), vm.StringValue("two"), vm.Nil)
	if err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatalf("%v\n%s", err, compiler.Disassemble(p))
	}
}

func TestRunUndumpedSeeds(t *testing.T) {
	for _, src := range undumpSeeds {
		p, err := vm.Compile(src, "=seed")
		if err != nil {
			t.Fatal(err)
		}
		for _, strip := range []bool{false, true} {
			q, err := compiler.Undump(compiler.Dump(p, strip), "=seed")
			if err != nil {
				t.Fatal(err)
			}
			runChunk(t, q)
		}
	}
}

// FuzzRunUndumped runs whatever binary chunk Undump accepts: a verified
// prototype, however strange, must only ever fail with Lua errors or limits.
func FuzzRunUndumped(f *testing.F) {
	for _, src := range undumpSeeds {
		p, err := vm.Compile(src, "=seed")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(compiler.Dump(p, false))
		f.Add(compiler.Dump(p, true))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := compiler.Undump(data, "=fuzz")
		if err != nil {
			return
		}
		runChunk(t, p)
	})
}

// FuzzRunMutatedCode overwrites instructions of the seed programs with
// arbitrary words (data is a list of 5-byte records: which instruction,
// then its new 32 bits); whatever passes compiler.Verify must run without
// a Go runtime error. It reaches far more verified-but-strange code than
// flipping bytes of a chunk does.
func FuzzRunMutatedCode(f *testing.F) {
	var protos []*compiler.Proto
	for _, src := range undumpSeeds {
		p, err := vm.Compile(src, "=seed")
		if err != nil {
			f.Fatal(err)
		}
		protos = append(protos, p)
	}
	f.Add(uint8(0), []byte{})
	f.Add(uint8(1), []byte{3, 0x26, 0x00, 0x80, 0x00})
	f.Add(uint8(2), []byte{1, 0x1e, 0x00, 0x00, 0x01, 7, 0x0b, 0x01, 0x00, 0x00})
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		orig := protos[int(which)%len(protos)]
		p := *orig
		p.Code = append([]compiler.Instruction(nil), orig.Code...)
		for len(data) >= 5 {
			i := int(data[0]) % len(p.Code)
			p.Code[i] = compiler.Instruction(uint32(data[1]) | uint32(data[2])<<8 | uint32(data[3])<<16 | uint32(data[4])<<24)
			data = data[5:]
		}
		if compiler.Verify(&p) != nil || bigNewTable(&p) {
			return
		}
		runChunk(t, &p)
	})
}

// bigNewTable reports whether p has a NEWTABLE with size hints beyond what
// its own code could fill. The VM charges such a table's memory but not its
// allocation time as fuel, so a loop around one runs far longer than its
// fuel suggests: a known metering gap for binary chunks, kept out of the
// fuzzer so that it can look for crashes.
func bigNewTable(p *compiler.Proto) bool {
	for _, i := range p.Code {
		if i.Op() != compiler.OpNewTable {
			continue
		}
		for _, hint := range []int{compiler.FbToInt(i.B()), compiler.FbToInt(i.C())} {
			if hint < 0 || hint > 4*len(p.Code)+64 { // (a large hint overflows int)
				return true
			}
		}
	}
	return false
}
