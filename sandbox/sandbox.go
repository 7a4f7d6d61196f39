// Package sandbox runs untrusted Lua scripts: a whitelisted standard
// library (profile.go), hard limits on fuel, memory, call depth, Go-callback
// depth, string size, wall-clock time and messages (limits.go), message
// passing with the host by copy (value.go, messages.go), runs in fuel slices
// that pause and resume exactly, pools of sandboxes started from one
// compiled chunk with a supervisor that restarts them by policy (pool.go),
// and per-sandbox statistics.
//
// A Sandbox is driven by one goroutine at a time: Run runs it to the end;
// Step runs it for a slice of fuel and returns when the slice is spent,
// when the script waits for a message (or a host function's result), or
// when it ends. The host talks to it with Send and Receive from any
// goroutine.
package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/vm"
)

// Config configures a sandbox.
type Config struct {
	// Profile selects the libraries; the default is Untrusted.
	Profile Profile
	// Limits; zero fields take DefaultLimits.
	Limits Limits
	// Stdout receives print's output; nil discards it.
	Stdout io.Writer
	// Seed seeds math.random (0 and 1 give Lua's unseeded sequence).
	Seed uint32
	// Clock is the time source of os.time/os.date/os.clock; nil means the
	// real clock, or a virtual one (VirtualClock) when Deterministic.
	Clock Clock
	// Deterministic makes runs repeatable: a virtual clock, and receive
	// timeouts measured in fuel-time (see VirtualClock) are not used: a
	// receive with a timeout returns nil at once when no message waits.
	Deterministic bool
	// Funcs are host functions callable from the script as
	// sandbox.<name>(...): arguments and results are copied like messages.
	// A function runs on its own goroutine while the script is suspended
	// (the sandbox holds no goroutine while it waits).
	Funcs map[string]HostFunc
	// OnMessage, when set, receives the script's sandbox.send messages
	// (on the goroutine running the sandbox) instead of Receive; an
	// error fails the send (a Lua error in the script).
	OnMessage func(s *Sandbox, msg any) error
	// ID identifies the sandbox in a pool (sandbox.id() in Lua).
	ID int
	// Args are passed to the main chunk (as ...), copied like messages.
	Args []any
}

// HostFunc is a host function offered to scripts. It may block (on I/O):
// the script is suspended meanwhile. An error becomes a Lua error in the
// script.
type HostFunc func(ctx context.Context, args []any) ([]any, error)

// Status is the state of a sandbox after Step.
type Status int

const (
	// Ready: the slice of fuel was spent; Step again to go on.
	Ready Status = iota
	// Waiting: the script waits for a message or a host function; Step
	// again after Wake (or use Wait).
	Waiting
	// Done: the script returned (Results) or failed (Err).
	Done
)

// String names the status.
func (s Status) String() string {
	return [...]string{"ready", "waiting", "done"}[s]
}

// Sandbox is one untrusted script in its own Lua state.
type Sandbox struct {
	cfg   Config
	lim   Limits
	st    *vm.State
	proto *compiler.Proto
	fn    vm.Value

	started, done bool
	paused        bool // the state is paused (slice spent or suspended)
	results       []any
	err           error
	startTime     time.Time
	deadline      time.Time

	// waiting for a message or a host function (touched only by the
	// goroutine running the sandbox)
	waitMsg      bool
	waitDeadline time.Time // zero: no timeout
	msgTimedOut  bool

	mu       sync.Mutex // guards inbox, pending results, wake
	inbox    []any
	wake     chan struct{}
	async    *asyncCall
	outq     []any         // messages to the host
	outNote  chan struct{} // signalled when outq grows
	msgsIn   int64
	msgsOut  int64
	finished chan struct{}

	statsMu sync.Mutex
	stats   Stats

	onWake func() // the pool's scheduler
}

// Compile compiles a text chunk once for many sandboxes. Binary chunks are
// refused with ErrBytecode.
func Compile(source, chunkname string) (*compiler.Proto, error) {
	if len(source) > 0 && source[0] == 0x1b {
		return nil, ErrBytecode
	}
	return vm.Compile(source, chunkname)
}

// New makes a sandbox that will run the compiled main chunk p.
func New(p *compiler.Proto, cfg Config) (s *Sandbox, err error) {
	lim := cfg.Limits.resolve()
	s = &Sandbox{cfg: cfg, lim: lim, proto: p,
		wake: make(chan struct{}, 1), outNote: make(chan struct{}, 1), finished: make(chan struct{})}
	stdout := cfg.Stdout
	if stdout == nil {
		stdout = io.Discard
	}
	// the set-up is not the script's to pay: fuel is set once it is done
	s.st = vm.NewState(vm.Options{MemoryLimit: lim.Memory, Stdout: stdout})
	s.st.SetLimits(vm.Limits{MaxDepth: lim.MaxDepth, MaxCallbackDepth: lim.MaxCallbackDepth, MaxStringSize: lim.MaxStringSize})
	s.st.SetWarnFunc(func(string) {})
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok || !vm.IsExhaustion(e) {
				panic(r)
			}
			s, err = nil, fmt.Errorf("sandbox: opening the libraries: %w", e)
		}
	}()
	s.openProfile(cfg.Profile)
	s.fn = s.st.Load(p)
	s.st.Registry().SetField("sandbox.main", s.fn)
	s.st.ResetFuel(lim.Fuel)
	s.updateStats()
	return s, nil
}

// NewString compiles source and makes a sandbox for it.
func NewString(source, chunkname string, cfg Config) (*Sandbox, error) {
	p, err := Compile(source, chunkname)
	if err != nil {
		return nil, err
	}
	return New(p, cfg)
}

// State returns the sandbox's Lua state (for hosts that add their own Go
// builtins before the first Step; not safe while the sandbox runs).
func (s *Sandbox) State() *vm.State { return s.st }

// ID returns Config.ID.
func (s *Sandbox) ID() int { return s.cfg.ID }

// Limits returns the resolved limits.
func (s *Sandbox) Limits() Limits { return s.lim }

// Run runs the script to the end (waiting for messages and host functions
// as needed) and returns its results, copied to host values.
func (s *Sandbox) Run(ctx context.Context) ([]any, error) {
	for {
		status, err := s.Step(ctx, 0)
		switch status {
		case Done:
			return s.results, err
		case Waiting:
			if err := s.Wait(ctx); err != nil {
				s.finish(s.classify(&vm.CanceledError{Err: err}))
				return nil, s.err
			}
		}
	}
}

// Wait blocks until a Waiting sandbox can go on: a message arrived, a host
// function finished, its receive timeout passed, or its run timeout (then
// the next Step fails with the timeout). It returns ctx's error if ctx ends
// first.
func (s *Sandbox) Wait(ctx context.Context) error {
	var timer <-chan time.Time
	d := s.nextDeadline()
	if !d.IsZero() {
		t := time.NewTimer(time.Until(d))
		defer t.Stop()
		timer = t.C
	}
	select {
	case <-s.wake:
	case <-timer:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// nextDeadline is the earliest of the receive timeout and the run's
// deadline (zero if none).
func (s *Sandbox) nextDeadline() time.Time {
	d := s.waitDeadline
	if !s.deadline.IsZero() && (d.IsZero() || s.deadline.Before(d)) {
		d = s.deadline
	}
	return d
}

// Step runs the script for at most slice units of fuel (0: until it ends
// or waits) and reports where it stands. A sandbox that ran out of its
// total fuel, memory, or another limit is Done with a *LimitError.
// Running a script in slices of any size spends the same fuel and gives
// the same results as running it at once.
func (s *Sandbox) Step(ctx context.Context, slice int64) (Status, error) {
	if s.done {
		return Done, s.err
	}
	st := s.st
	if !s.started {
		s.startTime = time.Now()
		if s.lim.Timeout > 0 {
			s.deadline = s.startTime.Add(s.lim.Timeout)
		}
	}
	if !s.deadline.IsZero() {
		if !time.Now().Before(s.deadline) {
			return Done, s.finish(s.classify(&vm.CanceledError{Err: context.DeadlineExceeded}))
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, s.deadline)
		defer cancel()
	}
	if err := ctx.Err(); err != nil {
		return Done, s.finish(s.classify(&vm.CanceledError{Err: err}))
	}
	// the fuel of this step: the slice as budget, the rest as overdraft
	left := int64(-1) // no total limit
	if s.lim.Fuel > 0 {
		left = s.lim.Fuel - st.FuelUsed()
	}
	switch {
	case left < 0 && slice > 0:
		st.SetFuel(slice)
		st.SetOverdraft(1 << 62)
	case left < 0:
		st.SetFuel(0) // no limit
		st.SetOverdraft(0)
	case left > 0 && slice > 0 && slice < left:
		st.SetFuel(slice)
		st.SetOverdraft(left - slice)
	case left > 0:
		st.SetFuel(left)
		st.SetOverdraft(0)
	}
	st.SetContext(ctx)
	defer st.SetContext(nil)

	var res []vm.Value
	var err error
	switch {
	case left == 0:
		err = vm.ErrFuelExhausted
	case !s.started:
		s.started = true
		var args []vm.Value
		args, err = s.chunkArgs()
		if err == nil {
			res, err = st.Call(s.fn, args...)
		}
	case s.paused:
		s.paused = false
		res, err = st.Continue()
	default:
		return Done, s.finish(errors.New("sandbox: nothing to run"))
	}
	defer s.updateStats()
	switch {
	case err == nil:
		out := make([]any, 0, len(res))
		for _, v := range res {
			hv, cerr := fromLua(st.MainThread(), v, &copyState{maxDepth: s.lim.MaxMessageDepth, max: s.lim.MaxMessageBytes})
			if cerr != nil {
				return Done, s.finish(fmt.Errorf("sandbox: results: %w", cerr))
			}
			out = append(out, hv)
		}
		s.results = out
		return Done, s.finish(nil)
	case errors.Is(err, vm.ErrSuspended) && st.Paused():
		s.paused = true
		return Waiting, nil
	case errors.Is(err, vm.ErrFuelExhausted) && st.Paused() && (s.lim.Fuel == 0 || st.FuelUsed() < s.lim.Fuel):
		s.paused = true
		return Ready, nil
	}
	return Done, s.finish(s.classify(err))
}

// chunkArgs copies Config.Args into the state.
func (s *Sandbox) chunkArgs() (args []vm.Value, err error) {
	if len(s.cfg.Args) == 0 {
		return nil, nil
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			args, err = nil, e
		}
	}()
	L := s.st.MainThread()
	for _, a := range s.cfg.Args {
		if err := checkHost(a, s.copyLimits()); err != nil {
			return nil, fmt.Errorf("sandbox: argument: %w", err)
		}
		v := toLua(L, a)
		args = append(args, v)
	}
	return args, nil
}

// finish ends the sandbox with err.
func (s *Sandbox) finish(err error) error {
	if !s.done {
		s.done = true
		s.err = err
		s.mu.Lock()
		close(s.finished)
		s.mu.Unlock()
	}
	return s.err
}

func (s *Sandbox) timedOut() bool {
	return !s.deadline.IsZero() && !time.Now().Before(s.deadline)
}

// Done reports whether the script has ended.
func (s *Sandbox) Done() bool { return s.done }

// Finished returns a channel closed when the script has ended.
func (s *Sandbox) Finished() <-chan struct{} { return s.finishedChan() }

// Err returns the error that ended the script (nil while running or after
// success).
func (s *Sandbox) Err() error { return s.err }

// Results returns the script's results once it is Done.
func (s *Sandbox) Results() []any { return s.results }

// Refuel adds n units to the total fuel of a sandbox that stopped on its
// fuel limit while it could be continued, and makes it runnable again
// (Step goes on exactly where it stopped). It reports whether it could.
func (s *Sandbox) Refuel(n int64) bool {
	if n <= 0 || s.lim.Fuel == 0 {
		return false
	}
	if s.done {
		if !errors.Is(s.err, ErrFuel) || !s.st.Paused() {
			return false
		}
		s.done = false
		s.err = nil
		s.paused = true
		s.mu.Lock()
		s.finished = make(chan struct{})
		s.mu.Unlock()
	}
	s.lim.Fuel += n
	return true
}
