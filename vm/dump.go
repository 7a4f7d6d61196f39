package vm

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"

	"github.com/moonfuel/moonfuel/compiler"
)

// Binary chunks (string.dump and load in mode "b"). The format is
// moonfuel's own, not luac's: Lua's signature "\x1bLua" and version byte
// 0x53 followed by a moonfuel marker, then the prototype tree with
// varint-encoded fields. Undumped chunks are checked for structural
// validity (operand ranges), so a crafted chunk cannot crash the vm.

// dumpHeader is luac 5.3's header for this platform (signature, version,
// format, LUAC_DATA, sizes of int, size_t, Instruction, lua_Integer and
// lua_Number, LUAC_INT and LUAC_NUM), then moonfuel's format marker.
const dumpHeader = "\x1bLua\x53\x00\x19\x93\r\n\x1a\n\x04\x08\x04\x08\x08" +
	"\x78\x56\x00\x00\x00\x00\x00\x00" + // 0x5678
	"\x00\x00\x00\x00\x00\x28\x77\x40" + // 370.5
	"mf\x01"

// DumpFunction serialises a Lua function's prototype (string.dump); strip
// drops debug information. Go functions cannot be dumped.
func DumpFunction(fn Value, strip bool) ([]byte, error) {
	cl := fn.asClosure()
	if cl == nil {
		return nil, errors.New("unable to dump given function")
	}
	b := []byte(dumpHeader)
	b = append(b, byte(len(cl.p.Upvalues)))
	return dumpProto(b, cl.p, strip), nil
}

func putUint(b []byte, x uint64) []byte { return binary.AppendUvarint(b, x) }
func putInt(b []byte, x int64) []byte   { return binary.AppendVarint(b, x) }
func putStr(b []byte, s string) []byte  { return append(putUint(b, uint64(len(s))), s...) }

func dumpProto(b []byte, p *compiler.Proto, strip bool) []byte {
	src := p.Source
	if strip {
		src = "=?"
	}
	b = putStr(b, src)
	b = putInt(b, int64(p.LineDefined))
	b = putInt(b, int64(p.LastLineDefined))
	b = putUint(b, uint64(p.NumParams))
	if p.IsVararg {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = putUint(b, uint64(p.MaxStackSize))
	b = putUint(b, uint64(len(p.Code)))
	for _, i := range p.Code {
		b = binary.LittleEndian.AppendUint32(b, uint32(i))
	}
	b = putUint(b, uint64(len(p.Constants)))
	for _, c := range p.Constants {
		switch c := c.(type) {
		case nil:
			b = append(b, 0)
		case bool:
			if c {
				b = append(b, 2)
			} else {
				b = append(b, 1)
			}
		case int64:
			b = append(b, 3)
			b = putInt(b, c)
		case float64:
			b = append(b, 4)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c))
		case string:
			b = append(b, 5)
			b = putStr(b, c)
		}
	}
	b = putUint(b, uint64(len(p.Upvalues)))
	for _, u := range p.Upvalues {
		if u.InStack {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = putUint(b, uint64(u.Index))
		if strip {
			b = putStr(b, "")
		} else {
			b = putStr(b, u.Name)
		}
	}
	b = putUint(b, uint64(len(p.Protos)))
	for _, sub := range p.Protos {
		b = dumpProto(b, sub, strip)
	}
	if strip {
		return putUint(putUint(b, 0), 0)
	}
	b = putUint(b, uint64(len(p.LineInfo)))
	for _, l := range p.LineInfo {
		b = putInt(b, int64(l))
	}
	b = putUint(b, uint64(len(p.LocVars)))
	for _, lv := range p.LocVars {
		b = putStr(b, lv.Name)
		b = putUint(b, uint64(lv.StartPC))
		b = putUint(b, uint64(lv.EndPC))
	}
	return b
}

// IsBinaryChunk reports whether a chunk is precompiled (starts with ESC).
func IsBinaryChunk(s string) bool { return len(s) > 0 && s[0] == 0x1b }

type undumper struct {
	s   string
	err bool
}

func (u *undumper) uint() uint64 {
	x, n := binary.Uvarint([]byte(u.s[:min(len(u.s), 10)]))
	if n <= 0 {
		u.err = true
		return 0
	}
	u.s = u.s[n:]
	return x
}

func (u *undumper) int() int64 {
	x, n := binary.Varint([]byte(u.s[:min(len(u.s), 10)]))
	if n <= 0 {
		u.err = true
		return 0
	}
	u.s = u.s[n:]
	return x
}

func (u *undumper) small(max int) int {
	x := u.uint()
	if x > uint64(max) {
		u.err = true
		return 0
	}
	return int(x)
}

func (u *undumper) byte() byte {
	if len(u.s) == 0 {
		u.err = true
		return 0
	}
	c := u.s[0]
	u.s = u.s[1:]
	return c
}

func (u *undumper) str() string {
	n := u.small(len(u.s))
	if u.err || n > len(u.s) {
		u.err = true
		return ""
	}
	s := u.s[:n]
	u.s = u.s[n:]
	return strings.Clone(s)
}

// UndumpChunk decodes a binary chunk made by DumpFunction; chunkname is
// used in the error message of a malformed chunk.
func UndumpChunk(data, chunkname string) (*compiler.Proto, error) {
	name := chunkname
	if strings.HasPrefix(name, "@") || strings.HasPrefix(name, "=") {
		name = name[1:]
	} else if IsBinaryChunk(name) {
		name = "binary string"
	}
	fail := func(why string) error { return errors.New(name + ": " + why + " precompiled chunk") }
	n := min(len(data), len(dumpHeader))
	if data[:n] != dumpHeader[:n] {
		switch {
		case n < 4 || data[:4] != dumpHeader[:4]:
			return nil, fail("not a")
		case n >= 5 && data[4] != dumpHeader[4]:
			return nil, fail("version mismatch in")
		case n >= 6 && data[5] != dumpHeader[5]:
			return nil, fail("format mismatch in")
		}
		return nil, fail("corrupted")
	}
	if len(data) < len(dumpHeader) {
		return nil, fail("truncated")
	}
	u := &undumper{s: data[len(dumpHeader):]}
	u.byte()
	p := u.proto(0)
	if u.err || p == nil {
		return nil, fail("truncated")
	}
	if u.s != "" {
		return nil, fail("corrupted")
	}
	return p, nil
}

func (u *undumper) proto(depth int) *compiler.Proto {
	if depth > 200 || u.err {
		u.err = true
		return nil
	}
	p := &compiler.Proto{}
	p.Source = u.str()
	p.LineDefined = int(u.int())
	p.LastLineDefined = int(u.int())
	p.NumParams = u.small(compiler.MaxRegisters)
	p.IsVararg = u.byte() != 0
	p.MaxStackSize = u.small(compiler.MaxRegisters + 1)
	n := u.small(len(u.s) / 4)
	p.Code = make([]compiler.Instruction, n)
	for i := range p.Code {
		if len(u.s) < 4 {
			u.err = true
			return nil
		}
		p.Code[i] = compiler.Instruction(binary.LittleEndian.Uint32([]byte(u.s[:4])))
		u.s = u.s[4:]
	}
	n = u.small(len(u.s))
	p.Constants = make([]compiler.Constant, n)
	for i := range p.Constants {
		switch u.byte() {
		case 0:
		case 1:
			p.Constants[i] = false
		case 2:
			p.Constants[i] = true
		case 3:
			p.Constants[i] = u.int()
		case 4:
			if len(u.s) < 8 {
				u.err = true
				return nil
			}
			p.Constants[i] = math.Float64frombits(binary.LittleEndian.Uint64([]byte(u.s[:8])))
			u.s = u.s[8:]
		case 5:
			p.Constants[i] = u.str()
		default:
			u.err = true
			return nil
		}
	}
	n = u.small(compiler.MaxUpvalues)
	p.Upvalues = make([]compiler.UpvalDesc, n)
	for i := range p.Upvalues {
		p.Upvalues[i].InStack = u.byte() != 0
		p.Upvalues[i].Index = u.small(255)
		p.Upvalues[i].Name = u.str()
	}
	n = u.small(len(u.s))
	p.Protos = make([]*compiler.Proto, n)
	for i := range p.Protos {
		p.Protos[i] = u.proto(depth + 1)
		if u.err {
			return nil
		}
	}
	n = u.small(len(u.s))
	p.LineInfo = make([]int32, n)
	for i := range p.LineInfo {
		p.LineInfo[i] = int32(u.int())
	}
	n = u.small(len(u.s))
	p.LocVars = make([]compiler.LocVar, n)
	for i := range p.LocVars {
		p.LocVars[i].Name = u.str()
		p.LocVars[i].StartPC = int(u.uint())
		p.LocVars[i].EndPC = int(u.uint())
	}
	if u.err || !validProto(p) {
		u.err = true
		return nil
	}
	return p
}

// validProto checks that every operand of p stays within its registers,
// constants, upvalues and nested prototypes, and that jumps stay in the
// code, so that running an undumped chunk cannot index out of range.
func validProto(p *compiler.Proto) bool {
	ms := p.MaxStackSize
	nk := len(p.Constants)
	nc := len(p.Code)
	if nc == 0 || p.NumParams > ms || (len(p.LineInfo) != 0 && len(p.LineInfo) != nc) {
		return false
	}
	if p.Code[nc-1].Op() != compiler.OpReturn {
		return false
	}
	reg := func(r int) bool { return r >= 0 && r < ms }
	rk := func(x int) bool {
		if compiler.IsK(x) {
			return compiler.IndexK(x) < nk
		}
		return reg(x)
	}
	for pc, i := range p.Code {
		op := i.Op()
		if int(op) >= compiler.NumOpcodes {
			return false
		}
		a, b, c := i.A(), i.B(), i.C()
		info := compiler.OpInfos[op]
		if info.SetsA || op == compiler.OpTest || op == compiler.OpSetList || op == compiler.OpCall ||
			op == compiler.OpTailCall || op == compiler.OpReturn || op == compiler.OpTForCall || op == compiler.OpSetTable {
			if op != compiler.OpSetTabUp && !reg(a) {
				return false
			}
		}
		switch op {
		case compiler.OpMove, compiler.OpUnm, compiler.OpBNot, compiler.OpNot, compiler.OpLen, compiler.OpTestSet:
			if !reg(b) {
				return false
			}
		case compiler.OpLoadK:
			if i.Bx() >= nk {
				return false
			}
		case compiler.OpLoadKX:
			if pc+1 >= nc || p.Code[pc+1].Op() != compiler.OpExtraArg || p.Code[pc+1].Ax() >= nk {
				return false
			}
		case compiler.OpLoadNil:
			if !reg(a + b) {
				return false
			}
		case compiler.OpGetUpval, compiler.OpSetUpval:
			if b >= len(p.Upvalues) {
				return false
			}
		case compiler.OpGetTabUp:
			if b >= len(p.Upvalues) || !rk(c) {
				return false
			}
		case compiler.OpSetTabUp:
			if a >= len(p.Upvalues) || !rk(b) || !rk(c) {
				return false
			}
		case compiler.OpGetTable, compiler.OpSelf:
			if !reg(b) || !rk(c) || (op == compiler.OpSelf && !reg(a+1)) {
				return false
			}
		case compiler.OpSetTable, compiler.OpAdd, compiler.OpSub, compiler.OpMul, compiler.OpMod, compiler.OpPow,
			compiler.OpDiv, compiler.OpIDiv, compiler.OpBAnd, compiler.OpBOr, compiler.OpBXor, compiler.OpShl,
			compiler.OpShr, compiler.OpEq, compiler.OpLt, compiler.OpLe:
			if !rk(b) || !rk(c) {
				return false
			}
		case compiler.OpConcat:
			if !reg(b) || !reg(c) || b >= c {
				return false
			}
		case compiler.OpJmp, compiler.OpForLoop, compiler.OpForPrep, compiler.OpTForLoop:
			t := pc + 1 + i.SBx()
			if t < 0 || t >= nc {
				return false
			}
			if op == compiler.OpForLoop || op == compiler.OpForPrep {
				if !reg(a + 3) {
					return false
				}
			}
			if op == compiler.OpTForLoop && !reg(a+1) {
				return false
			}
			if op == compiler.OpJmp && a > 0 && a-1 > ms {
				return false
			}
		case compiler.OpCall, compiler.OpTailCall:
			if b > 0 && !reg(a+b-1) {
				return false
			}
			if c > 1 && a+c-2 >= ms {
				return false
			}
		case compiler.OpReturn:
			if b > 1 && !reg(a+b-2) {
				return false
			}
		case compiler.OpTForCall:
			if !reg(a+2+c) || !reg(a+5) || c == 0 {
				return false
			}
			if pc+1 >= nc || p.Code[pc+1].Op() != compiler.OpTForLoop {
				return false
			}
		case compiler.OpSetList:
			if b > 0 && !reg(a+b) {
				return false
			}
			if c == 0 && (pc+1 >= nc || p.Code[pc+1].Op() != compiler.OpExtraArg) {
				return false
			}
		case compiler.OpClosure:
			if i.Bx() >= len(p.Protos) {
				return false
			}
			for _, u := range p.Protos[i.Bx()].Upvalues {
				if u.InStack && u.Index >= ms || !u.InStack && u.Index >= len(p.Upvalues) {
					return false
				}
			}
		case compiler.OpVararg:
			if b > 1 && !reg(a+b-2) {
				return false
			}
		}
	}
	return true
}
