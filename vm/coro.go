package vm

import "unsafe"

// This file holds the builtins the dispatch loop runs itself (pcall,
// xpcall, coroutine resume and wrap) and the coroutine switches: resuming
// a coroutine makes the loop continue with the coroutine's frames, and
// yielding or finishing hands its values back to the resumer's frame, all
// without Go recursion.

// PcallFunction, XpcallFunction and ResumeFunction are the loop-handled
// builtins behind pcall, xpcall and coroutine.resume (the base and
// coroutine libraries register them).
var (
	PcallFunction  = refValue(unsafe.Pointer(&goFunction{name: "pcall", special: spPcall}), kindGoFunction)
	XpcallFunction = refValue(unsafe.Pointer(&goFunction{name: "xpcall", special: spXpcall}), kindGoFunction)
	ResumeFunction = refValue(unsafe.Pointer(&goFunction{name: "coroutine.resume", special: spResume}), kindGoFunction)
)

// NewThread creates a coroutine whose body is fn (coroutine.create).
func (L *Thread) NewThread(fn Value) *Thread {
	L.ChargeFuel(CostNewThread)
	co := L.st.newThread()
	co.stack[0] = fn
	co.top = 1
	co.fn = fn
	if L.hook != nil {
		L.inheritHook(co) // hook.go
	}
	return co
}

// WrapFunction returns the function coroutine.wrap returns for co.
func (L *Thread) WrapFunction(co *Thread) Value {
	L.st.charge(sizeGoFunction)
	g := &goFunction{special: spWrap, up: ThreadValue(co), dyn: true}
	return refValue(unsafe.Pointer(g), kindGoFunction)
}

// Status returns the coroutine status of co as seen from L: "running",
// "suspended", "normal" or "dead".
func (L *Thread) Status(co *Thread) string {
	if co == L.st.cur {
		return "running"
	}
	switch co.status {
	case threadSuspended:
		return "suspended"
	case threadNormal, threadRunning:
		return "normal"
	}
	return "dead"
}

// IsMain reports whether L is its state's main thread.
func (L *Thread) IsMain() bool { return L == L.st.main }

// Running returns the running thread.
func (st *State) Running() *Thread { return st.cur }

// IsYieldable reports whether the running code may yield.
func (L *Thread) IsYieldable() bool { return L.nny == 0 && L != L.st.main }

// Yield suspends the running coroutine from a Go builtin: the builtin must
// return the result of Yield right away (return L.Yield(n)); the n values on
// the top of its window go to the resumer, and the values passed to the
// next resume become the builtin's results.
func (L *Thread) Yield(n int) int {
	if L.nny > 0 || L == L.st.main {
		if L != L.st.main {
			L.runError("attempt to yield across a C-call boundary")
		}
		L.runError("attempt to yield from outside a coroutine")
	}
	L.yieldReq = true
	L.yieldN = n
	return n
}

// doYield completes a yield requested by the Go function of frame ci: the
// values go to the resumer, whose resume frame returns.
func (L *Thread) doYield(ci *callInfo, n int) int {
	n = L.yieldN
	st := L.st
	ci.flags |= cistYield
	L.status = threadSuspended
	R := L.resumer
	L.resumer = nil
	RC := R.ci
	st.cur = R
	R.status = threadRunning
	R.top = RC.fn
	if !R.TryCheckStack(n + 1) {
		L.top -= n
		return R.tooManyResults(RC)
	}
	count := n
	if RC.flags&cistWrap == 0 {
		R.Push(True)
		count++
	}
	copy(R.stack[R.top:], L.stack[L.top-n:L.top])
	R.top += n
	for j := L.top - n; j < L.top; j++ {
		L.stack[j] = Nil
	}
	L.top -= n
	flags, nres := RC.flags, RC.nres
	R.postcall(RC, RC.fn, count)
	if st.afterReturn(R, flags, nres) {
		return preStop
	}
	return preReload
}

// coroutineReturn hands the results of a finished coroutine body (on co's
// stack from 0 to top) to its resumer; it returns the flags and wanted
// results of the resume frame that completed.
func (st *State) coroutineReturn(co *Thread) (uint16, int) {
	R := co.resumer
	co.resumer = nil
	co.status = threadDead
	RC := R.ci
	st.cur = R
	R.status = threadRunning
	n := co.top
	R.top = RC.fn
	if !R.TryCheckStack(n + 1) {
		clear(co.stack[:n])
		co.top = 0
		if RC.flags&cistWrap != 0 {
			R.Errorf("too many results to resume")
		}
		R.Push(False)
		R.Push(stringValue("too many results to resume"))
		flags, nres := RC.flags, RC.nres
		R.postcall(RC, RC.fn, 2)
		return flags, nres
	}
	count := n
	if RC.flags&cistWrap == 0 {
		R.Push(True)
		count++
	}
	copy(R.stack[R.top:], co.stack[:n])
	R.top += n
	clear(co.stack[:n])
	co.top = 0
	flags, nres := RC.flags, RC.nres
	R.postcall(RC, RC.fn, count)
	return flags, nres
}

// precallSpecial runs the loop-handled builtins.
func (L *Thread) precallSpecial(g *goFunction, fi, nres int, flags uint16) int {
	if L.top+minGoStack > len(L.stack) {
		L.growStack(minGoStack)
	}
	ci := L.nextCI()
	ci.fn = fi
	ci.base = fi + 1
	ci.top = L.top + minGoStack
	ci.cl = nil
	ci.gf = g
	ci.nres = nres
	ci.flags = flags
	if L.hook != nil {
		L.callHook(ci) // hook.go
	}
	st := L.st
	switch g.special {
	case spPcall, spXpcall:
		callee := fi + 1
		if g.special == spPcall {
			L.CheckAny(1)
		} else {
			if h := L.Arg(2); h.Type() != TypeFunction {
				L.TypeError(2, "function")
			}
			// [xpcall f h args] -> [xpcall h f args]
			L.stack[fi+1], L.stack[fi+2] = L.stack[fi+2], L.stack[fi+1]
			ci.handler = fi + 1
			callee = fi + 2
		}
		ci.flags |= cistPcall
		ci.oldNny = L.nny
		ci.oldNcalls = L.nCcalls
		switch L.precall(callee, MultRet, 0) {
		case preDone:
			first := callee - 1
			L.stack[first] = True
			L.postcall(ci, first, L.top-first)
			return preDone
		case preStop:
			return preStop
		}
		return preReload
	case spResume, spWrap:
		var co *Thread
		first := fi + 1
		if g.special == spResume {
			co = L.Arg(1).AsThread()
			if co == nil {
				L.ArgError(1, "thread expected")
			}
			first = fi + 2
			ci.flags |= cistResume
		} else {
			co = g.up.AsThread()
			ci.flags |= cistResume | cistWrap
		}
		nargs := L.top - first
		if msg := L.resumeError(co); msg != "" {
			if g.special == spWrap {
				L.Errorf("%s", msg)
			}
			L.top = fi
			L.Push(False)
			L.Push(L.NewString(msg))
			L.postcall(ci, fi, 2)
			return preDone
		}
		// move the arguments to the coroutine
		co.CheckStack(nargs)
		copy(co.stack[co.top:], L.stack[first:first+nargs])
		co.top += nargs
		L.top = first
		co.resumer = L
		// keep the coroutine's own nesting (metamethods it yielded from)
		inner := co.nCcalls - co.ccallsBase
		if co.ci == &co.baseCi || inner < 0 {
			inner = 0
		}
		co.ccallsBase = L.nCcalls + 1
		co.nCcalls = co.ccallsBase + inner
		co.status = threadRunning
		L.status = threadNormal
		st.cur = co
		if co.ci == &co.baseCi {
			// start the body
			switch co.precall(0, MultRet, 0) {
			case preDone:
				flags, nres := st.coroutineReturn(co)
				if st.afterReturn(L, flags, nres) {
					return preStop
				}
				return preReload
			case preStop:
				return preStop
			}
			return preReload
		}
		// resume after a yield: the values are the yield's results
		y := co.ci
		y.flags &^= cistYield
		yflags, ynres := y.flags, y.nres
		co.postcall(y, co.top-nargs, nargs)
		if st.afterReturn(co, yflags, ynres) {
			return preStop
		}
		return preReload
	}
	panic("vm: unknown special function")
}

// resumeError checks that co can be resumed by L; it returns the message
// of coroutine.resume when not.
func (L *Thread) resumeError(co *Thread) string {
	switch {
	case co.status == threadDead:
		return "cannot resume dead coroutine"
	case co == L || co.status != threadSuspended:
		return "cannot resume non-suspended coroutine"
	case co.ci == &co.baseCi && co.top == 0:
		return "cannot resume dead coroutine"
	case L.nCcalls+1 >= maxGoCalls:
		return "C stack overflow"
	}
	return ""
}

// tooManyResults ends resume frame RC with "too many results to resume"
// (an error for wrap, false and the message for resume).
func (R *Thread) tooManyResults(RC *callInfo) int {
	const msg = "too many results to resume"
	if RC.flags&cistWrap != 0 {
		R.Errorf(msg)
	}
	R.Push(False)
	R.Push(stringValue(msg))
	flags, nres := RC.flags, RC.nres
	R.postcall(RC, RC.fn, 2)
	if R.st.afterReturn(R, flags, nres) {
		return preStop
	}
	return preReload
}
