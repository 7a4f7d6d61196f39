package compiler

import "fmt"

// Verify checks the structural invariants the VM relies on when it runs a
// prototype and, recursively, its nested prototypes, so that bytecode from
// an untrusted source (a binary chunk) cannot make the VM index out of
// range:
//
//   - the code is not empty and ends with RETURN; limits on the frame size,
//     parameters and upvalues hold; line information is absent (stripped)
//     or covers every instruction;
//   - every register operand (read or written, including the ranges of
//     LOADNIL, CALL, RETURN, VARARG, SETLIST, TFORCALL and the for loops)
//     lies below MaxStackSize, every constant, upvalue and nested
//     prototype index is in range, and closures capture only registers of
//     the frame and upvalues of the enclosing function;
//   - jumps land inside the code; an instruction that skips the next one
//     (comparisons and tests, LOADBOOL with C) is followed by an instruction
//     it can skip to; LOADKX and SETLIST with C = 0 are followed by
//     EXTRAARG; TFORCALL is followed by TFORLOOP;
//   - an operand that runs "up to top" (CALL and TAILCALL with B = 0,
//     RETURN with B = 0, SETLIST with B = 0) directly follows the
//     instruction that sets top (CALL with C = 0, VARARG with B = 0, or
//     TAILCALL before RETURN), is not a jump target, and starts at or below
//     the values it consumes;
//   - SETLIST stores into a register that holds the table made by a
//     NEWTABLE on every path to it;
//   - locals' debug ranges lie inside the code, and no more locals are
//     active at once than the frame has registers.
//
// Everything the compiler produces passes; so does everything luac 5.3
// produces.
func Verify(p *Proto) error {
	return verifyProto(p, nil)
}

func verifyProto(p *Proto, parent *Proto) error {
	if err := verifyCode(p, parent); err != nil {
		if p.LineDefined > 0 {
			return fmt.Errorf("function at line %d: %w", p.LineDefined, err)
		}
		return err
	}
	for _, c := range p.Protos {
		if c == nil {
			return fmt.Errorf("missing nested function")
		}
		if err := verifyProto(c, p); err != nil {
			return err
		}
	}
	return nil
}

func verifyCode(p *Proto, parent *Proto) error {
	n := len(p.Code)
	ms := p.MaxStackSize
	switch {
	case n == 0 || p.Code[n-1].Op() != OpReturn:
		return fmt.Errorf("function does not end with RETURN")
	case ms < 0 || ms > MaxRegisters:
		return fmt.Errorf("bad frame size %d", ms)
	case p.NumParams < 0 || p.NumParams > ms:
		return fmt.Errorf("%d parameters in a frame of %d", p.NumParams, ms)
	case len(p.Upvalues) > MaxUpvalues:
		return fmt.Errorf("%d upvalues", len(p.Upvalues))
	case len(p.LineInfo) != 0 && len(p.LineInfo) != n:
		return fmt.Errorf("line info has %d entries for %d instructions", len(p.LineInfo), n)
	}
	if err := verifyLocals(p); err != nil {
		return err
	}
	if parent != nil {
		for i, u := range p.Upvalues {
			if u.InStack && (u.Index < 0 || u.Index >= parent.MaxStackSize) ||
				!u.InStack && (u.Index < 0 || u.Index >= len(parent.Upvalues)) {
				return fmt.Errorf("upvalue %d captures %d, out of range", i, u.Index)
			}
		}
	}

	// jump targets, for the "up to top" rule
	target := make([]bool, n)
	for pc, i := range p.Code {
		switch i.Op() {
		case OpJmp, OpForLoop, OpForPrep, OpTForLoop:
			t := pc + 1 + i.SBx()
			if t < 0 || t >= n {
				return fmt.Errorf("pc %d: jump to %d out of range", pc, t)
			}
			target[t] = true
		}
	}

	var err error
	pcErr := func(pc int, format string, args ...any) {
		if err == nil {
			err = fmt.Errorf("pc %d (%s): %s", pc, p.Code[pc].Op(), fmt.Sprintf(format, args...))
		}
	}
	for pc, i := range p.Code {
		op := i.Op()
		if int(op) >= NumOpcodes {
			return fmt.Errorf("pc %d: bad opcode %d", pc, op)
		}
		a, b, c := i.A(), i.B(), i.C()
		regs := func(lo, hi int) { // registers lo..hi inclusive
			if lo < 0 || hi >= ms {
				pcErr(pc, "register %d beyond frame size %d", hi, ms)
			}
		}
		reg := func(r int) { regs(r, r) }
		rk := func(x int) {
			if IsK(x) {
				if IndexK(x) >= len(p.Constants) {
					pcErr(pc, "constant %d out of range", IndexK(x))
				}
			} else {
				reg(x)
			}
		}
		next := func(want OpCode) bool { return pc+1 < n && p.Code[pc+1].Op() == want }
		// upTo checks an operand that runs up to top.
		upTo := func(first int) {
			if pc == 0 || target[pc] {
				pcErr(pc, "no values up to top")
				return
			}
			prev := p.Code[pc-1]
			switch {
			case prev.Op() == OpCall && prev.C() == 0, prev.Op() == OpVararg && prev.B() == 0,
				prev.Op() == OpTailCall && op == OpReturn:
				if first > prev.A() {
					pcErr(pc, "values up to top start below register %d", first)
				}
			default:
				pcErr(pc, "no values up to top")
			}
		}
		if OpInfos[op].Test && !next(OpJmp) {
			pcErr(pc, "not followed by JMP")
		}
		switch op {
		case OpMove, OpUnm, OpBNot, OpNot, OpLen:
			reg(a)
			reg(b)
		case OpLoadK:
			reg(a)
			if i.Bx() >= len(p.Constants) {
				pcErr(pc, "constant %d out of range", i.Bx())
			}
		case OpLoadKX:
			reg(a)
			if !next(OpExtraArg) {
				pcErr(pc, "not followed by EXTRAARG")
			} else if ax := p.Code[pc+1].Ax(); ax >= len(p.Constants) {
				pcErr(pc, "constant %d out of range", ax)
			}
		case OpLoadBool:
			reg(a)
			if c != 0 && pc+2 >= n {
				pcErr(pc, "skips past the end")
			}
		case OpLoadNil:
			regs(a, a+b)
		case OpGetUpval, OpSetUpval:
			reg(a)
			if b >= len(p.Upvalues) {
				pcErr(pc, "upvalue %d out of range", b)
			}
		case OpGetTabUp:
			reg(a)
			if b >= len(p.Upvalues) {
				pcErr(pc, "upvalue %d out of range", b)
			}
			rk(c)
		case OpSetTabUp:
			if a >= len(p.Upvalues) {
				pcErr(pc, "upvalue %d out of range", a)
			}
			rk(b)
			rk(c)
		case OpGetTable:
			reg(a)
			reg(b)
			rk(c)
		case OpSelf:
			regs(a, a+1)
			reg(b)
			rk(c)
		case OpSetTable:
			reg(a)
			rk(b)
			rk(c)
		case OpAdd, OpSub, OpMul, OpMod, OpPow, OpDiv, OpIDiv, OpBAnd, OpBOr, OpBXor, OpShl, OpShr:
			reg(a)
			rk(b)
			rk(c)
		case OpEq, OpLt, OpLe:
			rk(b)
			rk(c)
		case OpNewTable:
			reg(a)
		case OpConcat:
			reg(a)
			if b >= c {
				pcErr(pc, "empty range %d..%d", b, c)
			}
			regs(b, c)
		case OpJmp:
			// A-1 is only a level for closing upvalues
		case OpTest:
			reg(a)
		case OpTestSet:
			reg(a)
			reg(b)
		case OpCall, OpTailCall:
			reg(a)
			if b == 0 {
				upTo(a + 1)
			} else {
				regs(a, a+b-1)
			}
			if op == OpCall && c > 1 {
				regs(a, a+c-2)
			}
		case OpReturn:
			switch {
			case b == 0:
				upTo(a)
			case b > 1:
				regs(a, a+b-2)
			case a > ms: // no values: A may be the first free register
				pcErr(pc, "register %d beyond frame size %d", a, ms)
			}
		case OpForLoop, OpForPrep:
			regs(a, a+3)
		case OpTForCall:
			if c == 0 {
				pcErr(pc, "no results")
			}
			regs(a, a+max(5, 2+c))
			if !next(OpTForLoop) {
				pcErr(pc, "not followed by TFORLOOP")
			}
		case OpTForLoop:
			regs(a, a+1)
		case OpSetList:
			if b == 0 {
				upTo(a + 1)
				reg(a)
			} else {
				regs(a, a+b)
			}
			if c == 0 && !next(OpExtraArg) {
				pcErr(pc, "not followed by EXTRAARG")
			}
		case OpClosure:
			reg(a)
			if i.Bx() >= len(p.Protos) {
				pcErr(pc, "function %d out of range", i.Bx())
			}
		case OpVararg:
			switch {
			case b == 0:
				reg(a)
			case b > 1:
				regs(a, a+b-2)
			case a > ms:
				pcErr(pc, "register %d beyond frame size %d", a, ms)
			}
		case OpExtraArg:
			// read by the instruction before it; a no-op when reached
		}
		if err != nil {
			return err
		}
	}
	return verifySetList(p)
}

// verifyLocals checks the debug information on locals: ranges inside the
// code, and never more locals active at once than the frame has registers
// (the debug library finds local n of a frame in register n-1).
func verifyLocals(p *Proto) error {
	if len(p.LocVars) == 0 {
		return nil
	}
	delta := make([]int, len(p.Code)+1)
	for _, lv := range p.LocVars {
		if lv.StartPC < 0 || lv.StartPC > lv.EndPC || lv.EndPC > len(p.Code) {
			return fmt.Errorf("local %q active over [%d, %d) of %d instructions", lv.Name, lv.StartPC, lv.EndPC, len(p.Code))
		}
		delta[lv.StartPC]++
		delta[lv.EndPC]--
	}
	active := 0
	for pc, d := range delta {
		if active += d; active > p.MaxStackSize {
			return fmt.Errorf("pc %d: %d active locals in a frame of %d", pc, active, p.MaxStackSize)
		}
	}
	return nil
}

// regSet is a set of registers (MaxRegisters < 256).
type regSet [4]uint64

func (s *regSet) add(r int)      { s[r>>6] |= 1 << (r & 63) }
func (s *regSet) has(r int) bool { return s[r>>6]&(1<<(r&63)) != 0 }

// remove drops registers lo..hi (inclusive, clamped to 0..255).
func (s *regSet) remove(lo, hi int) {
	lo, hi = max(lo, 0), min(hi, 255)
	for w := lo >> 6; w <= hi>>6 && lo <= hi; w++ {
		mask := ^uint64(0)
		if w == lo>>6 {
			mask &= ^uint64(0) << (lo & 63)
		}
		if w == hi>>6 {
			mask &= ^uint64(0) >> (63 - hi&63)
		}
		s[w] &^= mask
	}
}

// verifySetList checks, by a forward must-analysis over the control flow
// graph, that the register SETLIST stores into holds a table made by
// NEWTABLE on every path reaching it (the VM does not check the type).
// Operands have already been checked to be in range.
func verifySetList(p *Proto) error {
	n := len(p.Code)
	has := false
	for _, i := range p.Code {
		if i.Op() == OpSetList {
			has = true
			break
		}
	}
	if !has {
		return nil
	}
	in := make([]regSet, n)
	seen := make([]bool, n)
	work := []int{0}
	seen[0] = true
	flow := func(to int, s regSet) {
		if !seen[to] {
			seen[to] = true
			in[to] = s
			work = append(work, to)
			return
		}
		changed := false
		for w := range s {
			if v := in[to][w] & s[w]; v != in[to][w] {
				in[to][w] = v
				changed = true
			}
		}
		if changed {
			work = append(work, to)
		}
	}
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		i := p.Code[pc]
		op := i.Op()
		a, b, c := i.A(), i.B(), i.C()
		s := in[pc]
		if op == OpSetList && !s.has(a) {
			return fmt.Errorf("pc %d (SETLIST): register %d may not hold a new table", pc, a)
		}
		switch op {
		case OpNewTable:
			s.add(a)
		case OpSelf:
			s.remove(a, a+1)
		case OpLoadNil:
			s.remove(a, a+b)
		case OpConcat:
			s.remove(a, a)
			s.remove(b, c)
		case OpForLoop, OpForPrep:
			s.remove(a, a+3)
		case OpCall, OpTailCall:
			s.remove(a, 255)
		case OpTForCall:
			s.remove(a+3, 255)
		case OpVararg:
			if b == 0 {
				s.remove(a, 255)
			} else {
				s.remove(a, a+b-2)
			}
		default:
			if OpInfos[op].SetsA {
				s.remove(a, a)
			}
		}
		switch {
		case op == OpReturn:
		case op == OpJmp || op == OpForPrep:
			flow(pc+1+i.SBx(), s)
		case op == OpForLoop || op == OpTForLoop:
			flow(pc+1+i.SBx(), s)
			flow(pc+1, s)
		case OpInfos[op].Test || op == OpLoadBool && c != 0:
			if !OpInfos[op].Test {
				flow(pc+2, s)
				break
			}
			flow(pc+1, s)
			flow(pc+2, s)
		default:
			flow(pc+1, s)
		}
	}
	return nil
}
