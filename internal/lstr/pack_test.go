package lstr

import (
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
)

type packCase struct {
	fn     string
	format string
	args   []any
	want   string
}

// packArgs implements PackArgs over Go values standing for Lua values.
type packArgs struct {
	testArgs
	reserved int64
}

func (a *packArgs) Integer(arg int) (int64, error) {
	if arg-2 >= len(a.testArgs) {
		return 0, &ArgError{arg, "number expected, got nil"}
	}
	return a.testArgs.Integer(arg)
}

func (a *packArgs) Number(arg int) (float64, error) {
	if arg-2 >= len(a.testArgs) {
		return 0, &ArgError{arg, "number expected, got nil"}
	}
	return a.testArgs.Number(arg)
}

func (a *packArgs) String(arg int) (string, error) {
	if arg-2 >= len(a.testArgs) {
		return "", &ArgError{arg, "string expected, got nil"}
	}
	switch a.testArgs[arg-2].(type) {
	case string, int64, float64:
		return a.testArgs.ToString(arg)
	}
	return "", &ArgError{arg, "string expected, got " + typeName(a.testArgs[arg-2])}
}

func (a *packArgs) Reserve(n int64) error {
	a.reserved += n
	return nil
}

func showValue(v UnpackedValue) string {
	switch v.Kind {
	case KInt:
		return strconv.FormatInt(v.Int, 10)
	case KFloat:
		s := strconv.FormatFloat(v.Num, 'g', 17, 64)
		if s == "+Inf" {
			return "inf"
		}
		if !strings.ContainsAny(s, ".eIN") {
			s += ".0"
		}
		return s
	}
	return v.Str
}

func runPack(c packCase) string {
	switch c.fn {
	case "pack":
		a := &packArgs{testArgs: c.args}
		out, err := Pack(nil, c.format, a)
		if err != nil {
			return "ERR:" + err.Error()
		}
		if a.reserved != int64(len(out)) {
			return "reserved " + strconv.FormatInt(a.reserved, 10) + " for " + strconv.Itoa(len(out))
		}
		return hex.EncodeToString(out)
	case "packsize":
		n, err := PackSize(c.format)
		if err != nil {
			return "ERR:" + err.Error()
		}
		return strconv.FormatInt(n, 10)
	}
	var u Unpacker
	if err := u.Reset(c.format, c.args[0].(string), c.args[1].(int64)); err != nil {
		return "ERR:" + err.Error()
	}
	var out []string
	for {
		v, ok, err := u.Next()
		if err != nil {
			return "ERR:" + err.Error()
		}
		if !ok {
			break
		}
		out = append(out, showValue(v))
	}
	return strings.Join(append(out, strconv.FormatInt(u.Pos(), 10)), "|")
}

func TestPackReference(t *testing.T) {
	for _, c := range packCases {
		if got := runPack(c); got != c.want {
			t.Errorf("%s(%q, %v): got %q, want %q", c.fn, c.format, c.args, got, c.want)
		}
	}
}
