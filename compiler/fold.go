package compiler

import (
	"math"

	"github.com/moonfuel/moonfuel/ast"
)

// Constant folding, exactly as Lua 5.3 does it: only numeric operands, no
// division or modulo by zero, bitwise operations only on values with an
// exact integer representation, and no folding whose result is a float NaN
// or zero (to keep -0.0 out of constant tables).

// floatToInt converts a float with an exact integer value to that integer.
func floatToInt(f float64) (int64, bool) {
	if math.Floor(f) != f {
		return 0, false
	}
	if f >= -9223372036854775808.0 && f < 9223372036854775808.0 {
		return int64(f), true
	}
	return 0, false
}

func (e *expDesc) toInt() (int64, bool) {
	if e.k == kInt {
		return e.ival, true
	}
	return floatToInt(e.nval)
}

func (e *expDesc) toFloat() float64 {
	if e.k == kInt {
		return float64(e.ival)
	}
	return e.nval
}

// intMod is Lua's integer modulo (floor semantics); n must not be 0.
func intMod(m, n int64) int64 {
	if n == -1 {
		return 0
	}
	r := m % n
	if r != 0 && (r^n) < 0 {
		r += n
	}
	return r
}

// intDiv is Lua's integer floor division; n must not be 0.
func intDiv(m, n int64) int64 {
	if n == -1 {
		return -m
	}
	q := m / n
	if (m^n) < 0 && m%n != 0 {
		q--
	}
	return q
}

// shiftLeft is Lua's logical shift: negative y shifts right; shifts of 64 or
// more bits give 0.
func shiftLeft(x, y int64) int64 {
	if y < 0 {
		if y <= -64 {
			return 0
		}
		return int64(uint64(x) >> uint(-y))
	}
	if y >= 64 {
		return 0
	}
	return int64(uint64(x) << uint(y))
}

// floatMod is Lua's float modulo (result has the sign of the divisor).
func floatMod(a, b float64) float64 {
	m := math.Mod(a, b)
	if m != 0 && (m > 0) != (b > 0) {
		m += b
	}
	return m
}

// foldBinary folds e1 op e2 into e1 when both are numerals and the
// operation is safe to fold; it reports whether it did.
func foldBinary(op ast.BinaryOp, e1, e2 *expDesc) bool {
	var ri int64
	var rf float64
	isInt := false
	switch op {
	case ast.OpBAnd, ast.OpBOr, ast.OpBXor, ast.OpShl, ast.OpShr:
		a, ok1 := e1.toInt()
		b, ok2 := e2.toInt()
		if !ok1 || !ok2 {
			return false
		}
		isInt = true
		switch op {
		case ast.OpBAnd:
			ri = a & b
		case ast.OpBOr:
			ri = a | b
		case ast.OpBXor:
			ri = a ^ b
		case ast.OpShl:
			ri = shiftLeft(a, b)
		case ast.OpShr:
			ri = shiftLeft(a, -b)
		}
	case ast.OpDiv, ast.OpPow:
		b := e2.toFloat()
		if op == ast.OpDiv && b == 0 {
			return false
		}
		a := e1.toFloat()
		if op == ast.OpDiv {
			rf = a / b
		} else {
			rf = math.Pow(a, b)
		}
	default: // + - * % //
		if (op == ast.OpMod || op == ast.OpIDiv) && e2.toFloat() == 0 {
			return false
		}
		if e1.k == kInt && e2.k == kInt {
			a, b := e1.ival, e2.ival
			isInt = true
			switch op {
			case ast.OpAdd:
				ri = a + b
			case ast.OpSub:
				ri = a - b
			case ast.OpMul:
				ri = a * b
			case ast.OpMod:
				ri = intMod(a, b)
			case ast.OpIDiv:
				ri = intDiv(a, b)
			}
		} else {
			a, b := e1.toFloat(), e2.toFloat()
			switch op {
			case ast.OpAdd:
				rf = a + b
			case ast.OpSub:
				rf = a - b
			case ast.OpMul:
				rf = a * b
			case ast.OpMod:
				rf = floatMod(a, b)
			case ast.OpIDiv:
				rf = math.Floor(a / b)
			}
		}
	}
	return setFolded(e1, isInt, ri, rf)
}

func setFolded(e *expDesc, isInt bool, ri int64, rf float64) bool {
	if isInt {
		e.k = kInt
		e.ival = ri
		return true
	}
	if math.IsNaN(rf) || rf == 0 {
		return false
	}
	e.k = kFlt
	e.nval = rf
	return true
}

// foldUnary folds -e or ~e for a numeral e.
func foldUnary(op ast.UnaryOp, e *expDesc) bool {
	if op == ast.OpBNot {
		a, ok := e.toInt()
		if !ok {
			return false
		}
		return setFolded(e, true, ^a, 0)
	}
	if e.k == kInt {
		return setFolded(e, true, -e.ival, 0)
	}
	return setFolded(e, false, 0, -e.nval)
}
