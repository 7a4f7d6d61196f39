package vm

import (
	"context"
	"math"
)

// Fuel accounting (design §6). The state's budget is split in two: fuel,
// the slice the dispatch loop is spending (kept in a local of the loop and
// flushed back on calls, returns and errors), and reserve, the rest. When
// the slice runs out the loop calls refuel, which checks the host's context
// and takes the next slice from the reserve; when both are empty the state
// stops with ErrFuelExhausted, before executing the instruction that
// needed the fuel, with its stack intact.

// unlimitedFuel stands for "no limit".
const unlimitedFuel = math.MaxInt64 / 2

// SetFuel sets the fuel the state may still spend; 0 or less means no
// limit. Fuel already used is kept in FuelUsed.
func (st *State) SetFuel(n int64) {
	used := st.FuelUsed()
	if n <= 0 {
		st.fuelLimit = 0
		n = unlimitedFuel
	} else {
		st.fuelLimit = n
	}
	st.fuel = 0
	st.reserve = n
	st.fuelUsed = used
	st.fuelBudget = n
}

// ResetFuel is SetFuel that also forgets the fuel used so far: a host
// calls it after its set-up (opening libraries, building tables), whose
// work is not the script's to pay.
func (st *State) ResetFuel(n int64) {
	st.SetFuel(n)
	st.fuelUsed = 0
	st.ext.loopFuel = 0
}

// AddFuel adds n units to the remaining fuel (no effect without a limit).
func (st *State) AddFuel(n int64) {
	if st.fuelLimit == 0 || n <= 0 {
		return
	}
	st.reserve += n
	st.fuelBudget += n
	st.fuelLimit += n
}

// Fuel returns the fuel left (math.MaxInt64 without a limit).
func (st *State) Fuel() int64 {
	if st.fuelLimit == 0 {
		return math.MaxInt64
	}
	left := st.reserve + st.fuel
	if left < 0 {
		left = 0
	}
	return left
}

// FuelUsed returns the fuel spent so far. It is deterministic: the same
// program with the same input spends the same fuel on every machine.
func (st *State) FuelUsed() int64 {
	return st.fuelUsed + st.fuelBudget - st.reserve - st.fuel
}

// SetContext makes the state check ctx between fuel slices (about every
// fuelSlice instructions) and stop with a *CanceledError when it is done.
// nil removes the context.
func (st *State) SetContext(ctx context.Context) { st.ctx = ctx }

// charge takes n fuel units: all of them, or none when the state runs out
// (then it stops with ErrFuelExhausted, leaving the counter as it was).
func (st *State) chargeFuel(n int64) {
	st.fuel -= n
	if st.fuel < 0 {
		st.fuel += n
		st.refuelFor(n)
		st.fuel -= n
	}
	st.ext.loopFuel += n
}

// chargeDebt takes n units of fuel from the reserve directly. It serves
// charges made where raising an error is not allowed (inside a collection, a
// table resize, the unwinding of an error) and where the loop may hold the
// current slice in a local: the reserve may go negative, and that debt stops
// the state at its next refuel (the fuel figures count it at once).
func (st *State) chargeDebt(n int64) { st.reserve -= n }

// chargeSlice takes n units from the current slice without checking it,
// where the loop's counter is known to be flushed to st.fuel (between
// instructions: while an error unwinds). A slice below zero makes the next
// instruction refuel, which stops the state there when the fuel is spent:
// unlike a debt, the overshoot is at most n.
func (st *State) chargeSlice(n int64) { st.fuel -= n }

// refuelFor makes the current slice hold at least n units, taking slices
// from the reserve; it checks the host's context first.
func (st *State) refuelFor(n int64) {
	st.checkSuspend()
	if st.ctx != nil {
		if err := st.ctx.Err(); err != nil {
			throw(&CanceledError{Err: err})
		}
	}
	for st.fuel < n {
		if st.reserve <= 0 {
			if st.overdraw(n - st.fuel) {
				continue
			}
			throw(ErrFuelExhausted)
		}
		take := int64(fuelSlice)
		if st.trapping() {
			// line or count hooks: only what is needed, so that the
			// loop traps before the next instruction (hook.go)
			take = n - st.fuel
		}
		if take > st.reserve {
			take = st.reserve
		}
		st.reserve -= take
		st.fuel += take
	}
}
