package luanum

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// runLua runs script with lua5.3 and returns its output lines; it skips
// the test when lua5.3 is not installed.
func runLua(t *testing.T, script string) []string {
	t.Helper()
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Skip("lua5.3 not installed")
	}
	cmd := exec.Command(lua, "-")
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lua5.3: %v\n%s", err, out)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// randFloat returns floats of many magnitudes, including subnormals,
// halves (rounding ties) and large integral values.
func randFloat(r *rand.Rand) float64 {
	switch r.IntN(4) {
	case 0:
		return (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(628)-320))
	case 1:
		return float64(r.IntN(200001)-100000) / math.Pow(2, float64(r.IntN(21)))
	case 2:
		return math.Floor(r.Float64()*math.Pow(10, float64(r.IntN(18)))) + float64(r.IntN(2))*0.5
	}
	for {
		f := math.Float64frombits(r.Uint64())
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
	}
}

// TestFormatAgainstLua compares FormatFloat and %g (with and without '#')
// with lua5.3's tostring and string.format on random floats.
func TestFormatAgainstLua(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test")
	}
	r := rand.New(rand.NewPCG(3, 4))
	type tc struct {
		f    float64
		prec int
	}
	var cases []tc
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		c := tc{randFloat(r), r.IntN(26)}
		cases = append(cases, c)
		fmt.Fprintf(&sb, "do local v = %s; print(tostring(v) .. '|' .. string.format('%%.%dg|%%#.%dg', v, v)) end\n",
			strconv.FormatFloat(c.f, 'x', -1, 64), c.prec, c.prec)
	}
	lines := runLua(t, sb.String())
	if len(lines) != len(cases) {
		t.Fatalf("lua5.3 printed %d lines for %d cases", len(lines), len(cases))
	}
	for i, c := range cases {
		want := strings.Split(lines[i], "|")
		got := []string{FormatFloat(c.f), string(AppendG(nil, c.f, c.prec, false)), string(AppendG(nil, c.f, c.prec, true))}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("%x (prec %d): got %q, lua5.3 %q", c.f, c.prec, got[k], want[k])
			}
		}
	}
}

// TestParseAgainstLua compares ParseNumber with lua5.3's tonumber on
// random numeral-like strings.
func TestParseAgainstLua(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test")
	}
	r := rand.New(rand.NewPCG(5, 6))
	pick := func(set string, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = set[r.IntN(len(set))]
		}
		return string(b)
	}
	var inputs []string
	for i := 0; i < 4000; i++ {
		var s string
		switch r.IntN(5) {
		case 0:
			s = pick("019xXpPeE.+- afFn\t", r.IntN(12)+1)
		case 1:
			s = "0x" + pick("0123456789abcdef", r.IntN(26)) + "." + pick("0123456789abcdef", r.IntN(26)) + "p" + strconv.Itoa(r.IntN(2200)-1100)
		case 2:
			s = "0x" + pick("0", r.IntN(6)) + pick("f8", r.IntN(20)+1) + pick("0", r.IntN(20)) + pick("01", r.IntN(4)) + "p" + strconv.Itoa(r.IntN(2100)-1100)
		case 3:
			s = pick("0123456789", r.IntN(25)+1) + "." + pick("0123456789", r.IntN(25)) + "e" + strconv.Itoa(r.IntN(660)-340)
		default:
			s = pick(" -", r.IntN(2)) + pick("0123456789", r.IntN(22)+1) + pick(" ", r.IntN(2))
		}
		inputs = append(inputs, s)
	}
	var sb strings.Builder
	sb.WriteString(`local function d(s)
  local v = tonumber(s)
  if v == nil then return "nil" end
  if math.type(v) == "integer" then return string.format("int %d", v) end
  return string.format("float %a", v)
end
`)
	for _, s := range inputs {
		fmt.Fprintf(&sb, "print(d(%q))\n", s)
	}
	lines := runLua(t, sb.String())
	if len(lines) != len(inputs) {
		t.Fatalf("lua5.3 printed %d lines for %d inputs", len(lines), len(inputs))
	}
	for k, s := range inputs {
		want := lines[k]
		i, f, isInt, ok := ParseNumber(s)
		if w, isFloat := strings.CutPrefix(want, "float "); isFloat {
			if wf := parseHex(t, w); !ok || isInt || wf != f {
				t.Errorf("ParseNumber(%q) = %v %v %v %v, lua5.3 %s", s, i, f, isInt, ok, want)
			}
			continue
		}
		if got := describe(i, f, isInt, ok); got != want {
			t.Errorf("ParseNumber(%q) = %s, lua5.3 %s", s, got, want)
		}
	}
}
