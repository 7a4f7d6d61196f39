package vm

// __gc finalizers, with Lua 5.3's semantics:
//
//   - An object (table or userdata) is registered for finalization when it
//     is given a metatable that has a __gc field (any value) at that moment
//     (setmetatable, debug.setmetatable, the API's SetMetatable).
//   - When a collection finds a registered object unreachable, the object is
//     queued and resurrected (marked, with everything it reaches) for one
//     more cycle; its weak-value entries were cleared before, its weak-key
//     entries are cleared only once it is really dead.
//   - Queued finalizers run in the reverse order of registration, and each
//     object's finalizer runs once (unless it is registered again). The
//     __gc field is read when the finalizer runs; a non-function is
//     ignored.
//   - Explicit collections (collectgarbage "collect" and "step") run the
//     queue at once and propagate an error as Lua does ("error in __gc
//     metamethod (msg)"). Automatic collections happen inside allocations,
//     where running Lua code is not safe; their finalizers run at the next
//     safe point of the dispatch loop (the next fuel slice, at most
//     fuelSlice instructions later, so at the same point on every run).
//     Errors there, and at Close, are reported as warnings (see
//     SetWarnFunc) and never stop the script.
//   - Close runs the finalizers of every registered object, reachable or
//     not, in reverse order of registration.
//
// While a finalizer runs, automatic collections are suspended (as Lua's
// GCTM does); emergency collections near the memory limit still happen.

import (
	"fmt"
	"os"
)

// checkFinalizer registers v for finalization if mt has a __gc field.
func (st *State) checkFinalizer(v Value, mt *Table) {
	if mt == nil {
		return
	}
	var flags *uint8
	switch v.kind() {
	case kindTable:
		flags = &(*Table)(v.p).gcFlags
	case kindUserdata:
		flags = &(*Userdata)(v.p).gcFlags
	default:
		return
	}
	if *flags&gcFinReg != 0 || fastTM(mt, evGC).IsNil() {
		return
	}
	*flags |= gcFinReg
	st.gc.finobj = append(st.gc.finobj, v)
}

// separateToFinalize moves the registered objects that are not marked (all
// of them when all is true) to the finalizer queue, newest first.
func (st *State) separateToFinalize(all bool) {
	g := &st.gc
	n := 0
	for i := len(g.finobj) - 1; i >= 0; i-- {
		if v := g.finobj[i]; all || !st.isMarked(v) {
			g.tobefnz = append(g.tobefnz, v)
			n++
		}
	}
	if n == 0 {
		return
	}
	keep := g.finobj[:0]
	if !all {
		for _, v := range g.finobj {
			if st.isMarked(v) {
				keep = append(keep, v)
			}
		}
	}
	clear(g.finobj[len(keep):])
	g.finobj = keep
}

// finalizersPending reports whether queued finalizers wait for a safe point.
func (st *State) finalizersPending() bool {
	return len(st.gc.tobefnz) > 0 && !st.gc.inFinalizer && !st.gc.closed
}

// runFinalizersInLoop runs the queued finalizers from the dispatch loop,
// between two instructions of the Lua frame ci of L (errors become
// warnings). The caller reloads its registers afterwards.
func (st *State) runFinalizersInLoop(L *Thread, ci *callInfo) {
	top := L.top
	if L.top < ci.top {
		L.top = ci.top
	}
	st.callFinalizers(L, false)
	L.top = top
}

// callFinalizers runs the queued finalizers on L, oldest queued first. With
// propagate, the first error stops them and is raised as "error in __gc
// metamethod (msg)"; otherwise errors are reported as warnings.
func (st *State) callFinalizers(L *Thread, propagate bool) {
	g := &st.gc
	if g.inFinalizer {
		return
	}
	for len(g.tobefnz) > 0 {
		v := g.tobefnz[0]
		g.tobefnz[0] = Nil
		g.tobefnz = g.tobefnz[1:]
		if len(g.tobefnz) == 0 {
			g.tobefnz = nil
		}
		if err := st.callFinalizer(L, v); err != nil {
			msg := "no message"
			if ev := ErrorValue(err); ev.IsString() {
				msg = ev.AsString()
			}
			msg = "error in __gc metamethod (" + msg + ")"
			if propagate {
				L.Error(L.NewString(msg))
			}
			st.warn(msg)
		}
	}
}

// callFinalizer calls v's __gc (if it is a function) in protected mode.
// Exhaustion errors propagate.
func (st *State) callFinalizer(L *Thread, v Value) error {
	switch v.kind() {
	case kindTable:
		(*Table)(v.p).gcFlags &^= gcFinReg
	case kindUserdata:
		(*Userdata)(v.p).gcFlags &^= gcFinReg
	}
	tm := Nil
	if mt := st.metatable(v); mt != nil {
		tm = mt.GetStr("__gc")
	}
	if !tm.IsFunction() {
		return nil
	}
	g := &st.gc
	running := st.heap.IsRunning()
	st.heap.Stop()
	g.inFinalizer = true
	defer func() {
		g.inFinalizer = false
		if running {
			st.heap.Restart()
		}
	}()
	L.CheckStack(2)
	L.stack[L.top] = tm
	L.stack[L.top+1] = v
	L.top += 2
	// as Lua's GCTM, the interrupted frame is marked: debug.getinfo
	// names it metamethod "__gc"
	ci := L.ci
	fin := ci.flags & cistFin
	ci.flags |= cistFin
	err := L.pcallFromGo(L.top-2, 0)
	ci.flags = ci.flags&^cistFin | fin
	return err
}

// warn reports a warning (a finalizer's error) to the state's warning
// function; by default it is written to standard error as lua 5.4 does.
func (st *State) warn(msg string) {
	if f := st.gc.warn; f != nil {
		f(msg)
		return
	}
	fmt.Fprintf(os.Stderr, "Lua warning: %s\n", msg)
}

// SetWarnFunc sets the function that receives warnings (errors raised by
// finalizers outside explicit collections). nil restores the default, which
// writes them to standard error.
func (st *State) SetWarnFunc(f func(msg string)) { st.gc.warn = f }

// CollectGarbage runs a full collection (collectgarbage "collect") and
// then the finalizers it queued; an error in a finalizer is raised.
func (L *Thread) CollectGarbage() {
	st := L.st
	st.heap.Collect(false)
	st.callFinalizers(L, true)
}

// StepGarbage does collectgarbage("step", kb): it reports whether the step
// finished a cycle. Finalizers queued run at once; an error is raised.
func (L *Thread) StepGarbage(kb int64) bool {
	st := L.st
	done := st.heap.Step(kb)
	st.callFinalizers(L, true)
	return done
}

// Close runs the finalizers of all objects registered for finalization
// (reachable or not) in reverse order of registration, as lua_close does;
// errors are reported as warnings. It returns the exhaustion error that
// stopped a finalizer, if any. The state must not be used afterwards.
func (st *State) Close() (err error) {
	g := &st.gc
	if g.closed {
		return nil
	}
	if st.halted || st.cur != st.main {
		st.reset()
	}
	L := st.main
	top := L.top
	defer func() {
		g.closed = true
		L.top = top
		if r := recover(); r != nil {
			err = st.hostError(r)
		}
	}()
	st.separateToFinalize(true)
	st.callFinalizers(L, false)
	return nil
}
