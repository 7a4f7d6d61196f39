package lstr

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

type formatCase struct {
	format string
	args   []any
	want   string
}

var (
	negNaN = math.Float64frombits(0xfff8000000000000)
	posNaN = math.Float64frombits(0x7ff8000000000000)
)

// testArgs implements FormatArgs over Go values standing for Lua values:
// nil, bool, int64, float64, string, and struct{} for a table.
type testArgs []any

func (a testArgs) NumArgs() int { return len(a) + 1 }

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "nil"
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	case string:
		return "string"
	}
	return "table"
}

func (a testArgs) Number(arg int) (float64, error) {
	switch v := a[arg-2].(type) {
	case int64:
		return float64(v), nil
	case float64:
		return v, nil
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return f, nil
		}
	}
	return 0, &ArgError{arg, "number expected, got " + typeName(a[arg-2])}
}

func (a testArgs) Integer(arg int) (int64, error) {
	if i, ok := a[arg-2].(int64); ok {
		return i, nil
	}
	f, err := a.Number(arg)
	if err != nil {
		return 0, err
	}
	if f != math.Floor(f) || f < -(1<<63) || f >= 1<<63 {
		return 0, &ArgError{arg, "number has no integer representation"}
	}
	return int64(f), nil
}

func (a testArgs) ToString(arg int) (string, error) {
	switch v := a[arg-2].(type) {
	case nil:
		return "nil", nil
	case bool:
		return strconv.FormatBool(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return string(AppendFloatString(nil, v)), nil
	case string:
		return v, nil
	}
	return "table: 0x0", nil
}

func (a testArgs) Literal(arg int) (LiteralKind, string, int64, float64) {
	switch v := a[arg-2].(type) {
	case nil, bool:
		return LitOther, "", 0, 0
	case int64:
		return LitInteger, "", v, 0
	case float64:
		return LitFloat, "", 0, v
	case string:
		return LitString, v, 0, 0
	}
	return LitNone, "", 0, 0
}

func (a testArgs) Reserve(n int) error { return nil }

func runFormat(format string, args []any) string {
	out, err := Format(nil, format, testArgs(args))
	if err != nil {
		return "ERR:" + err.Error()
	}
	return string(out)
}

func TestFormatReference(t *testing.T) {
	for _, c := range formatCases {
		if got := runFormat(c.format, c.args); got != c.want {
			t.Errorf("format(%q, %v): got %q, want %q", c.format, c.args, got, c.want)
		}
	}
}

func TestFormatNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 256)
	var args FormatArgs = testArgs{int64(42), 3.25, 1e100, 0.1, -2.5}
	allocs := testing.AllocsPerRun(100, func() {
		buf, _ = Format(buf[:0], "%5d %-8.3f %g %a %e", args)
	})
	if allocs != 0 {
		t.Fatalf("%v allocs per format", allocs)
	}
}

// reserveArgs counts what Format reserves.
type reserveArgs struct {
	testArgs
	reserved *int
}

func (a reserveArgs) Reserve(n int) error {
	*a.reserved += n
	return nil
}

func TestFormatReserve(t *testing.T) {
	big := strings.Repeat("x", 3*ReserveChunk)
	for _, c := range []struct {
		format string
		args   testArgs
	}{
		{"%s%s", testArgs{big, big}},
		{"%q", testArgs{big}},
		{strings.Repeat("%99.99f", 1000), nil},
		{"small %d", testArgs{int64(1)}},
	} {
		if c.args == nil {
			for i := 0; i < 1000; i++ {
				c.args = append(c.args, 1e300)
			}
		}
		reserved := 0
		out, err := Format(nil, c.format, reserveArgs{c.args, &reserved})
		if err != nil {
			t.Fatal(err)
		}
		if reserved < len(out)-ReserveChunk || reserved > 4*len(out)+ReserveChunk {
			t.Errorf("%.20q: reserved %d for %d bytes", c.format, reserved, len(out))
		}
	}
}
