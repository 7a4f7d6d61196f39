package vm_test

import (
	"fmt"

	"github.com/moonfuel/moonfuel/vm"
)

// A line hook set from Go sees each new line before it runs; level 0 of
// GetInfo is the function that is running it. Hooks do not change the
// fuel a program spends.
func ExampleThread_SetHook() {
	st := vm.NewState(vm.Options{})
	L := st.MainThread()
	L.SetHook(func(L *vm.Thread, ev vm.HookEvent, line int) {
		info, _ := L.GetInfo(0)
		fmt.Printf("%s %d in %s\n", ev, line, info.What)
	}, vm.MaskLine, 0)
	_, err := st.DoString("local x = 1\nfor i = 1, 2 do\n  x = x + i\nend\nreturn x", "=chunk")
	if err != nil {
		panic(err)
	}
	L.SetHook(nil, 0, 0)
	// Output:
	// line 1 in main
	// line 2 in main
	// line 3 in main
	// line 2 in main
	// line 3 in main
	// line 2 in main
	// line 5 in main
}
