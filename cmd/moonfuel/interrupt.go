package main

import (
	"errors"
	"os"
	"sync/atomic"

	"github.com/moonfuel/moonfuel/vm"
)

// Lua code runs in slices of fuel so that the interpreter can act between
// two instructions, as lua.c does from its SIGINT handler: when Ctrl-C
// arrives, the next pause installs a hook that raises the catchable error
// "interrupted!" before the next instruction (lua.c's laction and lstop),
// and a second Ctrl-C during the same call ends the process. (A builtin
// that runs long, such as a pattern match, is not interrupted: the pause
// comes at the next instruction boundary, as in lua.c.) The slices do not change what a run
// spends: the budget is the slice and the rest of the -fuel limit is the
// overdraft (vm.State.SetOverdraft), so a run stops exactly where it would
// without slices.

// sliceFuel is the fuel of one slice: about a millisecond of work.
const sliceFuel = 1 << 20

// exitInterrupted is the exit status after a second Ctrl-C (that of a
// process killed by SIGINT, as shells report it).
const exitInterrupted = 130

// unlimitedFuel stands for "no -fuel limit".
const unlimitedFuel = 1 << 62

// callRaw calls fn with args in slices, delivering interrupts.
func (in *interp) callRaw(fn vm.Value, args ...vm.Value) ([]vm.Value, error) {
	var interrupted atomic.Bool
	if in.e.interrupts != nil {
		sigs, stop := in.e.interrupts()
		defer stop()
		done := make(chan struct{})
		defer close(done)
		go func() {
			for n := 0; ; n++ {
				select {
				case <-sigs:
					if n == 0 {
						interrupted.Store(true)
						continue
					}
					// a second Ctrl-C ends the process, as the default
					// action lua.c restores after the first one (which a
					// program started in the background, with SIGINT
					// ignored, would not get back)
					os.Exit(exitInterrupted)
				case <-done:
					return
				}
			}
		}()
	}
	if !in.refill() {
		return nil, vm.ErrFuelExhausted
	}
	res, err := in.st.Call(fn, args...)
	for errors.Is(err, vm.ErrFuelExhausted) && in.st.Paused() {
		if interrupted.Swap(false) {
			interrupt(in.st.Running())
		}
		if !in.refill() {
			break // the -fuel limit is spent
		}
		res, err = in.st.Continue()
	}
	return res, err
}

// refill gives the state its next slice, with the rest of the -fuel budget
// as overdraft; it reports false when the budget is spent.
func (in *interp) refill() bool {
	total := in.opts.fuel
	if total == 0 {
		total = unlimitedFuel
	}
	left := total - in.st.FuelUsed()
	if left <= 0 {
		return false
	}
	slice := min(int64(sliceFuel), left)
	in.st.SetFuel(slice)
	in.st.SetOverdraft(left - slice)
	return true
}

// interrupt makes L raise "interrupted!" before its next instruction.
func interrupt(L *vm.Thread) {
	L.SetHook(func(L *vm.Thread, ev vm.HookEvent, line int) {
		L.SetHook(nil, 0, 0)
		L.Errorf("interrupted!")
	}, vm.MaskCall|vm.MaskReturn|vm.MaskCount, 1)
}
