package stdlib

import (
	"math"

	"github.com/moonfuel/moonfuel/internal/crand"
	"github.com/moonfuel/moonfuel/internal/luanum"
	"github.com/moonfuel/moonfuel/vm"
)

// The math library (Lua 5.3 §6.7), with the 5.2 compatibility functions
// the reference is built with (atan2, cosh, sinh, tanh, pow, frexp, ldexp,
// log10). Integer and float results follow lmathlib exactly; NaN results
// carry the sign glibc gives them, since Lua prints "-nan" and "nan"
// differently.

// OpenMath registers the math library with a generator in the state C's
// random() starts in (the reference does not seed it either).
func OpenMath(st *vm.State) *vm.Table {
	return OpenMathSeeded(st, 1)
}

// OpenMathSeeded registers the math library with its generator seeded as
// math.randomseed(seed) would (sandboxes seed each state differently).
func OpenMathSeeded(st *vm.State, seed uint32) *vm.Table {
	g := crand.New()
	if seed != 1 {
		g.Seed(seed)
		g.Next()
	}
	t := st.NewLib("math", []vm.Reg{
		{Name: "abs", Fn: mathAbs},
		{Name: "acos", Fn: mathFloat1(luanum.Acos, luanum.NaNPos)},
		{Name: "asin", Fn: mathFloat1(luanum.Asin, luanum.NaNPos)},
		{Name: "atan", Fn: mathAtan},
		{Name: "atan2", Fn: mathAtan},
		{Name: "ceil", Fn: mathCeil},
		{Name: "cos", Fn: mathFloat1(luanum.Cos, luanum.NaNNeg)},
		{Name: "cosh", Fn: mathFloat1(luanum.Cosh, luanum.NaNNeg)},
		{Name: "deg", Fn: mathFloat1(func(x float64) float64 { return x * (180.0 / math.Pi) }, luanum.NaNNeg)},
		{Name: "exp", Fn: mathFloat1(luanum.Exp, luanum.NaNNeg)},
		{Name: "floor", Fn: mathFloor},
		{Name: "fmod", Fn: mathFmod},
		{Name: "frexp", Fn: mathFrexp},
		{Name: "ldexp", Fn: mathLdexp},
		{Name: "log", Fn: mathLog},
		{Name: "log10", Fn: mathFloat1(luanum.Log10, luanum.NaNPos)},
		{Name: "max", Fn: mathMax},
		{Name: "min", Fn: mathMin},
		{Name: "modf", Fn: mathModf},
		{Name: "pow", Fn: mathPow},
		{Name: "rad", Fn: mathFloat1(func(x float64) float64 { return x * (math.Pi / 180.0) }, luanum.NaNNeg)},
		{Name: "random", Fn: func(L *vm.Thread) int { return mathRandom(L, g) }},
		{Name: "randomseed", Fn: func(L *vm.Thread) int { return mathRandomseed(L, g) }},
		{Name: "sin", Fn: mathFloat1(luanum.Sin, luanum.NaNNeg)},
		{Name: "sinh", Fn: mathFloat1(luanum.Sinh, luanum.NaNNeg)},
		{Name: "sqrt", Fn: mathFloat1(math.Sqrt, luanum.NaNNeg)},
		{Name: "tan", Fn: mathFloat1(luanum.Tan, luanum.NaNNeg)},
		{Name: "tanh", Fn: mathFloat1(luanum.Tanh, luanum.NaNNeg)},
		{Name: "tointeger", Fn: mathToInteger},
		{Name: "type", Fn: mathType},
		{Name: "ult", Fn: mathUlt},
	})
	t.Set(vm.StringValue("pi"), vm.Float(math.Pi))
	t.Set(vm.StringValue("huge"), vm.Float(math.Inf(1)))
	t.Set(vm.StringValue("maxinteger"), vm.Int(math.MaxInt64))
	t.Set(vm.StringValue("mininteger"), vm.Int(math.MinInt64))
	return t
}

// mathFloat1 wraps a float function of one argument.
func mathFloat1(f func(float64) float64, nan float64) vm.GoFunction {
	return func(L *vm.Thread) int {
		x := L.CheckNumber(1)
		L.Push(vm.Float(luanum.FixNaN(f(x), nan, x)))
		return 1
	}
}

// mathPushNumInt pushes d as an integer when it has an exact integer value,
// else as a float (lmathlib's pushnumint).
func mathPushNumInt(L *vm.Thread, d float64) {
	if n, ok := luanum.FloatToInt(d); ok {
		L.Push(vm.Int(n))
	} else {
		L.Push(vm.Float(d))
	}
}

func mathAbs(L *vm.Thread) int {
	if v := L.Arg(1); v.IsInt() {
		n := v.AsInt()
		if n < 0 {
			n = int64(0 - uint64(n))
		}
		L.Push(vm.Int(n))
		return 1
	}
	L.Push(vm.Float(math.Abs(L.CheckNumber(1))))
	return 1
}

func mathAtan(L *vm.Thread) int {
	y := L.CheckNumber(1)
	x := L.OptNumber(2, 1)
	L.Push(vm.Float(luanum.Atan2(y, x)))
	return 1
}

func mathFloor(L *vm.Thread) int {
	if v := L.Arg(1); v.IsInt() {
		L.Push(v) // an integer is its own floor
		return 1
	}
	x := L.CheckNumber(1)
	mathPushNumInt(L, luanum.FixNaN(math.Floor(x), luanum.NaNNeg, x))
	return 1
}

func mathCeil(L *vm.Thread) int {
	if v := L.Arg(1); v.IsInt() {
		L.Push(v)
		return 1
	}
	x := L.CheckNumber(1)
	mathPushNumInt(L, luanum.FixNaN(math.Ceil(x), luanum.NaNNeg, x))
	return 1
}

func mathFmod(L *vm.Thread) int {
	a, b := L.Arg(1), L.Arg(2)
	if a.IsInt() && b.IsInt() {
		d := b.AsInt()
		if uint64(d)+1 <= 1 { // special cases: -1 or 0
			if d == 0 {
				L.ArgError(2, "zero")
			}
			L.Push(vm.Int(0)) // avoids overflow with mininteger % -1
		} else {
			L.Push(vm.Int(a.AsInt() % d))
		}
		return 1
	}
	y := L.CheckNumber(2) // the reference checks its arguments right to left
	x := L.CheckNumber(1)
	L.Push(vm.Float(luanum.FixNaN(math.Mod(x, y), luanum.NaNNeg, x, y)))
	return 1
}

func mathModf(L *vm.Thread) int {
	if v := L.Arg(1); v.IsInt() {
		L.Push(v)           // a number is its own integer part
		L.Push(vm.Float(0)) // no fractional part
		return 2
	}
	n := L.CheckNumber(1)
	var ip float64 // integer part (rounds toward zero)
	if n < 0 {
		ip = math.Ceil(n)
	} else {
		ip = math.Floor(n)
	}
	ip = luanum.FixNaN(ip, luanum.NaNNeg, n)
	mathPushNumInt(L, ip)
	if n == ip { // test needed for inf/-inf
		L.Push(vm.Float(0))
	} else {
		L.Push(vm.Float(luanum.FixNaN(n-ip, luanum.NaNNeg, n)))
	}
	return 2
}

func mathLog(L *vm.Thread) int {
	x := L.CheckNumber(1)
	var res float64
	if L.Arg(2).IsNil() {
		res = luanum.Log(x)
	} else {
		base := L.CheckNumber(2)
		switch base {
		case 2:
			res = luanum.Log2(x)
		case 10:
			res = luanum.Log10(x)
		default:
			lx := luanum.Log(x)
			lb := luanum.Log(base)
			res = luanum.FixNaN(lx/lb, luanum.NaNNeg, lx, lb)
		}
	}
	L.Push(vm.Float(res))
	return 1
}

func mathPow(L *vm.Thread) int {
	x, y := L.CheckNumber(1), L.CheckNumber(2)
	L.Push(vm.Float(luanum.Pow(x, y)))
	return 1
}

func mathFrexp(L *vm.Thread) int {
	x := L.CheckNumber(1)
	f, e := math.Frexp(x)
	L.Push(vm.Float(f))
	L.Push(vm.Int(int64(e)))
	return 2
}

func mathLdexp(L *vm.Thread) int {
	x := L.CheckNumber(1)
	e := L.CheckInteger(2)
	// C's ldexp takes an int: the reference truncates the exponent.
	L.Push(vm.Float(math.Ldexp(x, int(int32(e)))))
	return 1
}

func mathToInteger(L *vm.Thread) int {
	if n, ok := L.ToInteger(L.Arg(1)); ok {
		L.Push(vm.Int(n))
		return 1
	}
	L.CheckAny(1)
	L.Push(vm.Nil)
	return 1
}

func mathType(L *vm.Thread) int {
	switch v := L.Arg(1); {
	case v.IsInt():
		L.PushString("integer")
	case v.IsFloat():
		L.PushString("float")
	default:
		L.CheckAny(1)
		L.Push(vm.Nil)
	}
	return 1
}

func mathUlt(L *vm.Thread) int {
	a, b := L.CheckInteger(1), L.CheckInteger(2)
	L.Push(vm.Bool(uint64(a) < uint64(b)))
	return 1
}

func mathMin(L *vm.Thread) int {
	n := L.NArgs()
	if n < 1 {
		L.ArgError(1, "value expected")
	}
	L.ChargeFuel(tabElemFuel(int64(n)))
	best := L.Arg(1)
	for i := 2; i <= n; i++ {
		v := L.Arg(i)
		if v.IsString() && best.IsString() {
			L.ChargeFuel(vm.ByteCost(min(len(v.AsString()), len(best.AsString()))))
		}
		if L.LessThan(v, best) {
			best = v
		}
	}
	L.Push(best)
	return 1
}

func mathMax(L *vm.Thread) int {
	n := L.NArgs()
	if n < 1 {
		L.ArgError(1, "value expected")
	}
	L.ChargeFuel(tabElemFuel(int64(n)))
	best := L.Arg(1)
	for i := 2; i <= n; i++ {
		v := L.Arg(i)
		if v.IsString() && best.IsString() {
			L.ChargeFuel(vm.ByteCost(min(len(v.AsString()), len(best.AsString()))))
		}
		if L.LessThan(best, v) {
			best = v
		}
	}
	L.Push(best)
	return 1
}

func mathRandom(L *vm.Thread, g *crand.Rand) int {
	r := g.Float()
	var low, up int64
	switch L.NArgs() {
	case 0:
		L.Push(vm.Float(r))
		return 1
	case 1:
		low, up = 1, L.CheckInteger(1)
	case 2:
		low, up = L.CheckInteger(1), L.CheckInteger(2)
	default:
		L.Errorf("wrong number of arguments")
	}
	if low > up {
		L.ArgError(1, "interval is empty")
	}
	if !(low >= 0 || up <= math.MaxInt64+low) {
		L.ArgError(1, "interval too large")
	}
	r *= float64(up-low) + 1.0
	L.Push(vm.Int(mathFloatToIntC(r) + low))
	return 1
}

// mathFloatToIntC converts as a C cast from double to a 64-bit integer does
// on x86-64: out-of-range values give mininteger.
func mathFloatToIntC(f float64) int64 {
	if f >= -9223372036854775808.0 && f < 9223372036854775808.0 {
		return int64(f)
	}
	return math.MinInt64
}

func mathRandomseed(L *vm.Thread, g *crand.Rand) int {
	n := L.CheckNumber(1)
	// (unsigned int)(lua_Integer)n, as the reference computes the seed
	g.Seed(uint32(mathFloatToIntC(n)))
	g.Next() // discard the first value to avoid correlations
	return 0
}
