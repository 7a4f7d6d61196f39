package compiler

// Proto is a compiled function prototype. Prototypes are immutable once the
// compiler returns them: one compiled chunk can be instantiated in any number
// of states, concurrently, without copying.
type Proto struct {
	Code      []Instruction
	Constants []Constant
	Protos    []*Proto // nested function prototypes (OpClosure's Bx)
	Upvalues  []UpvalDesc
	// LineInfo[pc] is the source line of Code[pc].
	LineInfo []int32
	LocVars  []LocVar
	// Source is the chunk name ("@file.lua", "=stdin", or source text).
	Source          string
	LineDefined     int // 0 for the main chunk
	LastLineDefined int
	NumParams       int
	IsVararg        bool
	MaxStackSize    int
}

// Constant is a value in a prototype's constant table: nil, bool, int64,
// float64 or string. Nothing else is ever stored.
type Constant = any

// UpvalDesc describes how a closure captures upvalue i when it is created:
// from the enclosing function's register Index (InStack) or from the
// enclosing function's own upvalue Index.
type UpvalDesc struct {
	Name    string
	InStack bool
	Index   int
}

// LocVar is debug information for a local variable: its name and the pc
// range [StartPC, EndPC) where it is active. Locals occupy registers in the
// order they appear among the active ones.
type LocVar struct {
	Name    string
	StartPC int
	EndPC   int
}
