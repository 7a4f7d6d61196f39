// Package parser owns the syntax analysis of Lua 5.3: a recursive descent
// parser, modelled on the reference lparser.c, that turns source text into
// an *ast.Chunk and reports syntax errors with the reference interpreter's
// messages, word for word.
//
// Checks that the reference parser makes while generating code (goto and
// label resolution, "break" outside a loop, the register limit) belong to
// the compiler; the parser builds the tree. It does check what is purely
// syntactic, including '...' outside a vararg function and the nesting
// limit ("too many C levels"), so that no input can exhaust the Go stack,
// and it resolves names to locals, upvalues and globals as it reads them,
// so that the limits on locals (200) and upvalues (255) are raised at the
// token where lua5.3 raises them ("... near 'end'"). The compiler resolves
// names again and keeps its own checks of both limits as a backstop.
package parser

import (
	"strconv"

	"github.com/moonfuel/moonfuel/ast"
	"github.com/moonfuel/moonfuel/lexer"
)

// SyntaxError is the error returned by Parse for lexical and syntax errors
// alike. Its Error method gives the message exactly as Lua 5.3 does, e.g.
// `input:1: unexpected symbol near '+'`.
type SyntaxError = lexer.Error

// MaxCLevels is Lua's LUAI_MAXCCALLS, the limit on the nesting of
// statements and expressions.
const MaxCLevels = 200

// BaseCLevel is the nesting count at which parsing starts: the C calls
// already active when the reference interpreter's load runs from a main
// chunk, which makes the limits match lua5.3's (190 nested levels parse,
// 201 fail as in the official test suite).
const BaseCLevel = 2

// Parse parses src, a chunk named chunkname ("@file", "=name" or the
// source itself, as given to load; see lexer.ChunkID), and returns its
// tree. Errors are of type *SyntaxError. The source is taken as it is: for
// files, apply lexer.SkipFileHeader first.
func Parse(src, chunkname string) (chunk *ast.Chunk, err error) {
	p := &parser{lx: lexer.New(src, chunkname), level: BaseCLevel}
	p.t = &p.lx.Cur
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			if !ok {
				panic(r)
			}
			chunk, err = nil, se
		}
	}()
	p.fs = &funcState{isVararg: true, upvals: []string{"_ENV"}}
	p.next()
	block := p.block()
	p.check(lexer.EOF)
	return &ast.Chunk{Source: chunkname, Block: block}, nil
}

// funcState is what the parser knows of the function being parsed.
type funcState struct {
	prev        *funcState
	isVararg    bool
	lineDefined int
	// nvars counts the locals declared and still in scope in this function,
	// so the 200-locals limit is raised while parsing, where lua5.3 raises
	// it (with the 'near' token), not after the whole chunk is read.
	nvars int
	// active holds the names of the locals in scope, innermost last, and
	// upvals the names of the function's upvalues so far: names are
	// resolved while parsing, as the reference does, so that the
	// 255-upvalues limit is raised at the token where lua5.3 raises it.
	active []string
	upvals []string
}

// scope is what a block restores when it closes.
type scope struct{ nvars, nactive int }

func (fs *funcState) openScope() scope { return scope{fs.nvars, len(fs.active)} }

func (fs *funcState) closeScope(s scope) {
	fs.nvars = s.nvars
	fs.active = fs.active[:s.nactive]
}

// activate brings declared locals into scope (the reference's
// adjustlocalvars): from here on their names resolve to them.
func (fs *funcState) activate(names ...string) { fs.active = append(fs.active, names...) }

// MaxUpvalues is Lua's limit on the upvalues of one function.
const MaxUpvalues = 255

// Kinds of variable a name resolves to.
const (
	varGlobal = iota
	varLocal
	varUpval
)

// singleVar resolves a variable name used in the current function, creating
// the upvalues it needs on the way (a global needs _ENV).
func (p *parser) singleVar(name string) {
	if p.resolve(p.fs, name) == varGlobal {
		p.resolve(p.fs, "_ENV")
	}
}

// resolve finds name in fs: one of its locals, one of its upvalues, or a
// variable of an enclosing function, which becomes a new upvalue of fs (and
// of every function in between).
func (p *parser) resolve(fs *funcState, name string) int {
	if fs == nil {
		return varGlobal
	}
	for i := len(fs.active) - 1; i >= 0; i-- {
		if fs.active[i] == name {
			return varLocal
		}
	}
	for _, u := range fs.upvals {
		if u == name {
			return varUpval
		}
	}
	if p.resolve(fs.prev, name) == varGlobal {
		return varGlobal
	}
	fs.upvals = append(fs.upvals, name)
	p.checkLimitIn(fs, len(fs.upvals), MaxUpvalues, "upvalues")
	return varUpval
}

// MaxLocals is Lua's limit on the locals in scope in one function.
const MaxLocals = 200

// declareLocals records n new locals in the current function.
func (p *parser) declareLocals(n int) {
	p.fs.nvars += n
	p.checkLimit(p.fs.nvars, MaxLocals, "local variables")
}

type parser struct {
	lx    *lexer.Lexer
	t     *lexer.Item // the current token (&lx.Cur)
	level int         // Lua's nCcalls
	fs    *funcState
	// lastLine is the line of the last token consumed (Lua's lastline).
	lastLine int
}

// next advances to the next token.
func (p *parser) next() {
	p.lastLine = p.lx.Line()
	if err := p.lx.Next(); err != nil {
		panic(err)
	}
}

// line returns Lua's current line: where the current token ends.
func (p *parser) line() int { return p.lx.Line() }

// error raises a syntax error near the current token.
func (p *parser) error(msg string) {
	panic(p.lx.SyntaxError(msg, p.lx.Near(p.t)))
}

func (p *parser) errorExpected(tok lexer.Token) {
	p.error(tok.Quoted() + " expected")
}

func (p *parser) check(tok lexer.Token) {
	if p.t.Tok != tok {
		p.errorExpected(tok)
	}
}

func (p *parser) checkNext(tok lexer.Token) {
	p.check(tok)
	p.next()
}

func (p *parser) testNext(tok lexer.Token) bool {
	if p.t.Tok == tok {
		p.next()
		return true
	}
	return false
}

// checkMatch checks for the token closing 'who' opened at line where.
func (p *parser) checkMatch(what, who lexer.Token, where int) {
	if p.t.Tok != what {
		if where == p.line() {
			p.errorExpected(what)
		}
		p.error(what.Quoted() + " expected (to close " + who.Quoted() + " at line " + strconv.Itoa(where) + ")")
	}
	p.next()
}

func (p *parser) checkName() string {
	p.check(lexer.Name)
	s := p.t.Str
	p.next()
	return s
}

// enterLevel counts one level of nesting, failing as Lua does past the
// limit.
func (p *parser) enterLevel() {
	p.level++
	p.checkLimit(p.level, MaxCLevels, "C levels")
}

func (p *parser) leaveLevel() { p.level-- }

func (p *parser) checkLimit(v, limit int, what string) { p.checkLimitIn(p.fs, v, limit, what) }

// checkLimitIn raises Lua's "too many ..." error for function fs.
func (p *parser) checkLimitIn(fs *funcState, v, limit int, what string) {
	if v > limit {
		where := "main function"
		if fs.lineDefined != 0 {
			where = "function at line " + strconv.Itoa(fs.lineDefined)
		}
		p.error("too many " + what + " (limit is " + strconv.Itoa(limit) + ") in " + where)
	}
}

// blockFollow reports whether the current token ends a block.
func (p *parser) blockFollow(withUntil bool) bool {
	switch p.t.Tok {
	case lexer.Else, lexer.Elseif, lexer.End, lexer.EOF:
		return true
	case lexer.Until:
		return withUntil
	}
	return false
}

// block parses a statement list up to a block-closing token.
func (p *parser) block() *ast.Block {
	sc := p.fs.openScope()
	defer p.fs.closeScope(sc)
	return p.blockBody()
}

// blockBody parses a statement list in the caller's scope (repeat-until's
// condition sees the locals of its body).
func (p *parser) blockBody() *ast.Block {
	b := &ast.Block{Pos: ast.Pos{L: p.line()}}
	for !p.blockFollow(true) {
		if p.t.Tok == lexer.Return {
			b.Return = p.retStat()
			break
		}
		if s := p.statement(); s != nil {
			b.Stmts = append(b.Stmts, s)
		}
	}
	b.EndLine = p.line()
	return b
}

func (p *parser) retStat() *ast.Return {
	p.enterLevel()
	r := &ast.Return{Pos: ast.Pos{L: p.line()}}
	p.next()
	if !p.blockFollow(true) && p.t.Tok != lexer.Semi {
		r.Values = p.exprList()
	}
	p.testNext(lexer.Semi)
	p.leaveLevel()
	return r
}

func (p *parser) statement() ast.Stmt {
	p.enterLevel()
	s := p.statementBody()
	p.leaveLevel()
	return s
}

func (p *parser) statementBody() ast.Stmt {
	line := p.line()
	pos := ast.Pos{L: line}
	switch p.t.Tok {
	case lexer.Semi:
		p.next()
		return &ast.Empty{Pos: pos}
	case lexer.If:
		return p.ifStat(line)
	case lexer.While:
		p.next()
		cond := p.expr()
		p.checkNext(lexer.Do)
		body := p.block()
		p.checkMatch(lexer.End, lexer.While, line)
		return &ast.While{Pos: pos, Cond: cond, Body: body}
	case lexer.Do:
		p.next()
		body := p.block()
		p.checkMatch(lexer.End, lexer.Do, line)
		return &ast.Do{Pos: pos, Body: body}
	case lexer.For:
		return p.forStat(line)
	case lexer.Repeat:
		p.next()
		sc := p.fs.openScope()
		body := p.blockBody()
		p.checkMatch(lexer.Until, lexer.Repeat, line)
		cond := p.expr()
		p.fs.closeScope(sc)
		return &ast.Repeat{Pos: pos, Body: body, Cond: cond}
	case lexer.Function:
		p.next()
		target, isMethod := p.funcName()
		f := p.body(isMethod, line)
		return &ast.FunctionStmt{Pos: pos, Target: target, Func: f}
	case lexer.Local:
		p.next()
		if p.testNext(lexer.Function) {
			name := p.checkName()
			p.declareLocals(1)
			p.fs.activate(name)
			f := p.body(false, p.line())
			return &ast.LocalFunction{Pos: pos, Name: name, Func: f}
		}
		return p.localStat(pos)
	case lexer.DColon:
		p.next()
		name := p.checkName()
		p.checkNext(lexer.DColon)
		return &ast.Label{Pos: pos, Name: name}
	case lexer.Return:
		// Only reached through block, which handles return itself.
		panic("parser: unexpected return")
	case lexer.Break:
		p.next()
		return &ast.Break{Pos: pos}
	case lexer.Goto:
		p.next()
		return &ast.Goto{Pos: pos, Label: p.checkName()}
	}
	return p.exprStat(pos)
}

func (p *parser) ifStat(line int) *ast.If {
	s := &ast.If{Pos: ast.Pos{L: line}}
	for {
		p.next() // 'if' or 'elseif'
		s.Conds = append(s.Conds, p.expr())
		s.ThenLines = append(s.ThenLines, p.line())
		p.checkNext(lexer.Then)
		s.Blocks = append(s.Blocks, p.block())
		if p.t.Tok != lexer.Elseif {
			break
		}
	}
	if p.testNext(lexer.Else) {
		s.Else = p.block()
	}
	p.checkMatch(lexer.End, lexer.If, line)
	return s
}

func (p *parser) forStat(line int) ast.Stmt {
	pos := ast.Pos{L: line}
	p.next()
	name := p.checkName()
	sc := p.fs.openScope()
	defer p.fs.closeScope(sc)
	switch p.t.Tok {
	case lexer.Assign:
		p.declareLocals(4) // three control variables and the loop variable
		p.next()
		s := &ast.NumericFor{Pos: pos, Var: name}
		s.Start = p.expr()
		p.checkNext(lexer.Comma)
		s.Limit = p.expr()
		if p.testNext(lexer.Comma) {
			s.Step = p.expr()
		}
		s.DoLine = p.line()
		p.checkNext(lexer.Do)
		p.fs.activate(name)
		s.Body = p.block()
		p.checkMatch(lexer.End, lexer.For, line)
		return s
	case lexer.Comma, lexer.In:
		s := &ast.GenericFor{Pos: pos, Names: []string{name}}
		p.declareLocals(4) // three control variables and the first name
		for p.testNext(lexer.Comma) {
			s.Names = append(s.Names, p.checkName())
			p.declareLocals(1)
		}
		p.checkNext(lexer.In)
		s.ExprLine = p.line()
		s.Exprs = p.exprList()
		p.checkNext(lexer.Do)
		p.fs.activate(s.Names...)
		s.Body = p.block()
		p.checkMatch(lexer.End, lexer.For, line)
		return s
	}
	p.error("'=' or 'in' expected")
	return nil
}

// funcName parses the name of a function statement: Name {'.' Name} [':' Name].
func (p *parser) funcName() (ast.Expr, bool) {
	n := &ast.Name{Pos: ast.Pos{L: p.line()}, Name: p.checkName()}
	p.singleVar(n.Name)
	var e ast.Expr = n
	for p.t.Tok == lexer.Dot {
		e = p.fieldSel(e)
	}
	if p.t.Tok == lexer.Colon {
		return p.fieldSel(e), true
	}
	return e, false
}

// fieldSel parses '.' Name or ':' Name as an index of obj.
func (p *parser) fieldSel(obj ast.Expr) ast.Expr {
	p.next()
	line := p.line()
	key := &ast.String{Pos: ast.Pos{L: line}, Value: p.checkName()}
	return &ast.Index{Pos: ast.Pos{L: line}, Obj: obj, Key: key}
}

// body parses a function body: '(' parlist ')' block 'end'.
func (p *parser) body(isMethod bool, line int) *ast.Function {
	f := &ast.Function{Pos: ast.Pos{L: line}, IsMethod: isMethod}
	p.fs = &funcState{prev: p.fs, lineDefined: line}
	if isMethod {
		p.declareLocals(1) // self
		p.fs.activate("self")
	}
	p.checkNext(lexer.LParen)
	if p.t.Tok != lexer.RParen {
		for {
			switch p.t.Tok {
			case lexer.Name:
				f.Params = append(f.Params, p.t.Str)
				p.next()
				p.declareLocals(1)
				p.fs.activate(f.Params[len(f.Params)-1])
			case lexer.Dots:
				p.next()
				f.IsVararg = true
			default:
				p.error("<name> or '...' expected")
			}
			if f.IsVararg || !p.testNext(lexer.Comma) {
				break
			}
		}
	}
	p.fs.isVararg = f.IsVararg
	p.checkNext(lexer.RParen)
	f.Body = p.block()
	f.EndLine = p.line()
	p.checkMatch(lexer.End, lexer.Function, line)
	p.fs = p.fs.prev
	return f
}

func (p *parser) localStat(pos ast.Pos) *ast.Local {
	s := &ast.Local{Pos: pos}
	for {
		s.Names = append(s.Names, p.checkName())
		p.declareLocals(1)
		if !p.testNext(lexer.Comma) {
			break
		}
	}
	if p.testNext(lexer.Assign) {
		s.Values = p.exprList()
	}
	p.fs.activate(s.Names...)
	return s
}

func isVar(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Name, *ast.Index:
		return true
	}
	return false
}

func (p *parser) exprStat(pos ast.Pos) ast.Stmt {
	e := p.suffixedExp()
	if p.t.Tok == lexer.Assign || p.t.Tok == lexer.Comma {
		s := &ast.Assign{Pos: pos, Targets: []ast.Expr{e}}
		for {
			if !isVar(e) {
				p.error("syntax error")
			}
			if !p.testNext(lexer.Comma) {
				break
			}
			e = p.suffixedExp()
			s.Targets = append(s.Targets, e)
			// Lua recurses once per target, each level counted.
			p.checkLimit(len(s.Targets)-1+p.level, MaxCLevels, "C levels")
		}
		p.checkNext(lexer.Assign)
		s.Values = p.exprList()
		s.EndLine = p.lastLine
		return s
	}
	switch e.(type) {
	case *ast.Call, *ast.MethodCall:
		return &ast.ExprStmt{Pos: pos, Call: e}
	}
	p.error("syntax error")
	return nil
}

func (p *parser) exprList() []ast.Expr {
	list := []ast.Expr{p.expr()}
	for p.testNext(lexer.Comma) {
		list = append(list, p.expr())
	}
	return list
}

func (p *parser) expr() ast.Expr {
	return p.subExpr(0)
}

// Binary operator priorities (left, right), as in lparser.c.
var binPriority = [...]struct{ left, right int }{
	ast.OpAdd: {10, 10}, ast.OpSub: {10, 10},
	ast.OpMul: {11, 11}, ast.OpMod: {11, 11},
	ast.OpPow: {14, 13},
	ast.OpDiv: {11, 11}, ast.OpIDiv: {11, 11},
	ast.OpBAnd: {6, 6}, ast.OpBOr: {4, 4}, ast.OpBXor: {5, 5},
	ast.OpShl: {7, 7}, ast.OpShr: {7, 7},
	ast.OpConcat: {9, 8},
	ast.OpEq:     {3, 3}, ast.OpLt: {3, 3}, ast.OpLe: {3, 3},
	ast.OpNe: {3, 3}, ast.OpGt: {3, 3}, ast.OpGe: {3, 3},
	ast.OpAnd: {2, 2}, ast.OpOr: {1, 1},
}

// unaryPriority is the priority of unary operators.
const unaryPriority = 12

func binaryOp(t lexer.Token) (ast.BinaryOp, bool) {
	switch t {
	case lexer.Plus:
		return ast.OpAdd, true
	case lexer.Minus:
		return ast.OpSub, true
	case lexer.Star:
		return ast.OpMul, true
	case lexer.Percent:
		return ast.OpMod, true
	case lexer.Caret:
		return ast.OpPow, true
	case lexer.Slash:
		return ast.OpDiv, true
	case lexer.DSlash:
		return ast.OpIDiv, true
	case lexer.Amp:
		return ast.OpBAnd, true
	case lexer.Pipe:
		return ast.OpBOr, true
	case lexer.Tilde:
		return ast.OpBXor, true
	case lexer.Shl:
		return ast.OpShl, true
	case lexer.Shr:
		return ast.OpShr, true
	case lexer.Concat:
		return ast.OpConcat, true
	case lexer.Eq:
		return ast.OpEq, true
	case lexer.Ne:
		return ast.OpNe, true
	case lexer.Lt:
		return ast.OpLt, true
	case lexer.Le:
		return ast.OpLe, true
	case lexer.Gt:
		return ast.OpGt, true
	case lexer.Ge:
		return ast.OpGe, true
	case lexer.And:
		return ast.OpAnd, true
	case lexer.Or:
		return ast.OpOr, true
	}
	return 0, false
}

func unaryOp(t lexer.Token) (ast.UnaryOp, bool) {
	switch t {
	case lexer.Not:
		return ast.OpNot, true
	case lexer.Minus:
		return ast.OpNeg, true
	case lexer.Tilde:
		return ast.OpBNot, true
	case lexer.Hash:
		return ast.OpLen, true
	}
	return 0, false
}

// subExpr parses an expression whose binary operators bind tighter than
// limit: subexpr -> (simpleexp | unop subexpr) { binop subexpr }.
func (p *parser) subExpr(limit int) ast.Expr {
	p.enterLevel()
	var e ast.Expr
	if op, ok := unaryOp(p.t.Tok); ok {
		line := p.line()
		p.next()
		x := p.subExpr(unaryPriority)
		e = &ast.UnOp{Pos: ast.Pos{L: line}, Op: op, X: x}
	} else {
		e = p.simpleExp()
	}
	op, ok := binaryOp(p.t.Tok)
	for ok && binPriority[op].left > limit {
		line := p.line()
		p.next()
		r := p.subExpr(binPriority[op].right)
		e = &ast.BinOp{Pos: ast.Pos{L: line}, Op: op, L: e, R: r, EndLine: p.lastLine}
		op, ok = binaryOp(p.t.Tok)
	}
	p.leaveLevel()
	return e
}

func (p *parser) simpleExp() ast.Expr {
	pos := ast.Pos{L: p.line()}
	var e ast.Expr
	switch p.t.Tok {
	case lexer.Float:
		e = &ast.Float{Pos: pos, Value: p.t.Num}
	case lexer.Int:
		e = &ast.Integer{Pos: pos, Value: p.t.Int}
	case lexer.String:
		e = &ast.String{Pos: pos, Value: p.t.Str}
	case lexer.Nil:
		e = &ast.Nil{Pos: pos}
	case lexer.True:
		e = &ast.True{Pos: pos}
	case lexer.False:
		e = &ast.False{Pos: pos}
	case lexer.Dots:
		if !p.fs.isVararg {
			p.error("cannot use '...' outside a vararg function")
		}
		e = &ast.Vararg{Pos: pos}
	case lexer.LBrace:
		return p.constructor()
	case lexer.Function:
		p.next()
		return p.body(false, p.line())
	default:
		return p.suffixedExp()
	}
	p.next()
	return e
}

func (p *parser) primaryExp() ast.Expr {
	switch p.t.Tok {
	case lexer.LParen:
		line := p.line()
		p.next()
		x := p.expr()
		p.checkMatch(lexer.RParen, lexer.LParen, line)
		return &ast.Paren{Pos: ast.Pos{L: line}, X: x, EndLine: p.lastLine}
	case lexer.Name:
		e := &ast.Name{Pos: ast.Pos{L: p.line()}, Name: p.t.Str}
		p.next()
		p.singleVar(e.Name)
		return e
	}
	p.error("unexpected symbol")
	return nil
}

// suffixedExp parses primaryexp { '.' Name | '[' exp ']' | ':' Name
// funcargs | funcargs }.
func (p *parser) suffixedExp() ast.Expr {
	line := p.line()
	e := p.primaryExp()
	for {
		switch p.t.Tok {
		case lexer.Dot:
			e = p.fieldSel(e)
		case lexer.LBracket:
			p.next()
			key := p.expr()
			line := p.line()
			p.checkNext(lexer.RBracket)
			e = &ast.Index{Pos: ast.Pos{L: line}, Obj: e, Key: key}
		case lexer.Colon:
			p.next()
			nameLine := p.line()
			name := p.checkName()
			args := p.funcArgs(line)
			e = &ast.MethodCall{Pos: ast.Pos{L: line}, Obj: e, Name: name, Args: args, NameLine: nameLine,
				EndLine: p.lastLine}
		case lexer.LParen, lexer.String, lexer.LBrace:
			args := p.funcArgs(line)
			e = &ast.Call{Pos: ast.Pos{L: line}, Fn: e, Args: args, EndLine: p.lastLine}
		default:
			return e
		}
	}
}

// funcArgs parses the arguments of a call whose expression started at
// line.
func (p *parser) funcArgs(line int) []ast.Expr {
	switch p.t.Tok {
	case lexer.LParen:
		p.next()
		var args []ast.Expr
		if p.t.Tok != lexer.RParen {
			args = p.exprList()
		}
		p.checkMatch(lexer.RParen, lexer.LParen, line)
		return args
	case lexer.LBrace:
		return []ast.Expr{p.constructor()}
	case lexer.String:
		s := &ast.String{Pos: ast.Pos{L: p.line()}, Value: p.t.Str}
		p.next()
		return []ast.Expr{s}
	}
	p.error("function arguments expected")
	return nil
}

// constructor parses a table constructor.
func (p *parser) constructor() *ast.Table {
	line := p.line()
	t := &ast.Table{Pos: ast.Pos{L: line}}
	p.checkNext(lexer.LBrace)
	for p.t.Tok != lexer.RBrace {
		t.Fields = append(t.Fields, p.field())
		if !p.testNext(lexer.Comma) && !p.testNext(lexer.Semi) {
			break
		}
	}
	t.EndLine = p.line()
	p.checkMatch(lexer.RBrace, lexer.LBrace, line)
	return t
}

func (p *parser) field() ast.Field {
	switch p.t.Tok {
	case lexer.Name:
		next, err := p.lx.Lookahead()
		if err != nil {
			panic(err)
		}
		if next != lexer.Assign {
			return ast.Field{Value: p.expr()}
		}
		key := &ast.String{Pos: ast.Pos{L: p.line()}, Value: p.t.Str}
		p.next()
		p.checkNext(lexer.Assign)
		return ast.Field{Key: key, Value: p.expr()}
	case lexer.LBracket:
		p.next()
		key := p.expr()
		p.checkNext(lexer.RBracket)
		p.checkNext(lexer.Assign)
		return ast.Field{Key: key, Value: p.expr()}
	}
	return ast.Field{Value: p.expr()}
}
