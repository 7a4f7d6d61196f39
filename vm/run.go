package vm

import (
	"math"

	"github.com/moonfuel/moonfuel/compiler"
)

// run is the dispatch loop. It executes Lua frames of the running thread
// (st.cur), following calls, returns, metamethods, pcall and coroutine
// switches without Go recursion, until the activation's fresh frame
// returns. Slow paths flush the fuel counter and the pc to the frame and
// reload everything afterwards (the stack may have moved, the thread may
// have changed).
//
// The loop keeps few locals: the constants, their slot words and the
// upvalues are read through cl where an instruction needs them, not kept as
// slices, since every extra local of the loop is moved between registers
// and memory on all instructions (measured: fib 10%, spectralnorm 12%,
// mandelbrot 5% faster than with the three slices).
func (st *State) run() {
	var (
		L     *Thread
		ci    *callInfo
		cl    *Closure
		code  []compiler.Instruction
		base  int
		pc    int
		stack []Value
		fuel  int64
	)
reload:
	L = st.cur
	ci = L.ci
	fuel = st.fuel
newframe:
	cl = ci.cl
	code = cl.p.Code
	base = ci.base
	pc = ci.pc
	stack = L.stack
	for {
		fuel -= CostInstruction
		if fuel < 0 {
			// the slice is spent: take the next one, or stop before this
			// instruction with the stack intact (the host may add fuel and
			// Continue)
			st.fuel = fuel + CostInstruction
			ci.pc = pc
			st.atBoundary = true
			st.refuelFor(CostInstruction)
			st.atBoundary = false
			if st.finalizersPending() { // finalize.go: a safe point
				st.runFinalizersInLoop(L, ci)
				goto reload
			}
			if st.trapping() && L.hookTrap(ci, pc) { // hook.go: line and count hooks
				stack = L.stack
			}
			fuel = st.fuel - CostInstruction
		}
		i := code[pc]
		pc++
		ia := int(i >> compiler.PosA & compiler.MaxArgA)
		ra := base + ia
		switch i.Op() {
		case compiler.OpMove:
			stack[ra] = stack[base+i.B()]
		case compiler.OpLoadK:
			stack[ra] = cl.fp.k[i.Bx()]
		case compiler.OpLoadKX:
			stack[ra] = cl.fp.k[code[pc].Ax()]
			pc++
		case compiler.OpLoadBool:
			if i.B() != 0 {
				stack[ra] = True
			} else {
				stack[ra] = False
			}
			if i.C() != 0 {
				pc++
			}
		case compiler.OpLoadNil:
			for j := ra + i.B(); j >= ra; j-- {
				stack[j] = Nil
			}
		case compiler.OpGetUpval:
			stack[ra] = *cl.upvals[i.B()].v
		case compiler.OpGetTabUp:
			t := *cl.upvals[i.B()].v
			c := i.C()
			var key Value
			if c&compiler.BitRK != 0 {
				key = cl.fp.k[c&0xff]
			} else {
				key = stack[base+c]
			}
			if t.isTable() {
				tt := (*Table)(t.p)
				var v Value
				if c&compiler.BitRK == 0 || key.p == intTagP {
					v = tt.Get(key)
				} else if nd := tt.hinted(key, cl.fp.kh[c&0xff]); nd != nil {
					v = nd.val
				} else if key.isStr() {
					v = tt.getStrKSlow(key, &cl.fp.kh[c&0xff])
				} else {
					v = tt.Get(key)
				}
				if !v.IsNil() || tt.meta == nil {
					stack[ra] = v
					continue
				}
				v, next, ok := indexTables(tt, key, rkSlot(cl.fp.kh, c))
				if ok {
					stack[ra] = v
					continue
				}
				t = next
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopGet(ci, t, key, ra, locUpval+i.B(), rkHash(cl.fp.kh, c)) {
				return
			}
			goto reload
		case compiler.OpGetTable:
			t := stack[base+i.B()]
			c := i.C()
			var key Value
			if c&compiler.BitRK != 0 {
				key = cl.fp.k[c&0xff]
			} else {
				key = stack[base+c]
			}
			if t.isTable() {
				tt := (*Table)(t.p)
				var v Value
				if key.p == intTagP {
					v = tt.GetInt(int64(key.n))
				} else if c&compiler.BitRK == 0 {
					if key.isStr() {
						s := key.AsString()
						v = tt.GetStrH(s, hashString(s))
					} else {
						v = tt.Get(key)
					}
				} else if nd := tt.hinted(key, cl.fp.kh[c&0xff]); nd != nil {
					// A constant key at its hinted node (table.go). Any
					// constant but an integer can trust the node: only
					// integer keys can also live in the array part, with a
					// dead node left behind.
					v = nd.val
				} else if key.isStr() {
					v = tt.getStrKSlow(key, &cl.fp.kh[c&0xff])
				} else {
					v = tt.Get(key)
				}
				if !v.IsNil() || tt.meta == nil {
					stack[ra] = v
					continue
				}
				v, next, ok := indexTables(tt, key, rkSlot(cl.fp.kh, c))
				if ok {
					stack[ra] = v
					continue
				}
				t = next
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopGet(ci, t, key, ra, i.B(), rkHash(cl.fp.kh, c)) {
				return
			}
			goto reload
		case compiler.OpSetTabUp:
			t := *cl.upvals[ia].v
			b, c := i.B(), i.C()
			var key, val Value
			if b&compiler.BitRK != 0 {
				key = cl.fp.k[b&0xff]
			} else {
				key = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				val = cl.fp.k[c&0xff]
			} else {
				val = stack[base+c]
			}
			if t.isTable() {
				tt := (*Table)(t.p)
				if mt := tt.meta; mt == nil || mt.flags&(1<<evNewIndex) != 0 {
					// without __newindex a store is raw, whether or not the
					// key is present (Lua's luaV_finishset); its absence is
					// known from fastTM's cache, which loopSet fills
					if b&compiler.BitRK != 0 && key.p != intTagP {
						if nd := tt.hinted(key, cl.fp.kh[b&0xff]); nd != nil {
							nd.val = val
							tt.flags = 0 // as SetStrH
							continue
						}
						if key.isStr() {
							st.fuel = fuel
							ci.pc = pc
							tt.setStrKSlow(key, &cl.fp.kh[b&0xff], val)
							fuel = st.fuel // a resize pays for its slots
							continue
						}
					}
					st.fuel = fuel
					ci.pc = pc
					tt.Set(key, val)
					fuel = st.fuel
					continue
				}
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopSet(ci, t, key, val, locUpval+ia, rkHash(cl.fp.kh, b)) {
				return
			}
			goto reload
		case compiler.OpSetUpval:
			*cl.upvals[i.B()].v = stack[ra]
		case compiler.OpSetTable:
			t := stack[ra]
			b, c := i.B(), i.C()
			var key, val Value
			if b&compiler.BitRK != 0 {
				key = cl.fp.k[b&0xff]
			} else {
				key = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				val = cl.fp.k[c&0xff]
			} else {
				val = stack[base+c]
			}
			if t.isTable() {
				tt := (*Table)(t.p)
				if mt := tt.meta; mt == nil || mt.flags&(1<<evNewIndex) != 0 {
					// raw store: as in OpSetTabUp
					if key.p == intTagP && uint64(key.n)-1 < uint64(len(tt.arr)) {
						// in the array part: nothing to allocate
						tt.arr[key.n-1] = val
						continue
					}
					if b&compiler.BitRK != 0 && key.p != intTagP {
						if nd := tt.hinted(key, cl.fp.kh[b&0xff]); nd != nil {
							nd.val = val
							tt.flags = 0 // as SetStrH
							continue
						}
						if key.isStr() {
							st.fuel = fuel
							ci.pc = pc
							tt.setStrKSlow(key, &cl.fp.kh[b&0xff], val)
							fuel = st.fuel
							continue
						}
					}
					st.fuel = fuel
					ci.pc = pc
					if key.p == intTagP {
						tt.SetInt(int64(key.n), val)
					} else {
						tt.Set(key, val)
					}
					fuel = st.fuel
					continue
				}
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopSet(ci, t, key, val, ia, rkHash(cl.fp.kh, b)) {
				return
			}
			goto reload
		case compiler.OpNewTable:
			st.fuel = fuel
			ci.pc = pc
			t := newTable(&st.heap, compiler.FbToInt(i.B()), compiler.FbToInt(i.C()))
			stack[ra] = TableValue(t)
		case compiler.OpSelf:
			obj := stack[base+i.B()]
			stack[ra+1] = obj
			c := i.C()
			var key Value
			if c&compiler.BitRK != 0 {
				key = cl.fp.k[c&0xff]
			} else {
				key = stack[base+c]
			}
			if obj.isTable() {
				tt := (*Table)(obj.p)
				var v Value
				if c&compiler.BitRK == 0 || key.p == intTagP {
					v = tt.Get(key)
				} else if nd := tt.hinted(key, cl.fp.kh[c&0xff]); nd != nil {
					v = nd.val
				} else if key.isStr() {
					v = tt.getStrKSlow(key, &cl.fp.kh[c&0xff])
				} else {
					v = tt.Get(key)
				}
				if !v.IsNil() || tt.meta == nil {
					stack[ra] = v
					continue
				}
				v, next, ok := indexTables(tt, key, rkSlot(cl.fp.kh, c))
				if ok {
					stack[ra] = v
					continue
				}
				obj = next
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopGet(ci, obj, key, ra, i.B(), rkHash(cl.fp.kh, c)) {
				return
			}
			goto reload
		case compiler.OpAdd:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			if x.p == intTagP && y.p == intTagP {
				stack[ra] = Value{intTagP, uint64(int64(x.n) + int64(y.n))}
				continue
			}
			if fx, fy, ok := bothFloats(x, y); ok {
				stack[ra] = Float(numAdd(fx, fy))
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, OpAdd, x, y, ra, b, c) {
				return
			}
			goto reload
		case compiler.OpSub:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			if x.p == intTagP && y.p == intTagP {
				stack[ra] = Value{intTagP, uint64(int64(x.n) - int64(y.n))}
				continue
			}
			if fx, fy, ok := bothFloats(x, y); ok {
				stack[ra] = Float(fx - fy)
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, OpSub, x, y, ra, b, c) {
				return
			}
			goto reload
		case compiler.OpMul:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			if x.p == intTagP && y.p == intTagP {
				stack[ra] = Value{intTagP, uint64(int64(x.n) * int64(y.n))}
				continue
			}
			if fx, fy, ok := bothFloats(x, y); ok {
				stack[ra] = Float(numMul(fx, fy))
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, OpMul, x, y, ra, b, c) {
				return
			}
			goto reload
		case compiler.OpDiv, compiler.OpPow:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			if x.p == floatTagP && y.p == floatTagP && i.Op() == compiler.OpDiv {
				stack[ra] = Float(math.Float64frombits(x.n) / math.Float64frombits(y.n))
				continue
			}
			if fx, fy, ok := bothFloats(x, y); ok {
				if i.Op() == compiler.OpDiv {
					stack[ra] = Float(fx / fy)
				} else if fy == 2 {
					stack[ra] = Float(fx * fx)
				} else {
					stack[ra] = Float(numPow(fx, fy))
				}
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, ArithOp(i.Op()-compiler.OpAdd), x, y, ra, b, c) {
				return
			}
			goto reload
		case compiler.OpMod, compiler.OpIDiv:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			if x.p == intTagP && y.p == intTagP {
				if y.n != 0 {
					if i.Op() == compiler.OpMod {
						stack[ra] = Int(imod(int64(x.n), int64(y.n)))
					} else {
						stack[ra] = Int(idiv(int64(x.n), int64(y.n)))
					}
					continue
				}
			} else if fx, fy, ok := bothFloats(x, y); ok {
				if i.Op() == compiler.OpMod {
					stack[ra] = Float(fmod(fx, fy))
				} else {
					stack[ra] = Float(math.Floor(fx / fy))
				}
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, ArithOp(i.Op()-compiler.OpAdd), x, y, ra, b, c) {
				return
			}
			goto reload
		case compiler.OpBAnd, compiler.OpBOr, compiler.OpBXor, compiler.OpShl, compiler.OpShr:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			if x.p == intTagP && y.p == intTagP {
				xi, yi := int64(x.n), int64(y.n)
				var r int64
				switch i.Op() {
				case compiler.OpBAnd:
					r = xi & yi
				case compiler.OpBOr:
					r = xi | yi
				case compiler.OpBXor:
					r = xi ^ yi
				case compiler.OpShl:
					r = shiftLeft(xi, yi)
				default:
					r = shiftLeft(xi, -yi)
				}
				stack[ra] = Int(r)
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, ArithOp(i.Op()-compiler.OpAdd), x, y, ra, b, c) {
				return
			}
			goto reload
		case compiler.OpUnm:
			x := stack[base+i.B()]
			if x.p == intTagP {
				stack[ra] = Int(-int64(x.n))
				continue
			}
			if x.p == floatTagP {
				stack[ra] = Float(-x.AsFloat())
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, OpUnm, x, x, ra, i.B(), i.B()) {
				return
			}
			goto reload
		case compiler.OpBNot:
			x := stack[base+i.B()]
			if x.p == intTagP {
				stack[ra] = Int(^int64(x.n))
				continue
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopArith(ci, OpBNot, x, x, ra, i.B(), i.B()) {
				return
			}
			goto reload
		case compiler.OpNot:
			stack[ra] = Bool(stack[base+i.B()].IsFalsy())
		case compiler.OpLen:
			x := stack[base+i.B()]
			if x.kind() == kindString {
				stack[ra] = Int(int64(x.n & lenMask))
				continue
			}
			if x.kind() == kindTable {
				tt := (*Table)(x.p)
				if tt.meta == nil || fastTM(tt.meta, evLen).IsNil() {
					stack[ra] = Int(tt.Len())
					continue
				}
			}
			st.fuel = fuel
			ci.pc = pc
			if L.loopLen(ci, x, ra, i.B()) {
				return
			}
			goto reload
		case compiler.OpConcat:
			st.fuel = fuel
			ci.pc = pc
			L.top = ci.top
			if L.concatRun(ci, base+i.B(), base+i.C()) {
				return
			}
			goto reload
		case compiler.OpJmp:
			if ia != 0 {
				L.closeUpvals(base + ia - 1)
			}
			pc += i.SBx()
		case compiler.OpEq:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			var res bool
			if x == y && x.p != floatTagP {
				res = true
			} else if x.p == intTagP || x.p == floatTagP || x.kind() == kindString {
				res = rawEquals(x, y)
			} else if h := L.eqMeta(x, y); !h.IsNil() {
				st.fuel = fuel
				ci.pc = pc
				if L.callTM(ci, h, x, y, Nil, 2) {
					return
				}
				goto reload
			}
			if res != (ia != 0) {
				pc++
			} else if j := code[pc]; fuel >= CostInstruction && j.Op() == compiler.OpJmp && j.A() == 0 {
				// the OP_JMP that follows, run here (Lua's donextjump);
				// charged as the instruction it is, and only when its
				// charge could not have ended the slice
				fuel -= CostInstruction
				pc += 1 + j.SBx()
			}
		case compiler.OpLt:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			var res bool
			if x.p == intTagP && y.p == intTagP {
				res = int64(x.n) < int64(y.n)
			} else if x.p == floatTagP && y.p == floatTagP {
				res = math.Float64frombits(x.n) < math.Float64frombits(y.n)
			} else if x.IsNumber() && y.IsNumber() {
				res = ltNum(x, y)
			} else if x.kind() == kindString && y.kind() == kindString {
				res = x.AsString() < y.AsString()
			} else {
				st.fuel = fuel
				ci.pc = pc
				if L.loopOrder(ci, false, x, y) {
					return
				}
				goto reload
			}
			if res != (ia != 0) {
				pc++
			} else if j := code[pc]; fuel >= CostInstruction && j.Op() == compiler.OpJmp && j.A() == 0 {
				// the OP_JMP that follows, run here (Lua's donextjump);
				// charged as the instruction it is, and only when its
				// charge could not have ended the slice
				fuel -= CostInstruction
				pc += 1 + j.SBx()
			}
		case compiler.OpLe:
			b, c := i.B(), i.C()
			var x, y Value
			if b&compiler.BitRK != 0 {
				x = cl.fp.k[b&0xff]
			} else {
				x = stack[base+b]
			}
			if c&compiler.BitRK != 0 {
				y = cl.fp.k[c&0xff]
			} else {
				y = stack[base+c]
			}
			var res bool
			if x.p == intTagP && y.p == intTagP {
				res = int64(x.n) <= int64(y.n)
			} else if x.p == floatTagP && y.p == floatTagP {
				res = math.Float64frombits(x.n) <= math.Float64frombits(y.n)
			} else if x.IsNumber() && y.IsNumber() {
				res = leNum(x, y)
			} else if x.kind() == kindString && y.kind() == kindString {
				res = x.AsString() <= y.AsString()
			} else {
				st.fuel = fuel
				ci.pc = pc
				if L.loopOrder(ci, true, x, y) {
					return
				}
				goto reload
			}
			if res != (ia != 0) {
				pc++
			} else if j := code[pc]; fuel >= CostInstruction && j.Op() == compiler.OpJmp && j.A() == 0 {
				// the OP_JMP that follows, run here (Lua's donextjump);
				// charged as the instruction it is, and only when its
				// charge could not have ended the slice
				fuel -= CostInstruction
				pc += 1 + j.SBx()
			}
		case compiler.OpTest:
			if stack[ra].IsFalsy() == (i.C() != 0) {
				pc++
			} else if j := code[pc]; fuel >= CostInstruction && j.Op() == compiler.OpJmp && j.A() == 0 {
				fuel -= CostInstruction // the next OP_JMP, as above
				pc += 1 + j.SBx()
			}
		case compiler.OpTestSet:
			v := stack[base+i.B()]
			if v.IsFalsy() == (i.C() != 0) {
				pc++
			} else {
				stack[ra] = v
			}
		case compiler.OpCall:
			if b := i.B(); b != 0 {
				L.top = ra + b
			}
			nres := i.C() - 1
			ci.pc = pc
			if fv := stack[ra]; fv.isLuaFunction() && L.hook == nil {
				// Lua-to-Lua call, inline: precall's Lua case for a
				// function with a cached frame and room on the stack (the
				// same charges: CostCall, no memory)
				ncl := (*Closure)(fv.p)
				p := ncl.p
				nci := ci.next
				n := L.top - ra - 1
				if nci != nil && L.top+p.MaxStackSize+n <= len(stack) && L.depth < st.frameCap {
					nb := ra + 1
					if p.IsVararg {
						nb = L.varargBase(ra, n, p.NumParams)
					} else {
						for ; n < p.NumParams; n++ {
							stack[L.top] = Nil
							L.top++
						}
					}
					fuel -= CostCall
					L.ci = nci
					L.depth++
					nci.level = L.depth
					nci.handler = 0
					nci.fn = ra
					nci.base = nb
					nci.top = nb + p.MaxStackSize
					nci.cl = ncl
					nci.gf = nil
					nci.pc = 0
					nci.nres = nres
					nci.flags = cistLua
					L.top = nci.top
					ci = nci
					goto newframe
				}
			}
			st.fuel = fuel - CostCall
			switch L.precall(ra, nres, 0) {
			case preDone:
				if nres >= 0 {
					L.top = ci.top
				}
				stack = L.stack
				fuel = st.fuel
			case preReload:
				goto reload
			default:
				return
			}
		case compiler.OpTailCall:
			if b := i.B(); b != 0 {
				L.top = ra + b
			}
			st.fuel = fuel - CostCall
			ci.pc = pc
			switch L.precall(ra, MultRet, 0) {
			case preDone:
				stack = L.stack
				fuel = st.fuel
				continue
			case preStop:
				return
			}
			if !L.tailFrame(ci) {
				// a special (pcall, resume) took over: not a real tail call
				goto reload
			}
			fuel = st.fuel
			goto newframe
		case compiler.OpReturn:
			if len(cl.p.Protos) > 0 {
				L.closeUpvals(base)
			}
			n := i.B() - 1
			if n < 0 {
				n = L.top - ra
				fuel -= int64(n) * CostPerElement
			}
			flags, nres := ci.flags, ci.nres
			if prev := ci.prev; nres == 1 && L.hook == nil && flags&(cistFresh|cistFinishOp) == 0 && prev.flags&cistLua != 0 {
				// one result to a Lua caller: postcall inline
				if n > 0 {
					stack[ci.fn] = stack[ra]
				} else {
					stack[ci.fn] = Nil
				}
				L.ci = prev
				L.depth--
				L.top = prev.top
				ci = prev
				goto newframe
			}
			if L.hook != nil {
				// hook.go: the return hook (in postcall) sees the frame
				// and spends from the state's fuel
				st.fuel = fuel
				ci.pc = pc
				L.postcall(ci, ra, n)
				fuel = st.fuel
			} else {
				L.postcall(ci, ra, n)
			}
			if flags&(cistFresh|cistFinishOp) == 0 && L.ci.flags&cistLua != 0 {
				ci = L.ci
				if nres >= 0 {
					L.top = ci.top
				}
				goto newframe
			}
			st.fuel = fuel
			ci.pc = pc
			if st.afterReturn(L, flags, nres) {
				return
			}
			goto reload
		case compiler.OpForLoop:
			if x := stack[ra]; x.p == intTagP {
				step := int64(stack[ra+2].n)
				idx := int64(x.n) + step
				limit := int64(stack[ra+1].n)
				if (0 < step && idx <= limit) || (step <= 0 && limit <= idx) {
					pc += i.SBx()
					stack[ra] = Value{intTagP, uint64(idx)}
					stack[ra+3] = Value{intTagP, uint64(idx)}
				}
			} else {
				step := stack[ra+2].AsFloat()
				idx := x.AsFloat() + step
				limit := stack[ra+1].AsFloat()
				if (0 < step && idx <= limit) || (!(0 < step) && limit <= idx) {
					pc += i.SBx()
					stack[ra] = Float(idx)
					stack[ra+3] = Float(idx)
				}
			}
		case compiler.OpForPrep:
			st.fuel = fuel
			ci.pc = pc
			L.forPrep(ra)
			pc += i.SBx()
		case compiler.OpTForCall:
			cb := ra + 3
			stack[cb+2] = stack[ra+2]
			stack[cb+1] = stack[ra+1]
			stack[cb] = stack[ra]
			L.top = cb + 3
			st.fuel = fuel - CostCall
			ci.pc = pc
			switch L.precall(cb, i.C(), 0) {
			case preDone:
				L.top = ci.top
				stack = L.stack
				fuel = st.fuel
			case preReload:
				goto reload
			default:
				return
			}
		case compiler.OpTForLoop:
			if v := stack[ra+1]; !v.IsNil() {
				stack[ra] = v
				pc += i.SBx()
			}
		case compiler.OpSetList:
			n := i.B()
			c := i.C()
			if n == 0 {
				n = L.top - ra - 1
			}
			fuel -= int64(n) * CostPerElement
			if c == 0 {
				c = code[pc].Ax()
				pc++
				ci.pc = pc
			}
			tt := stack[ra].AsTable()
			last := (c-1)*compiler.FieldsPerFlush + n
			st.fuel = fuel
			ci.pc = pc
			if last > tt.ArraySize() {
				tt.ResizeArray(last)
			}
			for ; n > 0; n-- {
				tt.SetInt(int64(last), stack[ra+n])
				last--
			}
			fuel = st.fuel
			L.top = ci.top
		case compiler.OpClosure:
			st.fuel = fuel
			ci.pc = pc
			stack[ra] = L.makeClosure(cl, i.Bx(), base)
		case compiler.OpVararg:
			b := i.B() - 1
			n := base - ci.fn - cl.p.NumParams - 1
			if n < 0 {
				n = 0
			}
			if b < 0 {
				b = n
				fuel -= int64(n) * CostPerElement
				if ra+n > len(stack) {
					st.fuel = fuel
					ci.pc = pc
					L.top = ra
					L.growStack(n)
					stack = L.stack
				}
				L.top = ra + n
			}
			j := 0
			for ; j < b && j < n; j++ {
				stack[ra+j] = stack[base-n+j]
			}
			for ; j < b; j++ {
				stack[ra+j] = Nil
			}
		case compiler.OpExtraArg:
			// only read by the instruction before it
		default:
			L.runError("invalid opcode %d", i.Op())
		}
	}
}

// varargBase lays out the frame of a vararg function called at stack index
// fi with n arguments (up to top) and np fixed parameters (for precall and
// the loop's inline calls):
// the fixed parameters move above the arguments, where the frame's base
// is, and the varargs stay below it. It returns the base; the stack must
// have room for them.
func (L *Thread) varargBase(fi, n, np int) int {
	base := L.top
	for i := 0; i < np; i++ {
		if i < n {
			L.stack[L.top] = L.stack[fi+1+i]
			L.stack[fi+1+i] = Nil
		} else {
			L.stack[L.top] = Nil
		}
		L.top++
	}
	return base
}

// tailFrame completes OpTailCall in Lua frame ci once precall has pushed
// the callee's Lua frame: the callee's function and fixed parameters move
// down into ci, which becomes the callee's frame (the one precall pushed is
// dropped). It reports false, changing nothing, when precall did not push
// a Lua frame right above ci on this thread (a special such as pcall or
// resume took over). Kept out of the loop, whose hot instructions it would
// crowd.
func (L *Thread) tailFrame(ci *callInfo) bool {
	st := L.st
	nci := L.ci
	if st.cur != L || nci.prev != ci || nci.cl == nil {
		return false
	}
	if len(ci.cl.p.Protos) > 0 {
		L.closeUpvals(ci.base)
	}
	nfn := nci.fn
	ofn := ci.fn
	lim := nci.base + nci.cl.p.NumParams
	copy(L.stack[ofn:], L.stack[nfn:lim])
	st.fuel -= int64(lim-nfn) * CostPerElement
	ci.base = ofn + (nci.base - nfn)
	ci.top = ofn + (nci.top - nfn)
	L.top = ci.top
	ci.pc = 0
	ci.cl = nci.cl
	ci.flags |= cistTail
	L.ci = ci
	L.depth--
	return true
}

// indexTables continues tt[key], which missed in tt (a table with a
// metatable), through __index tables without calls: ok is true when the
// chain ends at a table holding the key or without __index (v is the
// value); otherwise the slow path (loopGet) goes on from next, a table
// whose __index is a function, or after a few levels. slot is the slot
// word of a string constant key (table.go: hinted), or nil: a method
// looked up through an object's class is then usually found at its hinted
// node in the class table, with one compare.
func indexTables(tt *Table, key Value, slot *uint64) (v, next Value, ok bool) {
	str := slot != nil && key.isStr()
	for level := 0; level < 8; level++ {
		h := fastTM(tt.meta, evIndex)
		if h.IsNil() {
			return Nil, Nil, true
		}
		if !h.isTable() {
			break
		}
		tt = (*Table)(h.p)
		if !str {
			v = tt.Get(key)
		} else if nd := tt.hinted(key, *slot); nd != nil {
			v = nd.val
		} else {
			v = tt.getStrKSlow(key, slot)
		}
		if !v.IsNil() || tt.meta == nil {
			return v, Nil, true
		}
	}
	return Nil, TableValue(tt), false
}

// rkSlot returns the slot word of an RK operand that is a constant, or nil.
func rkSlot(kh []uint64, rk int) *uint64 {
	if rk&compiler.BitRK != 0 {
		return &kh[rk&0xff]
	}
	return nil
}

// rkHash returns the precomputed hash of an RK operand that is a string
// constant, or 0 (loopGet and loopSet then hash the key themselves).
func rkHash(kh []uint64, rk int) uint64 {
	if rk&compiler.BitRK != 0 {
		return kh[rk&0xff]
	}
	return 0
}

// bothFloats converts two number operands to floats when both are numbers
// and at least one is a float (the integer-integer case is handled by the
// caller before); ok is false otherwise (strings go to the slow path).
func bothFloats(x, y Value) (float64, float64, bool) {
	var fx, fy float64
	switch x.p {
	case floatTagP:
		fx = x.AsFloat()
	case intTagP:
		fx = float64(int64(x.n))
	default:
		return 0, 0, false
	}
	switch y.p {
	case floatTagP:
		fy = y.AsFloat()
	case intTagP:
		fy = float64(int64(y.n))
	default:
		return 0, 0, false
	}
	return fx, fy, true
}
