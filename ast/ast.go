// Package ast defines the syntax tree of a Lua 5.3 chunk: one node type per
// construct of the manual's §3, each carrying the source line(s) the compiler
// and the error messages need. It holds data only; the parser builds it and
// the compiler consumes it.
package ast

// Node is implemented by every statement and expression.
type Node interface {
	// Line is the source line where the construct starts.
	Line() int
}

// Pos carries the line of a node; embed it to implement Node.
type Pos struct{ L int }

// Line returns the line stored in p.
func (p Pos) Line() int { return p.L }

// ---------------------------------------------------------------------------
// Expressions

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

type (
	// Nil is the literal nil.
	Nil struct{ Pos }
	// True is the literal true.
	True struct{ Pos }
	// False is the literal false.
	False struct{ Pos }
	// Vararg is '...'.
	Vararg struct{ Pos }
	// Integer is an integer numeral (already converted, wrapped as Lua does for
	// decimal overflow it becomes a Float instead).
	Integer struct {
		Pos
		Value int64
	}
	// Float is a float numeral.
	Float struct {
		Pos
		Value float64
	}
	// String is a string literal with escapes already resolved.
	String struct {
		Pos
		Value string
	}
	// Name is a variable reference: a local, an upvalue or a global
	// (resolution is the compiler's job).
	Name struct {
		Pos
		Name string
	}
	// Index is Obj[Key]; for Obj.name the parser produces Key as *String.
	// Its line is the line of the key's last token (the name after '.', or
	// the closing ']'): lua5.3 reports an index error on the line of the
	// last token read when the access is emitted, which for an rvalue is
	// usually this one.
	Index struct {
		Pos
		Obj Expr
		Key Expr
	}
	// Call is Fn(Args...). Its line is the line Lua reports for the call:
	// the line where the whole suffixed expression starts (the line of the
	// first token of Fn's primary expression, so in "f\n.g\n(1)" it is
	// f's line, also for chained calls such as "f\n(1)\n(2)").
	Call struct {
		Pos
		Fn   Expr
		Args []Expr
		// EndLine is the line of the last token of the arguments (')', '}'
		// or the string): lua5.3 emits the last argument's code, and the
		// return of 'return f(x)', after reading it. 0 when unknown.
		EndLine int
	}
	// MethodCall is Obj:Name(Args...). Its line is the call's line, as
	// for Call.
	MethodCall struct {
		Pos
		Obj  Expr
		Name string
		Args []Expr
		// NameLine is the line of Name: lua5.3 reports the indexing of Obj
		// (the SELF instruction) there.
		NameLine int
		// EndLine is the line of the last token of the arguments, as for
		// Call. 0 when unknown.
		EndLine int
	}
	// Function is a function constructor (also used for the bodies of
	// function statements and local functions); its line is the
	// prototype's linedefined as lua5.3 computes it: the line of
	// 'function' for a function statement, but the line of '(' for a
	// function expression and for a local function.
	Function struct {
		Pos
		Params   []string
		IsVararg bool
		// IsMethod is set for 'function a:b()' bodies: the compiler declares an
		// implicit first parameter 'self' (Params does not contain it).
		IsMethod bool
		Body     *Block
		// EndLine is the line of the closing 'end'.
		EndLine int
	}
	// Paren is a parenthesised expression; it truncates multiple results to
	// one and is kept so the compiler can adjust them.
	Paren struct {
		Pos
		X Expr
		// EndLine is the line of ')': lua5.3 discharges X after reading
		// it. 0 when unknown.
		EndLine int
	}
	// BinOp is a binary operation, including 'and', 'or' and comparisons; its
	// line is the operator's line (Lua reports arithmetic, bitwise and
	// concatenation errors there).
	BinOp struct {
		Pos
		Op   BinaryOp
		L, R Expr
		// EndLine is the line of the last token of R: lua5.3 reports
		// comparison errors (==, <, <=, ...) there.
		EndLine int
	}
	// UnOp is a unary operation; its line is the operator's line.
	UnOp struct {
		Pos
		Op UnaryOp
		X  Expr
	}
	// Table is a table constructor.
	Table struct {
		Pos
		Fields []Field
		// EndLine is the line of the closing '}'.
		EndLine int
	}
)

// Field is one entry of a table constructor: positional when Key is nil,
// otherwise '[Key] = Value' or 'name = Value' (Key is then a *String).
type Field struct {
	Key   Expr
	Value Expr
}

func (*Nil) exprNode()        {}
func (*True) exprNode()       {}
func (*False) exprNode()      {}
func (*Vararg) exprNode()     {}
func (*Integer) exprNode()    {}
func (*Float) exprNode()      {}
func (*String) exprNode()     {}
func (*Name) exprNode()       {}
func (*Index) exprNode()      {}
func (*Call) exprNode()       {}
func (*MethodCall) exprNode() {}
func (*Function) exprNode()   {}
func (*Paren) exprNode()      {}
func (*BinOp) exprNode()      {}
func (*UnOp) exprNode()       {}
func (*Table) exprNode()      {}

// BinaryOp enumerates binary operators, in the order of Lua's opcodes for
// the arithmetic and bitwise ones.
type BinaryOp int

// Binary operators.
const (
	OpAdd    BinaryOp = iota // +
	OpSub                    // -
	OpMul                    // *
	OpMod                    // %
	OpPow                    // ^
	OpDiv                    // /
	OpIDiv                   // //
	OpBAnd                   // &
	OpBOr                    // |
	OpBXor                   // ~
	OpShl                    // <<
	OpShr                    // >>
	OpConcat                 // ..
	OpEq                     // ==
	OpNe                     // ~=
	OpLt                     // <
	OpLe                     // <=
	OpGt                     // >
	OpGe                     // >=
	OpAnd                    // and
	OpOr                     // or
)

var binNames = [...]string{"+", "-", "*", "%", "^", "/", "//", "&", "|", "~", "<<", ">>", "..", "==", "~=", "<", "<=", ">", ">=", "and", "or"}

// String returns the operator's Lua spelling.
func (op BinaryOp) String() string { return binNames[op] }

// UnaryOp enumerates unary operators.
type UnaryOp int

// Unary operators.
const (
	OpNeg  UnaryOp = iota // -
	OpNot                 // not
	OpLen                 // #
	OpBNot                // ~
)

var unNames = [...]string{"-", "not", "#", "~"}

// String returns the operator's Lua spelling.
func (op UnaryOp) String() string { return unNames[op] }

// ---------------------------------------------------------------------------
// Statements

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Block is a sequence of statements; it is its own scope.
type Block struct {
	Pos
	Stmts []Stmt
	// Return is the final return statement, or nil.
	Return *Return
	// EndLine is the line of the token that closes the block ('end',
	// 'until', 'else', 'elseif' or <eof>).
	EndLine int
}

type (
	// Empty is ';'.
	Empty struct{ Pos }
	// ExprStmt is a function or method call used as a statement.
	ExprStmt struct {
		Pos
		Call Expr // *Call or *MethodCall
	}
	// Assign is 'Targets = Values'; targets are *Name or *Index.
	Assign struct {
		Pos
		Targets []Expr
		Values  []Expr
		// EndLine is the line of the statement's last token: lua5.3
		// reports errors of the stores (e.g. indexing a nil target) there.
		EndLine int
	}
	// Local is 'local Names <= Values>'.
	Local struct {
		Pos
		Names  []string
		Values []Expr
	}
	// LocalFunction is 'local function Name Body'.
	LocalFunction struct {
		Pos
		Name string
		Func *Function
	}
	// FunctionStmt is 'function a.b.c:m() ... end': Target is the *Name or
	// *Index being assigned, Func the body (with IsMethod for ':').
	FunctionStmt struct {
		Pos
		Target Expr
		Func   *Function
	}
	// Do is 'do Body end'.
	Do struct {
		Pos
		Body *Block
	}
	// While is 'while Cond do Body end'.
	While struct {
		Pos
		Cond Expr
		Body *Block
	}
	// Repeat is 'repeat Body until Cond'; Cond sees the body's locals.
	Repeat struct {
		Pos
		Body *Block
		Cond Expr
	}
	// If is 'if Conds[0] then Blocks[0] elseif ... else Else end'.
	If struct {
		Pos
		Conds  []Expr
		Blocks []*Block
		Else   *Block // nil when absent
		// ThenLines[i] is the line of the 'then' after Conds[i] (lua5.3's
		// line for the test and jump); nil or 0 when unknown.
		ThenLines []int
	}
	// NumericFor is 'for Var = Start, Limit [, Step] do Body end'. Its
	// line is the line of 'for' (lua5.3's line for the FORLOOP).
	NumericFor struct {
		Pos
		Var                string
		Start, Limit, Step Expr // Step is nil when absent
		Body               *Block
		// DoLine is the line of 'do': lua5.3 reports "'for' initial value
		// must be a number" and the like there (the FORPREP).
		DoLine int
	}
	// GenericFor is 'for Names in Exprs do Body end'.
	GenericFor struct {
		Pos
		Names []string
		Exprs []Expr
		Body  *Block
		// ExprLine is the line of the first token after 'in': lua5.3 uses
		// it for the iterator call and loop instructions (TFORCALL,
		// TFORLOOP), so "attempt to call a nil value" is reported there.
		ExprLine int
	}
	// Return is 'return Values'.
	Return struct {
		Pos
		Values []Expr
	}
	// Break is 'break'.
	Break struct{ Pos }
	// Goto is 'goto Label'.
	Goto struct {
		Pos
		Label string
	}
	// Label is '::Name::'.
	Label struct {
		Pos
		Name string
	}
)

func (*Empty) stmtNode()         {}
func (*ExprStmt) stmtNode()      {}
func (*Assign) stmtNode()        {}
func (*Local) stmtNode()         {}
func (*LocalFunction) stmtNode() {}
func (*FunctionStmt) stmtNode()  {}
func (*Do) stmtNode()            {}
func (*While) stmtNode()         {}
func (*Repeat) stmtNode()        {}
func (*If) stmtNode()            {}
func (*NumericFor) stmtNode()    {}
func (*GenericFor) stmtNode()    {}
func (*Return) stmtNode()        {}
func (*Break) stmtNode()         {}
func (*Goto) stmtNode()          {}
func (*Label) stmtNode()         {}

// Chunk is a parsed source file: the main function is vararg and has one
// upvalue, _ENV.
type Chunk struct {
	// Source is the chunk name as given to load ("@file.lua", "=stdin", or the
	// source text itself).
	Source string
	Block  *Block
}
