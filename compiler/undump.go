package compiler

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
)

// maxUndumpDepth bounds the nesting of functions in a binary chunk (Lua's
// parser cannot nest deeper than its C-call limit of 200 either).
const maxUndumpDepth = 250

// Undump decodes a binary chunk in Lua 5.3's format (see Dump) into a
// prototype. chunkname names the chunk in error messages as lua5.3 does:
// "@file" and "=name" lose their first character, a name that is itself a
// binary chunk is called "binary string".
//
// Undump is a security boundary: a truncated or malformed chunk gives an
// error ("name: truncated precompiled chunk", "name: version mismatch in
// precompiled chunk", "name: bad binary format (reason)", ...) and never a
// panic, allocations are bounded by the chunk's length, and every prototype
// returned has passed Verify, so the VM cannot index out of range running
// it. A function whose chunk was stripped gets the source StrippedSource
// and no line information; nested functions without a source of their own
// take their parent's, as in Lua.
func Undump(data []byte, chunkname string) (p *Proto, err error) {
	name := chunkname
	switch {
	case strings.HasPrefix(name, "@"), strings.HasPrefix(name, "="):
		name = name[1:]
	case strings.HasPrefix(name, Header[:1]):
		name = "binary string"
	}
	u := &undumper{data: data, name: name}
	defer func() {
		if r := recover(); r != nil {
			ue, ok := r.(undumpError)
			if !ok {
				panic(r)
			}
			p, err = nil, errors.New(string(ue))
		}
	}()
	u.header()
	u.byte() // the main function's upvalue count, which lua5.3 only asserts
	p = u.function(StrippedSource, 0)
	if err := Verify(p); err != nil {
		u.bad("%v", err)
	}
	return p, nil
}

// undumpError is the panic value that carries a load error out of the
// recursive decoder; Undump recovers it and nothing else.
type undumpError string

type undumper struct {
	data []byte
	name string
}

func (u *undumper) fail(why string) {
	panic(undumpError(u.name + ": " + why + " precompiled chunk"))
}

func (u *undumper) bad(format string, args ...any) {
	panic(undumpError(u.name + ": bad binary format (" + fmt.Sprintf(format, args...) + ")"))
}

// block returns the next n bytes, failing with "truncated" when there are
// fewer.
func (u *undumper) block(n int) []byte {
	if n < 0 || n > len(u.data) {
		u.fail("truncated")
	}
	b := u.data[:n:n]
	u.data = u.data[n:]
	return b
}

func (u *undumper) byte() byte { return u.block(1)[0] }

func (u *undumper) int() int { return int(int32(binary.LittleEndian.Uint32(u.block(4)))) }

func (u *undumper) uint64() uint64 { return binary.LittleEndian.Uint64(u.block(8)) }

// count reads a vector length whose elements take at least size bytes each,
// so that a forged length can never make the decoder allocate more than the
// chunk itself could hold.
func (u *undumper) count(size int) int {
	n := u.int()
	if n < 0 || n > len(u.data)/size {
		u.fail("truncated")
	}
	return n
}

// str reads a string; ok is false for the "no string" marker.
func (u *undumper) str() (s string, ok bool) {
	size := uint64(u.byte())
	if size == 0xFF {
		size = u.uint64()
	}
	if size == 0 {
		return "", false
	}
	if size-1 > uint64(len(u.data)) {
		u.fail("truncated")
	}
	return string(u.block(int(size - 1))), true
}

func (u *undumper) header() {
	check := func(lit, why string) {
		if string(u.block(len(lit))) != lit {
			u.fail(why)
		}
	}
	check(Header[:4], "not a")
	if u.byte() != Header[4] {
		u.fail("version mismatch in")
	}
	if u.byte() != Header[5] {
		u.fail("format mismatch in")
	}
	check(Header[6:12], "corrupted")
	for i, t := range []string{"int", "size_t", "Instruction", "lua_Integer", "lua_Number"} {
		if u.byte() != Header[12+i] {
			u.fail(t + " size mismatch in")
		}
	}
	if int64(u.uint64()) != 0x5678 {
		u.fail("endianness mismatch in")
	}
	if math.Float64frombits(u.uint64()) != 370.5 {
		u.fail("float format mismatch in")
	}
}

// function reads one prototype; psource is the source it inherits when the
// chunk does not repeat it.
func (u *undumper) function(psource string, depth int) *Proto {
	if depth > maxUndumpDepth {
		u.bad("functions nested too deeply")
	}
	p := &Proto{}
	if s, ok := u.str(); ok {
		p.Source = s
	} else {
		p.Source = psource
	}
	p.LineDefined = u.int()
	p.LastLineDefined = u.int()
	p.NumParams = int(u.byte())
	p.IsVararg = u.byte() != 0
	p.MaxStackSize = int(u.byte())

	p.Code = make([]Instruction, u.count(4))
	for i := range p.Code {
		p.Code[i] = Instruction(binary.LittleEndian.Uint32(u.block(4)))
	}

	p.Constants = make([]Constant, u.count(1))
	for i := range p.Constants {
		switch t := u.byte(); t {
		case tagNil:
		case tagBool:
			p.Constants[i] = u.byte() != 0
		case tagFloat:
			p.Constants[i] = math.Float64frombits(u.uint64())
		case tagInt:
			p.Constants[i] = int64(u.uint64())
		case tagShrStr, tagLngStr:
			s, ok := u.str()
			if !ok {
				u.bad("missing string constant")
			}
			p.Constants[i] = s
		default:
			u.bad("constant of unknown type %d", t)
		}
	}

	p.Upvalues = make([]UpvalDesc, u.count(2))
	for i := range p.Upvalues {
		p.Upvalues[i].InStack = u.byte() != 0
		p.Upvalues[i].Index = int(u.byte())
	}

	p.Protos = make([]*Proto, u.count(1))
	for i := range p.Protos {
		p.Protos[i] = u.function(p.Source, depth+1)
	}

	if n := u.count(4); n > 0 {
		p.LineInfo = make([]int32, n)
		for i := range p.LineInfo {
			p.LineInfo[i] = int32(u.int())
		}
	}
	if n := u.count(9); n > 0 {
		p.LocVars = make([]LocVar, n)
		for i := range p.LocVars {
			p.LocVars[i].Name, _ = u.str()
			p.LocVars[i].StartPC = u.int()
			p.LocVars[i].EndPC = u.int()
		}
	}
	n := u.count(1)
	if n > len(p.Upvalues) {
		u.bad("%d upvalue names for %d upvalues", n, len(p.Upvalues))
	}
	for i := 0; i < n; i++ {
		p.Upvalues[i].Name, _ = u.str()
	}
	return p
}
