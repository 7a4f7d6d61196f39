package vm

import (
	"math"
	"strconv"

	"github.com/moonfuel/moonfuel/internal/luanum"
)

// toNumber converts v to a number: numbers as they are, strings by Lua's
// numeral rules.
func toNumber(v Value) (Value, bool) {
	if v.IsInt() || v.IsFloat() {
		return v, true
	}
	if v.IsString() {
		return strToNumber(v.AsString())
	}
	return Nil, false
}

// strToNumber converts a string to a number value.
func strToNumber(s string) (Value, bool) {
	i, f, isInt, ok := luanum.ParseNumber(s)
	if !ok {
		return Nil, false
	}
	if isInt {
		return Int(i), true
	}
	return Float(f), true
}

// toInteger converts v to an integer when it has an exact integer value.
func toInteger(v Value) (int64, bool) {
	if v.IsInt() {
		return v.AsInt(), true
	}
	if v.IsFloat() {
		return luanum.FloatToInt(v.AsFloat())
	}
	if v.IsString() {
		if n, ok := strToNumber(v.AsString()); ok {
			return toInteger(n)
		}
	}
	return 0, false
}

// numToFloat converts a number value to float64.
func numToFloat(v Value) float64 {
	if v.IsInt() {
		return float64(v.AsInt())
	}
	return v.AsFloat()
}

// toFloatCoerce converts numbers and numeric strings to float64.
func toFloatCoerce(v Value) (float64, bool) {
	if v.IsFloat() {
		return v.AsFloat(), true
	}
	if v.IsInt() {
		return float64(v.AsInt()), true
	}
	if n, ok := toNumber(v); ok {
		return numToFloat(n), true
	}
	return 0, false
}

// imod is Lua's integer modulo (floored); b != 0.
func imod(a, b int64) int64 {
	if b == -1 {
		return 0
	}
	r := a % b
	if r != 0 && (r^b) < 0 {
		r += b
	}
	return r
}

// idiv is Lua's integer floor division; b != 0.
func idiv(a, b int64) int64 {
	if b == -1 {
		return -a // avoids the overflow trap of minint / -1
	}
	q := a / b
	if (a%b != 0) && ((a ^ b) < 0) {
		q--
	}
	return q
}

// fmod is Lua's float modulo (floored).
func fmod(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) {
		return a + b
	}
	if b == 0 || math.IsInf(a, 0) {
		// glibc's fmod gives the x86 default NaN, whose sign bit is set
		return math.Float64frombits(0xFFF8000000000000)
	}
	if math.IsInf(b, 0) && !math.IsNaN(a) && !math.IsInf(a, 0) {
		if (a >= 0) == (b > 0) {
			return a
		}
		return b
	}
	r := math.Mod(a, b)
	if r != 0 && (r > 0) != (b > 0) {
		r += b
	}
	return r
}

// shiftLeft is Lua's logical shift (negative counts shift right).
func shiftLeft(x, y int64) int64 {
	if y < 0 {
		if y <= -64 {
			return 0
		}
		return int64(uint64(x) >> uint64(-y))
	}
	if y >= 64 {
		return 0
	}
	return int64(uint64(x) << uint64(y))
}

// arithInt performs an arithmetic operation on two integers (op must not be
// OpPow or OpDiv); ok is false for division by zero.
func arithInt(op ArithOp, a, b int64) (int64, bool) {
	switch op {
	case OpAdd:
		return a + b, true
	case OpSub:
		return a - b, true
	case OpMul:
		return a * b, true
	case OpMod:
		if b == 0 {
			return 0, false
		}
		return imod(a, b), true
	case OpIDiv:
		if b == 0 {
			return 0, false
		}
		return idiv(a, b), true
	case OpBAnd:
		return a & b, true
	case OpBOr:
		return a | b, true
	case OpBXor:
		return a ^ b, true
	case OpShl:
		return shiftLeft(a, b), true
	case OpShr:
		return shiftLeft(a, -b), true
	case OpUnm:
		return -a, true
	case OpBNot:
		return ^a, true
	}
	return 0, false
}

// arithFloat performs an arithmetic operation on two floats.
func arithFloat(op ArithOp, a, b float64) float64 {
	switch op {
	case OpAdd:
		return numAdd(a, b)
	case OpSub:
		return a - b
	case OpMul:
		return numMul(a, b)
	case OpMod:
		return fmod(a, b)
	case OpPow:
		return numPow(a, b)
	case OpDiv:
		return a / b
	case OpIDiv:
		return math.Floor(a / b)
	case OpUnm:
		return -a
	}
	return 0
}

// arithRaw performs a op b without metamethods (with string coercion).
// ok is false when an operand is not suitable (the caller then tries the
// metamethod and finally reports the error). Integer division by zero is
// raised here.
func arithRaw(L *Thread, op ArithOp, a, b Value) (Value, bool) {
	switch op {
	case OpBAnd, OpBOr, OpBXor, OpShl, OpShr, OpBNot:
		x, ok1 := toInteger(a)
		y, ok2 := toInteger(b)
		if !ok1 || !ok2 {
			return Nil, false
		}
		r, _ := arithInt(op, x, y)
		return Int(r), true
	case OpPow, OpDiv:
		x, ok1 := toFloatCoerce(a)
		y, ok2 := toFloatCoerce(b)
		if !ok1 || !ok2 {
			return Nil, false
		}
		return Float(arithFloat(op, x, y)), true
	}
	if a.IsInt() && b.IsInt() {
		r, ok := arithInt(op, a.AsInt(), b.AsInt())
		if !ok {
			if op == OpMod {
				L.runError("attempt to perform 'n%%0'")
			}
			L.runError("attempt to divide by zero")
		}
		return Int(r), true
	}
	// strings are converted to floats, as lvm.c's tonumber does
	x, ok1 := toFloatCoerce(a)
	y, ok2 := toFloatCoerce(b)
	if !ok1 || !ok2 {
		return Nil, false
	}
	return Float(arithFloat(op, x, y)), true
}

// itoa formats an int.
func itoa(i int) string { return strconv.Itoa(i) }

// ltNum compares two numbers exactly (a < b), integers and floats mixed.
func ltNum(a, b Value) bool {
	if a.IsInt() {
		if b.IsInt() {
			return a.AsInt() < b.AsInt()
		}
		return ltIntFloat(a.AsInt(), b.AsFloat())
	}
	if b.IsFloat() {
		return a.AsFloat() < b.AsFloat()
	}
	return ltFloatInt(a.AsFloat(), b.AsInt())
}

// leNum compares two numbers exactly (a <= b).
func leNum(a, b Value) bool {
	if a.IsInt() {
		if b.IsInt() {
			return a.AsInt() <= b.AsInt()
		}
		return leIntFloat(a.AsInt(), b.AsFloat())
	}
	if b.IsFloat() {
		return a.AsFloat() <= b.AsFloat()
	}
	return leFloatInt(a.AsFloat(), b.AsInt())
}

const twoTo63 = 9223372036854775808.0

func ltIntFloat(i int64, f float64) bool {
	if math.IsNaN(f) {
		return false
	}
	if f >= twoTo63 {
		return true
	}
	if f < -twoTo63 {
		return false
	}
	// i < f  <=>  i < ceil(f)
	c := math.Ceil(f)
	if c >= twoTo63 {
		return true
	}
	return i < int64(c)
}

func leIntFloat(i int64, f float64) bool {
	if math.IsNaN(f) {
		return false
	}
	if f >= twoTo63 {
		return true
	}
	if f < -twoTo63 {
		return false
	}
	// i <= f  <=>  i <= floor(f)
	return i <= int64(math.Floor(f))
}

func ltFloatInt(f float64, i int64) bool {
	if math.IsNaN(f) {
		return false
	}
	if f >= twoTo63 {
		return false
	}
	if f < -twoTo63 {
		return true
	}
	// f < i  <=>  floor(f) < i
	return int64(math.Floor(f)) < i
}

func leFloatInt(f float64, i int64) bool {
	if math.IsNaN(f) {
		return false
	}
	if f >= twoTo63 {
		return false
	}
	if f < -twoTo63 {
		return true
	}
	// f <= i  <=>  ceil(f) <= i
	c := math.Ceil(f)
	if c >= twoTo63 {
		return false
	}
	return int64(c) <= i
}

// strLess compares strings as strcoll in the C locale (byte-wise), with
// embedded zeros handled like Lua's l_strcmp (chunks compared in order).
func strLess(a, b string) bool { return a < b }

// numPow is Lua's '^' on floats: C's pow, with its NaN signs (luanum.Pow);
// squaring, the common case, is a multiplication.
func numPow(a, b float64) float64 {
	if b == 2 {
		return a * a
	}
	return luanum.Pow(a, b)
}

// numAdd and numMul are Lua's float + and *. When both operands are NaNs
// the reference (gcc's code for x86-64 swaps the operands of these two
// commutative operations) returns the second one, where Go's code returns
// the first: the sign of the NaN shows in tostring ("nan" or "-nan").
func numAdd(a, b float64) float64 {
	if r := a + b; r == r || b == b {
		return r
	}
	return b
}

// numMul: see numAdd.
func numMul(a, b float64) float64 {
	if r := a * b; r == r || b == b {
		return r
	}
	return b
}
