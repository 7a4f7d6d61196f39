package compiler

import (
	"encoding/binary"
	"math"
)

// Binary chunks use Lua 5.3's format (ldump.c/lundump.c) for a 64-bit
// little-endian platform, the same bytes `luac5.3` writes on x86-64 and
// arm64, so chunks move both ways between moonfuel and the reference:
//
//	header   "\x1bLua" 0x53 0x00 "\x19\x93\r\n\x1a\n"
//	         sizeof(int)=4 sizeof(size_t)=8 sizeof(Instruction)=4
//	         sizeof(lua_Integer)=8 sizeof(lua_Number)=8
//	         LUAC_INT (int64 0x5678) LUAC_NUM (float64 370.5)
//	byte     number of upvalues of the main function
//	function source, linedefined, lastlinedefined (int), numparams,
//	         is_vararg, maxstacksize (byte), code, constants, upvalues,
//	         nested functions, debug information (line info, locals,
//	         upvalue names)
//
// Integers ("int") are 4-byte little-endian; strings are a length byte
// holding len+1 (0 for "no string", 0xFF followed by an 8-byte size_t for
// long ones) and the bytes without a terminator.

// Header is the fixed header of every binary chunk this package writes and
// reads.
const Header = "\x1bLua\x53\x00\x19\x93\r\n\x1a\n\x04\x08\x04\x08\x08" +
	"\x78\x56\x00\x00\x00\x00\x00\x00" + // LUAC_INT 0x5678
	"\x00\x00\x00\x00\x00\x28\x77\x40" // LUAC_NUM 370.5

// Constant type tags of the format (Lua's type tags with variant bits).
const (
	tagNil    = 0
	tagBool   = 1
	tagFloat  = 3      // LUA_TNUMFLT
	tagInt    = 3 | 16 // LUA_TNUMINT
	tagShrStr = 4      // LUA_TSHRSTR
	tagLngStr = 4 | 16 // LUA_TLNGSTR

	// maxShortLen is LUAI_MAXSHORTLEN: longer strings are tagged long.
	maxShortLen = 40
)

// StrippedSource is the source name of a function whose binary chunk was
// stripped of debug information, as Lua reports it.
const StrippedSource = "=?"

// Dump serialises p in Lua 5.3's binary chunk format. With strip, debug
// information (source, line info, local and upvalue names) is left out, as
// string.dump(f, true) and luac -s do.
func Dump(p *Proto, strip bool) []byte {
	d := dumper{strip: strip, b: make([]byte, 0, 64+8*len(p.Code))}
	d.b = append(d.b, Header...)
	d.b = append(d.b, byte(len(p.Upvalues)))
	d.function(p, "", false)
	return d.b
}

type dumper struct {
	b     []byte
	strip bool
}

func (d *dumper) int(x int) { d.b = binary.LittleEndian.AppendUint32(d.b, uint32(int32(x))) }

func (d *dumper) str(s string) {
	n := uint64(len(s)) + 1
	if n < 0xFF {
		d.b = append(d.b, byte(n))
	} else {
		d.b = append(d.b, 0xFF)
		d.b = binary.LittleEndian.AppendUint64(d.b, n)
	}
	d.b = append(d.b, s...)
}

func (d *dumper) bool(x bool) {
	if x {
		d.b = append(d.b, 1)
	} else {
		d.b = append(d.b, 0)
	}
}

// function writes p; psource is the parent's source (hasParent is false for
// the main function), which a nested function with the same source does not
// repeat.
func (d *dumper) function(p *Proto, psource string, hasParent bool) {
	if d.strip || (hasParent && p.Source == psource) {
		d.b = append(d.b, 0) // no source
	} else {
		d.str(p.Source)
	}
	d.int(p.LineDefined)
	d.int(p.LastLineDefined)
	d.b = append(d.b, byte(p.NumParams))
	d.bool(p.IsVararg)
	d.b = append(d.b, byte(p.MaxStackSize))

	d.int(len(p.Code))
	for _, i := range p.Code {
		d.b = binary.LittleEndian.AppendUint32(d.b, uint32(i))
	}

	d.int(len(p.Constants))
	for _, c := range p.Constants {
		switch c := c.(type) {
		case bool:
			d.b = append(d.b, tagBool)
			d.bool(c)
		case int64:
			d.b = append(d.b, tagInt)
			d.b = binary.LittleEndian.AppendUint64(d.b, uint64(c))
		case float64:
			d.b = append(d.b, tagFloat)
			d.b = binary.LittleEndian.AppendUint64(d.b, math.Float64bits(c))
		case string:
			if len(c) <= maxShortLen {
				d.b = append(d.b, tagShrStr)
			} else {
				d.b = append(d.b, tagLngStr)
			}
			d.str(c)
		default: // nil
			d.b = append(d.b, tagNil)
		}
	}

	d.int(len(p.Upvalues))
	for _, u := range p.Upvalues {
		d.bool(u.InStack)
		d.b = append(d.b, byte(u.Index))
	}

	d.int(len(p.Protos))
	for _, sub := range p.Protos {
		d.function(sub, p.Source, true)
	}

	if d.strip {
		d.int(0) // line info
		d.int(0) // locals
		d.int(0) // upvalue names
		return
	}
	d.int(len(p.LineInfo))
	for _, l := range p.LineInfo {
		d.int(int(l))
	}
	d.int(len(p.LocVars))
	for _, lv := range p.LocVars {
		d.str(lv.Name)
		d.int(lv.StartPC)
		d.int(lv.EndPC)
	}
	d.int(len(p.Upvalues))
	for _, u := range p.Upvalues {
		if u.Name == "" {
			d.b = append(d.b, 0) // a name lost to an earlier strip
		} else {
			d.str(u.Name)
		}
	}
}
