package main

import (
	"strings"
	"testing"
)

func TestSandboxFlags(t *testing.T) {
	loop := writeScript(t, "local n = 0\nwhile true do n = n + 1 end")
	grow := writeScript(t, "local t = {}\nfor i = 1, 1e9 do t[i] = {} end")
	escape := writeScript(t, "print(io, os.execute, require, string.dump, ...)\nreturn io.open('/etc/passwd')")
	okScript := writeScript(t, "print('hi', ...)")
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"-sandbox", "-fuel", "1000", loop}, exitFuel, "", "fuel limit exhausted: used 1000 of 1000 units at "},
		{[]string{"-sandbox", "-mem", "1MB", grow}, exitMemory, "", "memory limit exceeded"},
		{[]string{"-sandbox", "-timeout", "50ms", loop}, exitTimeout, "", "timeout: ran"},
		{[]string{"-timeout", "50ms", loop}, exitTimeout, "", "timeout of 50ms exceeded"},
		{[]string{"-sandbox", escape, "x"}, exitError, "nil\tnil\tnil\tnil\tx\n", "attempt to index a nil value (global 'io')"},
		{[]string{"-sandbox", "-stats", okScript, "a"}, exitOK, "hi\ta\n", "fuel used"},
		{[]string{"-stats", "-fuel", "100", loop}, exitFuel, "", "fuel used      100"},
		{[]string{"-sandbox"}, exitUsage, "", "-sandbox needs a script"},
		{[]string{"-sandbox", "-e", "print(1)", okScript}, exitUsage, "", "cannot be used with -sandbox"},
		{[]string{"-timeout", "soon", loop}, exitUsage, "", "bad timeout 'soon'"},
	}
	for _, c := range cases {
		code, out, errs := runIn(t, nil, "", c.args...)
		if code != c.code || out != c.out || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", c.args, code, out, errs, c.code, c.out, c.err)
		}
	}
}
