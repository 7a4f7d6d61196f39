package luanum

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// ulpError returns |got - ref| in units of the last place of the double
// nearest to ref (subnormal results count in units of 2^-1074), or +Inf when
// got is infinite but ref does not round to infinity (and the reverse).
func ulpError(got float64, ref *big.Float) float64 {
	r, _ := ref.Float64() // nearest double (±Inf past the overflow threshold)
	if math.IsInf(r, 0) || math.IsInf(got, 0) {
		if r == got {
			return 0
		}
		return math.Inf(1)
	}
	_, e := math.Frexp(r)
	if r == 0 || e < -1021 {
		e = -1021
	}
	ulp := math.Ldexp(1, e-53)
	d := new(big.Float).SetPrec(bigPrec).Sub(newBig(got), ref)
	f, _ := d.Float64()
	return math.Abs(f) / ulp
}

// checkPow compares Pow(x, y) with the math/big reference: correct rounding
// allows 0.5 ulp, plus a hair for the reference's own error.
func checkPow(t *testing.T, x, y float64) {
	t.Helper()
	if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) || x == 0 || y == 0 {
		return
	}
	if x < 0 && math.Trunc(y) != y {
		if got := Pow(x, y); math.Float64bits(got) != math.Float64bits(NaNNeg) {
			t.Errorf("Pow(%x, %x) = %x, want -nan", x, y, got)
		}
		return
	}
	// The reference computes exp(y log|x|); past these bounds the result is
	// a sure overflow or underflow, too far for bigExp.
	l := math.Log2(math.Abs(x)) * y
	got := Pow(x, y)
	if l > 1100 {
		if !math.IsInf(got, 0) {
			t.Errorf("Pow(%x, %x) = %x, want ±inf", x, y, got)
		}
		return
	}
	if l < -1100 {
		if got != 0 {
			t.Errorf("Pow(%x, %x) = %x, want ±0", x, y, got)
		}
		return
	}
	if u := ulpError(got, bigPow(x, y)); u > 0.5+1e-9 {
		t.Errorf("Pow(%x, %x) = %x: error %.6f ulp", x, y, got, u)
	}
}

// randOperands gives pow operands of the kinds that matter: any magnitude,
// x near 1 with big y, integer y, subnormal and huge results.
func randOperands(r *rand.Rand) (x, y float64) {
	switch r.IntN(5) {
	case 0:
		x = math.Ldexp(1+r.Float64(), r.IntN(2046)-1022)
		y = (r.Float64()*2 - 1) * 1100 / math.Max(math.Abs(math.Log2(x)), 1e-3)
	case 1:
		x = 1 + math.Ldexp(r.Float64()-0.5, -r.IntN(50))
		y = math.Ldexp(r.Float64()-0.5, r.IntN(62))
	case 2:
		x = math.Ldexp(r.Float64()-0.5, r.IntN(60)-30)
		y = float64(r.IntN(141) - 70)
	case 3:
		x = math.Ldexp(1+r.Float64(), r.IntN(2098)-1074)
		y = r.Float64()*6 - 3
	default:
		x = r.Float64() * 100
		y = r.Float64()*100 - 50
	}
	return
}

// TestPowReference checks Pow on random operands against math/big.
func TestPowReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	n := 300
	if testing.Short() {
		n = 50
	}
	for i := 0; i < n; i++ {
		x, y := randOperands(r)
		checkPow(t, x, y)
	}
}

// TestExpLogReference checks Exp, Log and Log2 on random arguments against
// math/big.
func TestExpLogReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < 200; i++ {
		x := (r.Float64()*2 - 1) * 745
		if i%3 == 0 {
			x = math.Ldexp(r.Float64()-0.5, -r.IntN(60))
		}
		if u := ulpError(Exp(x), bigExp(newBig(x))); u > 0.5+1e-9 {
			t.Errorf("Exp(%x) = %x: error %.6f ulp", x, Exp(x), u)
		}
		x = math.Ldexp(1+r.Float64(), r.IntN(2098)-1074)
		if i%3 == 0 {
			x = 1 + math.Ldexp(r.Float64()-0.5, -r.IntN(52))
		}
		if x == 1 {
			continue
		}
		l := bigLog(newBig(x))
		if u := ulpError(Log(x), l); u > 0.5+1e-9 {
			t.Errorf("Log(%x) = %x: error %.6f ulp", x, Log(x), u)
		}
		if u := ulpError(Log2(x), l.Quo(l, bigLn2)); u > 0.5+1e-9 {
			t.Errorf("Log2(%x) = %x: error %.6f ulp", x, Log2(x), u)
		}
	}
}

// FuzzPow compares Pow with the math/big reference on arbitrary operands.
func FuzzPow(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 20; i++ {
		x, y := randOperands(r)
		f.Add(x, y)
	}
	f.Add(0x1p63-1, math.Log(3))
	f.Add(-1/3.0, 3.0)
	f.Add(3.0, 34.0)
	f.Add(0x1p-1074, 0.5)
	f.Add(0x1.fffffffffffffp1023, 1.0000001)
	f.Add(1.0000000001, 1e15)
	f.Fuzz(func(t *testing.T, x, y float64) {
		checkPow(t, x, y)
	})
}

// TestTrigReference checks Sin, Cos and Tan against math/big, the argument
// reduced with 1600 bits of pi.
func TestTrigReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	const prec = 1600
	pi2 := bigPi(prec)
	pi2.SetMantExp(pi2, -1)
	for i := 0; i < 80; i++ {
		x := math.Ldexp(r.Float64()*2-1, r.IntN(1080)-60)
		if i%4 == 0 { // near a multiple of pi/2
			x = float64(r.IntN(1e6)) * (math.Pi / 2) * (1 + math.Ldexp(r.Float64()-0.5, -r.IntN(30)-20))
		}
		bx := new(big.Float).SetPrec(prec).SetFloat64(x)
		k := new(big.Float).SetPrec(prec).Quo(bx, pi2)
		ki, _ := k.Int(nil)
		kf := new(big.Float).SetPrec(prec).SetInt(ki)
		red := new(big.Float).SetPrec(prec).Sub(bx, kf.Mul(kf, pi2))
		red.SetPrec(bigPrec)
		s, c := bigSin(red), bigCos(red)
		switch new(big.Int).And(ki, big.NewInt(3)).Int64() {
		case 1:
			s, c = c, s.Neg(s)
		case 2:
			s, c = s.Neg(s), c.Neg(c)
		case 3:
			s, c = c.Neg(c), s
		}
		if u := ulpError(Sin(x), s); u > 0.5+1e-9 {
			t.Errorf("Sin(%x) = %x: error %.6f ulp", x, Sin(x), u)
		}
		if u := ulpError(Cos(x), c); u > 0.5+1e-9 {
			t.Errorf("Cos(%x) = %x: error %.6f ulp", x, Cos(x), u)
		}
		if u := ulpError(Tan(x), s.Quo(s, c)); u > 0.5+1e-9 {
			t.Errorf("Tan(%x) = %x: error %.6f ulp", x, Tan(x), u)
		}
	}
}
