package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runIn runs the interpreter in-process with args (after the program
// name), the environment variables in vars and stdin as standard input.
func runIn(t *testing.T, vars map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	code = run(&env{
		args: append([]string{"moonfuel"}, args...),
		getenv: func(k string) (string, bool) {
			v, ok := vars[k]
			return v, ok
		},
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
	})
	return code, out.String(), errb.String()
}

func writeScript(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "script.lua")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"100": 100, "1K": 1024, "2kb": 2048, "3MB": 3 << 20, "1G": 1 << 30, "64 KB": 64 << 10, "10B": 10,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5", "1T", "KB", "1.5MB", "99999999999999GB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

func TestExecuteInOrder(t *testing.T) {
	code, out, errs := runIn(t, nil, "", "-e", "x = 1", "-e", "x = x + 1", "-eprint(x)")
	if code != 0 || out != "2\n" || errs != "" {
		t.Errorf("got %d %q %q", code, out, errs)
	}
}

func TestArgTable(t *testing.T) {
	script := writeScript(t, `print(#arg, arg[0] == SCRIPT, arg[1], arg[2], arg[-1], arg[-2], arg[-3], ...)`)
	code, out, _ := runIn(t, nil, "", "-e", "SCRIPT='"+script+"'", script, "a", "b")
	want := "2\ttrue\ta\tb\tSCRIPT='" + script + "'\t-e\tmoonfuel\ta\tb\n"
	if code != 0 || out != want {
		t.Errorf("got %d %q, want %q", code, out, want)
	}
	// without a script the program name is arg[0]
	code, out, _ = runIn(t, nil, "", "-e", "print(arg[0], arg[1], arg[2], arg[-1])")
	if want := "moonfuel\t-e\tprint(arg[0], arg[1], arg[2], arg[-1])\tnil\n"; code != 0 || out != want {
		t.Errorf("got %d %q, want %q", code, out, want)
	}
}

func TestStdinScript(t *testing.T) {
	// the script's ... comes from the global arg after -e ran
	code, out, _ := runIn(t, nil, "print(...)", "-e", "arg[1] = 100", "-", "x", "y")
	if code != 0 || out != "100\ty\n" {
		t.Errorf("got %d %q", code, out)
	}
	code, out, _ = runIn(t, nil, "print('from stdin', ...)", "-", "x")
	if code != 0 || out != "from stdin\tx\n" {
		t.Errorf("got %d %q", code, out)
	}
	// no arguments and no terminal: standard input is the script
	code, out, _ = runIn(t, nil, "#!shebang line\nprint(1 + 1)")
	if code != 0 || out != "2\n" {
		t.Errorf("got %d %q", code, out)
	}
}

func TestErrors(t *testing.T) {
	script := writeScript(t, "print('before')\nlocal t = nil\nreturn t.x\n")
	code, out, errs := runIn(t, nil, "", script)
	if code != 1 || out != "before\n" {
		t.Errorf("got %d %q", code, out)
	}
	want := "moonfuel: " + script + ":3: attempt to index a nil value (local 't')\nstack traceback:"
	if !strings.HasPrefix(errs, want) {
		t.Errorf("stderr %q, want prefix %q", errs, want)
	}
	code, _, errs = runIn(t, nil, "", "-e", "x = = 1")
	if code != 1 || errs != "moonfuel: (command line):1: unexpected symbol near '='\n" {
		t.Errorf("syntax error: got %d %q", code, errs)
	}
	code, _, errs = runIn(t, nil, "", "-e", "error(setmetatable({}, {__tostring = function() return 'custom' end}))")
	if code != 1 || errs != "moonfuel: custom\n" {
		t.Errorf("__tostring error: got %d %q", code, errs)
	}
	code, _, errs = runIn(t, nil, "", "-e", "error({})")
	if code != 1 || !strings.HasPrefix(errs, "moonfuel: (error object is a table value)\n") {
		t.Errorf("table error: got %d %q", code, errs)
	}
	// the message handler runs where the error was raised (main.lua's test)
	script = writeScript(t, `debug = require "debug"
m = {x=0}
setmetatable(m, {__tostring = function(x)
  return tostring(debug.getinfo(4).currentline + x.x)
end})
error(m)
`)
	code, _, errs = runIn(t, nil, "", script)
	if code != 1 || errs != "moonfuel: 6\n" {
		t.Errorf("__tostring at the error: got %d %q", code, errs)
	}
	// the traceback ends like lua.c's
	code, _, errs = runIn(t, nil, "", "-e", "error('x', 0)")
	want = "moonfuel: x\nstack traceback:\n\t[C]: in function 'error'\n\t(command line):1: in main chunk\n\t[C]: in ?\n"
	if code != 1 || errs != want {
		t.Errorf("traceback: got %d %q, want %q", code, errs, want)
	}
	code, _, errs = runIn(t, nil, "", filepath.Join(t.TempDir(), "missing.lua"))
	if code != 1 || !strings.Contains(errs, "cannot open") || !strings.Contains(errs, "No such file or directory") {
		t.Errorf("missing file: got %d %q", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"-x"}, {"-e"}, {"-l"}, {"-e", "-v"}, {"--x"}, {"-fuel"}, {"-fuel", "abc"}, {"-mem", "lots"}, {"-vx"}} {
		code, out, errs := runIn(t, nil, "", args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, "usage: moonfuel") {
			t.Errorf("%q: got %d %q %q", args, code, out, errs)
		}
	}
}

func TestLimits(t *testing.T) {
	code, _, errs := runIn(t, nil, "", "-fuel", "10000", "-e", "while true do end")
	if code != exitFuel || errs != "moonfuel: fuel limit of 10000 units exhausted\n" {
		t.Errorf("fuel: got %d %q", code, errs)
	}
	// pcall cannot catch running out of fuel
	code, _, _ = runIn(t, nil, "", "-fuel=10000", "-e", "pcall(function() while true do end end) print('caught')")
	if code != exitFuel {
		t.Errorf("fuel under pcall: got %d", code)
	}
	code, _, errs = runIn(t, nil, "", "-mem", "1MB", "-e", "local t = {} for i = 1, 1e7 do t[i] = {} end")
	if code != exitMemory || errs != "moonfuel: memory limit of 1048576 bytes exceeded\n" {
		t.Errorf("memory: got %d %q", code, errs)
	}
	code, _, _ = runIn(t, nil, "", "-mem", "1MB", "-e", "print(pcall(function() local t = {} for i = 1, 1e7 do t[i] = {} end end))")
	if code != exitMemory {
		t.Errorf("memory under pcall: got %d", code)
	}
	// too little memory for the state itself, or for its libraries
	for _, limit := range []string{"100", "4KB"} {
		code, _, errs = runIn(t, nil, "", "-mem", limit, "-e", "print(1)")
		if code != exitMemory || !strings.HasPrefix(errs, "moonfuel: memory limit of") {
			t.Errorf("-mem %s: got %d %q", limit, code, errs)
		}
	}
	code, out, _ := runIn(t, nil, "", "-fuel", "1000000", "-mem", "8MB", "-e", "print(1 + 1)")
	if code != 0 || out != "2\n" {
		t.Errorf("within limits: got %d %q", code, out)
	}
}

func TestLuaInit(t *testing.T) {
	code, out, _ := runIn(t, map[string]string{"LUA_INIT": "x = 'init'"}, "", "-e", "print(x)")
	if code != 0 || out != "init\n" {
		t.Errorf("LUA_INIT: got %d %q", code, out)
	}
	vars := map[string]string{"LUA_INIT": "x = 'plain'", "LUA_INIT_5_3": "x = 'versioned'"}
	if _, out, _ = runIn(t, vars, "", "-e", "print(x)"); out != "versioned\n" {
		t.Errorf("LUA_INIT_5_3: got %q", out)
	}
	if _, out, _ = runIn(t, vars, "", "-E", "-e", "print(x)"); out != "nil\n" {
		t.Errorf("-E: got %q", out)
	}
	script := writeScript(t, "y = 'from file'")
	if _, out, _ = runIn(t, map[string]string{"LUA_INIT": "@" + script}, "", "-e", "print(y)"); out != "from file\n" {
		t.Errorf("LUA_INIT=@file: got %q", out)
	}
	code, _, errs := runIn(t, map[string]string{"LUA_INIT": "error('bad init')"}, "", "-e", "print('not reached')")
	if code != 1 || !strings.HasPrefix(errs, "moonfuel: LUA_INIT:1: bad init") {
		t.Errorf("failing LUA_INIT: got %d %q", code, errs)
	}
}

func TestRequireOption(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mymod.lua"), []byte("return {answer = 42}"), 0o644); err != nil {
		t.Fatal(err)
	}
	setPath := "package.path = '" + filepath.Join(dir, "?.lua") + "'"
	code, out, errs := runIn(t, nil, "", "-e", setPath, "-l", "mymod", "-e", "print(mymod.answer)")
	if code != 0 || out != "42\n" {
		t.Errorf("got %d %q %q", code, out, errs)
	}
	code, _, errs = runIn(t, nil, "", "-e", setPath, "-l", "nosuchmodule")
	if code != 1 || !strings.HasPrefix(errs, "moonfuel: module 'nosuchmodule' not found") {
		t.Errorf("missing module: got %d %q", code, errs)
	}
}

func TestInterrupt(t *testing.T) {
	sigs := make(chan os.Signal, 1)
	var out, errb strings.Builder
	go func() {
		time.Sleep(200 * time.Millisecond)
		sigs <- os.Interrupt
	}()
	code := run(&env{
		args:       []string{"moonfuel", "-e", "print(pcall(function() while true do end end)) print('after')"},
		getenv:     func(string) (string, bool) { return "", false },
		stdin:      strings.NewReader(""),
		stdout:     &out,
		stderr:     &errb,
		interrupts: func() (<-chan os.Signal, func()) { return sigs, func() {} },
	})
	if code != 0 || out.String() != "false\tinterrupted!\nafter\n" {
		t.Errorf("got %d %q %q", code, out.String(), errb.String())
	}
}

func TestFuelAcrossSlices(t *testing.T) {
	// a run longer than a slice spends exactly its fuel: the same limit
	// stops it at the same place every time
	src := "local n = 0 for i = 1, 3e6 do n = n + 1 end print(n)"
	code, out, _ := runIn(t, nil, "", "-fuel", "100000000", "-e", src)
	if code != 0 || out != "3000000\n" {
		t.Errorf("got %d %q", code, out)
	}
	// where the fuel runs out does not depend on the slices: the output
	// stops at the same line on every run, and a larger limit gets further
	counting := "for i = 1, 1e7 do if i % 1000 == 0 then print(i) end end"
	var first string
	for i := 0; i < 3; i++ {
		code, out, _ := runIn(t, nil, "", "-fuel", "5000000", "-e", counting)
		if code != exitFuel || out == "" {
			t.Fatalf("got %d %q", code, out)
		}
		if i == 0 {
			first = out
		} else if out != first {
			t.Errorf("run %d stopped elsewhere (%d bytes, first run %d)", i, len(out), len(first))
		}
	}
	if _, out, _ := runIn(t, nil, "", "-fuel", "6000000", "-e", counting); len(out) <= len(first) {
		t.Errorf("more fuel did not get further")
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runIn(t, nil, "", "-v")
	if code != 0 || out != versionLine+"\n" {
		t.Errorf("got %d %q", code, out)
	}
}

func TestREPL(t *testing.T) {
	input := "1 + 1\n'a', nil, 3\nx = \n10\nprint(x)\nlocal t = nil; t.x = 1\n= x * 2\nfunction f()\nreturn 'multi'\nend\nf()\n"
	code, out, errs := runIn(t, nil, input, "-i")
	want := versionLine + "\n" +
		"> 2\n" +
		"> a\tnil\t3\n" +
		"> >> > 10\n" +
		"> " + // the error goes to stderr
		"> 20\n" +
		"> >> >> > multi\n" +
		"> \n"
	if code != 0 || out != want {
		t.Errorf("stdout:\n%q\nwant:\n%q", out, want)
	}
	if !strings.HasPrefix(errs, "stdin:1: attempt to index a nil value (local 't')\nstack traceback:") {
		t.Errorf("stderr: %q", errs)
	}
	// a custom prompt and an unfinished statement at the end of input
	_, out, errs = runIn(t, nil, "_PROMPT = 'lua$ '\nif true then\n", "-i")
	if !strings.HasSuffix(out, "> lua$ >> lua$ \n") || errs != "" {
		t.Errorf("got %q %q", out, errs)
	}
}
