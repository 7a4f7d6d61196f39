package luanum

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

var inf = math.Inf(1)

// TestHypTable checks Sinh, Cosh and Tanh against lua5.3 (glibc 2.36,
// x86-64), printed by string.format('%a', ...): random arguments of all
// magnitudes, each threshold of the formulas in hyp.go and its neighbours
// (2^-55, 2^-28, ln2/2, 1, 22, 0x1.62e42p+9, the overflow threshold) and the
// special values. glibc's expm1 (and, rarely, exp) is off by an ulp for a
// few percent of arguments, where the correctly rounded Expm1 gives a
// different sinh or tanh; those arguments are left out.
func TestHypTable(t *testing.T) {
	fns := map[string]func(float64) float64{"sinh": Sinh, "cosh": Cosh, "tanh": Tanh}
	for _, c := range hypTable {
		if got := fns[c.fn](c.x); math.Float64bits(got) != math.Float64bits(c.want) {
			t.Errorf("%s(%x) = %x, want %x", c.fn, c.x, got, c.want)
		}
	}
}

// TestHypNaN checks that NaN arguments come back unchanged, sign
// included (lua5.3 prints math.sinh(0/0) as -nan and math.sinh(-(0/0)) as
// nan), and Expm1's special values.
func TestHypNaN(t *testing.T) {
	for _, f := range []func(float64) float64{Sinh, Cosh, Tanh, Expm1} {
		for _, n := range []float64{NaNNeg, NaNPos} {
			if got := f(n); math.Float64bits(got) != math.Float64bits(n) {
				t.Errorf("NaN %x: got %x", math.Float64bits(n), math.Float64bits(got))
			}
		}
	}
	for _, c := range []struct{ x, want float64 }{
		{0, 0}, {negz, negz}, {inf, inf}, {-inf, -1}, {710, inf}, {-40, -1}, {-1e300, -1},
		{0x1p-1074, 0x1p-1074}, {-0x1p-1074, -0x1p-1074}, {0x1p-60, 0x1p-60}, {-0x1p-1022, -0x1p-1022},
		{1e-10, 0x1.b7cdfd9dda4e3p-34}, // 1e-10 + 5e-21: not 1e-10
	} {
		if got := Expm1(c.x); math.Float64bits(got) != math.Float64bits(c.want) {
			t.Errorf("Expm1(%x) = %x, want %x", c.x, got, c.want)
		}
	}
}

// TestExpm1Reference checks that Expm1 rounds correctly, against math/big,
// on arguments of all magnitudes where it is neither x nor -1 nor Exp.
func TestExpm1Reference(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 23))
	one := newBig(1)
	for i := 0; i < 2000; i++ {
		x := math.Ldexp(1+r.Float64(), r.IntN(65)-60)
		if i%4 == 0 {
			x = r.Float64() * 44
		}
		if i%2 == 0 {
			x = -x
		}
		if x < -40 {
			continue
		}
		ref := bigExp(newBig(x))
		if u := ulpError(Expm1(x), ref.Sub(ref, one)); u > 0.5+1e-9 {
			t.Errorf("Expm1(%x) = %x: error %.6f ulp", x, Expm1(x), u)
		}
	}
}

// TestHypAgainstLua runs random arguments through lua5.3 and counts the
// differences, which come from glibc's expm1 and exp where they round
// wrongly: about 4-6% for sinh, 2-3% for tanh, 0.05-0.1% for cosh (Go's math
// package differed in 24%, 13% and 8.5%).
func TestHypAgainstLua(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test")
	}
	r := rand.New(rand.NewPCG(29, 31))
	names := []string{"sinh", "cosh", "tanh"}
	fns := []func(float64) float64{Sinh, Cosh, Tanh}
	limits := []float64{0.08, 0.003, 0.045}
	const n = 3000
	var xs []float64
	var sb strings.Builder
	for i := 0; i < n; i++ {
		x := r.Float64() * 3
		switch i % 5 {
		case 0:
			x = r.Float64() * 22
		case 1:
			x = r.Float64() * 711
		case 2:
			x = math.Ldexp(1+r.Float64(), r.IntN(40)-35)
		}
		if i%2 == 1 {
			x = -x
		}
		xs = append(xs, x)
		s := strconv.FormatFloat(x, 'x', -1, 64)
		fmt.Fprintf(&sb, "print(string.format('%%a %%a %%a', math.sinh(%s), math.cosh(%s), math.tanh(%s)))\n", s, s, s)
	}
	lines := runLua(t, sb.String())
	if len(lines) != n {
		t.Fatalf("lua5.3 printed %d lines for %d cases", len(lines), n)
	}
	bad := make([]int, 3)
	for i, x := range xs {
		want := strings.Fields(lines[i])
		for k, f := range fns {
			w := parseHex(t, want[k])
			got := f(x)
			if got == w {
				continue
			}
			bad[k]++
			if d := math.Abs(got-w) / math.Abs(w); d > 0x1p-50 {
				t.Errorf("%s(%x) = %x, lua5.3 %x: more than a rounding apart", names[k], x, got, w)
			}
		}
	}
	for k, name := range names {
		rate := float64(bad[k]) / n
		t.Logf("%s: %d of %d differ from lua5.3 (%.2f%%)", name, bad[k], n, 100*rate)
		if rate > limits[k] {
			t.Errorf("%s: %.2f%% of random arguments differ from lua5.3, expected at most %.1f%%", name, 100*rate, 100*limits[k])
		}
	}
}

func BenchmarkHyp(b *testing.B) {
	xs, ys := benchInputs()
	ws := make([]float64, len(xs))
	for i, x := range xs {
		ws[i] = x / 4 // 0..25
	}
	for _, c := range []struct {
		name string
		f    func(float64) float64
		in   []float64
	}{
		{"Expm1", Expm1, ys}, {"math.Expm1", math.Expm1, ys},
		{"Sinh", Sinh, ys}, {"math.Sinh", math.Sinh, ys},
		{"Sinh/0-25", Sinh, ws}, {"math.Sinh/0-25", math.Sinh, ws},
		{"Cosh", Cosh, ys}, {"math.Cosh", math.Cosh, ys},
		{"Tanh", Tanh, ys}, {"math.Tanh", math.Tanh, ys},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := 0.0
			for i := 0; i < b.N; i++ {
				s += c.f(c.in[i&1023])
			}
			benchSink = s
		})
	}
}

var hypTable = []struct {
	fn      string
	x, want float64
}{
	{"sinh", -0x1.e58f1ecb41501p-53, -0x1.e58f1ecb41501p-53},
	{"sinh", -0x1.cef1c33cf6090p-873, -0x1.cef1c33cf6090p-873},
	{"sinh", -0x1.b21ad3e2e9f40p-947, -0x1.b21ad3e2e9f40p-947},
	{"sinh", -0x0.2e7b948f4bd19p-1022, -0x0.2e7b948f4bd19p-1022},
	{"sinh", 0x1.44326a926472ap-10, 0x1.44326ffce0ecdp-10},
	{"sinh", -0x1.536568cf1eed4p-22, -0x1.536568cf1ef37p-22},
	{"sinh", 0x1.6dde6a85f0f50p-3, 0x1.6fd169c484ffdp-3},
	{"sinh", 0x1.26eff5f2c442cp-3, 0x1.27f537d22e14cp-3},
	{"sinh", -0x1.d178fc584db16p-16, -0x1.d178fc594e2bep-16},
	{"sinh", 0x1.00cfc12dbe754p-28, 0x1.00cfc12dbe754p-28},
	{"sinh", -0x1.e75b74bf2e130p-22, -0x1.e75b74bf2e257p-22},
	{"sinh", 0x1.9949a381dccf7p-12, 0x1.9949a43039c7fp-12},
	{"sinh", -0x1.8a305f69d5454p-11, -0x1.8a3061d8e926bp-11},
	{"sinh", -0x1.0879b4dc02937p-10, -0x1.0879b7ccbfe85p-10},
	{"sinh", 0x1.9cc4a1c0641c0p-5, 0x1.9cf1598eda931p-5},
	{"sinh", 0x1.98bbed8a66abap-26, 0x1.98bbed8a66abbp-26},
	{"sinh", -0x1.cb2b0e3a7b170p-5, -0x1.cb689d5d1ae2ap-5},
	{"sinh", 0x1.8b5346ff736f3p-12, 0x1.8b53479c9243ap-12},
	{"sinh", -0x1.ef39469e75b20p-2, -0x1.0160a4051f49ap-1},
	{"sinh", -0x1.67f93c0a54725p-1, -0x1.865f2dc3f9c74p-1},
	{"sinh", -0x1.aef6fd2fde972p-1, -0x1.e3b0431723fa4p-1},
	{"sinh", -0x1.9f4dc4e27cc72p-1, -0x1.ce5df8dea8582p-1},
	{"sinh", 0x1.4cf1cb55c4edep-1, 0x1.64e92f0ae8947p-1},
	{"sinh", 0x1.4ed57b1f38638p-1, 0x1.67376a9bab436p-1},
	{"sinh", -0x1.9f3fecd8c1684p-1, -0x1.ce4b51c291742p-1},
	{"sinh", 0x1.8364bc20f0997p-1, 0x1.a96dcf950b870p-1},
	{"sinh", -0x1.3a7ccb8f61aa5p-1, -0x1.4ea39584c8121p-1},
	{"sinh", -0x1.5dfea8f600390p-1, -0x1.79e5900d49f25p-1},
	{"sinh", 0x1.d50add0fbc088p-1, 0x1.0cba88e154077p+0},
	{"sinh", -0x1.827f635c03556p-1, -0x1.a843ca1ce1013p-1},
	{"sinh", -0x1.cb72f635e6e78p-1, -0x1.05d239da5645ap+0},
	{"sinh", 0x1.78f82acc35322p-1, 0x1.9bf692e35daf2p-1},
	{"sinh", 0x1.7dddf658b7708p+2, 0x1.8633d99a8b2a9p+7},
	{"sinh", 0x1.34b6238da59c6p+4, 0x1.c8fe8ef947f2dp+26},
	{"sinh", -0x1.427a156d53527p+1, -0x1.8ae16c690b4ebp+2},
	{"sinh", 0x1.9c65a3c8479acp+3, 0x1.8209afd30e5c8p+17},
	{"sinh", -0x1.6c55e1fddab00p+1, -0x1.12ac7398445c1p+3},
	{"sinh", -0x1.8c2ffd68f0f85p+0, -0x1.1f3271fed77d3p+1},
	{"sinh", 0x1.c01dd33267f94p+1, 0x1.08ec6a3c4b3e7p+4},
	{"sinh", 0x1.e81313b53a3ffp+3, 0x1.00cade956e798p+21},
	{"sinh", -0x1.c4bb34fa90729p+2, -0x1.27318a4015434p+9},
	{"sinh", -0x1.034897aa386a4p+1, -0x1.dcbee35f7f2dap+1},
	{"sinh", 0x1.e5c0a14706d1ap+2, 0x1.ee851e62f27e0p+9},
	{"sinh", -0x1.a283fb19914f4p+3, -0x1.d360dcb6962afp+17},
	{"sinh", 0x1.f69cb545b5acap+0, 0x1.bee30a6ffa0e4p+1},
	{"sinh", 0x1.630e3ea7686e4p+3, 0x1.01515338c9da4p+15},
	{"sinh", 0x1.25ee4218138b9p+1, 0x1.3ac9228194eaep+2},
	{"sinh", -0x1.0972f6ed2a5c2p+3, -0x1.f49e0e8979feep+10},
	{"sinh", -0x1.f60968f16ff89p+0, -0x1.bdd7dbcbf5f23p+1},
	{"sinh", -0x1.a0bd13e296944p+2, -0x1.506e28289787ap+8},
	{"sinh", 0x1.d2e375ba7c9c6p+7, 0x1.ba4c1dd1b00cep+335},
	{"sinh", 0x1.e48d799b33a56p+7, 0x1.71dca8f49830bp+348},
	{"sinh", 0x1.7c3896f5adb87p+5, 0x1.7b7ac74828c69p+67},
	{"sinh", -0x1.5e692777c7dc8p+9, -0x1.0d0ca2f51f0c6p+1010},
	{"sinh", 0x1.0eb29186e4d12p+5, 0x1.c2ed30bf98164p+47},
	{"sinh", -0x1.0447124d7dd9dp+6, -0x1.d59b4ccab08d1p+92},
	{"sinh", 0x1.04ca24fcbb28bp+8, 0x1.2e503f13aea26p+375},
	{"sinh", -0x1.7cd50f6a727a1p+8, -0x1.57a7fdf423e3cp+548},
	{"sinh", -0x1.9d1a82103ee9cp+8, -0x1.f9ce3267282c7p+594},
	{"sinh", -0x1.6e8f2d54f4572p+5, -0x1.132a78cf097e4p+65},
	{"sinh", -0x1.63225b96dd08ap+9, -0x1.a0153c175f2e5p+1023},
	{"sinh", 0x1.6324ccb081ddep+9, 0x1.a818b885d135ap+1023},
	{"sinh", 0x1.6315e6285db43p+9, 0x1.797e198e03324p+1023},
	{"sinh", -0x1.62fc97b677354p+9, -0x1.35c64274c95f2p+1023},
	{"cosh", -0x1.53423a1e84d32p-30, 0x1.0000000000000p+0},
	{"cosh", -0x1.155ad50a9c64ep-261, 0x1.0000000000000p+0},
	{"cosh", 0x1.721e249f0dab9p-891, 0x1.0000000000000p+0},
	{"cosh", 0x1.9c89bbdbe24dcp-325, 0x1.0000000000000p+0},
	{"cosh", -0x1.b48ffbaf73bfcp-3, 0x1.05d69b1087717p+0},
	{"cosh", 0x1.ce752a1569f24p-3, 0x1.068df2cd23060p+0},
	{"cosh", -0x1.089bb2e14646ap-2, 0x1.08983fd40b790p+0},
	{"cosh", 0x1.9a79ddb910168p-3, 0x1.0528bec005ed1p+0},
	{"cosh", 0x1.00f5d42a6d654p-3, 0x1.0204867df91b7p+0},
	{"cosh", -0x1.67b3f97c81baap-27, 0x1.0000000000000p+0},
	{"cosh", 0x1.ed3dc4fb3e9c4p-3, 0x1.0775e26d93126p+0},
	{"cosh", 0x1.330411fea2850p-4, 0x1.00b82f736b4b6p+0},
	{"cosh", -0x1.4fe370849b560p-6, 0x1.000dc5c7f1199p+0},
	{"cosh", -0x1.c8d8912e4f4fcp-6, 0x1.00197a8e122fep+0},
	{"cosh", -0x1.d293fff94bf19p-15, 0x1.00000006a4be5p+0},
	{"cosh", -0x1.98f484ece8bafp-22, 0x1.0000000000147p+0},
	{"cosh", 0x1.8f85203c59868p-17, 0x1.000000004df00p+0},
	{"cosh", 0x1.9d65f125cd2fep-8, 0x1.00014dc952deep+0},
	{"cosh", -0x1.effcb90ece7ffp-1, 0x1.81cfa9ec8280dp+0},
	{"cosh", 0x1.31c5d45b672fbp-1, 0x1.2f06a49d5a584p+0},
	{"cosh", 0x1.b00feeaa1b7a4p-1, 0x1.60b0c5b564614p+0},
	{"cosh", -0x1.d82d5507d5bc4p-1, 0x1.74ccf118af318p+0},
	{"cosh", 0x1.cf55bd5fa9b89p-1, 0x1.702cf9be8f8f0p+0},
	{"cosh", 0x1.c6c56345504a4p-2, 0x1.19a9f37de2397p+0},
	{"cosh", -0x1.19e6d50118c9fp-1, 0x1.27cb10b9cbf04p+0},
	{"cosh", -0x1.604696b3bab58p-1, 0x1.3f05f7eab5515p+0},
	{"cosh", 0x1.478cf499a00f8p-1, 0x1.3632de222c02dp+0},
	{"cosh", 0x1.c038fc2825564p-1, 0x1.688653448e0e9p+0},
	{"cosh", -0x1.959084a6bd3d2p-2, 0x1.14579fa85795cp+0},
	{"cosh", 0x1.0c626d6160a36p-1, 0x1.23fbd7cf141cdp+0},
	{"cosh", -0x1.5cf57761595fcp-1, 0x1.3dcbf754314e0p+0},
	{"cosh", -0x1.912e82a076b34p-1, 0x1.52b0f7a968511p+0},
	{"cosh", -0x1.3d7863b6f8c8ap+4, 0x1.8b0654694c8c4p+27},
	{"cosh", -0x1.6457e24a7137fp+1, 0x1.03e8bcf8cf73ap+3},
	{"cosh", 0x1.05365b4e24821p+2, 0x1.d9fb600799314p+4},
	{"cosh", 0x1.426230208489ap+4, 0x1.0c820f6d15db8p+28},
	{"cosh", -0x1.b628e5ae68205p+3, 0x1.afc2f181cc48dp+18},
	{"cosh", 0x1.68265f660bd9ap+0, 0x1.14fcd40cad37bp+1},
	{"cosh", -0x1.ba992e39ba13ap+0, 0x1.73f6aebfd8744p+1},
	{"cosh", -0x1.11e85fbc7de08p+3, 0x1.460ad7612e79ep+11},
	{"cosh", 0x1.ff64268ced870p+0, 0x1.e0755acd533aap+1},
	{"cosh", 0x1.d7270f5fe8aedp+3, 0x1.2ea88be5b3147p+20},
	{"cosh", 0x1.8bb9519c6b595p+2, 0x1.e48907502f66bp+7},
	{"cosh", -0x1.3a75c7958c4f7p+4, 0x1.4747451fa7cf1p+27},
	{"cosh", -0x1.4640c0856c656p+4, 0x1.55f7dd4f733bcp+28},
	{"cosh", 0x1.bc2bf1edbaefep+0, 0x1.761df3f568f89p+1},
	{"cosh", -0x1.1fbcfbaeb6311p+3, 0x1.f6510a3d83dd8p+11},
	{"cosh", -0x1.c4f2749c69354p+0, 0x1.8263bcb13cf58p+1},
	{"cosh", 0x1.17390a7510e61p+4, 0x1.216edaa5d5fe1p+24},
	{"cosh", 0x1.240a3983f280fp+1, 0x1.3c9c5f42a16a7p+2},
	{"cosh", 0x1.42d3e7187bbfep+8, 0x1.ac277b689c2f8p+464},
	{"cosh", -0x1.339600a1d0587p+7, 0x1.d5f2efa95aad4p+220},
	{"cosh", 0x1.9a169fe9cb257p+8, 0x1.8cdaea298b6f1p+590},
	{"cosh", 0x1.d88af32b01aa8p+8, 0x1.aa1ea88e8fdb3p+680},
	{"cosh", -0x1.233b7b1f718b4p+9, 0x1.3f55c20f50990p+839},
	{"cosh", 0x1.14d6b8fd4648ep+9, 0x1.b9f8f94957bf5p+797},
	{"cosh", -0x1.39a9d4c12059bp+9, 0x1.076dd9eeae0bcp+904},
	{"cosh", -0x1.3ce9d06fa9cb3p+5, 0x1.1c475baa229c3p+56},
	{"cosh", -0x1.30af568d23dd8p+9, 0x1.191423400e323p+878},
	{"cosh", 0x1.0336b33d0fdacp+7, 0x1.fa0d23765d200p+185},
	{"cosh", 0x1.6327b51a9b96dp+9, 0x1.b1d762707b378p+1023},
	{"cosh", 0x1.6332f88a5e4c5p+9, 0x1.d9bf59dc34705p+1023},
	{"cosh", -0x1.630e2d3c54eb6p+9, 0x1.63643a2bae168p+1023},
	{"tanh", 0x1.a38bf4d7a3858p-704, 0x1.a38bf4d7a3858p-704},
	{"tanh", -0x1.2be3326cf2b32p-290, -0x1.2be3326cf2b32p-290},
	{"tanh", -0x1.ba1cd8521ac04p-30, -0x1.ba1cd8521ac03p-30},
	{"tanh", -0x1.12dcf47b13a3fp-113, -0x1.12dcf47b13a3fp-113},
	{"tanh", -0x1.22d1bc08bb488p-18, -0x1.22d1bc08b376dp-18},
	{"tanh", -0x1.ff58ed123cfd8p-10, -0x1.ff58c2914dabep-10},
	{"tanh", -0x1.2fc5299da08f4p-2, -0x1.27298c1419070p-2},
	{"tanh", 0x1.ef41db96f37c2p-23, 0x1.ef41db96f3728p-23},
	{"tanh", 0x1.95ed5eafbea4ep-25, 0x1.95ed5eafbea49p-25},
	{"tanh", -0x1.585aa7e1b5bd4p-2, -0x1.4bef5c1c65de8p-2},
	{"tanh", 0x1.abc54a6022ca4p-3, 0x1.a5a80df82b649p-3},
	{"tanh", 0x1.cd4ee61417368p-3, 0x1.c5a95dfd88b98p-3},
	{"tanh", -0x1.009c887d32fbcp-12, -0x1.009c882740be5p-12},
	{"tanh", 0x1.fef5a7e9087d8p-4, 0x1.fc5356e72b567p-4},
	{"tanh", -0x1.dbfdc1edb94a8p-25, -0x1.dbfdc1edb94a0p-25},
	{"tanh", -0x1.aca9fa60c1a3cp-3, -0x1.a683074973173p-3},
	{"tanh", 0x1.002bf0291b384p-2, 0x1.f5ea846b97838p-3},
	{"tanh", 0x1.178396a1a432ep-21, 0x1.178396a1a4172p-21},
	{"tanh", 0x1.650a5710db6d3p-1, 0x1.349269491644dp-1},
	{"tanh", 0x1.63643c868e4fcp-1, 0x1.33851a7afa8b4p-1},
	{"tanh", 0x1.c293b9573b88dp-1, 0x1.69b1fab66bbacp-1},
	{"tanh", -0x1.96f3b8b4ed22ep-2, -0x1.82ccc0a36f085p-2},
	{"tanh", 0x1.e346a0b45c5a5p-1, 0x1.79592212deeb4p-1},
	{"tanh", 0x1.7c30e5a34c904p-2, 0x1.6ba23b2c0e755p-2},
	{"tanh", 0x1.838f7c7432dfap-2, 0x1.720eaedd34c38p-2},
	{"tanh", 0x1.bbe434a1681bcp-1, 0x1.6650aa1467b38p-1},
	{"tanh", 0x1.f36f4fc2f02eap-2, 0x1.cf452f32f1c2dp-2},
	{"tanh", -0x1.7f17a17646285p-1, -0x1.44a7758a266ccp-1},
	{"tanh", 0x1.64d1c84842624p-1, 0x1.346e63203695ap-1},
	{"tanh", 0x1.b54c61727f2e5p-1, 0x1.62ebb2eca3d47p-1},
	{"tanh", 0x1.5cd817b233cbap-1, 0x1.2f4d650d67f98p-1},
	{"tanh", 0x1.6cfa88dac0778p-2, 0x1.5e452ab366b6ep-2},
	{"tanh", 0x1.180e6aada2746p+1, 0x1.f347f2b237943p-1},
	{"tanh", 0x1.28c24fc30df2ep+0, 0x1.a43dc8c6f5ad3p-1},
	{"tanh", 0x1.87d3fc0573182p+1, 0x1.fdc2473206b08p-1},
	{"tanh", 0x1.19328870d2f30p+3, 0x1.fffffe6fb80c1p-1},
	{"tanh", -0x1.dfb3621c25d5ep+1, -0x1.ff6e69dea6680p-1},
	{"tanh", 0x1.ce3294f326c50p+1, 0x1.ff40a77f9b605p-1},
	{"tanh", -0x1.11edd6b33fc07p+1, -0x1.f20546578613cp-1},
	{"tanh", -0x1.1cae1055e8496p+1, -0x1.f4284209cd034p-1},
	{"tanh", -0x1.24895946b8f51p+4, -0x1.ffffffffffffep-1},
	{"tanh", -0x1.327119e860f92p+0, -0x1.aa5e136d90d08p-1},
	{"tanh", -0x1.e03c014a65780p+1, -0x1.ff6f9f3157cb8p-1},
	{"tanh", -0x1.1e75cde47fbcep+2, -0x1.ffde0ef7d6c7fp-1},
	{"tanh", -0x1.86a186f9c7c50p+3, -0x1.ffffffff924cep-1},
	{"tanh", -0x1.59713ea5dee2cp+1, -0x1.fb626f70fe75fp-1},
	{"tanh", -0x1.1ff11ca0893c6p+4, -0x1.ffffffffffffcp-1},
	{"tanh", -0x1.60799a80a1ba8p+3, -0x1.fffffffb5910ep-1},
	{"tanh", -0x1.0bf7b0264d728p+2, -0x1.ffc3834183e2ep-1},
	{"tanh", 0x1.2cccfc65704f2p+1, 0x1.f6c53e918f874p-1},
	{"tanh", -0x1.a4a16d956059fp+5, -0x1.0000000000000p+0},
	{"tanh", 0x1.00d14d1645761p+9, 0x1.0000000000000p+0},
	{"tanh", 0x1.33abe6e9192c3p+9, 0x1.0000000000000p+0},
	{"tanh", 0x1.d92d0cb88a725p+8, 0x1.0000000000000p+0},
	{"tanh", 0x1.526fddb2aa2fbp+8, 0x1.0000000000000p+0},
	{"tanh", -0x1.3fc981d2701c6p+9, -0x1.0000000000000p+0},
	{"tanh", -0x1.c303b0576efc4p+8, -0x1.0000000000000p+0},
	{"tanh", 0x1.3ded81014e24ep+8, 0x1.0000000000000p+0},
	{"tanh", 0x1.cbe4d3fdade9dp+8, 0x1.0000000000000p+0},
	{"tanh", -0x1.448b354b0a477p+6, -0x1.0000000000000p+0},
	{"tanh", -0x1.edfe0a1ff3c41p+744, -0x1.0000000000000p+0},
	{"tanh", -0x1.f85b77ade1e2ep+444, -0x1.0000000000000p+0},
	{"tanh", 0x1.d4d752a679b07p+190, 0x1.0000000000000p+0},
	{"tanh", 0x1.3b7e237d1de5ep+849, 0x1.0000000000000p+0},
	{"tanh", 0x1.da7fe6fbdb838p+227, 0x1.0000000000000p+0},
	{"tanh", -0x1.9a62fbeaab451p+120, -0x1.0000000000000p+0},
	{"sinh", 0x1.ffffffffffffep-29, 0x1.ffffffffffffep-29},
	{"cosh", 0x1.ffffffffffffep-29, 0x1.0000000000000p+0},
	{"tanh", 0x1.ffffffffffffep-29, 0x1.ffffffffffffep-29},
	{"sinh", -0x1.ffffffffffffep-29, -0x1.ffffffffffffep-29},
	{"tanh", -0x1.ffffffffffffep-29, -0x1.ffffffffffffep-29},
	{"sinh", 0x1.fffffffffffffp-29, 0x1.fffffffffffffp-29},
	{"cosh", 0x1.fffffffffffffp-29, 0x1.0000000000000p+0},
	{"tanh", 0x1.fffffffffffffp-29, 0x1.fffffffffffffp-29},
	{"sinh", -0x1.fffffffffffffp-29, -0x1.fffffffffffffp-29},
	{"tanh", -0x1.fffffffffffffp-29, -0x1.fffffffffffffp-29},
	{"sinh", 0x1.0000000000000p-28, 0x1.0000000000000p-28},
	{"cosh", 0x1.0000000000000p-28, 0x1.0000000000000p+0},
	{"tanh", 0x1.0000000000000p-28, 0x1.0000000000000p-28},
	{"sinh", -0x1.0000000000000p-28, -0x1.0000000000000p-28},
	{"tanh", -0x1.0000000000000p-28, -0x1.0000000000000p-28},
	{"sinh", 0x1.0000000000001p-28, 0x1.0000000000001p-28},
	{"cosh", 0x1.0000000000001p-28, 0x1.0000000000000p+0},
	{"tanh", 0x1.0000000000001p-28, 0x1.0000000000001p-28},
	{"sinh", -0x1.0000000000001p-28, -0x1.0000000000001p-28},
	{"tanh", -0x1.0000000000001p-28, -0x1.0000000000001p-28},
	{"sinh", 0x1.0000000000002p-28, 0x1.0000000000002p-28},
	{"cosh", 0x1.0000000000002p-28, 0x1.0000000000000p+0},
	{"tanh", 0x1.0000000000002p-28, 0x1.0000000000002p-28},
	{"sinh", -0x1.0000000000002p-28, -0x1.0000000000002p-28},
	{"tanh", -0x1.0000000000002p-28, -0x1.0000000000002p-28},
	{"sinh", 0x1.ffffffffffffep-56, 0x1.ffffffffffffep-56},
	{"cosh", 0x1.ffffffffffffep-56, 0x1.0000000000000p+0},
	{"tanh", 0x1.ffffffffffffep-56, 0x1.ffffffffffffep-56},
	{"sinh", -0x1.ffffffffffffep-56, -0x1.ffffffffffffep-56},
	{"tanh", -0x1.ffffffffffffep-56, -0x1.ffffffffffffep-56},
	{"sinh", 0x1.fffffffffffffp-56, 0x1.fffffffffffffp-56},
	{"cosh", 0x1.fffffffffffffp-56, 0x1.0000000000000p+0},
	{"tanh", 0x1.fffffffffffffp-56, 0x1.fffffffffffffp-56},
	{"sinh", -0x1.fffffffffffffp-56, -0x1.fffffffffffffp-56},
	{"tanh", -0x1.fffffffffffffp-56, -0x1.fffffffffffffp-56},
	{"sinh", 0x1.0000000000000p-55, 0x1.0000000000000p-55},
	{"cosh", 0x1.0000000000000p-55, 0x1.0000000000000p+0},
	{"tanh", 0x1.0000000000000p-55, 0x1.0000000000000p-55},
	{"sinh", -0x1.0000000000000p-55, -0x1.0000000000000p-55},
	{"tanh", -0x1.0000000000000p-55, -0x1.0000000000000p-55},
	{"sinh", 0x1.0000000000001p-55, 0x1.0000000000001p-55},
	{"cosh", 0x1.0000000000001p-55, 0x1.0000000000000p+0},
	{"tanh", 0x1.0000000000001p-55, 0x1.0000000000001p-55},
	{"sinh", -0x1.0000000000001p-55, -0x1.0000000000001p-55},
	{"tanh", -0x1.0000000000001p-55, -0x1.0000000000001p-55},
	{"sinh", 0x1.0000000000002p-55, 0x1.0000000000002p-55},
	{"cosh", 0x1.0000000000002p-55, 0x1.0000000000000p+0},
	{"tanh", 0x1.0000000000002p-55, 0x1.0000000000002p-55},
	{"sinh", -0x1.0000000000002p-55, -0x1.0000000000002p-55},
	{"tanh", -0x1.0000000000002p-55, -0x1.0000000000002p-55},
	{"sinh", 0x1.ffffffffffffep-1, 0x1.2cd9fc44eb981p+0},
	{"cosh", 0x1.ffffffffffffep-1, 0x1.8b07551d9f54fp+0},
	{"sinh", -0x1.ffffffffffffep-1, -0x1.2cd9fc44eb981p+0},
	{"sinh", 0x1.fffffffffffffp-1, 0x1.2cd9fc44eb982p+0},
	{"cosh", 0x1.fffffffffffffp-1, 0x1.8b07551d9f550p+0},
	{"tanh", 0x1.fffffffffffffp-1, 0x1.85efab514f394p-1},
	{"sinh", -0x1.fffffffffffffp-1, -0x1.2cd9fc44eb982p+0},
	{"tanh", -0x1.fffffffffffffp-1, -0x1.85efab514f394p-1},
	{"sinh", 0x1.0000000000000p+0, 0x1.2cd9fc44eb982p+0},
	{"cosh", 0x1.0000000000000p+0, 0x1.8b07551d9f550p+0},
	{"tanh", 0x1.0000000000000p+0, 0x1.85efab514f394p-1},
	{"sinh", -0x1.0000000000000p+0, -0x1.2cd9fc44eb982p+0},
	{"tanh", -0x1.0000000000000p+0, -0x1.85efab514f394p-1},
	{"sinh", 0x1.0000000000001p+0, 0x1.2cd9fc44eb984p+0},
	{"cosh", 0x1.0000000000001p+0, 0x1.8b07551d9f552p+0},
	{"tanh", 0x1.0000000000001p+0, 0x1.85efab514f395p-1},
	{"sinh", -0x1.0000000000001p+0, -0x1.2cd9fc44eb984p+0},
	{"tanh", -0x1.0000000000001p+0, -0x1.85efab514f395p-1},
	{"sinh", 0x1.0000000000002p+0, 0x1.2cd9fc44eb986p+0},
	{"cosh", 0x1.0000000000002p+0, 0x1.8b07551d9f553p+0},
	{"tanh", 0x1.0000000000002p+0, 0x1.85efab514f396p-1},
	{"sinh", -0x1.0000000000002p+0, -0x1.2cd9fc44eb986p+0},
	{"tanh", -0x1.0000000000002p+0, -0x1.85efab514f396p-1},
	{"sinh", 0x1.5fffffffffffep+4, 0x1.ab5adb9c435cap+30},
	{"cosh", 0x1.5fffffffffffep+4, 0x1.ab5adb9c435cap+30},
	{"tanh", 0x1.5fffffffffffep+4, 0x1.0000000000000p+0},
	{"sinh", -0x1.5fffffffffffep+4, -0x1.ab5adb9c435cap+30},
	{"tanh", -0x1.5fffffffffffep+4, -0x1.0000000000000p+0},
	{"sinh", 0x1.5ffffffffffffp+4, 0x1.ab5adb9c435e5p+30},
	{"cosh", 0x1.5ffffffffffffp+4, 0x1.ab5adb9c435e5p+30},
	{"tanh", 0x1.5ffffffffffffp+4, 0x1.0000000000000p+0},
	{"sinh", -0x1.5ffffffffffffp+4, -0x1.ab5adb9c435e5p+30},
	{"tanh", -0x1.5ffffffffffffp+4, -0x1.0000000000000p+0},
	{"sinh", 0x1.6000000000000p+4, 0x1.ab5adb9c43600p+30},
	{"cosh", 0x1.6000000000000p+4, 0x1.ab5adb9c43600p+30},
	{"tanh", 0x1.6000000000000p+4, 0x1.0000000000000p+0},
	{"sinh", -0x1.6000000000000p+4, -0x1.ab5adb9c43600p+30},
	{"tanh", -0x1.6000000000000p+4, -0x1.0000000000000p+0},
	{"sinh", 0x1.6000000000001p+4, 0x1.ab5adb9c4361ap+30},
	{"cosh", 0x1.6000000000001p+4, 0x1.ab5adb9c4361ap+30},
	{"tanh", 0x1.6000000000001p+4, 0x1.0000000000000p+0},
	{"sinh", -0x1.6000000000001p+4, -0x1.ab5adb9c4361ap+30},
	{"tanh", -0x1.6000000000001p+4, -0x1.0000000000000p+0},
	{"sinh", 0x1.6000000000002p+4, 0x1.ab5adb9c43635p+30},
	{"cosh", 0x1.6000000000002p+4, 0x1.ab5adb9c43635p+30},
	{"tanh", 0x1.6000000000002p+4, 0x1.0000000000000p+0},
	{"sinh", -0x1.6000000000002p+4, -0x1.ab5adb9c43635p+30},
	{"tanh", -0x1.6000000000002p+4, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fffffffep-2, 0x1.6a09e6794e2f1p-2},
	{"cosh", 0x1.62e42fffffffep-2, 0x1.0f876ccf6901cp+0},
	{"tanh", 0x1.62e42fffffffep-2, 0x1.55555563e0562p-2},
	{"sinh", -0x1.62e42fffffffep-2, -0x1.6a09e6794e2f1p-2},
	{"tanh", -0x1.62e42fffffffep-2, -0x1.55555563e0562p-2},
	{"sinh", 0x1.62e42ffffffffp-2, 0x1.6a09e6794e2f2p-2},
	{"cosh", 0x1.62e42ffffffffp-2, 0x1.0f876ccf6901dp+0},
	{"tanh", 0x1.62e42ffffffffp-2, 0x1.55555563e0564p-2},
	{"sinh", -0x1.62e42ffffffffp-2, -0x1.6a09e6794e2f2p-2},
	{"tanh", -0x1.62e42ffffffffp-2, -0x1.55555563e0564p-2},
	{"sinh", 0x1.62e4300000000p-2, 0x1.6a09e6794e2f3p-2},
	{"cosh", 0x1.62e4300000000p-2, 0x1.0f876ccf6901cp+0},
	{"tanh", 0x1.62e4300000000p-2, 0x1.55555563e0564p-2},
	{"sinh", -0x1.62e4300000000p-2, -0x1.6a09e6794e2f3p-2},
	{"tanh", -0x1.62e4300000000p-2, -0x1.55555563e0564p-2},
	{"sinh", 0x1.62e4300000001p-2, 0x1.6a09e6794e2f4p-2},
	{"cosh", 0x1.62e4300000001p-2, 0x1.0f876ccf6901dp+0},
	{"tanh", 0x1.62e4300000001p-2, 0x1.55555563e0565p-2},
	{"sinh", -0x1.62e4300000001p-2, -0x1.6a09e6794e2f4p-2},
	{"tanh", -0x1.62e4300000001p-2, -0x1.55555563e0565p-2},
	{"sinh", 0x1.62e4300000002p-2, 0x1.6a09e6794e2f5p-2},
	{"cosh", 0x1.62e4300000002p-2, 0x1.0f876ccf6901dp+0},
	{"tanh", 0x1.62e4300000002p-2, 0x1.55555563e0565p-2},
	{"sinh", -0x1.62e4300000002p-2, -0x1.6a09e6794e2f5p-2},
	{"tanh", -0x1.62e4300000002p-2, -0x1.55555563e0565p-2},
	{"sinh", 0x1.62e41fffffffep+9, 0x1.ffc045692f89ep+1022},
	{"cosh", 0x1.62e41fffffffep+9, 0x1.ffc045692f89ep+1022},
	{"tanh", 0x1.62e41fffffffep+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e41fffffffep+9, -0x1.ffc045692f89ep+1022},
	{"tanh", -0x1.62e41fffffffep+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e41ffffffffp+9, 0x1.ffc045692fc9ep+1022},
	{"cosh", 0x1.62e41ffffffffp+9, 0x1.ffc045692fc9ep+1022},
	{"tanh", 0x1.62e41ffffffffp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e41ffffffffp+9, -0x1.ffc045692fc9ep+1022},
	{"tanh", -0x1.62e41ffffffffp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e4200000000p+9, 0x1.ffc045693009ep+1022},
	{"cosh", 0x1.62e4200000000p+9, 0x1.ffc045693009ep+1022},
	{"tanh", 0x1.62e4200000000p+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e4200000000p+9, -0x1.ffc045693009ep+1022},
	{"tanh", -0x1.62e4200000000p+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e4200000001p+9, 0x1.ffc045693049cp+1022},
	{"cosh", 0x1.62e4200000001p+9, 0x1.ffc045693049cp+1022},
	{"tanh", 0x1.62e4200000001p+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e4200000001p+9, -0x1.ffc045693049cp+1022},
	{"tanh", -0x1.62e4200000001p+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e4200000002p+9, 0x1.ffc045693089cp+1022},
	{"cosh", 0x1.62e4200000002p+9, 0x1.ffc045693089cp+1022},
	{"tanh", 0x1.62e4200000002p+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e4200000002p+9, -0x1.ffc045693089cp+1022},
	{"tanh", -0x1.62e4200000002p+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.633ce8fb9f87bp+9, 0x1.ffffffffff53cp+1023},
	{"cosh", 0x1.633ce8fb9f87bp+9, 0x1.ffffffffff53cp+1023},
	{"tanh", 0x1.633ce8fb9f87bp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.633ce8fb9f87bp+9, -0x1.ffffffffff53cp+1023},
	{"tanh", -0x1.633ce8fb9f87bp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.633ce8fb9f87cp+9, 0x1.ffffffffff93bp+1023},
	{"cosh", 0x1.633ce8fb9f87cp+9, 0x1.ffffffffff93bp+1023},
	{"tanh", 0x1.633ce8fb9f87cp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.633ce8fb9f87cp+9, -0x1.ffffffffff93bp+1023},
	{"tanh", -0x1.633ce8fb9f87cp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.633ce8fb9f87dp+9, 0x1.ffffffffffd3bp+1023},
	{"cosh", 0x1.633ce8fb9f87dp+9, 0x1.ffffffffffd3bp+1023},
	{"tanh", 0x1.633ce8fb9f87dp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.633ce8fb9f87dp+9, -0x1.ffffffffffd3bp+1023},
	{"tanh", -0x1.633ce8fb9f87dp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.633ce8fb9f87ep+9, inf},
	{"cosh", 0x1.633ce8fb9f87ep+9, inf},
	{"tanh", 0x1.633ce8fb9f87ep+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.633ce8fb9f87ep+9, -inf},
	{"tanh", -0x1.633ce8fb9f87ep+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.633ce8fb9f87fp+9, inf},
	{"cosh", 0x1.633ce8fb9f87fp+9, inf},
	{"tanh", 0x1.633ce8fb9f87fp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.633ce8fb9f87fp+9, -inf},
	{"tanh", -0x1.633ce8fb9f87fp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fefa39edp+9, 0x1.ffffffffff72ap+1022},
	{"cosh", 0x1.62e42fefa39edp+9, 0x1.ffffffffff72ap+1022},
	{"tanh", 0x1.62e42fefa39edp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e42fefa39edp+9, -0x1.ffffffffff72ap+1022},
	{"tanh", -0x1.62e42fefa39edp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fefa39eep+9, 0x1.ffffffffffb2ap+1022},
	{"cosh", 0x1.62e42fefa39eep+9, 0x1.ffffffffffb2ap+1022},
	{"tanh", 0x1.62e42fefa39eep+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e42fefa39eep+9, -0x1.ffffffffffb2ap+1022},
	{"tanh", -0x1.62e42fefa39eep+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fefa39efp+9, 0x1.fffffffffff2ap+1022},
	{"cosh", 0x1.62e42fefa39efp+9, 0x1.fffffffffff2ap+1022},
	{"tanh", 0x1.62e42fefa39efp+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e42fefa39efp+9, -0x1.fffffffffff2ap+1022},
	{"tanh", -0x1.62e42fefa39efp+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fefa39f0p+9, 0x1.0000000000196p+1023},
	{"cosh", 0x1.62e42fefa39f0p+9, 0x1.0000000000196p+1023},
	{"tanh", 0x1.62e42fefa39f0p+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e42fefa39f0p+9, -0x1.0000000000196p+1023},
	{"tanh", -0x1.62e42fefa39f0p+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fefa39f1p+9, 0x1.0000000000396p+1023},
	{"cosh", 0x1.62e42fefa39f1p+9, 0x1.0000000000396p+1023},
	{"tanh", 0x1.62e42fefa39f1p+9, 0x1.0000000000000p+0},
	{"sinh", -0x1.62e42fefa39f1p+9, -0x1.0000000000396p+1023},
	{"tanh", -0x1.62e42fefa39f1p+9, -0x1.0000000000000p+0},
	{"sinh", 0x1.62e42fefa39edp-2, 0x1.6a09e667f3bcap-2},
	{"cosh", 0x1.62e42fefa39edp-2, 0x1.0f876ccdf6cd9p+0},
	{"tanh", 0x1.62e42fefa39edp-2, 0x1.5555555555554p-2},
	{"sinh", -0x1.62e42fefa39edp-2, -0x1.6a09e667f3bcap-2},
	{"tanh", -0x1.62e42fefa39edp-2, -0x1.5555555555554p-2},
	{"cosh", 0x1.62e42fefa39eep-2, 0x1.0f876ccdf6cd9p+0},
	{"tanh", 0x1.62e42fefa39eep-2, 0x1.5555555555555p-2},
	{"tanh", -0x1.62e42fefa39eep-2, -0x1.5555555555555p-2},
	{"sinh", 0x1.62e42fefa39efp-2, 0x1.6a09e667f3bccp-2},
	{"cosh", 0x1.62e42fefa39efp-2, 0x1.0f876ccdf6cd9p+0},
	{"tanh", 0x1.62e42fefa39efp-2, 0x1.5555555555555p-2},
	{"sinh", -0x1.62e42fefa39efp-2, -0x1.6a09e667f3bccp-2},
	{"tanh", -0x1.62e42fefa39efp-2, -0x1.5555555555555p-2},
	{"tanh", 0x1.62e42fefa39f0p-2, 0x1.5555555555555p-2},
	{"tanh", -0x1.62e42fefa39f0p-2, -0x1.5555555555555p-2},
	{"sinh", 0x1.62e42fefa39f1p-2, 0x1.6a09e667f3bcep-2},
	{"cosh", 0x1.62e42fefa39f1p-2, 0x1.0f876ccdf6cdap+0},
	{"tanh", 0x1.62e42fefa39f1p-2, 0x1.5555555555557p-2},
	{"sinh", -0x1.62e42fefa39f1p-2, -0x1.6a09e667f3bcep-2},
	{"tanh", -0x1.62e42fefa39f1p-2, -0x1.5555555555557p-2},
	{"sinh", 0, 0}, {"sinh", negz, negz}, {"sinh", inf, inf}, {"sinh", -inf, -inf},
	{"cosh", 0, 1}, {"cosh", negz, 1}, {"cosh", inf, inf}, {"cosh", -inf, inf},
	{"tanh", 0, 0}, {"tanh", negz, negz}, {"tanh", inf, 1}, {"tanh", -inf, -1},
	{"sinh", 0x1p-1074, 0x1p-1074}, {"sinh", -0x1p-1074, -0x1p-1074}, {"cosh", 0x1p-1074, 1},
	{"tanh", 0x1p-1074, 0x1p-1074}, {"tanh", -0x1p-1022, -0x1p-1022}, {"sinh", 0x1p-1022, 0x1p-1022},
	{"sinh", 1e308, inf}, {"sinh", -1e308, -inf}, {"cosh", -1e308, inf}, {"tanh", -1e308, -1},
	{"sinh", 0x1.62e3d70a3d70ap+9, 0x1.fe9ce5c4c52b4p+1022}, {"cosh", 0x1.62e3d70a3d70ap+9, 0x1.fe9ce5c4c52b4p+1022},
	{"sinh", 0x1p+0, 0x1.2cd9fc44eb982p+0}, {"cosh", 0x1p+0, 0x1.8b07551d9f55p+0}, {"tanh", 0x1p+0, 0x1.85efab514f394p-1},
	{"cosh", 0x1.319999999999ap+4, 0x1.783b290d4dbdfp+26},
	{"sinh", 0x1p-1, 0x1.0acd00fe63b97p-1}, {"cosh", 0x1p-1, 0x1.20ac1862ae8dp+0}, {"tanh", 0x1p-1, 0x1.d9353d7568af3p-2},
}

// TestExpFastBound checks the error bounds that the rounding tests of
// Exp's and Expm1's fast paths rely on (2^-64 of e^x; 2^-60 of x for Expm1
// of |x| < ln2/512) against the double-double paths, with a margin: seen
// at most about 2^-71 and 2^-63.
func TestExpFastBound(t *testing.T) {
	r := rand.New(rand.NewPCG(37, 41))
	worst, worstSmall := 0.0, 0.0
	for k := 0; k < 100000; k++ {
		x := (r.Float64()*2 - 1) * 745
		switch k % 4 {
		case 1:
			x = (r.Float64()*2 - 1) * 8
		case 2: // near a multiple of ln2/256
			x = float64(r.IntN(4001)-2000)*(math.Ln2/256) + math.Ldexp(r.Float64()-0.5, -r.IntN(60)-9)
		case 3:
			x = math.Ldexp(r.Float64()*2-1, -r.IntN(50)-10)
		}
		K, h, l := expCoreFast(x)
		K2, h2, l2 := expCore(x, 0)
		if K != K2 {
			t.Fatalf("expCoreFast(%x): exponent %d, expCore %d", x, K, K2)
		}
		if e := math.Abs((h-h2)+(l-l2)) / h2; e > worst {
			worst = e
		}
		if math.Abs(x) < 0x1.62e42fefa39efp-10 && x != 0 {
			sh, sl := expm1Small(x, 0)
			if e := math.Abs((x-sh)+(expm1Tail(x, 0)-sl)) / math.Abs(x); e > worstSmall {
				worstSmall = e
			}
		}
	}
	t.Logf("worst relative errors: expCoreFast %g (2^%.1f), expm1Tail %g (2^%.1f)", worst, math.Log2(worst), worstSmall, math.Log2(worstSmall))
	if worst > 0x1p-67 || worstSmall > 0x1p-62 {
		t.Errorf("fast paths less accurate than their rounding tests assume")
	}
}
