package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/moonfuel/moonfuel/lexer"
	"github.com/moonfuel/moonfuel/sandbox"
	"github.com/moonfuel/moonfuel/vm"
)

// The -sandbox, -timeout and -stats options.
//
// With -sandbox the script runs in the sandbox package's untrusted profile
// (no io, os beyond the clock, debug, require, dofile, loadfile; load only
// for text chunks with an explicit environment), with the -fuel, -mem and
// -timeout limits (the sandbox's defaults where absent) and its own limits
// on call depth, Go-callback depth and string size. The script's arguments
// are passed as the chunk's ... (there is no global arg). -e, -l and -i
// are not available.

// exitTimeout is the exit status of a run stopped by -timeout or cancelled.
const exitTimeout = 5

// runSandbox runs the script in a sandbox and returns the exit status.
func (in *interp) runSandbox() int {
	e, opts := in.e, in.opts
	w := e.stderr
	prefix := in.progname + ": "
	if opts.execute || opts.interact {
		fmt.Fprintf(w, "%s-e, -l and -i cannot be used with -sandbox\n%s", prefix, usage(in.progname))
		return exitUsage
	}
	if opts.script >= len(e.args) {
		fmt.Fprintf(w, "%s-sandbox needs a script\n%s", prefix, usage(in.progname))
		return exitUsage
	}
	name := e.args[opts.script]
	var data []byte
	var err error
	chunkname := "@" + name
	if name == "-" {
		data, err = io.ReadAll(e.stdin)
		chunkname = "=stdin"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintf(w, "%scannot open %s: %s\n", prefix, name, cErrorText(err))
		return exitError
	}
	lim := sandbox.Limits{Fuel: opts.fuel, Memory: opts.memory, Timeout: opts.timeout}
	var args []any
	for _, a := range e.args[opts.script+1:] {
		args = append(args, a)
	}
	sb, err := sandbox.NewString(lexer.SkipFileHeader(string(data)), chunkname,
		sandbox.Config{Stdout: e.stdout, Limits: lim, Args: args})
	if err != nil {
		fmt.Fprintf(w, "%s%v\n", prefix, err)
		if errors.Is(err, sandbox.ErrBytecode) {
			return exitError
		}
		return in.sandboxStatus(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if e.interrupts != nil {
		// Ctrl-C cancels the run (exit status 5)
		sigs, stop := e.interrupts()
		defer stop()
		go func() {
			select {
			case <-sigs:
				cancel()
			case <-ctx.Done():
			}
		}()
	}
	_, err = sb.Run(ctx)
	if opts.stats {
		// after the error line
		defer fmt.Fprint(w, sb.Stats())
	}
	if err == nil {
		return exitOK
	}
	var le *vm.LuaError
	var lim2 *sandbox.LimitError
	if !errors.As(err, &lim2) && errors.As(err, &le) {
		msg := le.Error()
		if le.Traceback != "" {
			msg += "\n" + le.Traceback
		}
		fmt.Fprintf(w, "%s%s\n", prefix, msg)
		return exitError
	}
	fmt.Fprintf(w, "%s%v\n", prefix, err)
	return in.sandboxStatus(err)
}

// sandboxStatus is the exit status for a sandbox's error.
func (in *interp) sandboxStatus(err error) int {
	switch {
	case errors.Is(err, sandbox.ErrFuel):
		return exitFuel
	case errors.Is(err, sandbox.ErrMemory), errors.Is(err, vm.ErrMemoryLimit):
		return exitMemory
	case errors.Is(err, sandbox.ErrTimeout), errors.Is(err, sandbox.ErrCanceled):
		return exitTimeout
	}
	return exitError
}

// afterMain runs after the interpreter's steps without -sandbox: -stats
// prints the state's figures, and the -timeout context is dropped so that
// closing the state still runs.
func (in *interp) afterMain() {
	if in.opts.sandbox || in.st == nil {
		return
	}
	if in.opts.stats {
		printStateStats(in.e.stderr, in.st)
	}
	if in.opts.cancelTimeout != nil {
		in.opts.cancelTimeout()
		in.st.SetContext(nil)
	}
}

// printStateStats prints the figures of a state run without -sandbox.
func printStateStats(w io.Writer, st *vm.State) {
	h := st.Heap().Stats()
	used, bf := st.FuelUsed(), st.BuiltinFuel()
	fmt.Fprint(w, sandbox.Stats{FuelUsed: used, Instructions: used - bf, BuiltinFuel: bf,
		MemoryInUse: h.InUse, MemoryLive: h.Live, MemoryPeak: h.Peak,
		Allocations: h.Allocations, Allocated: h.Total, Collections: h.Cycles})
}

// parseSandboxOption reads -sandbox, -stats and -timeout DUR (or
// -timeout=DUR) at args[*i].
func (o *options) parseSandboxOption(args []string, i *int) error {
	a := args[*i]
	switch a {
	case "-sandbox":
		o.sandbox = true
		return nil
	case "-stats":
		o.stats = true
		return nil
	}
	_, val, found := strings.Cut(a[1:], "=")
	if !found {
		*i++
		if *i >= len(args) {
			return &usageError{"'-timeout' needs argument"}
		}
		val = args[*i]
	}
	d, err := time.ParseDuration(val)
	if err != nil || d <= 0 {
		return &usageError{fmt.Sprintf("bad timeout '%s' (a positive duration such as 500ms or 2s expected)", val)}
	}
	o.timeout = d
	return nil
}

// startTimeout makes the state stop at the -timeout deadline (checked
// between fuel slices).
func (in *interp) startTimeout() {
	if in.opts.timeout <= 0 {
		return
	}
	// the context ends by itself at the deadline; the process ends soon
	// after
	ctx, cancel := context.WithTimeout(context.Background(), in.opts.timeout)
	in.opts.cancelTimeout = cancel
	in.st.SetContext(ctx)
}

// reportTimeout reports a run stopped by -timeout (exit status 5).
func (in *interp) reportTimeout(err error, prefix string) (int, bool) {
	var ce *vm.CanceledError
	if !errors.As(err, &ce) || !errors.Is(err, context.DeadlineExceeded) {
		return 0, false
	}
	fmt.Fprintf(in.e.stderr, "%stimeout of %v exceeded\n", prefix, in.opts.timeout)
	return exitTimeout, true
}
