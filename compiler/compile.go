// Package compiler turns a syntax tree (package ast) into function
// prototypes for moonfuel's register virtual machine. The instruction set
// (opcodes.go), its encoding and the code generation strategy follow Lua 5.3
// (lcode.c and lparser.c), so that the bytecode is the one luac 5.3
// produces: the same instructions, registers, constants (in the same
// order), jumps, upvalue descriptors, local variable ranges and, as far as
// the tree records token positions, the same source lines. The tests check
// this against luac5.3 on the official test suite and on generated
// programs.
//
// The pieces:
//
//   - compile.go walks statements and expressions the way lparser.c parses
//     them, driving the code generator;
//   - code.go is the code generator: expression descriptors (expDesc) whose
//     code is emitted lazily, jump lists threaded through the jump
//     instructions themselves, register allocation by a stack pointer
//     (freeReg), RK operands and constants;
//   - fold.go folds constant numeric expressions exactly as Lua 5.3;
//   - funcstate.go holds per-function and per-chunk state: locals, upvalues,
//     blocks, and goto/label resolution with Lua's rules and messages;
//   - disasm.go prints prototypes like `luac -l -l`.
//
// Semantic errors (undefined or ambiguous labels, limits on locals,
// upvalues, registers and jump distances) are returned as *Error with Lua's
// text. Syntax errors, including "too many C levels" and '...' outside a
// vararg function, are the parser's. Compile is safe for concurrent use and
// its prototypes are immutable: share them freely between states.
package compiler

import (
	"fmt"

	"github.com/moonfuel/moonfuel/ast"
	"github.com/moonfuel/moonfuel/lexer"
)

// Compile compiles a parsed chunk into its main function prototype: a
// vararg function with one upvalue, _ENV. Errors are *Error values carrying
// Lua's message text.
func Compile(chunk *ast.Chunk) (p *Proto, err error) {
	c := &compiler{source: chunk.Source, chunkID: lexer.ChunkID(chunk.Source), line: 1,
		kcache: make(map[constKey]int), gotosByName: make(map[string][]int),
		labelsByName: make(map[string][]int)}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			p, err = nil, b.err
		}
	}()
	fs := c.openFunc(nil, 0)
	fs.f.IsVararg = true
	env := newExp(kLocal, 0)
	fs.newUpvalue("_ENV", &env)
	blk := chunk.Block
	if blk == nil {
		blk = &ast.Block{}
	}
	fs.statList(blk, false)
	eof := blk.EndLine
	if eof < c.line {
		eof = c.line
	}
	fs.closeFunc(eof)
	return fs.f, nil
}

// ---------------------------------------------------------------------------
// Statements

// statList compiles the statements of a block (without opening a scope).
// inRepeat tells that the block is closed by 'until'.
func (fs *funcState) statList(b *ast.Block, inRepeat bool) {
	realNext := 0 // for labels: index of the next statement that is not a no-op
	for i, s := range b.Stmts {
		if _, ok := s.(*ast.Label); ok && realNext <= i {
			realNext = i + 1
			for realNext < len(b.Stmts) && isNoOp(b.Stmts[realNext]) {
				realNext++
			}
		}
		if lb, ok := s.(*ast.Label); ok {
			fs.c.touch(s.Line())
			fs.labelStat(b, realNext, lb, inRepeat)
			fs.freeReg = fs.nactvar
			continue
		}
		next := b.EndLine
		if i+1 < len(b.Stmts) {
			next = b.Stmts[i+1].Line()
		} else if b.Return != nil {
			next = b.Return.Line()
		}
		fs.statement(s, next)
	}
	if b.Return != nil {
		fs.c.touch(b.Return.Line())
		fs.retStat(b.Return)
		fs.freeReg = fs.nactvar
	}
}

// block compiles a block in its own scope.
func (fs *funcState) block(b *ast.Block) {
	var bl blockCnt
	fs.enterBlock(&bl, false)
	fs.statList(b, false)
	fs.leaveBlock(0)
}

func (fs *funcState) statement(s ast.Stmt, next int) {
	c := fs.c
	if !isGotoOrBreak(s) {
		// goto and break emit their jump before consuming the keyword
		c.touch(s.Line())
	}
	switch s := s.(type) {
	case *ast.Empty:
	case *ast.If:
		fs.ifStat(s)
	case *ast.While:
		fs.whileStat(s)
	case *ast.Do:
		fs.block(s.Body)
		c.touch(s.Body.EndLine)
	case *ast.NumericFor:
		fs.forNum(s)
	case *ast.GenericFor:
		fs.forList(s)
	case *ast.Repeat:
		fs.repeatStat(s)
	case *ast.FunctionStmt:
		fs.funcStat(s, next)
	case *ast.LocalFunction:
		fs.newLocalVar(s.Name)
		fs.adjustLocalVars(1)
		var v expDesc
		fs.body(s.Func, &v, next)
		fs.locVar(v.info).StartPC = fs.pc()
	case *ast.Local:
		fs.localStat(s, next)
	case *ast.Break:
		fs.gotoStat("break", s.Line(), fs.jump())
		c.touch(s.Line())
	case *ast.Goto:
		fs.gotoStat(s.Label, s.Line(), fs.jump())
		c.touch(s.Line())
	case *ast.ExprStmt:
		var v expDesc
		fs.expr(s.Call, &v)
		if v.k != kCall {
			c.syntaxError("syntax error", s.Line())
		}
		fs.setC(v.info, 1)
	case *ast.Assign:
		fs.assignment(s, next)
	case *ast.Return:
		fs.retStat(s)
	default:
		panic(fmt.Sprintf("compiler: unknown statement %T", s))
	}
	fs.freeReg = fs.nactvar
}

// labelStat compiles a label; realNext is the index in b.Stmts of the first
// statement after it that is not a no-op (';' or another label).
func (fs *funcState) labelStat(b *ast.Block, realNext int, s *ast.Label, inRepeat bool) {
	fs.checkRepeated(s.Name)
	l := fs.newLabel(s.Name, s.Line(), fs.getLabel())
	// a label followed only by no-op statements up to the end of the block
	// is considered outside the scope of the block's locals
	if !inRepeat && b.Return == nil && realNext == len(b.Stmts) {
		fs.c.labels[l].nactvar = fs.bl.nactvar
	}
	// errors are reported at the token after the label and its no-ops
	saved := fs.c.line
	switch {
	case realNext < len(b.Stmts):
		fs.c.line = b.Stmts[realNext].Line()
	case b.Return != nil:
		fs.c.line = b.Return.Line()
	default:
		fs.c.line = b.EndLine
	}
	fs.findGotos(l)
	fs.c.line = saved
}

func isNoOp(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.Empty, *ast.Label:
		return true
	}
	return false
}

func (fs *funcState) retStat(r *ast.Return) {
	var e expDesc
	first, nret := 0, 0
	if len(r.Values) > 0 {
		nret = fs.explist(r.Values, &e)
		if hasMultRet(e.k) {
			fs.setMultRet(&e)
			if e.k == kCall && nret == 1 {
				fs.setOp(e.info, OpTailCall)
			}
			first = fs.nactvar
			nret = multRet
		} else if nret == 1 {
			first = fs.exp2AnyReg(&e)
		} else {
			fs.exp2NextReg(&e)
			first = fs.nactvar
		}
	}
	fs.ret(first, nret)
}

func (fs *funcState) explist(list []ast.Expr, v *expDesc) int {
	fs.expr(list[0], v)
	for _, e := range list[1:] {
		fs.exp2NextReg(v)
		fs.expr(e, v)
	}
	return len(list)
}

func (fs *funcState) adjustAssign(nvars, nexps int, e *expDesc) {
	extra := nvars - nexps
	if hasMultRet(e.k) {
		extra++
		if extra < 0 {
			extra = 0
		}
		fs.setReturns(e, extra)
		if extra > 1 {
			fs.reserveRegs(extra - 1)
		}
	} else {
		if e.k != kVoid {
			fs.exp2NextReg(e)
		}
		if extra > 0 {
			reg := fs.freeReg
			fs.reserveRegs(extra)
			fs.nilRegs(reg, extra)
		}
	}
	if nexps > nvars {
		fs.freeReg -= nexps - nvars
	}
}

func (fs *funcState) localStat(s *ast.Local, next int) {
	for i, n := range s.Names {
		line := fs.c.line
		if i == len(s.Names)-1 && len(s.Values) == 0 && next > line {
			line = next // Lua reports the token after the last name
		}
		fs.newLocalVarAt(n, line)
	}
	var e expDesc
	nexps := 0
	if len(s.Values) > 0 {
		nexps = fs.explistClose(s.Values, &e, next)
	} else {
		e = newExp(kVoid, 0)
	}
	fs.adjustAssign(len(s.Names), nexps, &e)
	fs.adjustLocalVars(len(s.Names))
}

// explistClose is explist for a list that ends its statement: a function
// constructor ending the list reports undefined gotos at line next (the
// token after its 'end').
func (fs *funcState) explistClose(list []ast.Expr, v *expDesc, next int) int {
	last := len(list) - 1
	for i, e := range list {
		if i > 0 {
			fs.exp2NextReg(v)
		}
		if fn, ok := e.(*ast.Function); ok && i == last {
			fs.body(fn, v, next)
		} else {
			fs.expr(e, v)
		}
	}
	return len(list)
}

func (fs *funcState) assignment(s *ast.Assign, next int) {
	n := len(s.Targets)
	lhs := make([]expDesc, n)
	for i, t := range s.Targets {
		fs.expr(t, &lhs[i])
		if !isVar(lhs[i].k) {
			fs.c.syntaxError("syntax error", s.Line())
		}
		if i > 0 {
			if lhs[i].k != kIndexed {
				fs.checkConflict(lhs[:i], &lhs[i])
			}
		}
	}
	var e expDesc
	nexps := fs.explistClose(s.Values, &e, next)
	fs.c.touch(s.EndLine)
	i := n - 1
	if nexps != n {
		fs.adjustAssign(n, nexps, &e)
	} else {
		fs.setOneRet(&e)
		fs.storeVar(&lhs[i], &e)
		i--
	}
	for ; i >= 0; i-- {
		e := newExp(kNonReloc, fs.freeReg-1)
		fs.storeVar(&lhs[i], &e)
	}
}

// checkConflict handles 'a[i], i = ...' style conflicts: when a later target
// is a local or upvalue used as table or key of an earlier indexed target,
// the earlier one uses a copy.
func (fs *funcState) checkConflict(prev []expDesc, v *expDesc) {
	extra := fs.freeReg
	conflict := false
	for i := len(prev) - 1; i >= 0; i-- {
		lh := &prev[i]
		if lh.k == kIndexed {
			if lh.vt == v.k && lh.t == v.info {
				conflict = true
				lh.vt = kLocal
				lh.t = extra
			}
			if v.k == kLocal && lh.idx == v.info {
				conflict = true
				lh.idx = extra
			}
		}
	}
	if conflict {
		op := OpGetUpval
		if v.k == kLocal {
			op = OpMove
		}
		fs.codeABC(op, extra, v.info, 0)
		fs.reserveRegs(1)
	}
}

func (fs *funcState) funcStat(s *ast.FunctionStmt, next int) {
	var v, b expDesc
	fs.expr(s.Target, &v)
	fs.body(s.Func, &b, next)
	fs.storeVar(&v, &b)
	fs.fixLine(s.Line())
}

// cond compiles a loop or if condition and returns its false exit list.
func (fs *funcState) cond(e ast.Expr) int {
	var v expDesc
	fs.expr(e, &v)
	if v.k == kNil {
		v.k = kFalse
	}
	fs.goIfTrue(&v)
	return v.fj
}

func (fs *funcState) ifStat(s *ast.If) {
	escape := noJump
	for i, cnd := range s.Conds {
		if i > 0 {
			fs.c.touch(s.Blocks[i-1].EndLine) // 'elseif'
		}
		thenLine := 0
		if i < len(s.ThenLines) {
			thenLine = s.ThenLines[i]
		}
		fs.testThenBlock(cnd, thenLine, s.Blocks[i], &escape, i+1 < len(s.Conds) || s.Else != nil)
	}
	if s.Else != nil {
		fs.c.touch(s.Blocks[len(s.Blocks)-1].EndLine) // 'else'
		fs.block(s.Else)
	}
	fs.c.touch(endLineOf(s))
	fs.patchToHere(escape)
}

func endLineOf(s *ast.If) int {
	if s.Else != nil {
		return s.Else.EndLine
	}
	return s.Blocks[len(s.Blocks)-1].EndLine
}

func (fs *funcState) testThenBlock(cnd ast.Expr, thenLine int, b *ast.Block, escape *int, more bool) {
	var bl blockCnt
	var v expDesc
	fs.expr(cnd, &v)
	fs.c.touch(thenLine) // the test comes after 'then', as in luac
	var jf int
	stmts := b.Stmts
	if len(stmts) > 0 && isGotoOrBreak(stmts[0]) {
		fs.goIfFalse(&v)
		fs.enterBlock(&bl, false)
		g := stmts[0]
		if gt, ok := g.(*ast.Goto); ok {
			fs.gotoStat(gt.Label, gt.Line(), v.tj)
		} else {
			fs.gotoStat("break", g.Line(), v.tj)
		}
		fs.c.touch(g.Line())
		k := 1
		for k < len(stmts) {
			if _, ok := stmts[k].(*ast.Empty); !ok {
				break
			}
			k++
		}
		if k == len(stmts) && b.Return == nil {
			fs.leaveBlock(0)
			return
		}
		jf = fs.jump()
		rest := &ast.Block{Pos: b.Pos, Stmts: stmts[k:], Return: b.Return, EndLine: b.EndLine}
		fs.statList(rest, false)
	} else {
		fs.goIfTrue(&v)
		fs.enterBlock(&bl, false)
		jf = v.fj
		fs.statList(b, false)
	}
	fs.leaveBlock(0)
	if more {
		fs.concat(escape, fs.jump())
	}
	fs.patchToHere(jf)
}

func isGotoOrBreak(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.Goto, *ast.Break:
		return true
	}
	return false
}

func (fs *funcState) whileStat(s *ast.While) {
	var bl blockCnt
	whileInit := fs.getLabel()
	condExit := fs.cond(s.Cond)
	fs.enterBlock(&bl, true)
	fs.block(s.Body)
	fs.jumpTo(whileInit)
	fs.c.touch(s.Body.EndLine)
	fs.leaveBlock(0)
	fs.patchToHere(condExit)
}

func (fs *funcState) repeatStat(s *ast.Repeat) {
	var bl1, bl2 blockCnt
	repeatInit := fs.getLabel()
	fs.enterBlock(&bl1, true)
	fs.enterBlock(&bl2, false)
	fs.statList(s.Body, true)
	fs.c.touch(s.Body.EndLine)
	condExit := fs.cond(s.Cond)
	if bl2.upval {
		fs.patchClose(condExit, bl2.nactvar)
	}
	fs.leaveBlock(0)
	fs.patchList(condExit, repeatInit)
	fs.leaveBlock(0)
}

func (fs *funcState) exp1(e ast.Expr) {
	var v expDesc
	fs.expr(e, &v)
	fs.exp2NextReg(&v)
}

func (fs *funcState) forNum(s *ast.NumericFor) {
	var bl blockCnt
	fs.enterBlock(&bl, true)
	base := fs.freeReg
	fs.newLocalVar("(for index)")
	fs.newLocalVar("(for limit)")
	fs.newLocalVar("(for step)")
	fs.newLocalVar(s.Var)
	fs.exp1(s.Start)
	fs.exp1(s.Limit)
	if s.Step != nil {
		fs.exp1(s.Step)
	} else {
		fs.codeK(fs.freeReg, fs.intK(1))
		fs.reserveRegs(1)
	}
	fs.c.touch(s.DoLine)
	fs.forBody(base, s.Line(), 1, true, s.Body)
	fs.c.touch(s.Body.EndLine)
	fs.leaveBlock(0)
}

func (fs *funcState) forList(s *ast.GenericFor) {
	var bl blockCnt
	fs.enterBlock(&bl, true)
	base := fs.freeReg
	fs.newLocalVar("(for generator)")
	fs.newLocalVar("(for state)")
	fs.newLocalVar("(for control)")
	for _, n := range s.Names {
		fs.newLocalVar(n)
	}
	line := s.ExprLine
	var e expDesc
	n := fs.explist(s.Exprs, &e)
	fs.adjustAssign(3, n, &e)
	fs.checkStack(3)
	fs.forBody(base, line, len(s.Names), false, s.Body)
	fs.c.touch(s.Body.EndLine)
	fs.leaveBlock(0)
}

func (fs *funcState) forBody(base, line, nvars int, isNum bool, body *ast.Block) {
	var bl blockCnt
	fs.adjustLocalVars(3)
	var prep int
	if isNum {
		prep = fs.codeAsBx(OpForPrep, base, noJump)
	} else {
		prep = fs.jump()
	}
	fs.enterBlock(&bl, false)
	fs.adjustLocalVars(nvars)
	fs.reserveRegs(nvars)
	fs.block(body)
	fs.leaveBlock(0)
	fs.patchToHere(prep)
	var endFor int
	if isNum {
		endFor = fs.codeAsBx(OpForLoop, base, noJump)
	} else {
		fs.codeABC(OpTForCall, base, 0, nvars)
		fs.fixLine(line)
		endFor = fs.codeAsBx(OpTForLoop, base+2, noJump)
	}
	fs.patchList(endFor, prep+1)
	fs.fixLine(line)
}

// ---------------------------------------------------------------------------
// Expressions

// expr compiles an expression into v. Variables are not discharged: v
// stays a local, upvalue or indexed variable (an assignment target) until
// the caller decides where the value goes.
func (fs *funcState) expr(e ast.Expr, v *expDesc) {
	c := fs.c
	switch e := e.(type) {
	case *ast.Nil:
		c.touch(e.Line())
		*v = newExp(kNil, 0)
	case *ast.True:
		c.touch(e.Line())
		*v = newExp(kTrue, 0)
	case *ast.False:
		c.touch(e.Line())
		*v = newExp(kFalse, 0)
	case *ast.Vararg:
		if !fs.f.IsVararg {
			c.syntaxError("cannot use '...' outside a vararg function near '...'", e.Line())
		}
		*v = newExp(kVararg, fs.codeABC(OpVararg, 0, 1, 0))
		c.touch(e.Line())
	case *ast.Integer:
		c.touch(e.Line())
		*v = newExp(kInt, 0)
		v.ival = e.Value
	case *ast.Float:
		c.touch(e.Line())
		*v = newExp(kFlt, 0)
		v.nval = e.Value
	case *ast.String:
		c.touch(e.Line())
		*v = newExp(kK, fs.stringK(e.Value))
	case *ast.Name:
		c.touch(e.Line())
		fs.singleVar(e.Name, v)
	case *ast.Index:
		fs.expr(e.Obj, v)
		fs.exp2AnyRegUp(v)
		var k expDesc
		fs.expr(e.Key, &k)
		fs.exp2Val(&k)
		c.touch(e.Line()) // the key's last token
		fs.indexed(v, &k)
	case *ast.Call:
		fs.expr(e.Fn, v)
		fs.exp2NextReg(v)
		fs.funcArgs(v, e.Args, e.Line(), e.EndLine)
	case *ast.MethodCall:
		fs.expr(e.Obj, v)
		c.touch(e.NameLine)
		key := newExp(kK, fs.stringK(e.Name))
		fs.self(v, &key)
		fs.funcArgs(v, e.Args, e.Line(), e.EndLine)
	case *ast.Function:
		fs.body(e, v, e.EndLine)
	case *ast.Paren:
		c.touch(e.Line())
		fs.expr(e.X, v)
		c.touch(e.EndLine)
		fs.dischargeVars(v)
	case *ast.BinOp:
		fs.expr(e.L, v)
		c.touch(e.Line())
		fs.infix(e.Op, v)
		var v2 expDesc
		fs.expr(e.R, &v2)
		c.touch(e.EndLine)
		fs.posfix(e.Op, v, &v2, e.Line())
	case *ast.UnOp:
		c.touch(e.Line())
		fs.expr(e.X, v)
		fs.prefix(e.Op, v, e.Line())
	case *ast.Table:
		fs.constructor(e, v)
	default:
		panic(fmt.Sprintf("compiler: unknown expression %T", e))
	}
}

// funcArgs compiles a call's arguments and the call; line is the call's
// line and endLine the line of the arguments' last token.
func (fs *funcState) funcArgs(f *expDesc, args []ast.Expr, line, endLine int) {
	var a expDesc
	if len(args) == 0 {
		a = newExp(kVoid, 0)
	} else {
		fs.explist(args, &a)
		fs.setMultRet(&a)
	}
	fs.c.touch(endLine)
	base := f.info
	var nparams int
	if hasMultRet(a.k) {
		nparams = multRet
	} else {
		if a.k != kVoid {
			fs.exp2NextReg(&a)
		}
		nparams = fs.freeReg - (base + 1)
	}
	*f = newExp(kCall, fs.codeABC(OpCall, base, nparams+1, 2))
	fs.fixLine(line)
	fs.freeReg = base + 1
}

func (fs *funcState) constructor(t *ast.Table, v *expDesc) {
	c := fs.c
	pc := fs.codeABC(OpNewTable, 0, 0, 0)
	c.touch(t.Line())
	*v = newExp(kReloc, pc)
	fs.exp2NextReg(v)
	na, nh, tostore := 0, 0, 0
	item := newExp(kVoid, 0)
	for _, fld := range t.Fields {
		// close the previous list item
		if item.k != kVoid {
			fs.exp2NextReg(&item)
			item.k = kVoid
			if tostore == FieldsPerFlush {
				fs.setList(v.info, na, tostore)
				tostore = 0
			}
		}
		if fld.Key == nil {
			fs.expr(fld.Value, &item)
			na++
			tostore++
			continue
		}
		reg := fs.freeReg
		var key, val expDesc
		fs.expr(fld.Key, &key)
		fs.exp2Val(&key)
		nh++
		rk := fs.exp2RK(&key)
		fs.expr(fld.Value, &val)
		fs.codeABC(OpSetTable, v.info, rk, fs.exp2RK(&val))
		fs.freeReg = reg
	}
	c.touch(t.EndLine)
	if tostore > 0 {
		if hasMultRet(item.k) {
			fs.setMultRet(&item)
			fs.setList(v.info, na, multRet)
			na--
		} else {
			if item.k != kVoid {
				fs.exp2NextReg(&item)
			}
			fs.setList(v.info, na, tostore)
		}
	}
	fs.setB(pc, IntToFb(na))
	fs.setC(pc, IntToFb(nh))
}

// body compiles a function constructor into a closure in the next
// register. gotoLine is the line reported for its undefined gotos.
func (fs *funcState) body(fn *ast.Function, v *expDesc, gotoLine int) {
	c := fs.c
	c.touch(fn.Line())
	child := c.openFunc(fs, fn.Line())
	fs.f.Protos = append(fs.f.Protos, child.f)
	if fn.IsMethod {
		child.newLocalVar("self")
		child.adjustLocalVars(1)
	}
	for _, p := range fn.Params {
		child.newLocalVar(p)
	}
	child.f.IsVararg = fn.IsVararg
	child.adjustLocalVars(len(fn.Params))
	child.f.NumParams = child.nactvar
	child.reserveRegs(child.nactvar)
	if fn.Body != nil {
		child.statList(fn.Body, false)
	}
	child.f.LastLineDefined = fn.EndLine
	c.touch(fn.EndLine)
	*v = newExp(kReloc, fs.codeABx(OpClosure, 0, len(fs.f.Protos)-1))
	fs.exp2NextReg(v)
	if gotoLine < fn.EndLine {
		gotoLine = fn.EndLine
	}
	child.closeFunc(gotoLine)
}
