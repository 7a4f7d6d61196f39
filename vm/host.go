package vm

import (
	"context"
	"errors"
	"fmt"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/lexer"
	"github.com/moonfuel/moonfuel/parser"
)

// This file is the embedding API: compiling, loading and calling Lua code
// from Go, with errors returned (never panicked) to the host.

// Compile parses and compiles Lua source (a text chunk) named chunkname
// ("=name", "@file" or the source itself, as load takes it). The prototype
// is immutable: load it in as many states as needed (State.Load).
// Syntax errors carry Lua's message ("chunk:line: msg near 'tok'").
func Compile(source, chunkname string) (*compiler.Proto, error) {
	chunk, err := parser.Parse(source, chunkname)
	if err != nil {
		return nil, err
	}
	return compiler.Compile(chunk)
}

// chunkID formats a chunk name for messages.
func chunkID(source string) string { return lexer.ChunkID(source) }

// LoadString compiles source and loads it as a function of this state.
func (st *State) LoadString(source, chunkname string) (Value, error) {
	p, err := Compile(source, chunkname)
	if err != nil {
		return Nil, err
	}
	return st.Load(p), nil
}

// DoString compiles and runs source, returning its results.
func (st *State) DoString(source, chunkname string) ([]Value, error) {
	fn, err := st.LoadString(source, chunkname)
	if err != nil {
		return nil, err
	}
	return st.Call(fn)
}

// CallContext is Call with ctx checked between fuel slices: when ctx ends,
// the call stops with a *CanceledError wrapping ctx.Err().
func (st *State) CallContext(ctx context.Context, fn Value, args ...Value) ([]Value, error) {
	old := st.ctx
	st.ctx = ctx
	defer func() { st.ctx = old }()
	return st.Call(fn, args...)
}

// Call calls fn with args on the main thread and returns all its results.
// A Lua error is returned as a *LuaError (with a traceback); exhaustion as
// an error matching ErrFuelExhausted, ErrMemoryLimit (a *gc.LimitError)
// or a *CanceledError. The state stays usable after any error.
func (st *State) Call(fn Value, args ...Value) (results []Value, err error) {
	return st.CallAppend(nil, fn, args...)
}

// CallAppend is Call appending the results to dst (pass a reused buffer to
// call without allocating).
func (st *State) CallAppend(dst []Value, fn Value, args ...Value) (results []Value, err error) {
	L := st.main
	if st.halted || st.paused || st.cur != L {
		st.reset()
	}
	base := L.top
	saved := L.ci
	defer func() {
		if r := recover(); r != nil {
			err = st.stopped(r, saved, base)
		}
	}()
	L.CheckStack(len(args) + 1)
	L.stack[L.top] = fn
	L.top++
	for _, a := range args {
		L.stack[L.top] = a
		L.top++
	}
	L.callFromGo(base, MultRet)
	results = append(dst, L.stack[base:L.top]...)
	clear(L.stack[base:L.top])
	L.top = base
	return results, nil
}

// stopped handles a panic that ended a host call: the state is reset, or
// paused when fuel ran out between two instructions and the run can be
// continued.
func (st *State) stopped(r any, saved *callInfo, base int) error {
	err := st.hostError(r)
	if (errors.Is(err, ErrFuelExhausted) || errors.Is(err, ErrSuspended)) && st.atBoundary && st.resumable(saved) {
		st.atBoundary = false
		st.paused = true
		st.pauseSaved = saved
		st.pauseBase = base
		return err
	}
	st.atBoundary = false
	st.reset()
	st.main.top = base
	return err
}

// resumable reports whether the frames between the host's call (above
// saved on the main thread) and the running instruction are all run by the
// loop (Lua functions, pcall, resume): no Go builtin is in the middle of
// its work.
func (st *State) resumable(saved *callInfo) bool {
	for T := st.cur; T != nil; T = T.resumer {
		stop := &T.baseCi
		if T == st.main {
			stop = saved
		}
		for ci := T.ci; ci != stop; ci = ci.prev {
			if ci == &T.baseCi {
				return false
			}
			if ci.cl == nil && ci.flags&(cistPcall|cistResume) == 0 {
				return false
			}
			if ci.flags&cistFresh != 0 && ci.prev != saved {
				return false
			}
		}
		if T == st.main {
			return true
		}
	}
	return false
}

// Paused reports whether the last call stopped for lack of fuel at a point
// where it can be continued (see Continue).
func (st *State) Paused() bool { return st.paused }

// Continue resumes a call that stopped with ErrFuelExhausted exactly where
// it stopped (add fuel first with AddFuel or SetFuel), and returns its
// results as Call would. It fails when the state is not paused.
func (st *State) Continue() ([]Value, error) { return st.ContinueAppend(nil) }

// ContinueAppend is Continue appending the results to dst.
func (st *State) ContinueAppend(dst []Value) (results []Value, err error) {
	if !st.paused {
		return dst, errors.New("vm: the state is not paused")
	}
	st.paused = false
	st.halted = false
	L := st.main
	saved, base := st.pauseSaved, st.pauseBase
	st.pauseSaved = nil
	defer func() {
		if r := recover(); r != nil {
			err = st.stopped(r, saved, base)
		}
	}()
	st.continueExecute(L, saved)
	L.nny--
	L.nCcalls--
	results = append(dst, L.stack[base:L.top]...)
	clear(L.stack[base:L.top])
	L.top = base
	return results, nil
}

// hostError converts a panic that reached the host into an error.
func (st *State) hostError(r any) error {
	le := st.toLuaError(r)
	if le == nil {
		st.noteHalt()
		err, ok := r.(error)
		if !ok {
			return fmt.Errorf("vm: %v", r)
		}
		return err
	}
	if le.Traceback == "" {
		le.Traceback = st.cur.traceback("", 0)
	}
	return le
}

// reset brings the state back to an idle main thread after an error left
// frames behind (the threads involved are abandoned as dead).
func (st *State) reset() {
	for T := st.cur; T != nil && T != st.main; {
		R := T.resumer
		T.status = threadDead
		T.resumer = nil
		T = R
	}
	L := st.main
	L.closeUpvals(0)
	L.ci = &L.baseCi
	L.depth = 0
	L.nny = 0
	L.nCcalls = 0
	L.status = threadRunning
	L.yieldReq = false
	st.cur = L
	st.halted = false
	if L.top > len(L.stack) {
		L.top = 0
	}
}

// IsExhaustion reports whether err is one of the errors that stop a state
// (fuel, memory, cancellation), which Lua code cannot catch.
func IsExhaustion(err error) bool {
	return err != nil && isHalt(err)
}

// ErrorValue returns the Lua value of an error returned by the API (the
// error object of a *LuaError; a string for other errors).
func ErrorValue(err error) Value {
	var le *LuaError
	if errors.As(err, &le) {
		return le.Value
	}
	return stringValue(err.Error())
}

// NewString returns a string value for s (charged to the heap).
func (st *State) NewString(s string) Value {
	st.chargeStr(len(s))
	return stringValue(s)
}

// Register sets the global name to a Go function.
func (st *State) Register(name string, fn GoFunction) {
	st.SetGlobal(name, NewGoFunction(name, fn))
}

// GetField returns t[key] for a string key without metamethods.
func (t *Table) GetField(key string) Value { return t.GetStr(key) }

// SetField sets t[key] = v for a string key without metamethods.
func (t *Table) SetField(key string, v Value) { t.Set(stringValue(key), v) }
