package vm

import (
	"math"
	"unsafe"

	"github.com/moonfuel/moonfuel/compiler"
)

// Results of precall.
const (
	preDone   = iota // a Go function ran to completion; results are in place
	preReload        // frames changed (Lua frame pushed, thread switched): reload from st.cur
	preStop          // the activation's fresh frame completed
)

var (
	intTagP   = unsafe.Pointer(&intTag)
	floatTagP = unsafe.Pointer(&floatTag)
)

// fastTM returns metamethod ev (< 8) of metatable mt using the table's
// absent-metamethod cache.
func fastTM(mt *Table, ev event) Value {
	if mt == nil || mt.flags&(1<<ev) != 0 {
		return Nil
	}
	h := getTM(mt, ev)
	if h.IsNil() {
		mt.flags |= 1 << ev
	}
	return h
}

// execute runs the dispatch loop for a call from Go: the function at stack
// index fi of L is called with nres results, and execute returns when it
// has returned. Errors caught by pcall frames inside the activation resume
// the loop; others propagate as Go panics.
func (st *State) execute(L *Thread, fi, nres int) {
	saved := L.ci
	first := true
	for !st.runProtected(L, saved, &first, fi, nres) {
	}
}

// continueExecute runs the loop again from the running thread's current
// frame (after a pause), for the activation whose frames lie above saved
// on L.
func (st *State) continueExecute(L *Thread, saved *callInfo) {
	first := false
	for !st.runProtected(L, saved, &first, 0, 0) {
	}
}

func (st *State) runProtected(L *Thread, saved *callInfo, first *bool, fi, nres int) (done bool) {
	defer func() {
		if r := recover(); r != nil {
			done = st.handlePanic(r, L, saved)
		}
	}()
	if *first {
		*first = false
		if L.precall(fi, nres, cistFresh|cistNoYield) != preReload {
			return true
		}
	}
	st.run()
	return true
}

// handlePanic delivers a raised error to the innermost protected frame of
// the activation that started on L0 above frame saved, killing coroutines
// on the way; it returns true when the activation is over, false to resume
// the loop, and re-panics when the error leaves the activation.
func (st *State) handlePanic(r any, L0 *Thread, saved *callInfo) bool {
	le := st.toLuaError(r)
	if le == nil {
		st.halted = true
		panic(r)
	}
	st.chargeSlice(CostError)
	for {
		T := st.cur
		stop := &T.baseCi
		if T == L0 {
			stop = saved
		}
		for ci := T.ci; ci != stop; ci = ci.prev {
			if ci.flags&cistPcall != 0 {
				return st.recoverAt(T, ci, le)
			}
		}
		if T == L0 {
			panic(le)
		}
		// an error killed coroutine T: deliver it to its resumer
		R := T.resumer
		T.status = threadDead
		T.resumer = nil
		RC := R.ci
		st.cur = R
		R.status = threadRunning
		if RC.flags&cistWrap != 0 {
			if le.Value.IsString() {
				// the message grows with each wrap it crosses: charged
				// like a concatenation
				where := R.Where(1)
				n := len(where) + len(le.Value.AsString())
				st.chargeFuel(ByteCost(n))
				st.chargeStr(n)
				le = &LuaError{Value: stringValue(where + le.Value.AsString())}
			}
			continue
		}
		R.top = RC.fn
		R.Push(False)
		R.Push(le.Value)
		flags, nres := RC.flags, RC.nres
		R.postcall(RC, RC.fn, 2)
		return st.afterReturn(R, flags, nres)
	}
}

// recoverAt unwinds thread T to its protected frame P and makes P return
// false and the error value (after the xpcall handler).
func (st *State) recoverAt(T *Thread, P *callInfo, le *LuaError) bool {
	v := le.Value
	if P.handler != 0 {
		v = T.callHandler(T.stack[P.handler], v)
	}
	T.closeUpvals(P.fn)
	T.ci = P
	T.depth = P.level
	T.nny = P.oldNny
	T.nCcalls = P.oldNcalls
	T.stack[P.fn] = False
	T.stack[P.fn+1] = v
	T.top = P.fn + 2
	flags, nres := P.flags, P.nres
	T.postcall(P, P.fn, 2)
	return st.afterReturn(T, flags, nres)
}

// callHandler runs an xpcall message handler on top of the erroring stack.
// Errors inside the handler are handled by calling it again, up to Lua's
// limit, then give "error in error handling".
func (L *Thread) callHandler(h, v Value) (res Value) {
	L.handling++
	defer func() { L.handling-- }()
	for tries := 0; ; tries++ {
		if tries >= maxGoCalls>>3 || L.nCcalls >= maxGoCalls+maxGoCalls>>3 {
			return stringValue(errErrorHandling.Error())
		}
		if L.top+3 > len(L.stack) {
			func() {
				defer func() {
					if r := recover(); r != nil {
						if L.st.toLuaError(r) == nil {
							panic(r)
						}
					}
				}()
				L.growStack(3)
			}()
			if L.top+3 > len(L.stack) {
				return stringValue(errErrorHandling.Error())
			}
		}
		fi := L.top
		L.stack[fi] = h
		L.stack[fi+1] = v
		L.top = fi + 2
		err := L.pcallFromGo(fi, 1)
		if err == nil {
			res = L.stack[L.top-1]
			L.top = fi
			return res
		}
		v = err.(*LuaError).Value
		if err.(*LuaError).Value.IsString() && err.(*LuaError).Value.AsString() == errErrorHandling.Error() {
			return v
		}
	}
}

// afterReturn continues after a frame with the given flags and wanted
// results returned on thread L (the frame is popped, its results placed):
// it finishes interrupted instructions, completes waiting Go frames (pcall)
// and coroutine ends. It returns true when the activation must stop.
func (st *State) afterReturn(L *Thread, xflags uint16, xnres int) bool {
	for {
		if xflags&cistFinishOp != 0 {
			L.nCcalls--
		}
		if xflags&cistFresh != 0 {
			return true
		}
		ci := L.ci
		if ci == &L.baseCi {
			// a coroutine's body returned
			xflags, xnres = st.coroutineReturn(L)
			L = st.cur
			continue
		}
		if ci.flags&cistLua != 0 {
			if xflags&cistFinishOp != 0 {
				return L.finishOp(ci)
			}
			if xnres >= 0 {
				L.top = ci.top
			}
			return false
		}
		if ci.flags&cistCont != 0 {
			// a builtin that handed over its call (TailCall): the
			// callee's results are its own
			xflags, xnres = ci.flags, ci.nres
			L.postcall(ci, ci.base, L.top-ci.base)
			continue
		}
		if ci.flags&cistPcall == 0 {
			panic("vm: return into a Go frame that is not waiting")
		}
		// pcall/xpcall: true, results...
		first := ci.fn
		if ci.handler != 0 {
			first = ci.fn + 1
		}
		L.stack[first] = True
		xflags, xnres = ci.flags, ci.nres
		L.postcall(ci, first, L.top-first)
	}
}

// callTM calls metamethod h with nargs of a, b, c for the instruction being
// run by Lua frame ci (the current frame); its result is handled by
// finishOp, now (Go metamethods) or when the Lua metamethod returns. It
// returns true when the activation must stop.
func (L *Thread) callTM(ci *callInfo, h, a, b, c Value, nargs int) bool {
	fi := ci.top
	if fi+4 > len(L.stack) {
		L.top = fi
		L.growStack(4)
	}
	L.stack[fi] = h
	L.stack[fi+1] = a
	L.stack[fi+2] = b
	L.stack[fi+3] = c
	L.top = fi + 1 + nargs
	L.st.fuel -= CostCall // a debt, paid at the next instruction
	L.nCcalls++
	if L.nCcalls >= maxGoCalls {
		L.cstackOverflow()
	}
	switch L.precall(fi, 1, cistFinishOp) {
	case preDone:
		L.nCcalls--
		return L.finishOp(ci)
	case preStop:
		return true
	}
	return false
}

// finishOp completes the instruction of Lua frame ci that was interrupted
// by a metamethod call whose result is on the top of the stack.
func (L *Thread) finishOp(ci *callInfo) bool {
	i := ci.cl.p.Code[ci.pc-1]
	res := L.stack[L.top-1]
	base := ci.base
	switch i.Op() {
	case compiler.OpEq, compiler.OpLt, compiler.OpLe:
		r := !res.IsFalsy()
		if ci.flags&cistLeLt != 0 {
			r = !r
			ci.flags &^= cistLeLt
		}
		L.top = ci.top
		if r != (i.A() != 0) {
			ci.pc++
		}
	case compiler.OpConcat:
		j := ci.concatTail
		L.stack[j] = res
		L.top = ci.top
		return L.concatRun(ci, base+i.B(), j)
	case compiler.OpSetTabUp, compiler.OpSetTable:
		L.top = ci.top
	default:
		L.stack[base+i.A()] = res
		L.top = ci.top
	}
	return false
}

// concatRun joins registers b..j (absolute stack indexes) of frame ci from
// the right, calling __concat where needed; the result goes to R(A).
func (L *Thread) concatRun(ci *callInfo, b, j int) bool {
	for j > b {
		x, y := L.stack[j-1], L.stack[j]
		if isStrNum(x) && isStrNum(y) {
			n := 2
			for j-n >= b && isStrNum(L.stack[j-n]) {
				n++
			}
			first := j - n + 1
			total := 0
			for k := first; k <= j; k++ {
				v := L.stack[k]
				if v.IsString() {
					total += int(v.n & lenMask)
				} else {
					total += 24
				}
			}
			L.ChargeFuel(ByteCost(total))
			L.st.chargeStr(total)
			buf := make([]byte, 0, total)
			for k := first; k <= j; k++ {
				v := L.stack[k]
				if v.IsString() {
					buf = append(buf, v.AsString()...)
				} else {
					buf = append(buf, numberToString(v)...)
				}
			}
			L.stack[first] = stringValue(unsafe.String(unsafe.SliceData(buf), len(buf)))
			j = first
			continue
		}
		h := L.binTM(x, y, evConcat)
		if h.IsNil() {
			base := ci.base
			L.concatError(x, y, j-1-base, j-base)
		}
		ci.concatTail = j - 1
		return L.callTM(ci, h, x, y, Nil, 2)
	}
	i := ci.cl.p.Code[ci.pc-1]
	L.stack[ci.base+i.A()] = L.stack[b]
	L.top = ci.top
	return false
}

func isStrNum(v Value) bool { return v.IsString() || v.IsNumber() }

// loopGet is the slow path of R(A) := obj[key] in Lua frame ci.
//
// kh is the hash of a string key (hashString), or 0 to compute it here: a
// string key is hashed once for the whole __index chain.
func (L *Thread) loopGet(ci *callInfo, obj, key Value, ra, loc int, kh uint64) bool {
	isStr := key.kind() == kindString
	if isStr && kh == 0 {
		kh = hashString(key.AsString())
	}
	for loop := 0; loop < maxTagLoop; loop++ {
		var h Value
		if t := obj.AsTable(); t != nil {
			var v Value
			if isStr {
				v = t.GetStrH(key.AsString(), kh)
			} else {
				v = t.Get(key)
			}
			if !v.IsNil() {
				L.stack[ra] = v
				return false
			}
			h = fastTM(t.meta, evIndex)
			if h.IsNil() {
				L.stack[ra] = Nil
				return false
			}
		} else {
			h = L.st.metaOf(obj, evIndex)
			if h.IsNil() {
				L.typeError(obj, "index", loc)
			}
		}
		if h.IsFunction() {
			return L.callTM(ci, h, obj, key, Nil, 2)
		}
		obj = h
		loc = locNone
	}
	L.runError("'__index' chain too long; possible loop")
	return false
}

// loopSet is the slow path of obj[key] = val in Lua frame ci.
//
// kh is as for loopGet.
func (L *Thread) loopSet(ci *callInfo, obj, key, val Value, loc int, kh uint64) bool {
	isStr := key.kind() == kindString
	if isStr && kh == 0 {
		kh = hashString(key.AsString())
	}
	for loop := 0; loop < maxTagLoop; loop++ {
		var h Value
		if t := obj.AsTable(); t != nil {
			if isStr {
				if t.meta == nil || !t.GetStrH(key.AsString(), kh).IsNil() {
					t.SetStrH(key.AsString(), kh, val)
					return false
				}
			} else if t.meta == nil || !t.Get(key).IsNil() {
				t.Set(key, val)
				return false
			}
			h = fastTM(t.meta, evNewIndex)
			if h.IsNil() {
				if isStr {
					t.SetStrH(key.AsString(), kh, val)
				} else {
					t.Set(key, val)
				}
				return false
			}
		} else {
			h = L.st.metaOf(obj, evNewIndex)
			if h.IsNil() {
				L.typeError(obj, "index", loc)
			}
		}
		if h.IsFunction() {
			return L.callTM(ci, h, obj, key, val, 3)
		}
		obj = h
		loc = locNone
	}
	L.runError("'__newindex' chain too long; possible loop")
	return false
}

// loopArith is the slow path of an arithmetic or bitwise instruction.
func (L *Thread) loopArith(ci *callInfo, op ArithOp, x, y Value, ra, locB, locC int) bool {
	// a table operand is never a number nor a numeric string: go to its
	// metamethod without trying the conversions
	if !x.isTable() && !y.isTable() {
		if r, ok := arithRaw(L, op, x, y); ok {
			L.stack[ra] = r
			return false
		}
	}
	ev := evAdd + event(op)
	if op == OpUnm {
		ev = evUnm
	} else if op == OpBNot {
		ev = evBNot
	}
	h := L.binTM(x, y, ev)
	if h.IsNil() {
		L.arithError(op, x, y, locB, locC)
	}
	return L.callTM(ci, h, x, y, Nil, 2)
}

// loopOrder is the slow path of OpLt (le false) and OpLe (le true).
func (L *Thread) loopOrder(ci *callInfo, le bool, x, y Value) bool {
	if !le {
		h := L.binTM(x, y, evLt)
		if h.IsNil() {
			L.orderError(x, y)
		}
		return L.callTM(ci, h, x, y, Nil, 2)
	}
	if h := L.binTM(x, y, evLe); !h.IsNil() {
		return L.callTM(ci, h, x, y, Nil, 2)
	}
	if h := L.binTM(y, x, evLt); !h.IsNil() {
		ci.flags |= cistLeLt
		return L.callTM(ci, h, y, x, Nil, 2)
	}
	L.orderError(x, y)
	return false
}

// loopLen is the slow path of OpLen.
func (L *Thread) loopLen(ci *callInfo, v Value, ra, loc int) bool {
	var h Value
	if t := v.AsTable(); t != nil {
		h = fastTM(t.meta, evLen)
		if h.IsNil() {
			L.stack[ra] = Int(t.Len())
			return false
		}
	} else if v.IsString() {
		L.stack[ra] = Int(int64(len(v.AsString())))
		return false
	} else {
		h = L.st.metaOf(v, evLen)
		if h.IsNil() {
			L.typeError(v, "get length of", loc)
		}
	}
	return L.callTM(ci, h, v, v, Nil, 2)
}

// forPrep implements OpForPrep's conversions; it returns false when the
// loop must not run at all (only for integer loops whose limit is out of
// range in the wrong direction, which Lua handles by clipping).
func (L *Thread) forPrep(ra int) {
	init, plimit, pstep := L.stack[ra], L.stack[ra+1], L.stack[ra+2]
	if init.IsInt() && pstep.IsInt() {
		step := pstep.AsInt()
		if ilimit, stopnow, ok := forLimit(plimit, step); ok {
			initv := init.AsInt()
			if stopnow {
				initv = 0
			}
			L.stack[ra+1] = Int(ilimit)
			L.stack[ra] = Int(initv - step)
			return
		}
	}
	nlimit, ok := toFloatCoerce(plimit)
	if !ok {
		L.runError("'for' limit must be a number")
	}
	L.stack[ra+1] = Float(nlimit)
	nstep, ok := toFloatCoerce(pstep)
	if !ok {
		L.runError("'for' step must be a number")
	}
	L.stack[ra+2] = Float(nstep)
	ninit, ok := toFloatCoerce(init)
	if !ok {
		L.runError("'for' initial value must be a number")
	}
	L.stack[ra] = Float(ninit - nstep)
}

// forLimit converts a for loop's limit to an integer as lvm.c's forlimit.
func forLimit(v Value, step int64) (limit int64, stopnow, ok bool) {
	if v.IsInt() {
		return v.AsInt(), false, true
	}
	n, isNum := toNumber(v)
	if !isNum {
		return 0, false, false
	}
	if n.IsInt() {
		return n.AsInt(), false, true
	}
	f := n.AsFloat()
	var fl float64
	if step < 0 {
		fl = math.Ceil(f)
	} else {
		fl = math.Floor(f)
	}
	if fl >= -twoTo63 && fl < twoTo63 {
		return int64(fl), false, true
	}
	if math.IsNaN(f) {
		// NaN: no integer; Lua's comparison 0 < NaN is false
		if step >= 0 {
			return math.MinInt64, true, true
		}
		return math.MinInt64, false, true
	}
	if 0 < f {
		return math.MaxInt64, step < 0, true
	}
	return math.MinInt64, step >= 0, true
}
