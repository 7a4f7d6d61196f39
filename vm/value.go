package vm

import (
	"math"
	"unsafe"
)

// Value is a Lua value. It is two machine words and never allocates for nil,
// booleans, integers, floats, or Go functions without upvalues.
//
// Representation (internal; use the constructors and accessors):
//
//	nil:        p == nil
//	boolean:    p == &boolTag,  n == 0 or 1
//	integer:    p == &intTag,   n == uint64(int64)
//	float:      p == &floatTag, n == math.Float64bits
//	string:     p == first byte of the string's data (or &emptyTag for ""),
//	            n == length | kindString<<kindShift
//	other refs: p == pointer to the object, n == kind<<kindShift
type Value struct {
	p unsafe.Pointer
	n uint64
}

// sentinels whose addresses tag the immediate kinds.
var boolTag, intTag, floatTag, emptyTag byte

const (
	kindShift = 56
	lenMask   = 1<<kindShift - 1
)

// kinds of reference values, stored in the top byte of n.
const (
	kindString uint64 = iota + 1
	kindTable
	kindLuaFunction
	kindGoFunction
	kindUserdata
	kindThread
)

// Type is a Lua type, as returned by the type function.
type Type uint8

// Lua types.
const (
	TypeNil Type = iota
	TypeBoolean
	TypeNumber
	TypeString
	TypeTable
	TypeFunction
	TypeUserdata
	TypeThread
)

var typeNames = [...]string{"nil", "boolean", "number", "string", "table", "function", "userdata", "thread"}

// String returns the type's Lua name ("nil", "number", ...).
func (t Type) String() string { return typeNames[t] }

// Nil is the nil value (the zero Value).
var Nil = Value{}

// True and False are the boolean values.
var (
	True  = Value{unsafe.Pointer(&boolTag), 1}
	False = Value{unsafe.Pointer(&boolTag), 0}
)

// Bool returns the boolean value b.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Int returns the integer value i.
func Int(i int64) Value { return Value{unsafe.Pointer(&intTag), uint64(i)} }

// Float returns the float value f.
func Float(f float64) Value { return Value{unsafe.Pointer(&floatTag), math.Float64bits(f)} }

// stringValue wraps a Go string without copying it. It does not charge the
// state's heap: callers that create new strings must charge first (see
// State.NewString); constants and literals are shared and not charged.
func stringValue(s string) Value {
	if len(s) == 0 {
		return Value{unsafe.Pointer(&emptyTag), kindString << kindShift}
	}
	return Value{unsafe.Pointer(unsafe.StringData(s)), uint64(len(s)) | kindString<<kindShift}
}

// refValue wraps a pointer to a reference object of the given kind.
func refValue(p unsafe.Pointer, kind uint64) Value { return Value{p, kind << kindShift} }

// kind returns the reference kind of v, or 0 for nil and immediates.
func (v Value) kind() uint64 {
	switch v.p {
	case nil, unsafe.Pointer(&boolTag), unsafe.Pointer(&intTag), unsafe.Pointer(&floatTag):
		return 0
	}
	return v.n >> kindShift
}

// isTable, isStr and isLuaFunction are kind() == kindTable, kindString and
// kindLuaFunction for the dispatch loop: the payload word is compared first
// (it settles most values at once), and the tag test only rules out the
// integers and floats whose payload happens to look the same. Nil and
// booleans have payloads 0 and 1, which no reference kind has.
func (v Value) isTable() bool {
	return v.n == kindTable<<kindShift && v.p != unsafe.Pointer(&intTag) && v.p != unsafe.Pointer(&floatTag)
}

func (v Value) isStr() bool {
	return v.n>>kindShift == kindString && v.p != unsafe.Pointer(&intTag) && v.p != unsafe.Pointer(&floatTag)
}

func (v Value) isLuaFunction() bool {
	return v.n == kindLuaFunction<<kindShift && v.p != unsafe.Pointer(&intTag) && v.p != unsafe.Pointer(&floatTag)
}

// Type returns v's Lua type.
func (v Value) Type() Type {
	switch v.p {
	case nil:
		return TypeNil
	case unsafe.Pointer(&boolTag):
		return TypeBoolean
	case unsafe.Pointer(&intTag), unsafe.Pointer(&floatTag):
		return TypeNumber
	}
	switch v.n >> kindShift {
	case kindString:
		return TypeString
	case kindTable:
		return TypeTable
	case kindLuaFunction, kindGoFunction:
		return TypeFunction
	case kindUserdata:
		return TypeUserdata
	case kindThread:
		return TypeThread
	}
	panic("vm: corrupt value")
}

// TypeName returns the Lua name of v's type.
func (v Value) TypeName() string { return v.Type().String() }

// IsNil reports whether v is nil.
func (v Value) IsNil() bool { return v.p == nil }

// IsInt reports whether v is an integer.
func (v Value) IsInt() bool { return v.p == unsafe.Pointer(&intTag) }

// IsFloat reports whether v is a float.
func (v Value) IsFloat() bool { return v.p == unsafe.Pointer(&floatTag) }

// IsNumber reports whether v is an integer or a float.
func (v Value) IsNumber() bool { return v.IsInt() || v.IsFloat() }

// IsString reports whether v is a string.
func (v Value) IsString() bool { return v.kind() == kindString }

// IsFalsy reports whether v is nil or false.
func (v Value) IsFalsy() bool { return v.p == nil || v == False }

// AsInt returns v's integer payload; v must be an integer.
func (v Value) AsInt() int64 { return int64(v.n) }

// AsFloat returns v's float payload; v must be a float.
func (v Value) AsFloat() float64 { return math.Float64frombits(v.n) }

// AsBool returns v's boolean payload; v must be a boolean.
func (v Value) AsBool() bool { return v.n != 0 }

// AsString returns v's string payload without copying; v must be a string.
func (v Value) AsString() string {
	n := v.n & lenMask
	if n == 0 {
		return ""
	}
	return unsafe.String((*byte)(v.p), int(n))
}

// rawEquals reports primitive equality (no metamethods): same type and same
// value, with strings compared by content and 1 == 1.0.
func rawEquals(a, b Value) bool {
	if a == b {
		return a.p != unsafe.Pointer(&floatTag) || a.AsFloat() == a.AsFloat()
	}
	switch {
	case a.IsInt():
		return b.IsFloat() && floatFitsInt(b.AsFloat()) && int64(b.AsFloat()) == a.AsInt()
	case a.IsFloat():
		if b.IsFloat() {
			return a.AsFloat() == b.AsFloat()
		}
		return b.IsInt() && floatFitsInt(a.AsFloat()) && int64(a.AsFloat()) == b.AsInt()
	}
	return a.n == b.n && a.n>>kindShift == kindString && a.AsString() == b.AsString()
}

// floatFitsInt reports whether f has an exact int64 representation.
func floatFitsInt(f float64) bool {
	return f >= -9223372036854775808.0 && f < 9223372036854775808.0 && f == math.Trunc(f)
}
