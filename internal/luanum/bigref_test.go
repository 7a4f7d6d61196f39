package luanum

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"os"
	"testing"
)

// Slow, simple references in math/big for the tests of the
// double-double functions, and the generator of their tables
// (LUANUM_WRITE_TABLES=1 go test -run TestTables ./internal/luanum
// rewrites tables.go; without it the test checks that the file is what
// the generator would write).

const bigPrec = 256

func newBig(x float64) *big.Float { return new(big.Float).SetPrec(bigPrec).SetFloat64(x) }

// bigAtanhSeries returns 2*atanh(s) = log((1+s)/(1-s)) for a small s.
func bigAtanhSeries(s *big.Float) *big.Float {
	s2 := new(big.Float).SetPrec(bigPrec).Mul(s, s)
	sum := new(big.Float).SetPrec(bigPrec).Set(s)
	term := new(big.Float).SetPrec(bigPrec).Set(s)
	eps := new(big.Float).SetPrec(bigPrec).SetMantExp(big.NewFloat(1), -bigPrec-8)
	t := new(big.Float).SetPrec(bigPrec)
	for k := int64(3); ; k += 2 {
		term.Mul(term, s2)
		t.Quo(term, new(big.Float).SetPrec(bigPrec).SetInt64(k))
		sum.Add(sum, t)
		if new(big.Float).Abs(t).Cmp(eps) < 0 {
			break
		}
	}
	return sum.Mul(sum, big.NewFloat(2))
}

var bigLn2 = bigAtanhSeries(new(big.Float).SetPrec(bigPrec).Quo(newBig(1), newBig(3)))

// bigLog is the natural logarithm of v > 0.
func bigLog(v *big.Float) *big.Float {
	m := new(big.Float).SetPrec(bigPrec)
	e := v.MantExp(m) // v = m * 2^e, m in [0.5, 1)
	if m.Cmp(newBig(math.Sqrt2/2)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	num := new(big.Float).SetPrec(bigPrec).Sub(m, newBig(1))
	den := new(big.Float).SetPrec(bigPrec).Add(m, newBig(1))
	r := bigAtanhSeries(num.Quo(num, den))
	return r.Add(r, new(big.Float).SetPrec(bigPrec).Mul(bigLn2, newBig(float64(e))))
}

// bigExp is e^t for |t| < 2000.
func bigExp(t *big.Float) *big.Float {
	// t = k*ln2 + r, |r| <= ln2/2; e^r from its series at r/2^16, squared.
	q := new(big.Float).SetPrec(bigPrec).Quo(t, bigLn2)
	qf, _ := q.Float64()
	k := math.Round(qf)
	r := new(big.Float).SetPrec(bigPrec).Mul(bigLn2, newBig(k))
	r.Sub(t, r)
	r.SetMantExp(r, -16)
	sum := newBig(1)
	term := newBig(1)
	eps := new(big.Float).SetPrec(bigPrec).SetMantExp(big.NewFloat(1), -bigPrec-8)
	for n := int64(1); ; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetPrec(bigPrec).SetInt64(n))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for i := 0; i < 16; i++ {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

// bigAtanInv is atan(1/n) at precision prec.
func bigAtanInv(n int64, prec uint) *big.Float {
	x := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), new(big.Float).SetPrec(prec).SetInt64(n))
	x2 := new(big.Float).SetPrec(prec).Mul(x, x)
	sum := new(big.Float).SetPrec(prec).Set(x)
	term := new(big.Float).SetPrec(prec).Set(x)
	t := new(big.Float).SetPrec(prec)
	for k := int64(3); term.MantExp(nil) > -int(prec)-8; k += 2 {
		term.Mul(term, x2)
		t.Quo(term, new(big.Float).SetPrec(prec).SetInt64(k))
		if k%4 == 3 {
			sum.Sub(sum, t)
		} else {
			sum.Add(sum, t)
		}
	}
	return sum
}

// bigPi is pi = 16 atan(1/5) - 4 atan(1/239) (Machin).
func bigPi(prec uint) *big.Float {
	a := bigAtanInv(5, prec)
	a.Mul(a, new(big.Float).SetPrec(prec).SetInt64(16))
	b := bigAtanInv(239, prec)
	b.Mul(b, new(big.Float).SetPrec(prec).SetInt64(4))
	return a.Sub(a, b)
}

// bigSinCos returns the series sum of x^k/k! with alternating signs over
// the k of the parity of k0: sin for k0 = 1, cos for k0 = 0 (|x| < 8).
func bigSinCos(x *big.Float, k0 int64) *big.Float {
	x2 := new(big.Float).SetPrec(bigPrec).Mul(x, x)
	term := newBig(1)
	if k0 == 1 {
		term.Set(x)
	}
	sum := new(big.Float).SetPrec(bigPrec).Set(term)
	for k := k0 + 2; term.Sign() != 0 && term.MantExp(nil) > -bigPrec-8; k += 2 {
		term.Mul(term, x2)
		term.Quo(term, new(big.Float).SetPrec(bigPrec).SetInt64(-(k-1)*k))
		sum.Add(sum, term)
	}
	return sum
}

func bigSin(x *big.Float) *big.Float { return bigSinCos(x, 1) }

// bigAtan is atan(x): halved by atan x = 2 atan(x / (1 + sqrt(1 + x^2)))
// until |x| < 2^-12, then its series.
func bigAtan(x *big.Float) *big.Float {
	x = new(big.Float).SetPrec(bigPrec).Set(x)
	k := 0
	one := newBig(1)
	for x.Sign() != 0 && x.MantExp(nil) > -12 {
		t := new(big.Float).SetPrec(bigPrec).Mul(x, x)
		t.Add(t, one)
		t.Sqrt(t)
		x.Quo(x, t.Add(t, one))
		k++
	}
	x2 := new(big.Float).SetPrec(bigPrec).Mul(x, x)
	sum := new(big.Float).SetPrec(bigPrec).Set(x)
	term := new(big.Float).SetPrec(bigPrec).Set(x)
	t := new(big.Float).SetPrec(bigPrec)
	for j := int64(3); term.Sign() != 0 && term.MantExp(nil) > x.MantExp(nil)-bigPrec-8; j += 2 {
		term.Mul(term, x2)
		term.Neg(term)
		sum.Add(sum, t.Quo(term, new(big.Float).SetPrec(bigPrec).SetInt64(j)))
	}
	return sum.SetMantExp(sum, k)
}

// bigAtan2 is atan2(y, x) for finite y and x, not both zero.
func bigAtan2(y, x float64) *big.Float {
	pi := bigPi(bigPrec)
	if x == 0 {
		pi.SetMantExp(pi, -1)
		if y < 0 {
			pi.Neg(pi)
		}
		return pi
	}
	r := bigAtan(new(big.Float).SetPrec(bigPrec).Quo(newBig(y), newBig(x)))
	if x < 0 {
		if y < 0 || (y == 0 && math.Signbit(y)) {
			return r.Sub(r, pi)
		}
		return r.Add(r, pi)
	}
	return r
}

// bigAsin is asin(x) = atan(x / sqrt(1 - x^2)) for |x| < 1.
func bigAsin(x float64) *big.Float {
	t := new(big.Float).SetPrec(bigPrec).Mul(newBig(x), newBig(x))
	t.Sub(newBig(1), t)
	t.Sqrt(t)
	return bigAtan(t.Quo(newBig(x), t))
}
func bigCos(x *big.Float) *big.Float { return bigSinCos(x, 0) }

// bigPow is |x|^y for x != 0, with the sign of an odd integer power.
func bigPow(x, y float64) *big.Float {
	r := bigExp(new(big.Float).SetPrec(bigPrec).Mul(bigLog(newBig(math.Abs(x))), newBig(y)))
	if x < 0 && math.Mod(y, 2) != 0 {
		r.Neg(r)
	}
	return r
}

// ddOf splits v into a double-double: hi = v rounded, lo = (v - hi) rounded.
func ddOf(v *big.Float) (hi, lo float64) {
	hi, _ = v.Float64()
	lo, _ = new(big.Float).SetPrec(bigPrec).Sub(v, newBig(hi)).Float64()
	return hi, lo
}

// generateTables writes the source of tables.go.
func generateTables() []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by LUANUM_WRITE_TABLES=1 go test -run TestTables; DO NOT EDIT.\n\n")
	b.WriteString("package luanum\n\n")
	b.WriteString("// logTab[i] is {invc, logc.hi, logc.lo} for the mantissas m in interval i of\n")
	b.WriteString("// logDD (bits logOff + i<<44 up to the next): invc is near 1/m and\n")
	b.WriteString("// logc = -log(invc) as a double-double; the interval holding 1 has invc = 1.\n")
	b.WriteString("var logTab = [256][3]float64{\n")
	for i := 0; i < 256; i++ {
		lo := math.Float64frombits(logOff + uint64(i)<<44)
		hi := math.Float64frombits(logOff + uint64(i+1)<<44)
		invc := 2 / (lo + hi)
		if lo <= 1 && 1 < hi {
			invc = 1
		}
		h, l := ddOf(new(big.Float).Neg(bigLog(newBig(invc))))
		fmt.Fprintf(&b, "\t{%x, %x, %x},\n", invc, h, l)
	}
	b.WriteString("}\n\n")
	b.WriteString("// exp2Tab[j] is 2^(j/256) as a double-double.\n")
	b.WriteString("var exp2Tab = [256][2]float64{\n")
	for j := 0; j < 256; j++ {
		t := new(big.Float).SetPrec(bigPrec).Quo(newBig(float64(j)), newBig(256))
		h, l := ddOf(bigExp(t.Mul(t, bigLn2)))
		fmt.Fprintf(&b, "\t{%x, %x},\n", h, l)
	}
	b.WriteString("}\n\n")
	b.WriteString("// sinCosTab[i] is {sin(i/64), cos(i/64)} as double-doubles.\n")
	b.WriteString("var sinCosTab = [52][4]float64{\n")
	for i := 0; i < 52; i++ {
		a := newBig(float64(i) / 64)
		sh, sl := ddOf(bigSin(a))
		ch, cl := ddOf(bigCos(a))
		fmt.Fprintf(&b, "\t{%x, %x, %x, %x},\n", sh, sl, ch, cl)
	}
	b.WriteString("}\n\n")
	b.WriteString("// atanTab[i] is atan(i/64) as a double-double.\n")
	b.WriteString("var atanTab = [65][2]float64{\n")
	for i := 0; i < 65; i++ {
		h, l := ddOf(bigAtan(newBig(float64(i) / 64)))
		fmt.Fprintf(&b, "\t{%x, %x},\n", h, l)
	}
	b.WriteString("}\n\n")
	b.WriteString("// twoOverPi holds the bits of 2/pi after the point, 64 a word, after a\n")
	b.WriteString("// zero word.\n")
	b.WriteString("var twoOverPi = [22]uint64{\n\t0,\n")
	v := new(big.Float).SetPrec(1600).Quo(new(big.Float).SetPrec(1600).SetInt64(2), bigPi(1600))
	for i := 0; i < 21; i++ {
		v.SetMantExp(v, 64)
		w, _ := v.Uint64()
		v.Sub(v, new(big.Float).SetPrec(1600).SetUint64(w))
		fmt.Fprintf(&b, "\t%#016x,\n", w)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func TestTables(t *testing.T) {
	src := generateTables()
	if os.Getenv("LUANUM_WRITE_TABLES") != "" {
		if err := os.WriteFile("tables.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, src) {
		t.Fatal("tables.go is not what the generator writes: rerun with LUANUM_WRITE_TABLES=1")
	}
}

// TestConstants checks the split constants of pow.go against math/big.
func TestConstants(t *testing.T) {
	check := func(name string, v *big.Float, tol float64, parts ...float64) {
		t.Helper()
		s := newBig(0)
		for _, p := range parts {
			s.Add(s, newBig(p))
		}
		d := new(big.Float).Sub(s, v)
		d.Quo(d, v)
		if f, _ := d.Float64(); math.Abs(f) > tol {
			t.Errorf("%s: relative error %g", name, f)
		}
	}
	check("ln2", bigLn2, 0x1p-104, ln2Hi, ln2Lo)
	l256 := new(big.Float).SetPrec(bigPrec).Quo(bigLn2, newBig(256))
	check("ln2/256", l256, 0x1p-140, ln2by256A, ln2by256B, ln2by256C)
	inv := new(big.Float).SetPrec(bigPrec).Quo(newBig(1), bigLn2)
	check("1/ln2", inv, 0x1p-104, invLn2Hi, invLn2Lo)
	pi := bigPi(bigPrec)
	check("pi", pi, 0x1p-104, piHi, piLo)
	check("pi/2", pi.SetMantExp(pi, -1), 0x1p-104, piOver2Hi, piOver2Lo)
	third := new(big.Float).SetPrec(bigPrec).Quo(newBig(1), newBig(3))
	check("1/3", third, 0x1p-105, thirdHi, thirdLo)
	fifth := new(big.Float).SetPrec(bigPrec).Quo(newBig(1), newBig(5))
	check("1/5", fifth, 0x1p-105, fifthHi, fifthLo)
	if math.Float64bits(ln2by256A)&(1<<19-1) != 0 {
		t.Errorf("ln2by256A has more than 33 bits")
	}
}

// PrintConstants prints the constants (go test -run PrintConstants -v).
func TestPrintConstants(t *testing.T) {
	if os.Getenv("LUANUM_PRINT_CONSTANTS") == "" {
		t.Skip()
	}
	p := func(name string, v *big.Float) {
		h, l := ddOf(v)
		r := new(big.Float).SetPrec(bigPrec).Sub(v, newBig(h))
		r.Sub(r, newBig(l))
		l2, _ := r.Float64()
		fmt.Printf("%s: %x %x %x\n", name, h, l, l2)
	}
	p("ln2", bigLn2)
	l256 := new(big.Float).SetPrec(bigPrec).Quo(bigLn2, newBig(256))
	hi, _ := l256.Float64()
	hi = math.Float64frombits(math.Float64bits(hi) &^ (1<<19 - 1))
	fmt.Printf("ln2/256 A: %x\n", hi)
	p("ln2/256 rest", l256.Sub(l256, newBig(hi)))
	p("1/ln2", new(big.Float).SetPrec(bigPrec).Quo(newBig(1), bigLn2))
	p("256/ln2", new(big.Float).SetPrec(bigPrec).Quo(newBig(256), bigLn2))
}
