// Command moonfuel is a Lua 5.3 interpreter with fuel and memory limits. Its
// command line is that of the reference interpreter lua5.3:
//
//	moonfuel [options] [script [args]]
//
//	-e stat    execute string 'stat' (repeatable; run in order with -l)
//	-i         enter interactive mode after executing 'script'
//	-l name    require library 'name' into global 'name'
//	-v         show version information
//	-E         ignore environment variables (LUA_INIT, LUA_PATH...)
//	--         stop handling options
//	-          stop handling options and execute stdin
//	-fuel N    stop after N units of fuel (exit status 3)
//	-mem SIZE  limit memory to SIZE bytes, or with a KB, MB or GB suffix
//	           (exit status 4)
//	-timeout DUR  stop after DUR of wall-clock time (exit status 5)
//	-sandbox   run the script in the sandbox package's untrusted profile,
//	           with its limits; the script's arguments are its ... (see
//	           sandbox.go)
//	-stats     print fuel, memory and message statistics at exit
//
// As with lua5.3, LUA_INIT_5_3 (or else LUA_INIT) is run before the
// arguments ("@file" runs a file), the global arg holds the script name at
// index 0, its arguments at 1..n and the interpreter and its options at
// negative indices, and with no script and a terminal on standard input
// (or with -i) a read-eval-print loop starts, printing the values of
// expressions and continuing incomplete statements on ">>" lines.
//
// Errors are reported on standard error as "moonfuel: message" (with the
// program name as invoked, like lua.c) followed by a stack traceback, with
// exit status 1. Running out of fuel gives exit status 3, passing the
// memory limit 4, the timeout (or cancelling a sandboxed run) 5, and a bad
// command line 2; each of these prints a one-line message naming the limit
// or the problem.
//
// As in lua5.3, Ctrl-C (SIGINT) while Lua code runs raises the error
// "interrupted!" at the next instruction (pcall can catch it), and a second
// Ctrl-C during the same run ends the process. At the end, the state is
// closed as lua_close does: pending finalizers run and the files the
// script left open are flushed.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/moonfuel/moonfuel/gc"
	"github.com/moonfuel/moonfuel/lexer"
	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

// Exit statuses.
const (
	exitOK      = 0
	exitError   = 1 // a Lua error (the reference's EXIT_FAILURE)
	exitUsage   = 2 // a bad command line
	exitFuel    = 3 // the fuel limit was reached
	exitMemory  = 4 // the memory limit was reached
	versionLine = "Lua 5.3 (moonfuel), a fuel-metered Go implementation of Lua 5.3 by Lua.org, PUC-Rio"
)

// cliGCPercent is the Go collector's pacing for the command line: the
// process hosts one state whose live Lua heap is usually a few MB, so Go's
// default (collect when the heap doubles) spends a quarter to a third of
// allocation-heavy programs in the collector; 400 trades a few MB of peak
// memory for that time. GOGC in the environment overrides it. The vm
// package itself never changes the host's collector settings.
const cliGCPercent = 400

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(cliGCPercent)
	}
	stdinTTY := false
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		stdinTTY = true
	}
	os.Exit(run(&env{
		args:     os.Args,
		getenv:   os.LookupEnv,
		stdin:    os.Stdin,
		stdout:   os.Stdout,
		stderr:   os.Stderr,
		stdinTTY: stdinTTY,
		interrupts: func() (<-chan os.Signal, func()) {
			ch := make(chan os.Signal, 1)
			signal.Notify(ch, os.Interrupt)
			return ch, func() { signal.Stop(ch) }
		},
		closeState: true,
	}))
}

// env is what the interpreter takes from the process, so that tests can
// run it in-process.
type env struct {
	args     []string // os.Args: the program name, then the arguments
	getenv   func(string) (string, bool)
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	stdinTTY bool // start the REPL when there is nothing else to run
	// interrupts, when set, starts delivering Ctrl-C (SIGINT) while Lua
	// code runs and returns the channel and a function that stops the
	// delivery (after which a Ctrl-C has its default effect again).
	interrupts func() (<-chan os.Signal, func())
	// closeState makes the interpreter end the process itself through the
	// os library's exit, which flushes and closes the files the script
	// left open, as lua_close does in lua.c.
	closeState bool
}

// options is the parsed command line.
type options struct {
	script    int // index in args of the script name; len(args) if none
	execute   bool
	version   bool
	interact  bool
	ignoreEnv bool
	fuel      int64
	memory    int64
	// -sandbox, -stats and -timeout (sandbox.go)
	sandbox       bool
	stats         bool
	timeout       time.Duration
	cancelTimeout func()
}

// usageError is a bad command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// parseArgs reads the options as lua.c's collectargs does, plus the limit
// options -fuel and -mem. Options end at the first argument that does not
// start with '-' (the script), at "--" or at "-" (standard input).
func parseArgs(args []string) (*options, error) {
	o := &options{script: len(args)}
	for i := 1; i < len(args); i++ {
		a := args[i]
		if len(a) == 0 || a[0] != '-' {
			o.script = i
			return o, nil
		}
		switch {
		case a == "--":
			if i+1 < len(args) {
				o.script = i + 1
			}
			return o, nil
		case a == "-":
			o.script = i
			return o, nil
		case a == "-E":
			o.ignoreEnv = true
		case a == "-i":
			o.interact = true
			o.version = true
		case a == "-v":
			o.version = true
		case a == "-fuel" || a == "-mem" || strings.HasPrefix(a, "-fuel=") || strings.HasPrefix(a, "-mem="):
			name, val, found := strings.Cut(a[1:], "=")
			if !found {
				i++
				if i >= len(args) {
					return nil, &usageError{fmt.Sprintf("'-%s' needs argument", name)}
				}
				val = args[i]
			}
			if name == "fuel" {
				n, err := strconv.ParseInt(val, 10, 64)
				if err != nil || n <= 0 {
					return nil, &usageError{fmt.Sprintf("bad fuel limit '%s' (a positive number of units expected)", val)}
				}
				o.fuel = n
			} else {
				n, err := parseSize(val)
				if err != nil {
					return nil, &usageError{fmt.Sprintf("bad memory limit '%s' (%v)", val, err)}
				}
				o.memory = n
			}
		case a == "-sandbox" || a == "-stats" || a == "-timeout" || strings.HasPrefix(a, "-timeout="):
			if err := o.parseSandboxOption(args, &i); err != nil {
				return nil, err
			}
		case a[1] == 'e' || a[1] == 'l':
			if a[1] == 'e' {
				o.execute = true
			}
			if len(a) == 2 {
				i++
				if i >= len(args) || strings.HasPrefix(args[i], "-") {
					return nil, &usageError{fmt.Sprintf("'%s' needs argument", a)}
				}
			}
		default:
			return nil, &usageError{fmt.Sprintf("unrecognized option '%s'", a)}
		}
	}
	return o, nil
}

// parseSize reads a byte count with an optional unit: B, K/KB, M/MB or
// G/GB (powers of 1024, case-insensitive).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			mult = u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("a positive size in bytes, KB, MB or GB expected")
	}
	if n > (1<<63-1)/mult {
		return 0, errors.New("size too large")
	}
	return n * mult, nil
}

// usage is lua.c's usage text with the limit options added.
func usage(progname string) string {
	return "usage: " + progname + ` [options] [script [args]]
Available options are:
  -e stat    execute string 'stat'
  -i         enter interactive mode after executing 'script'
  -l name    require library 'name' into global 'name'
  -v         show version information
  -E         ignore environment variables
  --         stop handling options
  -          stop handling options and execute stdin
  -fuel N    stop after N units of fuel (exit status 3)
  -mem SIZE  limit memory to SIZE bytes, KB, MB or GB (exit status 4)
  -timeout DUR  stop after DUR of wall-clock time, e.g. 2s (exit status 5)
  -sandbox   run the script in the untrusted sandbox profile
  -stats     print fuel, memory and message statistics at exit
`
}

// interp is one run of the interpreter.
type interp struct {
	e        *env
	progname string // prefix of error messages; "" inside the REPL
	opts     *options
	st       *vm.State
	osExit   vm.Value // the os library's own exit, kept from user changes
	docall   vm.Value // runs a chunk under xpcall (see docallSource)
}

// run runs the interpreter and returns the exit status.
func run(e *env) int {
	// as in lua.c, messages start with the program name as it was invoked
	progname := "moonfuel"
	if len(e.args) > 0 && e.args[0] != "" {
		progname = e.args[0]
	}
	opts, err := parseArgs(e.args)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n%s", progname, err, usage(progname))
		return exitUsage
	}
	in := &interp{e: e, progname: progname, opts: opts}
	code := in.main()
	in.afterMain()
	if e.closeState && in.osExit.IsFunction() {
		// flushes the io library's open files, then exits with code (a
		// little fuel for that call if the script used it all)
		in.st.AddFuel(1000)
		// lua_close: finalizers of the objects still registered, whose
		// errors Lua 5.3 ignores there
		in.st.SetWarnFunc(func(string) {})
		_ = in.st.Close()
		in.st.AddFuel(1000)
		in.st.Call(in.osExit, vm.Int(int64(code)))
	}
	return code
}

// main runs the interpreter's steps in lua.c's order.
func (in *interp) main() int {
	e, opts := in.e, in.opts
	if opts.sandbox {
		return in.runSandbox()
	}
	if opts.version {
		fmt.Fprintln(e.stdout, versionLine)
	}
	newState := func() {
		in.st = vm.NewState(vm.Options{Fuel: opts.fuel, MemoryLimit: opts.memory, Stdout: e.stdout})
	}
	if code := in.guard(newState); code != exitOK {
		return code // a memory limit too small for an empty state
	}
	in.startTimeout()
	if opts.ignoreEnv {
		in.st.Registry().SetField("LUA_NOENV", vm.True)
	}
	if code := in.guard(in.openLibs); code != exitOK {
		return code
	}
	if code := in.guard(in.createArgTable); code != exitOK {
		return code
	}
	// opening the libraries is not the script's to pay
	in.st.ResetFuel(opts.fuel)
	if !opts.ignoreEnv {
		if code := in.luaInit(); code != exitOK {
			return code
		}
	}
	if code := in.runArgs(); code != exitOK {
		return code
	}
	args := e.args
	if opts.script < len(args) {
		if code := in.handleScript(); code != exitOK {
			return code
		}
	}
	switch {
	case opts.interact:
		return in.repl()
	case opts.script == len(args) && !opts.execute && !opts.version:
		if e.stdinTTY {
			fmt.Fprintln(e.stdout, versionLine)
			return in.repl()
		}
		return in.doChunk(in.loadStdin())
	}
	return exitOK
}

// guard runs a host-side step (creating the state, opening libraries,
// building arg) and turns a memory-limit panic into its exit status.
func (in *interp) guard(step func()) (code int) {
	defer func() {
		if r := recover(); r != nil {
			err, ok := r.(error)
			if !ok || !vm.IsExhaustion(err) {
				panic(r)
			}
			code = in.report(err)
		}
	}()
	step()
	return exitOK
}

// openLibs opens the standard libraries in luaL_openlibs' order.
func (in *interp) openLibs() {
	st := in.st
	stdlib.OpenBase(st)
	stdlib.OpenPackage(st)
	stdlib.OpenCoroutine(st)
	stdlib.OpenTable(st)
	stdlib.OpenIO(st)
	os := stdlib.OpenOS(st)
	in.osExit = os.GetField("exit")
	stdlib.OpenString(st)
	stdlib.OpenMath(st)
	stdlib.OpenUTF8(st)
	stdlib.OpenDebug(st)
}

// createArgTable builds the global arg as lua.c does: the script at index
// 0, its arguments after it and everything before it at negative indices.
// Without a script, the program name is at index 0.
func (in *interp) createArgTable() {
	args := in.e.args
	script := in.opts.script
	if script == len(args) {
		script = 0
	}
	t := in.st.NewTable(len(args)-script, script+1)
	for i, a := range args {
		t.Set(vm.Int(int64(i-script)), in.st.NewString(a))
	}
	in.st.SetGlobal("arg", vm.TableValue(t))
}

// luaInit runs LUA_INIT_5_3, or else LUA_INIT: "@file" runs the file,
// anything else is a chunk named "=LUA_INIT".
func (in *interp) luaInit() int {
	name := "LUA_INIT_5_3"
	src, ok := in.e.getenv(name)
	if !ok {
		name = "LUA_INIT"
		src, ok = in.e.getenv(name)
	}
	if !ok {
		return exitOK
	}
	if strings.HasPrefix(src, "@") {
		return in.doChunk(in.loadFile(src[1:]))
	}
	return in.doChunk(in.loadString(src, "="+name))
}

// runArgs runs the -e and -l options in order.
func (in *interp) runArgs() int {
	args := in.e.args
	for i := 1; i < in.opts.script; i++ {
		a := args[i]
		if len(a) < 2 || (a[1] != 'e' && a[1] != 'l') {
			if a == "-fuel" || a == "-mem" || a == "-timeout" {
				i++ // skip the limit's value
			}
			continue
		}
		val := a[2:]
		if val == "" {
			i++
			val = args[i]
		}
		var code int
		if a[1] == 'e' {
			code = in.doChunk(in.loadString(val, "=(command line)"))
		} else {
			code = in.doLibrary(val)
		}
		if code != exitOK {
			return code
		}
	}
	return exitOK
}

// doLibrary runs require(name) and stores the result in the global name.
func (in *interp) doLibrary(name string) int {
	res, err := in.call(in.st.GetGlobal("require"), in.st.NewString(name))
	if err != nil {
		return in.report(err)
	}
	v := vm.Nil
	if len(res) > 0 {
		v = res[0]
	}
	in.st.SetGlobal(name, v)
	return exitOK
}

// handleScript loads the script and calls it with the script arguments.
func (in *interp) handleScript() int {
	args := in.e.args
	name := args[in.opts.script]
	var fn vm.Value
	var err error
	if name == "-" && args[in.opts.script-1] != "--" {
		fn, err = in.loadStdin()
	} else {
		fn, err = in.loadFile(name)
	}
	if err != nil {
		return in.report(err)
	}
	// like lua.c, the script's arguments are read from the global arg
	// after -e and -l ran (they may have changed it)
	t := in.st.GetGlobal("arg").AsTable()
	if t == nil {
		return in.report(errors.New("'arg' is not a table"))
	}
	scriptArgs := make([]vm.Value, t.Len())
	for i := range scriptArgs {
		scriptArgs[i] = t.GetInt(int64(i + 1))
	}
	if _, err := in.call(fn, scriptArgs...); err != nil {
		return in.report(err)
	}
	return exitOK
}

// loadFile compiles a source file as luaL_loadfile does: chunk name
// "@name", a first line starting with '#' ignored.
func (in *interp) loadFile(name string) (vm.Value, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return vm.Nil, fmt.Errorf("cannot open %s: %s", name, cErrorText(err))
	}
	src := lexer.SkipFileHeader(string(data))
	if strings.HasPrefix(strings.TrimPrefix(string(data), "\xEF\xBB\xBF"), "#") && strings.HasPrefix(src, "\n\x1b") {
		src = src[1:] // a binary chunk after a '#' line
	}
	return in.loadString(src, "@"+name)
}

// loadStdin compiles standard input as a chunk named "=stdin".
func (in *interp) loadStdin() (vm.Value, error) {
	data, err := io.ReadAll(in.e.stdin)
	if err != nil {
		return vm.Nil, fmt.Errorf("cannot read stdin: %s", cErrorText(err))
	}
	return in.loadString(lexer.SkipFileHeader(string(data)), "=stdin")
}

// loadString compiles (or undumps) a chunk; a memory-limit panic becomes an error.
func (in *interp) loadString(src, chunkname string) (fn vm.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok || !vm.IsExhaustion(e) {
				panic(r)
			}
			fn, err = vm.Nil, e
		}
	}()
	if vm.IsBinaryChunk(src) { // a precompiled chunk, as luaL_loadbuffer takes
		p, err := vm.UndumpChunk(src, chunkname)
		if err != nil {
			return vm.Nil, err
		}
		return in.st.Load(p), nil
	}
	return in.st.LoadString(src, chunkname)
}

// cErrorText is strerror's text for a file error ("No such file or
// directory").
func cErrorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}

// doChunk calls a loaded chunk (or reports why it did not load).
func (in *interp) doChunk(fn vm.Value, err error) int {
	if err == nil {
		_, err = in.call(fn)
	}
	if err != nil {
		return in.report(err)
	}
	return exitOK
}

// call is lua.c's docall: it calls fn in protected mode with msgHandler
// as the message handler (so that an error's message and traceback are
// made where it was raised) and returns fn's results, or a *reportedError.
func (in *interp) call(fn vm.Value, args ...vm.Value) ([]vm.Value, error) {
	if in.docall.IsNil() {
		w, err := in.loadString(docallSource, docallChunk)
		if err != nil {
			return nil, err
		}
		res, err := in.st.Call(w, vm.XpcallFunction, in.st.GetGlobal("select"))
		if err != nil {
			return nil, err
		}
		in.docall = res[0]
	}
	xargs := append([]vm.Value{fn, msgHandler}, args...)
	res, err := in.callRaw(in.docall, xargs...)
	if err != nil {
		return nil, err
	}
	if len(res) > 0 && res[0].IsFalsy() {
		msg := "nil"
		if len(res) > 1 {
			msg, _ = in.st.MainThread().ToString(res[1])
		}
		return nil, &reportedError{msg}
	}
	if len(res) > 0 {
		res = res[1:]
	}
	return res, nil
}

// docallSource makes the function that runs a chunk under xpcall. It is a
// Lua function (not xpcall called from Go) so that the run can pause
// between slices of fuel; xpcall is not in tail position, for the same
// reason. Its frames are removed from tracebacks (msgHandler).
const (
	docallSource = "local xpcall, select = ... return function(f, h, ...) return select(1, xpcall(f, h, ...)) end"
	docallChunk  = "=(docall)"
)

// reportedError is an error whose message msgHandler has made.
type reportedError struct{ msg string }

func (e *reportedError) Error() string { return e.msg }

// msgHandler is lua.c's message handler: a string or number error gets a
// stack traceback; another value is replaced by its __tostring result (with
// no traceback) or by "(error object is a X value)" (with one).
var msgHandler = vm.NewGoFunction("msghandler", func(L *vm.Thread) int {
	v := L.Arg(1)
	msg, ok := L.ToString(v)
	if !ok {
		if mt := L.GetMetatable(v); mt != nil {
			if h := mt.GetField("__tostring"); !h.IsNil() {
				if r := L.Call1(h, v); r.IsString() {
					L.Push(r)
					return 1
				}
			}
		}
		msg = fmt.Sprintf("(error object is a %s value)", v.TypeName())
	}
	// the traceback ends like lua.c's, without the frames of docall that
	// stand for its lua_pcall
	tb := L.Traceback(msg, 1)
	const hostFrame = "\n\t[C]: in ?"
	if i := strings.LastIndex(tb, "\n\t[C]: in function 'xpcall'\n\t"+docallChunk[1:]+":"); i >= 0 {
		tb = tb[:i] + hostFrame
	}
	L.PushString(tb)
	return 1
})

// report prints an error as lua.c does ("progname: message" and, for
// runtime errors, the traceback) and returns the exit status for it.
func (in *interp) report(err error) int {
	w := in.e.stderr
	prefix := ""
	if in.progname != "" {
		prefix = in.progname + ": "
	}
	switch {
	case errors.Is(err, vm.ErrFuelExhausted):
		fmt.Fprintf(w, "%sfuel limit of %d units exhausted\n", prefix, in.opts.fuel)
		return exitFuel
	case errors.Is(err, gc.ErrMemoryLimit):
		fmt.Fprintf(w, "%smemory limit of %d bytes exceeded\n", prefix, in.opts.memory)
		return exitMemory
	}
	if code, ok := in.reportTimeout(err, prefix); ok {
		return code
	}
	var ce *vm.CanceledError
	if errors.As(err, &ce) {
		fmt.Fprintf(w, "%sinterrupted!\n", prefix)
		return exitError
	}
	var re *reportedError
	if errors.As(err, &re) {
		fmt.Fprintf(w, "%s%s\n", prefix, re.msg)
		return exitError
	}
	var le *vm.LuaError
	if !errors.As(err, &le) {
		// a syntax error or a file that cannot be read: no traceback
		fmt.Fprintf(w, "%s%v\n", prefix, err)
		return exitError
	}
	msg, traceback := in.errorMessage(le)
	if traceback && le.Traceback != "" {
		msg += "\n" + le.Traceback
	}
	fmt.Fprintf(w, "%s%s\n", prefix, msg)
	return exitError
}

// errorMessage is lua.c's msghandler: strings and numbers are the message;
// another value with __tostring gives its string (and no traceback);
// anything else is "(error object is a X value)".
func (in *interp) errorMessage(le *vm.LuaError) (string, bool) {
	v := le.Value
	if v.IsString() || v.IsNumber() {
		return le.Error(), true
	}
	if mt := in.st.MainThread().GetMetatable(v); mt != nil {
		if h := mt.GetField("__tostring"); !h.IsNil() {
			res, err := in.st.Call(h, v)
			if err == nil && len(res) > 0 && res[0].IsString() {
				return res[0].AsString(), false
			}
		}
	}
	return fmt.Sprintf("(error object is a %s value)", v.TypeName()), true
}
