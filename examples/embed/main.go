// Command embed shows how a Go program runs Lua code with moonfuel: compile
// once, run in a state with fuel and memory limits, call Lua from Go and Go
// from Lua, and tell a Lua error from an exhausted limit.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(out io.Writer) error {
	// A prototype is immutable: compile once, load into any number of states.
	proto, err := vm.Compile(`
		function greet(name) return "hello, " .. name .. " (" .. twice(21) .. ")" end
		print("chunk loaded")
	`, "=greeter")
	if err != nil {
		return err
	}

	st := vm.NewState(vm.Options{Fuel: 1_000_000, MemoryLimit: 1 << 20, Stdout: out})
	stdlib.OpenBase(st)
	stdlib.OpenString(st)
	st.Register("twice", func(L *vm.Thread) int { // a Go function callable from Lua
		L.Push(vm.Int(2 * L.CheckInteger(1)))
		return 1
	})

	if _, err := st.Call(st.Load(proto)); err != nil {
		return err
	}
	res, err := st.Call(st.GetGlobal("greet"), st.NewString("moon"))
	if err != nil {
		return err
	}
	fmt.Fprintln(out, res[0].AsString())

	// A Lua error is an ordinary error value...
	_, err = st.DoString(`local t = nil; return t.x`, "=oops")
	fmt.Fprintln(out, "lua error:", err)

	// ...running out of fuel is not: pcall cannot catch it.
	_, err = st.DoString(`pcall(function() while true do end end)`, "=spin")
	fmt.Fprintln(out, "out of fuel:", errors.Is(err, vm.ErrFuelExhausted))
	return nil
}
