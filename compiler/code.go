package compiler

import (
	"math"

	"github.com/moonfuel/moonfuel/ast"
)

// This file is the code generator proper: expression descriptors, jump
// lists, register allocation and instruction emission, following the design
// of Lua 5.3's lcode.c.

// noJump marks the end of a jump list (and an unpatched jump).
const noJump = -1

// noReg is an invalid register ("no register").
const noReg = MaxArgA

// multRet stands for "all results" in result counts.
const multRet = -1

// expKind is the kind of an expression descriptor.
type expKind uint8

const (
	kVoid     expKind = iota // empty expression list / no value
	kNil                     // nil constant
	kTrue                    // true constant
	kFalse                   // false constant
	kK                       // constant; info = index in Constants
	kFlt                     // float constant; nval
	kInt                     // integer constant; ival
	kNonReloc                // value in a fixed register; info = register
	kLocal                   // local variable; info = register
	kUpval                   // upvalue; info = upvalue index
	kIndexed                 // indexed variable; t, idx, vt
	kJmp                     // comparison; info = pc of its jump
	kReloc                   // result register not set yet; info = pc
	kCall                    // function call; info = pc
	kVararg                  // vararg expression; info = pc
)

// expDesc describes an expression being compiled, whose code may not have
// been (fully) emitted yet.
type expDesc struct {
	k    expKind
	info int
	ival int64
	nval float64
	// indexed variables: table (register or upvalue), key (RK) and whether
	// the table is a local register (kLocal) or an upvalue (kUpval).
	t, idx int
	vt     expKind
	// patch lists of "exit when true" and "exit when false" jumps.
	tj, fj int
}

func newExp(k expKind, info int) expDesc {
	return expDesc{k: k, info: info, tj: noJump, fj: noJump}
}

func (e *expDesc) hasJumps() bool { return e.tj != e.fj }

func hasMultRet(k expKind) bool { return k == kCall || k == kVararg }

func isVar(k expKind) bool { return k >= kLocal && k <= kIndexed }

// ---------------------------------------------------------------------------
// Emission

func (fs *funcState) code(i Instruction) int {
	fs.dischargeJpc()
	fs.f.Code = append(fs.f.Code, i)
	fs.f.LineInfo = append(fs.f.LineInfo, int32(fs.c.line))
	return len(fs.f.Code) - 1
}

func (fs *funcState) pc() int { return len(fs.f.Code) }

func (fs *funcState) codeABC(op OpCode, a, b, c int) int {
	return fs.code(CreateABC(op, a, b, c))
}

func (fs *funcState) codeABx(op OpCode, a, bx int) int {
	return fs.code(CreateABx(op, a, bx))
}

func (fs *funcState) codeAsBx(op OpCode, a, sbx int) int {
	return fs.code(CreateAsBx(op, a, sbx))
}

func (fs *funcState) codeK(reg, k int) int {
	if k <= MaxArgBx {
		return fs.codeABx(OpLoadK, reg, k)
	}
	p := fs.codeABx(OpLoadKX, reg, 0)
	fs.code(CreateAx(OpExtraArg, k))
	return p
}

// fixLine sets the line of the last instruction.
func (fs *funcState) fixLine(line int) {
	fs.f.LineInfo[len(fs.f.LineInfo)-1] = int32(line)
}

func (fs *funcState) setA(pc, a int) {
	i := fs.f.Code[pc]
	fs.f.Code[pc] = i&^(MaxArgA<<PosA) | Instruction(a)<<PosA
}

func (fs *funcState) setB(pc, b int) {
	i := fs.f.Code[pc]
	fs.f.Code[pc] = i&^(MaxArgB<<PosB) | Instruction(b)<<PosB
}

func (fs *funcState) setC(pc, c int) {
	i := fs.f.Code[pc]
	fs.f.Code[pc] = i&^(MaxArgC<<PosC) | Instruction(c)<<PosC
}

func (fs *funcState) setOp(pc int, op OpCode) {
	i := fs.f.Code[pc]
	fs.f.Code[pc] = i&^(1<<SizeOp-1) | Instruction(op)
}

func (fs *funcState) setSBx(pc, sbx int) {
	i := fs.f.Code[pc]
	fs.f.Code[pc] = i&^(MaxArgBx<<PosBx) | Instruction(sbx+MaxArgSBx)<<PosBx
}

// nilRegs sets n registers from 'from' to nil, merging with a previous
// LOADNIL when possible.
func (fs *funcState) nilRegs(from, n int) {
	l := from + n - 1
	if pc := fs.pc(); pc > fs.lastTarget && pc > 0 {
		prev := fs.f.Code[pc-1]
		if prev.Op() == OpLoadNil {
			pfrom := prev.A()
			pl := pfrom + prev.B()
			if (pfrom <= from && from <= pl+1) || (from <= pfrom && pfrom <= l+1) {
				if pfrom < from {
					from = pfrom
				}
				if pl > l {
					l = pl
				}
				fs.setA(pc-1, from)
				fs.setB(pc-1, l-from)
				return
			}
		}
	}
	fs.codeABC(OpLoadNil, from, n-1, 0)
}

func (fs *funcState) ret(first, nret int) {
	fs.codeABC(OpReturn, first, nret+1, 0)
}

// ---------------------------------------------------------------------------
// Jumps

func (fs *funcState) jump() int {
	jpc := fs.jpc
	fs.jpc = noJump
	j := fs.codeAsBx(OpJmp, 0, noJump)
	fs.concat(&j, jpc)
	return j
}

func (fs *funcState) condJump(op OpCode, a, b, c int) int {
	fs.codeABC(op, a, b, c)
	return fs.jump()
}

func (fs *funcState) getJump(pc int) int {
	off := fs.f.Code[pc].SBx()
	if off == noJump {
		return noJump
	}
	return pc + 1 + off
}

func (fs *funcState) fixJump(pc, dest int) {
	off := dest - (pc + 1)
	if off > MaxArgSBx || off < -MaxArgSBx {
		fs.c.syntaxError("control structure too long", fs.c.line)
	}
	fs.setSBx(pc, off)
}

// getLabel marks the current pc as a jump target and returns it.
func (fs *funcState) getLabel() int {
	fs.lastTarget = fs.pc()
	return fs.pc()
}

func (fs *funcState) concat(l1 *int, l2 int) {
	if l2 == noJump {
		return
	}
	if *l1 == noJump {
		*l1 = l2
		return
	}
	// Lists only grow at their tail, so the tail found last time is a
	// member of the list to start from: chains of 'or'/'and' stay linear.
	head := *l1
	list := head
	if t, ok := fs.tails[head]; ok {
		list = t
	}
	for {
		next := fs.getJump(list)
		if next == noJump {
			break
		}
		list = next
	}
	fs.fixJump(list, l2)
	if fs.tails == nil {
		fs.tails = make(map[int]int)
	}
	fs.tails[head] = list
}

// jumpControl returns the pc of the instruction controlling the jump at pc
// (the test before it, if any).
func (fs *funcState) jumpControl(pc int) int {
	if pc >= 1 && OpInfos[fs.f.Code[pc-1].Op()].Test {
		return pc - 1
	}
	return pc
}

func (fs *funcState) patchTestReg(node, reg int) bool {
	ipc := fs.jumpControl(node)
	i := fs.f.Code[ipc]
	if i.Op() != OpTestSet {
		return false
	}
	if reg != noReg && reg != i.B() {
		fs.setA(ipc, reg)
	} else {
		fs.f.Code[ipc] = CreateABC(OpTest, i.B(), 0, i.C())
	}
	return true
}

func (fs *funcState) removeValues(list int) {
	for ; list != noJump; list = fs.getJump(list) {
		fs.patchTestReg(list, noReg)
	}
}

func (fs *funcState) patchListAux(list, vtarget, reg, dtarget int) {
	for list != noJump {
		next := fs.getJump(list)
		if fs.patchTestReg(list, reg) {
			fs.fixJump(list, vtarget)
		} else {
			fs.fixJump(list, dtarget)
		}
		list = next
	}
}

func (fs *funcState) dischargeJpc() {
	if fs.jpc == noJump {
		return
	}
	fs.patchListAux(fs.jpc, fs.pc(), noReg, fs.pc())
	fs.jpc = noJump
}

func (fs *funcState) jumpTo(target int) {
	fs.patchList(fs.jump(), target)
}

func (fs *funcState) patchList(list, target int) {
	if target == fs.pc() {
		fs.patchToHere(list)
	} else {
		fs.patchListAux(list, target, noReg, target)
	}
}

func (fs *funcState) patchClose(list, level int) {
	level++
	for list != noJump {
		fs.setA(list, level)
		list = fs.getJump(list)
	}
}

func (fs *funcState) patchToHere(list int) {
	fs.getLabel()
	fs.concat(&fs.jpc, list)
}

func (fs *funcState) needValue(list int) bool {
	for ; list != noJump; list = fs.getJump(list) {
		if fs.f.Code[fs.jumpControl(list)].Op() != OpTestSet {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Registers

func (fs *funcState) checkStack(n int) {
	ns := fs.freeReg + n
	if ns > fs.f.MaxStackSize {
		if ns >= MaxRegisters {
			fs.c.syntaxError("function or expression needs too many registers", fs.c.line)
		}
		fs.f.MaxStackSize = ns
	}
}

func (fs *funcState) reserveRegs(n int) {
	fs.checkStack(n)
	fs.freeReg += n
}

func (fs *funcState) freeRegister(reg int) {
	if !IsK(reg) && reg >= fs.nactvar {
		fs.freeReg--
	}
}

func (fs *funcState) freeExp(e *expDesc) {
	if e.k == kNonReloc {
		fs.freeRegister(e.info)
	}
}

func (fs *funcState) freeExps(e1, e2 *expDesc) {
	r1, r2 := -1, -1
	if e1.k == kNonReloc {
		r1 = e1.info
	}
	if e2.k == kNonReloc {
		r2 = e2.info
	}
	if r1 > r2 {
		if r1 >= 0 {
			fs.freeRegister(r1)
		}
		if r2 >= 0 {
			fs.freeRegister(r2)
		}
	} else {
		if r2 >= 0 {
			fs.freeRegister(r2)
		}
		if r1 >= 0 {
			fs.freeRegister(r1)
		}
	}
}

// ---------------------------------------------------------------------------
// Constants

// constKey distinguishes constants by type and value (floats by bits).
type constKey struct {
	kind uint8
	bits uint64
	s    string
}

// addK finds or adds a constant. Like Lua, the cache of constant indexes is
// shared by all the functions of the chunk, so a constant last added by
// another function is added again (luac produces the same duplicates).
func (fs *funcState) addK(key constKey, v Constant) int {
	consts := fs.f.Constants
	if k, ok := fs.c.kcache[key]; ok && k < len(consts) && consts[k] == v {
		return k
	}
	k := len(consts)
	fs.f.Constants = append(consts, v)
	fs.c.kcache[key] = k
	return k
}

func (fs *funcState) stringK(s string) int {
	if is, ok := fs.c.strs[s]; ok {
		s = is
	} else {
		if fs.c.strs == nil {
			fs.c.strs = make(map[string]string)
		}
		fs.c.strs[s] = s
	}
	return fs.addK(constKey{kind: 1, s: s}, s)
}

func (fs *funcState) intK(i int64) int {
	return fs.addK(constKey{kind: 2, bits: uint64(i)}, i)
}

func (fs *funcState) numberK(f float64) int {
	return fs.addK(constKey{kind: 3, bits: math.Float64bits(f)}, f)
}

func (fs *funcState) boolK(b bool) int {
	var v uint64
	if b {
		v = 1
	}
	return fs.addK(constKey{kind: 4, bits: v}, b)
}

func (fs *funcState) nilK() int {
	return fs.addK(constKey{kind: 5}, nil)
}

// ---------------------------------------------------------------------------
// Expressions to registers

func (fs *funcState) setReturns(e *expDesc, nresults int) {
	if e.k == kCall {
		fs.setC(e.info, nresults+1)
	} else if e.k == kVararg {
		fs.setB(e.info, nresults+1)
		fs.setA(e.info, fs.freeReg)
		fs.reserveRegs(1)
	}
}

func (fs *funcState) setMultRet(e *expDesc) { fs.setReturns(e, multRet) }

func (fs *funcState) setOneRet(e *expDesc) {
	if e.k == kCall {
		e.k = kNonReloc
		e.info = fs.f.Code[e.info].A()
	} else if e.k == kVararg {
		fs.setB(e.info, 2)
		e.k = kReloc
	}
}

func (fs *funcState) dischargeVars(e *expDesc) {
	switch e.k {
	case kLocal:
		e.k = kNonReloc
	case kUpval:
		e.info = fs.codeABC(OpGetUpval, 0, e.info, 0)
		e.k = kReloc
	case kIndexed:
		fs.freeRegister(e.idx)
		op := OpGetTabUp
		if e.vt == kLocal {
			fs.freeRegister(e.t)
			op = OpGetTable
		}
		e.info = fs.codeABC(op, 0, e.t, e.idx)
		e.k = kReloc
	case kVararg, kCall:
		fs.setOneRet(e)
	}
}

func (fs *funcState) discharge2Reg(e *expDesc, reg int) {
	fs.dischargeVars(e)
	switch e.k {
	case kNil:
		fs.nilRegs(reg, 1)
	case kFalse:
		fs.codeABC(OpLoadBool, reg, 0, 0)
	case kTrue:
		fs.codeABC(OpLoadBool, reg, 1, 0)
	case kK:
		fs.codeK(reg, e.info)
	case kFlt:
		fs.codeK(reg, fs.numberK(e.nval))
	case kInt:
		fs.codeK(reg, fs.intK(e.ival))
	case kReloc:
		fs.setA(e.info, reg)
	case kNonReloc:
		if reg != e.info {
			fs.codeABC(OpMove, reg, e.info, 0)
		}
	default:
		return // kJmp or kVoid: nothing to do
	}
	e.info = reg
	e.k = kNonReloc
}

func (fs *funcState) discharge2AnyReg(e *expDesc) {
	if e.k != kNonReloc {
		fs.reserveRegs(1)
		fs.discharge2Reg(e, fs.freeReg-1)
	}
}

func (fs *funcState) codeLoadBool(a, b, jump int) int {
	fs.getLabel()
	return fs.codeABC(OpLoadBool, a, b, jump)
}

func (fs *funcState) exp2Reg(e *expDesc, reg int) {
	fs.discharge2Reg(e, reg)
	if e.k == kJmp {
		fs.concat(&e.tj, e.info)
	}
	if e.hasJumps() {
		pf, pt := noJump, noJump
		if fs.needValue(e.tj) || fs.needValue(e.fj) {
			fj := noJump
			if e.k != kJmp {
				fj = fs.jump()
			}
			pf = fs.codeLoadBool(reg, 0, 1)
			pt = fs.codeLoadBool(reg, 1, 0)
			fs.patchToHere(fj)
		}
		final := fs.getLabel()
		fs.patchListAux(e.fj, final, reg, pf)
		fs.patchListAux(e.tj, final, reg, pt)
	}
	e.fj, e.tj = noJump, noJump
	e.info = reg
	e.k = kNonReloc
}

func (fs *funcState) exp2NextReg(e *expDesc) {
	fs.dischargeVars(e)
	fs.freeExp(e)
	fs.reserveRegs(1)
	fs.exp2Reg(e, fs.freeReg-1)
}

func (fs *funcState) exp2AnyReg(e *expDesc) int {
	fs.dischargeVars(e)
	if e.k == kNonReloc {
		if !e.hasJumps() {
			return e.info
		}
		if e.info >= fs.nactvar {
			fs.exp2Reg(e, e.info)
			return e.info
		}
	}
	fs.exp2NextReg(e)
	return e.info
}

func (fs *funcState) exp2AnyRegUp(e *expDesc) {
	if e.k != kUpval || e.hasJumps() {
		fs.exp2AnyReg(e)
	}
}

func (fs *funcState) exp2Val(e *expDesc) {
	if e.hasJumps() {
		fs.exp2AnyReg(e)
	} else {
		fs.dischargeVars(e)
	}
}

func (fs *funcState) exp2RK(e *expDesc) int {
	fs.exp2Val(e)
	switch e.k {
	case kTrue:
		e.info = fs.boolK(true)
	case kFalse:
		e.info = fs.boolK(false)
	case kNil:
		e.info = fs.nilK()
	case kInt:
		e.info = fs.intK(e.ival)
	case kFlt:
		e.info = fs.numberK(e.nval)
	case kK:
	default:
		return fs.exp2AnyReg(e)
	}
	e.k = kK
	if e.info <= MaxIndexRK {
		return RKAsK(e.info)
	}
	return fs.exp2AnyReg(e)
}

func (fs *funcState) storeVar(v, ex *expDesc) {
	switch v.k {
	case kLocal:
		fs.freeExp(ex)
		fs.exp2Reg(ex, v.info)
		return
	case kUpval:
		e := fs.exp2AnyReg(ex)
		fs.codeABC(OpSetUpval, e, v.info, 0)
	case kIndexed:
		op := OpSetTabUp
		if v.vt == kLocal {
			op = OpSetTable
		}
		e := fs.exp2RK(ex)
		fs.codeABC(op, v.t, v.idx, e)
	}
	fs.freeExp(ex)
}

func (fs *funcState) self(e, key *expDesc) {
	fs.exp2AnyReg(e)
	ereg := e.info
	fs.freeExp(e)
	e.info = fs.freeReg
	e.k = kNonReloc
	fs.reserveRegs(2)
	fs.codeABC(OpSelf, e.info, ereg, fs.exp2RK(key))
	fs.freeExp(key)
}

func (fs *funcState) negateCondition(e *expDesc) {
	pc := fs.jumpControl(e.info)
	i := fs.f.Code[pc]
	a := 0
	if i.A() == 0 {
		a = 1
	}
	fs.setA(pc, a)
}

func (fs *funcState) jumpOnCond(e *expDesc, cond int) int {
	if e.k == kReloc {
		ie := fs.f.Code[e.info]
		if ie.Op() == OpNot {
			// remove the NOT and test its operand with the inverse condition
			fs.f.Code = fs.f.Code[:len(fs.f.Code)-1]
			fs.f.LineInfo = fs.f.LineInfo[:len(fs.f.LineInfo)-1]
			return fs.condJump(OpTest, ie.B(), 0, 1-cond)
		}
	}
	fs.discharge2AnyReg(e)
	fs.freeExp(e)
	return fs.condJump(OpTestSet, noReg, e.info, cond)
}

func (fs *funcState) goIfTrue(e *expDesc) {
	var pc int
	fs.dischargeVars(e)
	switch e.k {
	case kJmp:
		fs.negateCondition(e)
		pc = e.info
	case kK, kFlt, kInt, kTrue:
		pc = noJump
	default:
		pc = fs.jumpOnCond(e, 0)
	}
	fs.concat(&e.fj, pc)
	fs.patchToHere(e.tj)
	e.tj = noJump
}

func (fs *funcState) goIfFalse(e *expDesc) {
	var pc int
	fs.dischargeVars(e)
	switch e.k {
	case kJmp:
		pc = e.info
	case kNil, kFalse:
		pc = noJump
	default:
		pc = fs.jumpOnCond(e, 1)
	}
	fs.concat(&e.tj, pc)
	fs.patchToHere(e.fj)
	e.fj = noJump
}

func (fs *funcState) codeNot(e *expDesc) {
	fs.dischargeVars(e)
	switch e.k {
	case kNil, kFalse:
		e.k = kTrue
	case kK, kFlt, kInt, kTrue:
		e.k = kFalse
	case kJmp:
		fs.negateCondition(e)
	case kReloc, kNonReloc:
		fs.discharge2AnyReg(e)
		fs.freeExp(e)
		e.info = fs.codeABC(OpNot, 0, e.info, 0)
		e.k = kReloc
	}
	e.fj, e.tj = e.tj, e.fj
	fs.removeValues(e.fj)
	fs.removeValues(e.tj)
}

func (fs *funcState) indexed(t, k *expDesc) {
	t.t = t.info
	t.idx = fs.exp2RK(k)
	if t.k == kUpval {
		t.vt = kUpval
	} else {
		t.vt = kLocal
	}
	t.k = kIndexed
}

// ---------------------------------------------------------------------------
// Operators

func (fs *funcState) codeUnExpVal(op OpCode, e *expDesc, line int) {
	r := fs.exp2AnyReg(e)
	fs.freeExp(e)
	e.info = fs.codeABC(op, 0, r, 0)
	e.k = kReloc
	fs.fixLine(line)
}

func (fs *funcState) codeBinExpVal(op OpCode, e1, e2 *expDesc, line int) {
	rk2 := fs.exp2RK(e2)
	rk1 := fs.exp2RK(e1)
	fs.freeExps(e1, e2)
	e1.info = fs.codeABC(op, 0, rk1, rk2)
	e1.k = kReloc
	fs.fixLine(line)
}

func (fs *funcState) codeComp(op ast.BinaryOp, e1, e2 *expDesc) {
	var rk1 int
	if e1.k == kK {
		rk1 = RKAsK(e1.info)
	} else {
		rk1 = e1.info
	}
	rk2 := fs.exp2RK(e2)
	fs.freeExps(e1, e2)
	switch op {
	case ast.OpNe:
		e1.info = fs.condJump(OpEq, 0, rk1, rk2)
	case ast.OpGt:
		e1.info = fs.condJump(OpLt, 1, rk2, rk1)
	case ast.OpGe:
		e1.info = fs.condJump(OpLe, 1, rk2, rk1)
	case ast.OpEq:
		e1.info = fs.condJump(OpEq, 1, rk1, rk2)
	case ast.OpLt:
		e1.info = fs.condJump(OpLt, 1, rk1, rk2)
	case ast.OpLe:
		e1.info = fs.condJump(OpLe, 1, rk1, rk2)
	}
	e1.k = kJmp
}

func (e *expDesc) isNumeral() bool {
	return (e.k == kInt || e.k == kFlt) && !e.hasJumps()
}

func (fs *funcState) prefix(op ast.UnaryOp, e *expDesc, line int) {
	switch op {
	case ast.OpNeg, ast.OpBNot:
		if e.isNumeral() {
			if foldUnary(op, e) {
				return
			}
		}
		if op == ast.OpNeg {
			fs.codeUnExpVal(OpUnm, e, line)
		} else {
			fs.codeUnExpVal(OpBNot, e, line)
		}
	case ast.OpLen:
		fs.codeUnExpVal(OpLen, e, line)
	case ast.OpNot:
		fs.codeNot(e)
	}
}

func (fs *funcState) infix(op ast.BinaryOp, v *expDesc) {
	switch op {
	case ast.OpAnd:
		fs.goIfTrue(v)
	case ast.OpOr:
		fs.goIfFalse(v)
	case ast.OpConcat:
		fs.exp2NextReg(v)
	case ast.OpAdd, ast.OpSub, ast.OpMul, ast.OpDiv, ast.OpIDiv, ast.OpMod, ast.OpPow,
		ast.OpBAnd, ast.OpBOr, ast.OpBXor, ast.OpShl, ast.OpShr:
		if !v.isNumeral() {
			fs.exp2RK(v)
		}
	default:
		fs.exp2RK(v)
	}
}

func (fs *funcState) posfix(op ast.BinaryOp, e1, e2 *expDesc, line int) {
	switch op {
	case ast.OpAnd:
		fs.dischargeVars(e2)
		fs.concat(&e2.fj, e1.fj)
		*e1 = *e2
	case ast.OpOr:
		fs.dischargeVars(e2)
		fs.concat(&e2.tj, e1.tj)
		*e1 = *e2
	case ast.OpConcat:
		fs.exp2Val(e2)
		if e2.k == kReloc && fs.f.Code[e2.info].Op() == OpConcat {
			fs.freeExp(e1)
			fs.setB(e2.info, e1.info)
			e1.k = kReloc
			e1.info = e2.info
		} else {
			fs.exp2NextReg(e2)
			fs.codeBinExpVal(OpConcat, e1, e2, line)
		}
	case ast.OpAdd, ast.OpSub, ast.OpMul, ast.OpDiv, ast.OpIDiv, ast.OpMod, ast.OpPow,
		ast.OpBAnd, ast.OpBOr, ast.OpBXor, ast.OpShl, ast.OpShr:
		if e1.isNumeral() && e2.isNumeral() && foldBinary(op, e1, e2) {
			return
		}
		fs.codeBinExpVal(OpAdd+OpCode(op-ast.OpAdd), e1, e2, line)
	default:
		fs.codeComp(op, e1, e2)
	}
}

func (fs *funcState) setList(base, nelems, tostore int) {
	c := (nelems-1)/FieldsPerFlush + 1
	b := tostore
	if tostore == multRet {
		b = 0
	}
	if c <= MaxArgC {
		fs.codeABC(OpSetList, base, b, c)
	} else if c <= MaxArgAx {
		fs.codeABC(OpSetList, base, b, 0)
		fs.code(CreateAx(OpExtraArg, c))
	} else {
		fs.c.syntaxError("constructor too long", fs.c.line)
	}
	fs.freeReg = base + 1
}
