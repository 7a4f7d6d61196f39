package vm

import (
	"weak"

	"github.com/moonfuel/moonfuel/compiler"
)

// Debug hooks (lua_sethook, Lua 5.3 manual §4.9). A thread may have one
// hook, a Go function called on the events its mask selects: calls (and
// tail calls), returns, new lines and every count instructions.
//
// Hooks cost nothing while no thread has one. Call and return hooks are a
// nil test on the thread in precall and postcall. Line and count hooks ride
// on the fuel counter: while any thread of the state has one, the fuel
// slice the dispatch loop spends from is kept empty (refuelFor takes from
// the reserve only what the next instruction needs), so the loop's one
// decrement-and-branch per instruction takes its slow path before every
// instruction, and the slow path calls hookTrap. Fuel moves only between
// the slice and the reserve, so the fuel figures stay exact: a program
// spends the same fuel with hooks as without, plus what the hooks run.

// HookEvent is the event a hook is called for.
type HookEvent uint8

// Hook events, in the order of Lua's LUA_HOOK* codes.
const (
	HookCall HookEvent = iota
	HookReturn
	HookLine
	HookCount
	HookTailCall
)

var hookEventNames = [...]string{"call", "return", "line", "count", "tail call"}

// String returns the event's name as debug.sethook's hook receives it
// ("call", "return", "line", "count", "tail call").
func (e HookEvent) String() string {
	if int(e) < len(hookEventNames) {
		return hookEventNames[e]
	}
	return "?"
}

// Hook masks, combined in the mask given to SetHook.
const (
	MaskCall   = 1 << iota // call and tail call events
	MaskReturn             // return events
	MaskLine               // a new line (or a jump back) is about to run
	MaskCount              // every count instructions
)

// HookFunc is a hook. It runs on the thread that caused the event, with
// hooks disabled on that thread; level 0 of GetInfo and GetLocal is the
// function that caused the event. line is the new line for HookLine
// events and -1 for the others.
type HookFunc func(L *Thread, ev HookEvent, line int)

// hookState is a thread's hook (lua_State's hook, hookmask, basehookcount,
// hookcount, oldpc and allowhook).
type hookState struct {
	fn        HookFunc
	mask      uint8
	baseCount int
	count     int
	// oldPC is the last instruction traced in the running Lua function
	// (luaG_traceexec's L->oldpc): a line event is due when the next one
	// is on another line or not after it.
	oldPC int
	// inHook is set while the hook runs (Lua's allowhook cleared).
	inHook bool
	// afterCall is set when a function returned since the last trap.
	afterCall bool
	// rerun is set when the hooks of the trapped instruction have run and
	// the instruction's fuel is being taken again: if that stops the state
	// and the host continues it, the hooks must not run a second time.
	rerun bool
}

// debugState is the state-wide part of the debug machinery.
type debugState struct {
	// trappers are the threads whose hook has a line or count mask: while
	// there is one the loop traps before every instruction. They are held
	// weakly, and dropped once dead or collected (pruneTrappers).
	trappers []weak.Pointer[Thread]
	// ids holds the identities debug.upvalueid returns, by upvalue cell.
	ids map[any]*Userdata
}

// trapping reports whether the loop must trap before every instruction.
func (st *State) trapping() bool { return st.dbg != nil && len(st.dbg.trappers) > 0 }

// setTrapper adds L to the threads that need traps, or removes it.
func (st *State) setTrapper(L *Thread, on bool) {
	if st.dbg == nil {
		st.dbg = &debugState{}
	}
	d := st.dbg
	wp := weak.Make(L)
	for i, t := range d.trappers {
		if t == wp {
			if !on {
				d.trappers = append(d.trappers[:i], d.trappers[i+1:]...)
			}
			return
		}
	}
	if on {
		if len(d.trappers) == 0 && st.fuel > 0 {
			// give the current slice back: the loop reloads its counter
			// after the call that set the hook and traps at once
			st.reserve += st.fuel
			st.fuel = 0
		}
		d.trappers = append(d.trappers, wp)
	}
}

// pruneTrappers drops the threads that can no longer run (dead
// coroutines, collected threads) from the trappers; it is called when the
// running thread has no line or count hook, so that a hooked coroutine
// that finished does not keep the loop trapping.
func (st *State) pruneTrappers() {
	d := st.dbg
	keep := d.trappers[:0]
	for _, wp := range d.trappers {
		if T := wp.Value(); T != nil && T.status != threadDead {
			if h := T.hook; h != nil && h.mask&(MaskLine|MaskCount) != 0 {
				keep = append(keep, wp)
			}
		}
	}
	clear(d.trappers[len(keep):])
	d.trappers = keep
}

// SetHook sets L's hook (lua_sethook): fn is called on the events of mask
// (MaskCall, MaskReturn, MaskLine, MaskCount), the count event every count
// instructions. A nil fn or a 0 mask removes the hook.
func (L *Thread) SetHook(fn HookFunc, mask, count int) {
	if fn == nil || mask == 0 {
		fn, mask = nil, 0
	}
	st := L.st
	h := L.hook
	if h == nil {
		if mask == 0 {
			return
		}
		h = &hookState{}
		L.hook = h
	}
	h.fn = fn
	h.mask = uint8(mask)
	h.baseCount = count
	h.count = count
	st.setTrapper(L, h.mask&(MaskLine|MaskCount) != 0)
	if mask == 0 && !h.inHook {
		L.hook = nil
	}
}

// inheritHook gives a new thread co the hook of L, its creator, as
// lua_newthread does.
func (L *Thread) inheritHook(co *Thread) {
	if h := L.hook; h != nil && h.mask != 0 {
		co.SetHook(h.fn, int(h.mask), h.baseCount)
	}
}

// Hook returns L's hook, its mask and its count (lua_gethook,
// lua_gethookmask, lua_gethookcount).
func (L *Thread) Hook() (fn HookFunc, mask, count int) {
	if h := L.hook; h != nil && h.mask != 0 {
		return h.fn, int(h.mask), h.baseCount
	}
	return nil, 0, 0
}

// lineAt returns the line of instruction pc of p, or -1 when unknown.
func lineAt(p *compiler.Proto, pc int) int {
	if pc >= 0 && pc < len(p.LineInfo) {
		return int(p.LineInfo[pc])
	}
	return -1
}

// hookTrap runs the count and line hooks due before instruction pc of the
// Lua frame ci, the running frame of L (luaG_traceexec). The loop calls it
// from its slow path, with the instruction's fuel taken. It returns true
// when a hook ran: the loop must then reload the stack, and the fuel of the
// instruction has been taken again (the hook may have spent it).
func (L *Thread) hookTrap(ci *callInfo, pc int) bool {
	h := L.hook
	if h == nil || h.mask&(MaskLine|MaskCount) == 0 {
		L.st.pruneTrappers()
		return false
	}
	if h.rerun {
		h.rerun = false
		return false
	}
	if !h.afterCall && pc > 0 && ci.cl.p.Code[pc].Op() == compiler.OpJmp && isTest(ci.cl.p.Code[pc-1].Op()) {
		// Lua runs the jump of a test that succeeded as part of the test
		// (donextjump): it is neither counted nor traced. After a
		// comparison metamethod returned, it is fetched as usual.
		return false
	}
	h.afterCall = false
	mask := h.mask
	countHook := false
	h.count--
	if h.count == 0 && mask&MaskCount != 0 {
		countHook = true
		h.count = h.baseCount
	} else if mask&MaskLine == 0 {
		return false
	}
	ran := false
	ci.pc = pc + 1 // hooks see the instruction as the current one
	// The instruction's fuel is taken while the hooks run, so that the
	// code they run traps from its first instruction (it counts for the
	// count hook, as in Lua), and given back afterwards for the loop to
	// take.
	st := L.st
	st.fuel -= CostInstruction
	if countHook {
		ran = L.runHook(HookCount, -1) || ran
	}
	if mask&MaskLine != 0 {
		p := ci.cl.p
		newLine := lineAt(p, pc)
		if pc == 0 || pc <= h.oldPC || newLine != lineAt(p, h.oldPC) {
			ran = L.runHook(HookLine, newLine) || ran
		}
	}
	h.oldPC = pc
	ci.pc = pc
	st.fuel += CostInstruction
	if ran && st.fuel < CostInstruction {
		// running out here stops the state before the instruction, as
		// the loop's own refuel does: the host may add fuel and continue
		h.rerun = true
		st.atBoundary = true
		st.refuelFor(CostInstruction)
		st.atBoundary = false
		h.rerun = false
	}
	return ran
}

// isTest reports whether op is a test followed by a jump.
func isTest(op compiler.OpCode) bool {
	switch op {
	case compiler.OpEq, compiler.OpLt, compiler.OpLe, compiler.OpTest, compiler.OpTestSet:
		return true
	}
	return false
}

// callHook runs the call hook for frame ci, just pushed by precall (a Lua
// function about to start or a Go function about to run). A Lua function
// called by a tail call gets a "tail call" event and is marked as such.
func (L *Thread) callHook(ci *callInfo) {
	h := L.hook
	if h == nil || h.mask&MaskCall == 0 {
		return
	}
	if ci.cl == nil {
		L.runHook(HookCall, -1)
		return
	}
	ev := HookCall
	if prev := ci.prev; prev != nil && prev.cl != nil && prev.pc > 0 &&
		prev.cl.p.Code[prev.pc-1].Op() == compiler.OpTailCall {
		ci.flags |= cistTail
		ev = HookTailCall
	}
	ci.pc = 1 // as Lua's callhook: the first instruction is the current one
	L.runHook(ev, -1)
	ci.pc = 0
}

// retHook runs the return hook for frame ci, whose n results start at
// stack index first (luaD_poscall), and notes the caller's instruction for
// line events.
func (L *Thread) retHook(ci *callInfo, first, n int) {
	h := L.hook
	h.afterCall = true
	if h.mask&MaskReturn != 0 && ci == L.ci {
		top := L.top
		if L.top < first+n {
			L.top = first + n
		}
		L.runHook(HookReturn, -1)
		L.top = top
	}
	if h = L.hook; h != nil && h.mask&MaskLine != 0 {
		if prev := ci.prev; prev != nil && prev.cl != nil {
			h.oldPC = prev.pc - 1
		}
	}
}

// runHook calls L's hook for event ev (luaD_hook) unless hooks are
// disabled (inside the hook itself); it reports whether the hook ran. The
// hook runs above L's top, which is restored afterwards, with the current
// frame marked as hooked (a function the hook calls is named "hook").
func (L *Thread) runHook(ev HookEvent, line int) bool {
	h := L.hook
	if h == nil || h.fn == nil || h.inHook {
		return false
	}
	ci := L.ci
	top, ciTop := L.top, ci.top
	L.CheckStack(minGoStack)
	if ci.cl == nil {
		ci.top = L.top + minGoStack
	}
	h.inHook = true
	ci.flags |= cistHooked
	// An error leaving the hook unwinds the hooked frame: its mark stays
	// (a traceback made by a message handler still names the hook), and
	// the hooks are enabled again.
	defer func() {
		h.inHook = false
		if h.mask == 0 && L.hook == h {
			L.hook = nil
		}
	}()
	h.fn(L, ev, line)
	ci.flags &^= cistHooked
	L.top = top
	ci.top = ciTop
	return true
}
