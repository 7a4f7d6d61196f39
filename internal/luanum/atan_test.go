package luanum

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestInvTrigSpecial checks asin, acos, atan and atan2 on special operands
// (NaNs of both signs, zeros, infinities, ±1 and its neighbours,
// subnormals) bit for bit against lua5.3: math.asin(x), math.acos(x),
// math.atan(x) and math.atan(y, x) printed by string.format('%a') (which
// shows the sign of a NaN), for every listed x and every pair y, x.
func TestInvTrigSpecial(t *testing.T) {
	nan, pnan, inf := NaNNeg, NaNPos, math.Inf(1)
	fns := map[string]func(x, y float64) float64{
		"asin":  func(x, _ float64) float64 { return Asin(x) },
		"acos":  func(x, _ float64) float64 { return Acos(x) },
		"atan":  func(x, _ float64) float64 { return Atan(x) },
		"atan2": Atan2,
	}
	for _, c := range []struct {
		fn         string
		x, y, want float64
	}{
		{"asin", nan, 0, nan}, {"acos", nan, 0, nan}, {"atan", nan, 0, nan},
		{"asin", pnan, 0, pnan}, {"acos", pnan, 0, pnan}, {"atan", pnan, 0, pnan},
		{"asin", 0, 0, 0x0p+0}, {"acos", 0, 0, 0x1.921fb54442d18p+0}, {"atan", 0, 0, 0x0p+0},
		{"asin", negz, 0, negz}, {"acos", negz, 0, 0x1.921fb54442d18p+0}, {"atan", negz, 0, negz},
		{"asin", 1, 0, 0x1.921fb54442d18p+0}, {"acos", 1, 0, 0x0p+0}, {"atan", 1, 0, 0x1.921fb54442d18p-1},
		{"asin", -1, 0, -0x1.921fb54442d18p+0}, {"acos", -1, 0, 0x1.921fb54442d18p+1}, {"atan", -1, 0, -0x1.921fb54442d18p-1},
		{"asin", 2, 0, pnan}, {"acos", 2, 0, pnan}, {"atan", 2, 0, 0x1.1b6e192ebbe44p+0},
		{"asin", -2, 0, pnan}, {"acos", -2, 0, pnan}, {"atan", -2, 0, -0x1.1b6e192ebbe44p+0},
		{"asin", inf, 0, pnan}, {"acos", inf, 0, pnan}, {"atan", inf, 0, 0x1.921fb54442d18p+0},
		{"asin", -inf, 0, pnan}, {"acos", -inf, 0, pnan}, {"atan", -inf, 0, -0x1.921fb54442d18p+0},
		{"asin", 0x1p-1074, 0, 0x0.0000000000001p-1022}, {"acos", 0x1p-1074, 0, 0x1.921fb54442d18p+0}, {"atan", 0x1p-1074, 0, 0x0.0000000000001p-1022},
		{"asin", -0x1p-1074, 0, -0x0.0000000000001p-1022}, {"acos", -0x1p-1074, 0, 0x1.921fb54442d18p+0}, {"atan", -0x1p-1074, 0, -0x0.0000000000001p-1022},
		{"asin", 0x1.0000000000001p+0, 0, pnan}, {"acos", 0x1.0000000000001p+0, 0, pnan}, {"atan", 0x1.0000000000001p+0, 0, 0x1.921fb54442d19p-1},
		{"asin", -0x1.0000000000001p+0, 0, pnan}, {"acos", -0x1.0000000000001p+0, 0, pnan}, {"atan", -0x1.0000000000001p+0, 0, -0x1.921fb54442d19p-1},
		{"asin", 0x1.fffffffffffffp-1, 0, 0x1.921fb50442d18p+0}, {"acos", 0x1.fffffffffffffp-1, 0, 0x1p-26}, {"atan", 0x1.fffffffffffffp-1, 0, 0x1.921fb54442d18p-1},
		{"asin", -0x1.fffffffffffffp-1, 0, -0x1.921fb50442d18p+0}, {"acos", -0x1.fffffffffffffp-1, 0, 0x1.921fb52442d18p+1}, {"atan", -0x1.fffffffffffffp-1, 0, -0x1.921fb54442d18p-1},
		{"asin", 0x1p-30, 0, 0x1p-30}, {"acos", 0x1p-30, 0, 0x1.921fb54042d18p+0}, {"atan", 0x1p-30, 0, 0x1p-30},
		{"asin", -0x1p-60, 0, -0x1p-60}, {"acos", -0x1p-60, 0, 0x1.921fb54442d18p+0}, {"atan", -0x1p-60, 0, -0x1p-60},
		{"asin", 0x1.7e43c8800759cp+996, 0, pnan}, {"acos", 0x1.7e43c8800759cp+996, 0, pnan}, {"atan", 0x1.7e43c8800759cp+996, 0, 0x1.921fb54442d18p+0},
		{"asin", 0x1p-1022, 0, 0x1p-1022}, {"acos", 0x1p-1022, 0, 0x1.921fb54442d18p+0}, {"atan", 0x1p-1022, 0, 0x1p-1022},
		{"atan2", nan, nan, nan}, {"atan2", nan, pnan, pnan}, {"atan2", nan, 0, nan},
		{"atan2", nan, negz, nan}, {"atan2", nan, 1, nan}, {"atan2", nan, -1, nan},
		{"atan2", nan, inf, nan}, {"atan2", nan, -inf, nan}, {"atan2", nan, 0x1p-1074, nan},
		{"atan2", nan, -0x1p-1074, nan}, {"atan2", nan, 1e300, nan}, {"atan2", nan, -1e300, nan},
		{"atan2", nan, 0x1.8p-1073, nan}, {"atan2", nan, 0x1p+1023, nan}, {"atan2", pnan, nan, nan},
		{"atan2", pnan, pnan, pnan}, {"atan2", pnan, 0, pnan}, {"atan2", pnan, negz, pnan},
		{"atan2", pnan, 1, pnan}, {"atan2", pnan, -1, pnan}, {"atan2", pnan, inf, pnan},
		{"atan2", pnan, -inf, pnan}, {"atan2", pnan, 0x1p-1074, pnan}, {"atan2", pnan, -0x1p-1074, pnan},
		{"atan2", pnan, 1e300, pnan}, {"atan2", pnan, -1e300, pnan}, {"atan2", pnan, 0x1.8p-1073, pnan},
		{"atan2", pnan, 0x1p+1023, pnan}, {"atan2", 0, nan, nan}, {"atan2", 0, pnan, pnan},
		{"atan2", 0, 0, 0x0p+0}, {"atan2", 0, negz, 0x1.921fb54442d18p+1}, {"atan2", 0, 1, 0x0p+0},
		{"atan2", 0, -1, 0x1.921fb54442d18p+1}, {"atan2", 0, inf, 0x0p+0}, {"atan2", 0, -inf, 0x1.921fb54442d18p+1},
		{"atan2", 0, 0x1p-1074, 0x0p+0}, {"atan2", 0, -0x1p-1074, 0x1.921fb54442d18p+1}, {"atan2", 0, 1e300, 0x0p+0},
		{"atan2", 0, -1e300, 0x1.921fb54442d18p+1}, {"atan2", 0, 0x1.8p-1073, 0x0p+0}, {"atan2", 0, 0x1p+1023, 0x0p+0},
		{"atan2", negz, nan, nan}, {"atan2", negz, pnan, pnan}, {"atan2", negz, 0, negz},
		{"atan2", negz, negz, -0x1.921fb54442d18p+1}, {"atan2", negz, 1, negz}, {"atan2", negz, -1, -0x1.921fb54442d18p+1},
		{"atan2", negz, inf, negz}, {"atan2", negz, -inf, -0x1.921fb54442d18p+1}, {"atan2", negz, 0x1p-1074, negz},
		{"atan2", negz, -0x1p-1074, -0x1.921fb54442d18p+1}, {"atan2", negz, 1e300, negz}, {"atan2", negz, -1e300, -0x1.921fb54442d18p+1},
		{"atan2", negz, 0x1.8p-1073, negz}, {"atan2", negz, 0x1p+1023, negz}, {"atan2", 1, nan, nan},
		{"atan2", 1, pnan, pnan}, {"atan2", 1, 0, 0x1.921fb54442d18p+0}, {"atan2", 1, negz, 0x1.921fb54442d18p+0},
		{"atan2", 1, 1, 0x1.921fb54442d18p-1}, {"atan2", 1, -1, 0x1.2d97c7f3321d2p+1}, {"atan2", 1, inf, 0x0p+0},
		{"atan2", 1, -inf, 0x1.921fb54442d18p+1}, {"atan2", 1, 0x1p-1074, 0x1.921fb54442d18p+0}, {"atan2", 1, -0x1p-1074, 0x1.921fb54442d18p+0},
		{"atan2", 1, 1e300, 0x1.56e1fc2f8f359p-997}, {"atan2", 1, -1e300, 0x1.921fb54442d18p+1}, {"atan2", 1, 0x1.8p-1073, 0x1.921fb54442d18p+0},
		{"atan2", 1, 0x1p+1023, 0x0.8p-1022}, {"atan2", -1, nan, nan}, {"atan2", -1, pnan, pnan},
		{"atan2", -1, 0, -0x1.921fb54442d18p+0}, {"atan2", -1, negz, -0x1.921fb54442d18p+0}, {"atan2", -1, 1, -0x1.921fb54442d18p-1},
		{"atan2", -1, -1, -0x1.2d97c7f3321d2p+1}, {"atan2", -1, inf, negz}, {"atan2", -1, -inf, -0x1.921fb54442d18p+1},
		{"atan2", -1, 0x1p-1074, -0x1.921fb54442d18p+0}, {"atan2", -1, -0x1p-1074, -0x1.921fb54442d18p+0}, {"atan2", -1, 1e300, -0x1.56e1fc2f8f359p-997},
		{"atan2", -1, -1e300, -0x1.921fb54442d18p+1}, {"atan2", -1, 0x1.8p-1073, -0x1.921fb54442d18p+0}, {"atan2", -1, 0x1p+1023, -0x0.8p-1022},
		{"atan2", inf, nan, nan}, {"atan2", inf, pnan, pnan}, {"atan2", inf, 0, 0x1.921fb54442d18p+0},
		{"atan2", inf, negz, 0x1.921fb54442d18p+0}, {"atan2", inf, 1, 0x1.921fb54442d18p+0}, {"atan2", inf, -1, 0x1.921fb54442d18p+0},
		{"atan2", inf, inf, 0x1.921fb54442d18p-1}, {"atan2", inf, -inf, 0x1.2d97c7f3321d2p+1}, {"atan2", inf, 0x1p-1074, 0x1.921fb54442d18p+0},
		{"atan2", inf, -0x1p-1074, 0x1.921fb54442d18p+0}, {"atan2", inf, 1e300, 0x1.921fb54442d18p+0}, {"atan2", inf, -1e300, 0x1.921fb54442d18p+0},
		{"atan2", inf, 0x1.8p-1073, 0x1.921fb54442d18p+0}, {"atan2", inf, 0x1p+1023, 0x1.921fb54442d18p+0}, {"atan2", -inf, nan, nan},
		{"atan2", -inf, pnan, pnan}, {"atan2", -inf, 0, -0x1.921fb54442d18p+0}, {"atan2", -inf, negz, -0x1.921fb54442d18p+0},
		{"atan2", -inf, 1, -0x1.921fb54442d18p+0}, {"atan2", -inf, -1, -0x1.921fb54442d18p+0}, {"atan2", -inf, inf, -0x1.921fb54442d18p-1},
		{"atan2", -inf, -inf, -0x1.2d97c7f3321d2p+1}, {"atan2", -inf, 0x1p-1074, -0x1.921fb54442d18p+0}, {"atan2", -inf, -0x1p-1074, -0x1.921fb54442d18p+0},
		{"atan2", -inf, 1e300, -0x1.921fb54442d18p+0}, {"atan2", -inf, -1e300, -0x1.921fb54442d18p+0}, {"atan2", -inf, 0x1.8p-1073, -0x1.921fb54442d18p+0},
		{"atan2", -inf, 0x1p+1023, -0x1.921fb54442d18p+0}, {"atan2", 0x1p-1074, nan, nan}, {"atan2", 0x1p-1074, pnan, pnan},
		{"atan2", 0x1p-1074, 0, 0x1.921fb54442d18p+0}, {"atan2", 0x1p-1074, negz, 0x1.921fb54442d18p+0}, {"atan2", 0x1p-1074, 1, 0x0.0000000000001p-1022},
		{"atan2", 0x1p-1074, -1, 0x1.921fb54442d18p+1}, {"atan2", 0x1p-1074, inf, 0x0p+0}, {"atan2", 0x1p-1074, -inf, 0x1.921fb54442d18p+1},
		{"atan2", 0x1p-1074, 0x1p-1074, 0x1.921fb54442d18p-1}, {"atan2", 0x1p-1074, -0x1p-1074, 0x1.2d97c7f3321d2p+1}, {"atan2", 0x1p-1074, 1e300, 0x0p+0},
		{"atan2", 0x1p-1074, -1e300, 0x1.921fb54442d18p+1}, {"atan2", 0x1p-1074, 0x1.8p-1073, 0x1.4978fa3269ee1p-2}, {"atan2", 0x1p-1074, 0x1p+1023, 0x0p+0},
		{"atan2", -0x1p-1074, nan, nan}, {"atan2", -0x1p-1074, pnan, pnan}, {"atan2", -0x1p-1074, 0, -0x1.921fb54442d18p+0},
		{"atan2", -0x1p-1074, negz, -0x1.921fb54442d18p+0}, {"atan2", -0x1p-1074, 1, -0x0.0000000000001p-1022}, {"atan2", -0x1p-1074, -1, -0x1.921fb54442d18p+1},
		{"atan2", -0x1p-1074, inf, negz}, {"atan2", -0x1p-1074, -inf, -0x1.921fb54442d18p+1}, {"atan2", -0x1p-1074, 0x1p-1074, -0x1.921fb54442d18p-1},
		{"atan2", -0x1p-1074, -0x1p-1074, -0x1.2d97c7f3321d2p+1}, {"atan2", -0x1p-1074, 1e300, negz}, {"atan2", -0x1p-1074, -1e300, -0x1.921fb54442d18p+1},
		{"atan2", -0x1p-1074, 0x1.8p-1073, -0x1.4978fa3269ee1p-2}, {"atan2", -0x1p-1074, 0x1p+1023, negz}, {"atan2", 1e300, nan, nan},
		{"atan2", 1e300, pnan, pnan}, {"atan2", 1e300, 0, 0x1.921fb54442d18p+0}, {"atan2", 1e300, negz, 0x1.921fb54442d18p+0},
		{"atan2", 1e300, 1, 0x1.921fb54442d18p+0}, {"atan2", 1e300, -1, 0x1.921fb54442d18p+0}, {"atan2", 1e300, inf, 0x0p+0},
		{"atan2", 1e300, -inf, 0x1.921fb54442d18p+1}, {"atan2", 1e300, 0x1p-1074, 0x1.921fb54442d18p+0}, {"atan2", 1e300, -0x1p-1074, 0x1.921fb54442d18p+0},
		{"atan2", 1e300, 1e300, 0x1.921fb54442d18p-1}, {"atan2", 1e300, -1e300, 0x1.2d97c7f3321d2p+1}, {"atan2", 1e300, 0x1.8p-1073, 0x1.921fb54442d18p+0},
		{"atan2", 1e300, 0x1p+1023, 0x1.7e43c8800759cp-27}, {"atan2", -1e300, nan, nan}, {"atan2", -1e300, pnan, pnan},
		{"atan2", -1e300, 0, -0x1.921fb54442d18p+0}, {"atan2", -1e300, negz, -0x1.921fb54442d18p+0}, {"atan2", -1e300, 1, -0x1.921fb54442d18p+0},
		{"atan2", -1e300, -1, -0x1.921fb54442d18p+0}, {"atan2", -1e300, inf, negz}, {"atan2", -1e300, -inf, -0x1.921fb54442d18p+1},
		{"atan2", -1e300, 0x1p-1074, -0x1.921fb54442d18p+0}, {"atan2", -1e300, -0x1p-1074, -0x1.921fb54442d18p+0}, {"atan2", -1e300, 1e300, -0x1.921fb54442d18p-1},
		{"atan2", -1e300, -1e300, -0x1.2d97c7f3321d2p+1}, {"atan2", -1e300, 0x1.8p-1073, -0x1.921fb54442d18p+0}, {"atan2", -1e300, 0x1p+1023, -0x1.7e43c8800759cp-27},
		{"atan2", 0x1.8p-1073, nan, nan}, {"atan2", 0x1.8p-1073, pnan, pnan}, {"atan2", 0x1.8p-1073, 0, 0x1.921fb54442d18p+0},
		{"atan2", 0x1.8p-1073, negz, 0x1.921fb54442d18p+0}, {"atan2", 0x1.8p-1073, 1, 0x0.0000000000003p-1022}, {"atan2", 0x1.8p-1073, -1, 0x1.921fb54442d18p+1},
		{"atan2", 0x1.8p-1073, inf, 0x0p+0}, {"atan2", 0x1.8p-1073, -inf, 0x1.921fb54442d18p+1}, {"atan2", 0x1.8p-1073, 0x1p-1074, 0x1.3fc176b7a856p+0},
		{"atan2", 0x1.8p-1073, -0x1p-1074, 0x1.e47df3d0dd4d1p+0}, {"atan2", 0x1.8p-1073, 1e300, 0x0p+0}, {"atan2", 0x1.8p-1073, -1e300, 0x1.921fb54442d18p+1},
		{"atan2", 0x1.8p-1073, 0x1.8p-1073, 0x1.921fb54442d18p-1}, {"atan2", 0x1.8p-1073, 0x1p+1023, 0x0p+0}, {"atan2", 0x1p+1023, nan, nan},
		{"atan2", 0x1p+1023, pnan, pnan}, {"atan2", 0x1p+1023, 0, 0x1.921fb54442d18p+0}, {"atan2", 0x1p+1023, negz, 0x1.921fb54442d18p+0},
		{"atan2", 0x1p+1023, 1, 0x1.921fb54442d18p+0}, {"atan2", 0x1p+1023, -1, 0x1.921fb54442d18p+0}, {"atan2", 0x1p+1023, inf, 0x0p+0},
		{"atan2", 0x1p+1023, -inf, 0x1.921fb54442d18p+1}, {"atan2", 0x1p+1023, 0x1p-1074, 0x1.921fb54442d18p+0}, {"atan2", 0x1p+1023, -0x1p-1074, 0x1.921fb54442d18p+0},
		{"atan2", 0x1p+1023, 1e300, 0x1.921fb5147a587p+0}, {"atan2", 0x1p+1023, -1e300, 0x1.921fb5740b4a9p+0}, {"atan2", 0x1p+1023, 0x1.8p-1073, 0x1.921fb54442d18p+0},
		{"atan2", 0x1p+1023, 0x1p+1023, 0x1.921fb54442d18p-1},
	} {
		if got := fns[c.fn](c.x, c.y); math.Float64bits(got) != math.Float64bits(c.want) {
			t.Errorf("%s(%x, %x) = %x (%#x), want %x (%#x)", c.fn, c.x, c.y, got, math.Float64bits(got), c.want, math.Float64bits(c.want))
		}
	}
}

// TestInvTrigReference checks Asin, Acos, Atan and Atan2 against math/big
// on random operands of all magnitudes, near ±1 and far apart.
func TestInvTrigReference(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 17))
	bigHalfPi := bigPi(bigPrec)
	bigHalfPi.SetMantExp(bigHalfPi, -1)
	check := func(name string, got float64, ref *big.Float, args ...float64) {
		t.Helper()
		if u := ulpError(got, ref); u > 0.5+1e-9 {
			t.Errorf("%s(%x) = %x: error %.6f ulp", name, args, got, u)
		}
	}
	for i := 0; i < 150; i++ {
		x := math.Ldexp(r.Float64(), -r.IntN(40))
		if i%2 == 0 {
			x = 1 - math.Ldexp(r.Float64(), -r.IntN(53))
		}
		if i%3 == 0 {
			x = -x
		}
		if x == 1 || x == -1 || x == 0 {
			continue
		}
		as := bigAsin(x)
		check("Asin", Asin(x), as, x)
		check("Acos", Acos(x), as.Sub(bigHalfPi, as), x)
		a := math.Ldexp(1+r.Float64(), r.IntN(2098)-1074)
		if i%2 == 0 {
			a = math.Ldexp(1+r.Float64(), r.IntN(80)-40)
		}
		if i%3 == 0 {
			a = -a
		}
		check("Atan", Atan(a), bigAtan(newBig(a)), a)
		y := math.Ldexp(1+r.Float64(), r.IntN(2098)-1074)
		x = y * math.Ldexp(1+r.Float64(), r.IntN(140)-70)
		if i%4 == 0 {
			x = math.Ldexp(1+r.Float64(), r.IntN(2098)-1074)
		}
		if math.IsInf(x, 0) {
			x = math.MaxFloat64
		}
		if i%3 == 0 {
			y = -y
		}
		if i%5 < 2 {
			x = -x
		}
		check("Atan2", Atan2(y, x), bigAtan2(y, x), y, x)
	}
}

// TestReduceCodyWaite checks the short reduction of trig.go (|x| < 2^20)
// against the exact one, mostly near multiples of pi/2: their remainders
// agree to the precision of a double-double.
func TestReduceCodyWaite(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 3))
	for i := 0; i < 20000; i++ {
		x := math.Ldexp(1+r.Float64(), r.IntN(20)-1)
		if i%2 == 0 {
			x = float64(r.IntN(667000)+1) * (math.Pi / 2) * (1 + math.Ldexp(r.Float64()-0.5, -r.IntN(33)-20))
		}
		if x >= 0x1p20 || x <= math.Pi/4 {
			continue
		}
		if i%3 == 0 {
			x = -x
		}
		ah, al, aq := reducePiOver2(x)
		bh, bl, bq := reduceBits(x)
		if aq != bq {
			// both are right only at a half: r = ±pi/4 (the short
			// reduction's quotient rounds x*2/pi, a hair off)
			if math.Abs(math.Abs(ah)-math.Pi/4) > 1e-9 {
				t.Errorf("%x: quadrant %d, exact %d", x, aq, bq)
			}
			continue
		}
		if d := math.Abs((ah-bh)+(al-bl)) / math.Abs(bh); d > 0x1p-102 {
			t.Errorf("%x: remainder %x%+x, exact %x%+x (relative difference %g)", x, ah, al, bh, bl, d)
		}
	}
}

// TestFastBounds checks the error bounds the rounding tests of the fast
// paths rely on (2^-62 for atanFast, 2^-61 for sinCosFast), against the
// double-double paths, with a margin: seen at most 2^-66 and 2^-65.
func TestFastBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	rel := func(h, l, rh, rl float64) float64 { return math.Abs((h-rh)+(l-rl)) / math.Abs(rh) }
	for k := 0; k < 20000; k++ {
		d := 1 + r.Float64()
		n := d * math.Ldexp(r.Float64(), -r.IntN(12))
		if k%7 == 0 {
			n = d * (1 - math.Ldexp(r.Float64(), -r.IntN(30)))
		}
		nl, dl := 0.0, 0.0
		if k%2 == 0 { // asin's and acos's operands
			x := math.Ldexp(r.Float64(), -r.IntN(27))
			if k%4 == 0 {
				x = 1 - x
			}
			if x == 0 || x >= 1 {
				continue
			}
			sh, sl := sqrt1mx2(x)
			n, nl, d, dl = x, 0, sh, sl
			if x > sh {
				n, nl, d, dl = sh, sl, x, 0
			}
		}
		if n > 0 && n <= d {
			s, lo := atanFast(n, nl, d, dl)
			h, l := atanDD(n, nl, d, dl)
			if e := rel(s, lo, h, l); e > 0x1p-64 {
				t.Errorf("atanFast(%x%+x, %x%+x): relative error %g", n, nl, d, dl, e)
			}
		}
		x := math.Ldexp(r.Float64()*2-1, r.IntN(30)-5)
		if k%3 == 0 {
			x = float64(r.IntN(1e6)) * (math.Pi / 2) * (1 + math.Ldexp(r.Float64()-0.5, -r.IntN(30)-20))
		}
		if math.Abs(x) <= 0x1p-30 {
			continue
		}
		rh, rl, _ := reducePiOver2(x)
		sh, sl, ch, cl := sinCosFast(rh, rl)
		sh2, sl2, ch2, cl2 := sinCosDD(rh, rl)
		if e := rel(sh, sl, sh2, sl2); e > 0x1p-63 {
			t.Errorf("sinCosFast(%x): sin relative error %g", x, e)
		}
		if e := rel(ch, cl, ch2, cl2); e > 0x1p-63 {
			t.Errorf("sinCosFast(%x): cos relative error %g", x, e)
		}
	}
}
