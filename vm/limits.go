package vm

import (
	"errors"
	"fmt"
)

// This file holds what a host running untrusted code (the sandbox package)
// needs from the vm beyond fuel and memory: hard limits on call depth,
// Go-callback depth and string size that stop the state like exhaustion
// does (Lua code cannot catch them), the position where a state was
// stopped, fuel overdraft for running in slices, and suspension to the
// host from a Go builtin.

// Sentinels of the extra limits; the errors raised are *LimitError values
// wrapping one of them (errors.Is(err, ErrStackLimit)...).
var (
	// ErrStackLimit: a thread had more nested calls than Limits.MaxDepth.
	ErrStackLimit = errors.New("stack depth limit reached")
	// ErrCallbackLimit: Go builtins calling back into Lua nested deeper
	// than Limits.MaxCallbackDepth.
	ErrCallbackLimit = errors.New("Go-callback depth limit reached")
	// ErrStringLimit: a string longer than Limits.MaxStringSize was about
	// to be made.
	ErrStringLimit = errors.New("string size limit exceeded")
	// ErrSuspended is returned by Call or Continue when a builtin asked to
	// suspend the run (RequestSuspend); the state is paused and Continue
	// goes on from the next instruction.
	ErrSuspended = errors.New("suspended to the host")
)

// LimitError reports one of the extra limits: which (Limit, a sentinel
// above), how much was asked (Used) and the limit (Max).
type LimitError struct {
	Limit     error
	Used, Max int64
}

// Error names the limit and the amount used.
func (e *LimitError) Error() string {
	return fmt.Sprintf("%v (%d, limit %d)", e.Limit, e.Used, e.Max)
}

// Unwrap returns the sentinel.
func (e *LimitError) Unwrap() error { return e.Limit }

// Limits are the hard limits of SetLimits; zero fields mean no limit (Lua's
// own catchable limits, such as "stack overflow", still apply).
type Limits struct {
	// MaxDepth bounds the number of nested calls of a thread.
	MaxDepth int
	// MaxCallbackDepth bounds the nesting of calls from Go builtins into
	// Lua (sort comparators, gsub callbacks, __tostring from tostring...).
	MaxCallbackDepth int
	// MaxStringSize bounds the length of a string in bytes.
	MaxStringSize int64
}

// limitState is kept in State (see state.go's ext field).
type limitState struct {
	lim        Limits
	overdraft  int64 // fuel builtins may take beyond the budget
	suspendReq bool  // a builtin asked to suspend at the next instruction
	haltWhere  string
	loopFuel   int64 // fuel charged through ChargeFuel (builtins' work)
}

// SetLimits sets the state's hard limits.
func (st *State) SetLimits(l Limits) {
	st.ext.lim = l
	st.frameCap = maxFrames
	if l.MaxDepth > 0 && l.MaxDepth < maxFrames {
		st.frameCap = l.MaxDepth
	}
}

// GetLimits returns the state's hard limits.
func (st *State) GetLimits() Limits { return st.ext.lim }

// HaltWhere returns "chunkname:line" of the innermost Lua function running
// when the last run stopped with an exhaustion or limit error ("" when no
// Lua function was running).
func (st *State) HaltWhere() string { return st.ext.haltWhere }

// BuiltinFuel returns the fuel charged by builtins for their work (through
// ChargeFuel, including stack growth and collections); FuelUsed minus this
// is the fuel of instructions and calls.
func (st *State) BuiltinFuel() int64 { return st.ext.loopFuel }

// noteHalt records where the running Lua code was when a run stopped.
func (st *State) noteHalt() {
	st.ext.haltWhere = ""
	L := st.cur
	if L == nil {
		return
	}
	for ci := L.ci; ci != &L.baseCi && ci != nil; ci = ci.prev {
		if ci.cl != nil {
			line := currentLine(ci)
			if st.atBoundary && ci == L.ci && ci.pc < len(ci.cl.p.LineInfo) {
				// stopped before the instruction at pc
				line = int(ci.cl.p.LineInfo[ci.pc])
			}
			st.ext.haltWhere = chunkID(ci.cl.p.Source) + ":" + itoa(line)
			return
		}
	}
}

// SetOverdraft lets builtins (and Lua code called from builtins) take up to
// n fuel units beyond the budget set with SetFuel, while the loop pauses
// at the first instruction boundary where the budget is spent and a pause
// is possible. A host running a state in slices sets the slice as the
// budget and the rest of the total as the overdraft: the run then spends
// exactly the fuel it would spend in one go.
func (st *State) SetOverdraft(n int64) {
	if n < 0 {
		n = 0
	}
	st.ext.overdraft = n
}

// Overdraft returns the overdraft left.
func (st *State) Overdraft() int64 { return st.ext.overdraft }

// overdraw moves k units from the overdraft to the budget, when allowed:
// not at an instruction boundary where the run can pause.
func (st *State) overdraw(k int64) bool {
	if st.fuelLimit == 0 || st.ext.overdraft < k {
		return false
	}
	if st.atBoundary && st.pausableHere(false) {
		return false
	}
	if st.reserve < 0 {
		// a debt (collections charge the reserve directly): cover it too
		k -= st.reserve
		if st.ext.overdraft < k {
			return false
		}
	}
	st.ext.overdraft -= k
	st.reserve += k
	st.fuelBudget += k
	st.fuelLimit += k
	return true
}

// pausableHere reports whether the run could pause now and be continued:
// every frame between the host's call (made on the idle main thread) and
// the running one is run by the loop (Lua functions, pcall, resume). With
// skipTop, the running frame may be a Go builtin (the one asking).
func (st *State) pausableHere(skipTop bool) bool {
	for T := st.cur; T != nil; T = T.resumer {
		ci := T.ci
		if skipTop && T == st.cur && ci != &T.baseCi && ci.cl == nil && ci.flags&(cistPcall|cistResume) == 0 {
			ci = ci.prev
		}
		for ; ci != &T.baseCi; ci = ci.prev {
			if ci.flags&cistFresh != 0 {
				return T == st.main && ci.prev == &T.baseCi && ci.cl != nil
			}
			if ci.cl == nil && ci.flags&(cistPcall|cistResume) == 0 {
				return false
			}
		}
		if T == st.main {
			return false
		}
	}
	return false
}

// CanSuspend reports whether the running builtin may call RequestSuspend:
// it was called from Lua code run by the loop, not from inside another Go
// builtin's callback.
func (L *Thread) CanSuspend() bool { return L.st.pausableHere(true) }

// RequestSuspend asks the run to stop before the next instruction, with
// ErrSuspended, leaving the state paused (Continue goes on). The builtin
// calling it returns normally; it must have checked CanSuspend.
func (L *Thread) RequestSuspend() {
	st := L.st
	st.ext.suspendReq = true
	// make the loop ask for fuel at the next instruction
	st.reserve += st.fuel
	st.fuel = 0
}

// checkSuspend raises ErrSuspended at an instruction boundary after a
// suspension request.
func (st *State) checkSuspend() {
	if st.ext.suspendReq && st.atBoundary {
		st.ext.suspendReq = false
		throw(ErrSuspended)
	}
}

// chargeStr charges a string of n bytes, checking the string size limit.
func (st *State) chargeStr(n int) {
	if m := st.ext.lim.MaxStringSize; m > 0 && int64(n) > m {
		throw(&LimitError{Limit: ErrStringLimit, Used: int64(n), Max: m})
	}
	st.charge(stringSize(n))
}

// depthLimit raises the stack depth limit error when L is too deep.
func (L *Thread) checkDepthLimit() {
	if m := L.st.ext.lim.MaxDepth; m > 0 && L.depth >= m {
		throw(&LimitError{Limit: ErrStackLimit, Used: int64(L.depth + 1), Max: int64(m)})
	}
}

// checkCallbackLimit raises the Go-callback limit error.
func (L *Thread) checkCallbackLimit() {
	if m := L.st.ext.lim.MaxCallbackDepth; m > 0 && L.nny > m {
		throw(&LimitError{Limit: ErrCallbackLimit, Used: int64(L.nny), Max: int64(m)})
	}
}
