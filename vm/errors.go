package vm

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/moonfuel/moonfuel/gc"
)

// LuaError is a Lua error that reached Go: the error value Lua code raised
// (or the runtime produced) and, when it escaped to the host, the traceback
// of the stack where it was raised.
type LuaError struct {
	Value     Value
	Traceback string
}

// Error returns the error value as a string ("(error object is a table
// value)" for values that are neither strings nor numbers, unless they have
// a __tostring metamethod, which the host can apply with ToStringMeta).
func (e *LuaError) Error() string {
	if e.Value.IsString() {
		return e.Value.AsString()
	}
	if e.Value.IsNumber() {
		return numberToString(e.Value)
	}
	if e.Value.IsNil() {
		return "nil"
	}
	return fmt.Sprintf("(error object is a %s value)", e.Value.TypeName())
}

// Exhaustion errors: Lua code cannot catch them (pcall, xpcall and
// coroutines let them through); they stop the state and reach the host.
var (
	// ErrFuelExhausted is returned when a state runs out of fuel.
	ErrFuelExhausted = errors.New("fuel exhausted")
	// ErrMemoryLimit is gc.ErrMemoryLimit: the state passed its memory
	// limit ("not enough memory"). The error returned wraps a
	// *gc.LimitError.
	ErrMemoryLimit = gc.ErrMemoryLimit
)

// CanceledError reports that the host's context ended the run; it wraps
// the context's error (errors.Is(err, context.Canceled) or
// context.DeadlineExceeded).
type CanceledError struct{ Err error }

// Error gives the context's error after "execution canceled: ".
func (e *CanceledError) Error() string { return "execution canceled: " + e.Err.Error() }

// Unwrap returns the context's error.
func (e *CanceledError) Unwrap() error { return e.Err }

// errErrorHandling is raised when errors nest too deeply while being
// handled (Lua's LUA_ERRERR).
var errErrorHandling = errors.New("error in error handling")

// isHalt reports whether err is an exhaustion error that Lua cannot catch.
func isHalt(err error) bool {
	if errors.Is(err, ErrFuelExhausted) || errors.Is(err, gc.ErrMemoryLimit) {
		return true
	}
	var ce *CanceledError
	var le *LimitError
	return errors.As(err, &ce) || errors.As(err, &le) || errors.Is(err, ErrSuspended) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// toLuaError converts a recovered panic into the Lua error it stands for,
// or returns nil for exhaustion errors (which must propagate). Plain Go
// errors raised with throw become string errors carrying the position of
// the running Lua instruction, as luaG_runerror does.
func (st *State) toLuaError(r any) *LuaError {
	switch e := r.(type) {
	case *LuaError:
		return e
	case error:
		if isHalt(e) {
			return nil
		}
		if _, ok := e.(runtime.Error); ok {
			// a bug in the vm or a library: report it as a Lua error so that
			// a host is not taken down, but keep it recognisable
			return &LuaError{Value: stringValue("internal error: " + e.Error())}
		}
		msg := e.Error()
		if e != errErrorHandling {
			if L := st.cur; L != nil && L.ci.cl != nil {
				msg = L.runWhere() + msg
			}
		}
		return &LuaError{Value: stringValue(msg)}
	}
	return &LuaError{Value: stringValue(fmt.Sprint("internal error: ", r))}
}

// runError raises a runtime error with the position of the running Lua
// function (luaG_runerror).
func (L *Thread) runError(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if L.ci.cl != nil {
		msg = L.runWhere() + msg
	}
	throw(&LuaError{Value: stringValue(msg)})
}

// operand locations for error messages (symbolic names of the culprit).
const (
	locNone  = -1
	locUpval = 1 << 20 // locUpval+i: upvalue i of the running closure
)

// varInfo describes where a culprit value came from: " (local 'x')" etc.
func (L *Thread) varInfo(loc int) string {
	ci := L.ci
	if ci.cl == nil || loc == locNone {
		return ""
	}
	p := ci.cl.p
	if loc >= locUpval {
		return " (upvalue '" + upvalName(p, loc-locUpval) + "')"
	}
	if loc&0x100 != 0 && loc < locUpval {
		// a constant operand: not in the stack, no information
		return ""
	}
	name, kind := getObjName(p, ci.pc-1, loc)
	if kind == "" {
		return ""
	}
	return " (" + kind + " '" + cName(name) + "')"
}

// typeError raises "attempt to <op> a <type> value<varinfo>".
func (L *Thread) typeError(v Value, op string, loc int) {
	L.runError("attempt to %s a %s value%s", op, L.objTypeName(v), L.varInfo(loc))
}

// objTypeName is the type name used in error messages (__name honoured for
// tables and userdata).
func (L *Thread) objTypeName(v Value) string {
	if k := v.kind(); k == kindTable || k == kindUserdata {
		if mt := L.st.metatable(v); mt != nil {
			if n := mt.GetStr("__name"); n.IsString() {
				return n.AsString()
			}
		}
	}
	return v.TypeName()
}

// callError raises the error for calling the non-function at stack index fi.
func (L *Thread) callError(fi int) {
	loc := locNone
	if ci := L.ci; ci.cl != nil && fi >= ci.base && fi < ci.top {
		loc = fi - ci.base
		// only name registers the call instruction refers to
		i := ci.cl.p.Code[ci.pc-1]
		if i.Op() == 41 /* TFORCALL */ {
			loc = locNone
		}
	}
	L.typeError(L.stack[fi], "call", loc)
}

// arithError raises the error of an arithmetic or bitwise operation on
// unsuitable operands; locB/locC locate them.
func (L *Thread) arithError(op ArithOp, a, b Value, locB, locC int) {
	switch op {
	case OpBAnd, OpBOr, OpBXor, OpShl, OpShr, OpBNot:
		_, okA := toNumber(a)
		_, okB := toNumber(b)
		if okA && okB {
			if _, ok := toInteger(a); ok {
				locB = locC
			}
			L.runError("number%s has no integer representation", L.varInfo(locB))
		}
		if _, ok := toNumber(a); ok {
			a, locB = b, locC
		}
		L.typeError(a, "perform bitwise operation on", locB)
	}
	if _, ok := toNumber(a); ok {
		a, locB = b, locC
	}
	L.typeError(a, "perform arithmetic on", locB)
}

// concatError raises the error of concatenating a and b.
func (L *Thread) concatError(a, b Value, locA, locB int) {
	if a.IsString() || a.IsNumber() {
		a, locA = b, locB
	}
	L.typeError(a, "concatenate", locA)
}

// orderError raises the error of comparing a and b.
func (L *Thread) orderError(a, b Value) {
	t1, t2 := L.objTypeName(a), L.objTypeName(b)
	if t1 == t2 {
		L.runError("attempt to compare two %s values", t1)
	}
	L.runError("attempt to compare %s with %s", t1, t2)
}
