package vm

import (
	"unsafe"
)

// growStack makes room for n more values above top, charging the heap and
// raising "stack overflow" beyond the state's limit.
func (L *Thread) growStack(n int) {
	need := L.top + n
	if need <= len(L.stack) {
		return
	}
	max := L.st.maxStack
	if len(L.stack) > max {
		// already using the extra space granted to handle an overflow
		throw(errErrorHandling)
	}
	newSize := 2 * len(L.stack)
	if newSize < need {
		newSize = need
	}
	if need > max {
		// grant some extra room for the error handler, then fail
		newSize = max + 200 + minGoStack
		L.reallocStack(newSize)
		L.runError("stack overflow")
	}
	if newSize > max {
		newSize = max
	}
	L.reallocStack(newSize)
}

// reallocStack moves the stack to a new slice of the given size.
func (L *Thread) reallocStack(size int) {
	old := len(L.stack)
	if size > old {
		L.st.charge(int64(size-old) * sizeValue)
		L.ChargeFuel(int64(old) * CostPerElement / 8)
	}
	ns := make([]Value, size)
	copy(ns, L.stack[:L.top])
	// repoint open upvalues
	for u := L.openUp; u != nil; u = u.next {
		u.v = &ns[u.idx]
	}
	L.stack = ns
}

// nextCI returns a fresh frame above L.ci (reusing a cached one) and makes
// it current.
func (L *Thread) nextCI() *callInfo {
	ci := L.ci.next
	if ci == nil {
		L.st.charge(sizeFrame)
		ci = &callInfo{prev: L.ci}
		L.ci.next = ci
	}
	L.ci = ci
	L.depth++
	ci.level = L.depth
	ci.handler = 0
	return ci
}

// maxFrames bounds the number of frames of a thread (Lua's limit comes from
// its stack size; frames also take memory here).
const maxFrames = 220000

// frameOverflow raises "stack overflow" when a thread has too many frames;
// while an error handler runs it grants extra frames, then gives up with
// "error in error handling" (as Lua's extra stack space for handlers).
func (L *Thread) frameOverflow() {
	L.checkDepthLimit()
	if L.depth < maxFrames {
		return
	}
	if L.handling == 0 {
		L.runError("stack overflow")
	}
	if L.depth >= maxFrames+extraHandlerFrames {
		throw(errErrorHandling)
	}
}

const extraHandlerFrames = 250

// precall prepares the call of the function at stack index fi with the
// arguments above it up to top. For a Lua function it pushes a frame and
// returns true (the loop then runs it). A Go function is run to completion
// and its results are moved into place (false is returned), unless it
// switched threads (yield, resume), in which case true is returned: the loop
// must reload its state from st.cur.
func (L *Thread) precall(fi int, nres int, flags uint16) int {
	for {
		fv := L.stack[fi]
		switch fv.kind() {
		case kindLuaFunction:
			cl := (*Closure)(fv.p)
			p := cl.p
			n := L.top - fi - 1
			fsize := p.MaxStackSize
			if L.top+fsize+n > len(L.stack) {
				L.growStack(fsize + n)
			}
			if L.depth >= L.st.frameCap {
				L.frameOverflow()
			}
			np := p.NumParams
			var base int
			if p.IsVararg {
				base = L.varargBase(fi, n, np)
			} else {
				for ; n < np; n++ {
					L.stack[L.top] = Nil
					L.top++
				}
				base = fi + 1
			}
			ci := L.nextCI()
			ci.fn = fi
			ci.base = base
			ci.top = base + fsize
			ci.cl = cl
			ci.gf = nil
			ci.pc = 0
			ci.nres = nres
			ci.flags = cistLua | flags
			L.top = ci.top
			if L.hook != nil {
				L.callHook(ci) // hook.go
			}
			return preReload
		case kindGoFunction:
			g := (*goFunction)(fv.p)
			if g.special != spNone {
				return L.precallSpecial(g, fi, nres, flags)
			}
			if L.top+minGoStack > len(L.stack) {
				L.growStack(minGoStack)
			}
			if L.depth >= L.st.frameCap {
				L.frameOverflow()
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
			n := g.fn(L)
			if L.yieldReq {
				L.yieldReq = false
				return L.doYield(ci, n)
			}
			if L.tailReq {
				// TailCall: the function below the n-1 values on top is
				// called from the builtin's frame, which stays (for
				// tracebacks) and returns the callee's results when it
				// returns (afterReturn, or here for a Go callee)
				L.tailReq = false
				first, cb := L.top-n, ci.base
				copy(L.stack[cb:], L.stack[first:L.top])
				L.top = cb + n
				ci.flags |= cistCont
				r := L.precall(cb, MultRet, 0)
				if r == preDone {
					L.postcall(ci, cb, L.top-cb)
				}
				return r
			}
			L.postcall(ci, L.top-n, n)
			return preDone
		default:
			h := L.st.metaOf(fv, evCall)
			if !h.IsFunction() {
				L.callError(fi)
			}
			if L.top >= len(L.stack) {
				L.growStack(1)
			}
			copy(L.stack[fi+1:L.top+1], L.stack[fi:L.top])
			L.top++
			L.stack[fi] = h
		}
	}
}

// TailCall ends a Go builtin by calling the function below the nargs
// values on top of the stack with them; the callee's results become the
// builtin's. It is Lua's lua_callk with a continuation that returns all the
// results (dofile's): the call is made by the dispatch loop after the
// builtin has returned (its frame stays, marked cistCont, until the callee
// returns), so the callee may yield. The builtin must
// return what TailCall returns, at once:
//
//	return L.TailCall(0)
//
// While a debug hook is set the call is made at once instead (the hooks
// see the builtin's frame), and then the callee cannot yield.
func (L *Thread) TailCall(nargs int) int {
	if L.hook != nil {
		fi := L.top - nargs - 1
		L.CallStack(nargs, MultRet)
		return L.top - fi
	}
	L.tailReq = true
	return nargs + 1
}

// postcall finishes frame ci: moves its n results starting at stack index
// first to the frame's function slot, adjusted to the number wanted, pops
// the frame and sets top (after all results when all were wanted, else the
// caller's frame top for Lua callers).
func (L *Thread) postcall(ci *callInfo, first, n int) {
	if L.hook != nil {
		L.retHook(ci, first, n) // hook.go
	}
	res := ci.fn
	want := ci.nres
	L.ci = ci.prev
	L.depth--
	if want == 1 {
		// the common case: one result wanted
		if n > 0 {
			L.stack[res] = L.stack[first]
		} else {
			L.stack[res] = Nil
		}
		L.top = res + 1
		return
	}
	if want < 0 {
		copy(L.stack[res:res+n], L.stack[first:first+n])
		L.top = res + n
		return
	}
	if n > want {
		n = want
	}
	copy(L.stack[res:res+n], L.stack[first:first+n])
	for i := n; i < want; i++ {
		L.stack[res+i] = Nil
	}
	L.top = res + want
}

// findUpval returns the open upvalue for stack slot idx, creating it.
func (L *Thread) findUpval(idx int) *upval {
	pp := &L.openUp
	for u := *pp; u != nil && u.idx >= idx; u = *pp {
		if u.idx == idx {
			return u
		}
		pp = &u.next
	}
	L.st.charge(sizeUpval)
	u := &upval{idx: idx, open: true, v: &L.stack[idx], next: *pp}
	*pp = u
	L.noteOpenUpval(u)
	return u
}

// closeUpvals closes the open upvalues at stack index level and above.
func (L *Thread) closeUpvals(level int) {
	for u := L.openUp; u != nil && u.idx >= level; u = L.openUp {
		u.val = *u.v
		u.v = &u.val
		u.open = false
		L.openUp = u.next
		u.next = nil
	}
}

// callFromGo calls the function at stack index fi from Go code (a builtin or
// the host): the callee runs in a nested activation of the loop, counts
// against the Go-call limit and cannot yield.
func (L *Thread) callFromGo(fi int, nres int) {
	L.nCcalls++
	if L.nCcalls >= maxGoCalls {
		L.cstackOverflow()
	}
	L.nny++
	if L.st.ext.lim.MaxCallbackDepth > 0 {
		L.checkCallbackLimit()
	}
	if L.nny > 1 || L != L.st.main {
		// a Go builtin calling back into Lua (the host's own call costs
		// CostCall)
		L.st.chargeFuel(CostCallFromGo)
	} else {
		L.st.chargeFuel(CostCall)
	}
	L.st.execute(L, fi, nres)
	L.nny--
	L.nCcalls--
}

// maxGoCalls is the limit of nested Go-level calls (Lua's LUAI_MAXCCALLS).
const maxGoCalls = 200

func (L *Thread) cstackOverflow() {
	if L.nCcalls == maxGoCalls {
		L.runError("C stack overflow")
	} else if L.nCcalls >= maxGoCalls+maxGoCalls>>3 {
		throw(errErrorHandling)
	}
}

// pcallFromGo is callFromGo in protected mode.
func (L *Thread) pcallFromGo(fi int, nres int) (err error) {
	saveCI, saveNny, saveNC, saveDepth := L.ci, L.nny, L.nCcalls, L.depth
	st := L.st
	savedCur := st.cur
	defer func() {
		if r := recover(); r != nil {
			le := st.toLuaError(r)
			if le == nil {
				panic(r)
			}
			st.chargeSlice(CostError)
			L.closeUpvals(fi)
			L.ci, L.nny, L.nCcalls, L.depth = saveCI, saveNny, saveNC, saveDepth
			st.cur = savedCur
			L.top = fi
			err = le
		}
	}()
	L.callFromGo(fi, nres)
	return nil
}

// makeClosure implements OpClosure.
func (L *Thread) makeClosure(cl *Closure, bx int, base int) Value {
	fp := cl.fp.sub[bx]
	if fp == nil {
		fp = L.st.newFuncProto(cl.p.Protos[bx])
		cl.fp.sub[bx] = fp
	}
	if c := fp.cache; c != nil {
		// Lua 5.3 reuses a closure whose upvalues would be the same
		ok := true
		for i, d := range fp.p.Upvalues {
			var v *Value
			if d.InStack {
				v = &L.stack[base+d.Index]
			} else {
				v = cl.upvals[d.Index].v
			}
			if c.upvals[i].v != v {
				ok = false
				break
			}
		}
		if ok {
			return refValue(unsafe.Pointer(c), kindLuaFunction)
		}
	}
	ncl := L.st.newClosure(fp)
	fp.cache = ncl
	for i, d := range fp.p.Upvalues {
		if d.InStack {
			ncl.upvals[i] = L.findUpval(base + d.Index)
		} else {
			ncl.upvals[i] = cl.upvals[d.Index]
		}
	}
	return refValue(unsafe.Pointer(ncl), kindLuaFunction)
}
