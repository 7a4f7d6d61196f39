package vm_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

// Compile a chunk once, run it in a fresh state with limits, call a Lua
// function from Go and a Go function from Lua.
func Example() {
	proto, err := vm.Compile(`
		function greet(name) return "hello, " .. name .. "! " .. double(21) end
		return 6 * 7
	`, "=example")
	if err != nil {
		panic(err)
	}

	st := vm.NewState(vm.Options{Fuel: 100000, MemoryLimit: 1 << 20, Stdout: os.Stdout})
	stdlib.OpenBase(st)
	st.Register("double", func(L *vm.Thread) int {
		L.Push(vm.Int(2 * L.CheckInteger(1)))
		return 1
	})

	res, err := st.Call(st.Load(proto))
	fmt.Println(res[0].AsInt(), err)

	res, err = st.Call(st.GetGlobal("greet"), st.NewString("moon"))
	fmt.Println(res[0].AsString(), err)

	_, err = st.DoString(`while true do end`, "=spin")
	fmt.Println(errors.Is(err, vm.ErrFuelExhausted))
	st.AddFuel(1000) // the host decides: give it some more

	_, err = st.DoString(`local t = nil; return t.x`, "=oops")
	fmt.Println(err)
	// Output:
	// 42 <nil>
	// hello, moon! 42 <nil>
	// true
	// oops:1: attempt to index a nil value (local 't')
}
