package compiler

// This file is the single source of truth for moonfuel's instruction set:
// the encoding, every opcode and what it does. The compiler emits these
// instructions; the vm executes them; the disassembler and the debug library
// read them. The set and its encoding follow the design of Lua 5.3's register
// machine, so that tools and intuitions carry over.
//
// An instruction is a 32-bit word:
//
//	iABC:  | B (9) | C (9) | A (8) | op (6) |
//	iABx:  |     Bx (18)   | A (8) | op (6) |
//	iAsBx: |    sBx (18)   | A (8) | op (6) |   sBx = Bx - MaxArgSBx
//	iAx:   |         Ax (26)       | op (6) |
//
// Notation below: R(x) is register x of the current frame; Kst(x) is
// constant x; RK(x) is Kst(x-BitRK) when x has the BitRK bit set, else R(x);
// UpValue[x] is upvalue x of the running closure; pc is the index of the next
// instruction.

// Instruction is one encoded VM instruction.
type Instruction uint32

// OpCode identifies an operation.
type OpCode uint8

// Field sizes and limits of the encoding.
const (
	SizeOp = 6
	SizeA  = 8
	SizeB  = 9
	SizeC  = 9
	SizeBx = SizeB + SizeC
	SizeAx = SizeA + SizeB + SizeC

	PosOp = 0
	PosA  = PosOp + SizeOp
	PosC  = PosA + SizeA
	PosB  = PosC + SizeC
	PosBx = PosC
	PosAx = PosA

	MaxArgA   = 1<<SizeA - 1
	MaxArgB   = 1<<SizeB - 1
	MaxArgC   = 1<<SizeC - 1
	MaxArgBx  = 1<<SizeBx - 1
	MaxArgSBx = MaxArgBx >> 1
	MaxArgAx  = 1<<SizeAx - 1

	// BitRK marks a B or C operand as a constant index.
	BitRK = 1 << (SizeB - 1)
	// MaxIndexRK is the largest constant index usable as an RK operand.
	MaxIndexRK = BitRK - 1

	// FieldsPerFlush is the number of list items SETLIST stores at a time.
	FieldsPerFlush = 50

	// MaxRegisters is the largest frame size of a function (Lua's MAXREGS).
	MaxRegisters = 255
	// MaxUpvalues is the largest number of upvalues of a function.
	MaxUpvalues = 255
	// MaxLocals is the largest number of active locals in a function.
	MaxLocals = 200
)

// The opcodes. Order matters: the arithmetic opcodes from OpAdd to OpShr and
// OpUnm/OpBNot follow ast.BinaryOp/ast.UnaryOp and the metamethod events.
const (
	OpMove     OpCode = iota // A B     R(A) := R(B)
	OpLoadK                  // A Bx    R(A) := Kst(Bx)
	OpLoadKX                 // A       R(A) := Kst(extra arg)
	OpLoadBool               // A B C   R(A) := (Bool)B; if (C) pc++
	OpLoadNil                // A B     R(A), R(A+1), ..., R(A+B) := nil
	OpGetUpval               // A B     R(A) := UpValue[B]
	OpGetTabUp               // A B C   R(A) := UpValue[B][RK(C)]
	OpGetTable               // A B C   R(A) := R(B)[RK(C)]
	OpSetTabUp               // A B C   UpValue[A][RK(B)] := RK(C)
	OpSetUpval               // A B     UpValue[B] := R(A)
	OpSetTable               // A B C   R(A)[RK(B)] := RK(C)
	OpNewTable               // A B C   R(A) := {} (size = B,C: array and hash size hints as floating-point bytes, see IntToFb)
	OpSelf                   // A B C   R(A+1) := R(B); R(A) := R(B)[RK(C)]
	OpAdd                    // A B C   R(A) := RK(B) + RK(C)
	OpSub                    // A B C   R(A) := RK(B) - RK(C)
	OpMul                    // A B C   R(A) := RK(B) * RK(C)
	OpMod                    // A B C   R(A) := RK(B) % RK(C)
	OpPow                    // A B C   R(A) := RK(B) ^ RK(C)
	OpDiv                    // A B C   R(A) := RK(B) / RK(C)
	OpIDiv                   // A B C   R(A) := RK(B) // RK(C)
	OpBAnd                   // A B C   R(A) := RK(B) & RK(C)
	OpBOr                    // A B C   R(A) := RK(B) | RK(C)
	OpBXor                   // A B C   R(A) := RK(B) ~ RK(C)
	OpShl                    // A B C   R(A) := RK(B) << RK(C)
	OpShr                    // A B C   R(A) := RK(B) >> RK(C)
	OpUnm                    // A B     R(A) := -R(B)
	OpBNot                   // A B     R(A) := ~R(B)
	OpNot                    // A B     R(A) := not R(B)
	OpLen                    // A B     R(A) := length of R(B)
	OpConcat                 // A B C   R(A) := R(B).. ... ..R(C)
	OpJmp                    // A sBx   pc += sBx; if (A) close all upvalues >= R(A - 1)
	OpEq                     // A B C   if ((RK(B) == RK(C)) ~= A) then pc++
	OpLt                     // A B C   if ((RK(B) <  RK(C)) ~= A) then pc++
	OpLe                     // A B C   if ((RK(B) <= RK(C)) ~= A) then pc++
	OpTest                   // A C     if not (R(A) <=> C) then pc++
	OpTestSet                // A B C   if (R(B) <=> C) then R(A) := R(B) else pc++
	OpCall                   // A B C   R(A), ... ,R(A+C-2) := R(A)(R(A+1), ... ,R(A+B-1))
	OpTailCall               // A B C   return R(A)(R(A+1), ... ,R(A+B-1))
	OpReturn                 // A B     return R(A), ... ,R(A+B-2)
	OpForLoop                // A sBx   R(A)+=R(A+2); if R(A) <?= R(A+1) then { pc+=sBx; R(A+3)=R(A) }
	OpForPrep                // A sBx   R(A)-=R(A+2); pc+=sBx
	OpTForCall               // A C     R(A+3), ... ,R(A+2+C) := R(A)(R(A+1), R(A+2))
	OpTForLoop               // A sBx   if R(A+1) ~= nil then { R(A)=R(A+1); pc += sBx }
	OpSetList                // A B C   R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B
	OpClosure                // A Bx    R(A) := closure(KPROTO[Bx])
	OpVararg                 // A B     R(A), R(A+1), ..., R(A+B-2) = vararg
	OpExtraArg               // Ax      extra (larger) argument for previous opcode

	// NumOpcodes is the number of opcodes.
	NumOpcodes = iota
)

// Notes on operand conventions (as in Lua 5.3):
//
//   - OpCall: B-1 is the number of arguments; B == 0 means the arguments run
//     up to the top set by the previous instruction (a call or vararg with
//     multiple results). C-1 is the number of results; C == 0 means keep all
//     results and set top.
//   - OpReturn: B-1 values; B == 0 returns up to top.
//   - OpVararg: B-1 values; B == 0 copies all varargs and sets top.
//   - OpSetList: B == 0 stores up to top; C == 0 means the real C is in the
//     next instruction's Ax (OpExtraArg).
//   - OpLoadKX: the constant index is in the following OpExtraArg's Ax.
//   - OpEq/OpLt/OpLe/OpTest/OpTestSet and OpTForLoop's predecessor
//     OpTForCall are always followed by an OpJmp; the skip (pc++) skips it.
//   - OpForPrep/OpForLoop: R(A) index, R(A+1) limit, R(A+2) step, R(A+3) the
//     user-visible loop variable. Integer loops are chosen when start and step
//     are integers and the limit converts to one (floor/ceil of a float limit
//     as the 5.3 manual says); otherwise all three become floats.
//   - OpJmp with A > 0 closes upvalues from R(A-1) up (leaving a block that
//     captured locals, by break or goto).

// OpArgMode tells how an instruction uses its B or C operand.
type OpArgMode uint8

// Operand usage modes.
const (
	OpArgN OpArgMode = iota // argument is not used
	OpArgU                  // argument is used (a count or index)
	OpArgR                  // argument is a register or a jump offset
	OpArgK                  // argument is a constant or register (RK)
)

// OpFormat is the instruction's encoding format.
type OpFormat uint8

// Instruction formats.
const (
	IABC OpFormat = iota
	IABx
	IAsBx
	IAx
)

// OpInfo describes an opcode for disassembly and symbolic execution (the
// vm's error messages use it to name variables).
type OpInfo struct {
	Name   string
	Test   bool // the next instruction is a jump taken or skipped by the test
	SetsA  bool // the instruction writes register A
	B, C   OpArgMode
	Format OpFormat
}

// OpInfos is indexed by OpCode.
var OpInfos = [NumOpcodes]OpInfo{
	OpMove:     {"MOVE", false, true, OpArgR, OpArgN, IABC},
	OpLoadK:    {"LOADK", false, true, OpArgK, OpArgN, IABx},
	OpLoadKX:   {"LOADKX", false, true, OpArgN, OpArgN, IABx},
	OpLoadBool: {"LOADBOOL", false, true, OpArgU, OpArgU, IABC},
	OpLoadNil:  {"LOADNIL", false, true, OpArgU, OpArgN, IABC},
	OpGetUpval: {"GETUPVAL", false, true, OpArgU, OpArgN, IABC},
	OpGetTabUp: {"GETTABUP", false, true, OpArgU, OpArgK, IABC},
	OpGetTable: {"GETTABLE", false, true, OpArgR, OpArgK, IABC},
	OpSetTabUp: {"SETTABUP", false, false, OpArgK, OpArgK, IABC},
	OpSetUpval: {"SETUPVAL", false, false, OpArgU, OpArgN, IABC},
	OpSetTable: {"SETTABLE", false, false, OpArgK, OpArgK, IABC},
	OpNewTable: {"NEWTABLE", false, true, OpArgU, OpArgU, IABC},
	OpSelf:     {"SELF", false, true, OpArgR, OpArgK, IABC},
	OpAdd:      {"ADD", false, true, OpArgK, OpArgK, IABC},
	OpSub:      {"SUB", false, true, OpArgK, OpArgK, IABC},
	OpMul:      {"MUL", false, true, OpArgK, OpArgK, IABC},
	OpMod:      {"MOD", false, true, OpArgK, OpArgK, IABC},
	OpPow:      {"POW", false, true, OpArgK, OpArgK, IABC},
	OpDiv:      {"DIV", false, true, OpArgK, OpArgK, IABC},
	OpIDiv:     {"IDIV", false, true, OpArgK, OpArgK, IABC},
	OpBAnd:     {"BAND", false, true, OpArgK, OpArgK, IABC},
	OpBOr:      {"BOR", false, true, OpArgK, OpArgK, IABC},
	OpBXor:     {"BXOR", false, true, OpArgK, OpArgK, IABC},
	OpShl:      {"SHL", false, true, OpArgK, OpArgK, IABC},
	OpShr:      {"SHR", false, true, OpArgK, OpArgK, IABC},
	OpUnm:      {"UNM", false, true, OpArgR, OpArgN, IABC},
	OpBNot:     {"BNOT", false, true, OpArgR, OpArgN, IABC},
	OpNot:      {"NOT", false, true, OpArgR, OpArgN, IABC},
	OpLen:      {"LEN", false, true, OpArgR, OpArgN, IABC},
	OpConcat:   {"CONCAT", false, true, OpArgR, OpArgR, IABC},
	OpJmp:      {"JMP", false, false, OpArgR, OpArgN, IAsBx},
	OpEq:       {"EQ", true, false, OpArgK, OpArgK, IABC},
	OpLt:       {"LT", true, false, OpArgK, OpArgK, IABC},
	OpLe:       {"LE", true, false, OpArgK, OpArgK, IABC},
	OpTest:     {"TEST", true, false, OpArgN, OpArgU, IABC},
	OpTestSet:  {"TESTSET", true, true, OpArgR, OpArgU, IABC},
	OpCall:     {"CALL", false, true, OpArgU, OpArgU, IABC},
	OpTailCall: {"TAILCALL", false, true, OpArgU, OpArgU, IABC},
	OpReturn:   {"RETURN", false, false, OpArgU, OpArgN, IABC},
	OpForLoop:  {"FORLOOP", false, true, OpArgR, OpArgN, IAsBx},
	OpForPrep:  {"FORPREP", false, true, OpArgR, OpArgN, IAsBx},
	OpTForCall: {"TFORCALL", false, false, OpArgN, OpArgU, IABC},
	OpTForLoop: {"TFORLOOP", false, true, OpArgR, OpArgN, IAsBx},
	OpSetList:  {"SETLIST", false, false, OpArgU, OpArgU, IABC},
	OpClosure:  {"CLOSURE", false, true, OpArgU, OpArgN, IABx},
	OpVararg:   {"VARARG", false, true, OpArgU, OpArgN, IABC},
	OpExtraArg: {"EXTRAARG", false, false, OpArgU, OpArgU, IAx},
}

// String returns the opcode's name.
func (op OpCode) String() string {
	if int(op) < len(OpInfos) {
		return OpInfos[op].Name
	}
	return "UNKNOWN"
}

// CreateABC encodes an iABC instruction.
func CreateABC(op OpCode, a, b, c int) Instruction {
	return Instruction(uint32(op)<<PosOp | uint32(a)<<PosA | uint32(b)<<PosB | uint32(c)<<PosC)
}

// CreateABx encodes an iABx instruction.
func CreateABx(op OpCode, a, bx int) Instruction {
	return Instruction(uint32(op)<<PosOp | uint32(a)<<PosA | uint32(bx)<<PosBx)
}

// CreateAsBx encodes an iAsBx instruction.
func CreateAsBx(op OpCode, a, sbx int) Instruction {
	return CreateABx(op, a, sbx+MaxArgSBx)
}

// CreateAx encodes an iAx instruction.
func CreateAx(op OpCode, ax int) Instruction {
	return Instruction(uint32(op)<<PosOp | uint32(ax)<<PosAx)
}

// Op returns the opcode.
func (i Instruction) Op() OpCode { return OpCode(i >> PosOp & (1<<SizeOp - 1)) }

// A returns operand A.
func (i Instruction) A() int { return int(i >> PosA & MaxArgA) }

// B returns operand B.
func (i Instruction) B() int { return int(i >> PosB & MaxArgB) }

// C returns operand C.
func (i Instruction) C() int { return int(i >> PosC & MaxArgC) }

// Bx returns operand Bx.
func (i Instruction) Bx() int { return int(i >> PosBx & MaxArgBx) }

// SBx returns the signed operand sBx.
func (i Instruction) SBx() int { return i.Bx() - MaxArgSBx }

// Ax returns operand Ax.
func (i Instruction) Ax() int { return int(i >> PosAx & MaxArgAx) }

// IsK reports whether an RK operand names a constant.
func IsK(x int) bool { return x&BitRK != 0 }

// IndexK returns the constant index of an RK operand that IsK.
func IndexK(x int) int { return x &^ BitRK }

// RKAsK turns a constant index into an RK operand.
func RKAsK(x int) int { return x | BitRK }

// IntToFb encodes a size hint as a "floating point byte" (eeeeexxx), as
// OpNewTable's B and C operands do; FbToInt decodes it.
func IntToFb(x int) int {
	e := 0
	if x < 8 {
		return x
	}
	for x >= 8<<4 {
		x = (x + 0xf) >> 4
		e += 4
	}
	for x >= 8<<1 {
		x = (x + 1) >> 1
		e++
	}
	return (e+1)<<3 | (x - 8)
}

// FbToInt decodes a floating point byte produced by IntToFb.
func FbToInt(x int) int {
	if x < 8 {
		return x
	}
	return (x&7 + 8) << (uint(x>>3) - 1)
}
