package sandbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/moonfuel/moonfuel/gc"
	"github.com/moonfuel/moonfuel/vm"
)

// Limits bound what one sandbox may use. A zero field takes the value of
// DefaultLimits; a negative one means no limit.
type Limits struct {
	// Fuel is the total fuel of a run (see vm/cost.go for what a unit buys).
	Fuel int64
	// Memory bounds the live bytes of the state (charged before allocation).
	Memory int64
	// MaxDepth bounds the nested calls of a Lua thread.
	MaxDepth int
	// MaxCallbackDepth bounds the nesting of Go builtins calling back into
	// Lua (sort comparators, gsub callbacks, __tostring from tostring...).
	MaxCallbackDepth int
	// MaxStringSize bounds the length of one string, in bytes.
	MaxStringSize int64
	// Timeout bounds the wall-clock time of a run, waits included.
	Timeout time.Duration
	// MaxMessageBytes bounds the size of one message (as estimated by the
	// copy: string bytes plus a fixed cost per value and per table).
	MaxMessageBytes int64
	// MaxMessageDepth bounds the nesting of tables in a message. It never
	// passes MessageDepthCeiling, even when negative ("no limit"): copies
	// recurse once per level on the Go stack.
	MaxMessageDepth int
	// MailboxLen bounds the messages waiting in each direction.
	MailboxLen int
}

// DefaultLimits are the limits used for zero fields.
var DefaultLimits = Limits{
	Fuel:             100_000_000,
	Memory:           64 << 20,
	MaxDepth:         10_000,
	MaxCallbackDepth: 64,
	MaxStringSize:    16 << 20,
	Timeout:          -1,
	MaxMessageBytes:  1 << 20,
	MaxMessageDepth:  64,
	MailboxLen:       1024,
}

// MessageDepthCeiling is the largest MaxMessageDepth: deeper messages are
// always refused, so that a copy's Go stack stays bounded whatever the
// memory limit lets a script build.
const MessageDepthCeiling = 1 << 14

// resolve fills zero fields from DefaultLimits and turns negative ones to 0
// (no limit).
func (l Limits) resolve() Limits {
	d := DefaultLimits
	pick64 := func(v, def int64) int64 {
		if v == 0 {
			v = def
		}
		if v < 0 {
			return 0
		}
		return v
	}
	pick := func(v, def int) int { return int(pick64(int64(v), int64(def))) }
	return Limits{
		Fuel:             pick64(l.Fuel, d.Fuel),
		Memory:           pick64(l.Memory, d.Memory),
		MaxDepth:         pick(l.MaxDepth, d.MaxDepth),
		MaxCallbackDepth: pick(l.MaxCallbackDepth, d.MaxCallbackDepth),
		MaxStringSize:    pick64(l.MaxStringSize, d.MaxStringSize),
		Timeout:          time.Duration(pick64(int64(l.Timeout), int64(d.Timeout))),
		MaxMessageBytes:  pick64(l.MaxMessageBytes, d.MaxMessageBytes),
		MaxMessageDepth:  ceilDepth(pick(l.MaxMessageDepth, d.MaxMessageDepth)),
		MailboxLen:       pick(l.MailboxLen, d.MailboxLen),
	}
}

// Sentinel errors, one per limit. Errors returned by a sandbox that stopped
// on a limit are *LimitError values matching one of them with errors.Is
// (and the vm's own sentinel too: errors.Is(err, vm.ErrFuelExhausted)).
var (
	ErrFuel        = errors.New("fuel limit")
	ErrMemory      = errors.New("memory limit")
	ErrStack       = errors.New("stack depth limit")
	ErrCallback    = errors.New("Go-callback depth limit")
	ErrStringSize  = errors.New("string size limit")
	ErrTimeout     = errors.New("timeout")
	ErrCanceled    = errors.New("canceled")
	ErrMessageSize = errors.New("message size limit")
	ErrMailboxFull = errors.New("mailbox full")
	// ErrBytecode is returned for precompiled (binary) chunks, which the
	// sandbox refuses.
	ErrBytecode = errors.New("sandbox: binary chunks are refused")
	// ErrNotCopyable is returned for message values that cannot be copied
	// (functions, threads, userdata, cycles, too deep nesting).
	ErrNotCopyable = errors.New("value cannot be sent")
	// ErrClosed is returned when talking to a sandbox that has finished.
	ErrClosed = errors.New("sandbox: finished")
)

// LimitError reports that a sandbox stopped on a limit: which one, how much
// was used (or asked) and the limit, and where the script was.
type LimitError struct {
	Limit string // "fuel", "memory", "stack", "callback", "string", "timeout", "canceled", ...
	Used  int64  // units of the limit (fuel units, bytes, frames...); 0 if unknown
	Max   int64
	Where string // "chunkname:line" of the running Lua code, or ""
	kind  error  // the sandbox sentinel
	cause error  // the vm's error
}

// Error names the limit, the amount used and where the script stopped.
func (e *LimitError) Error() string {
	var s string
	switch e.Limit {
	case "fuel":
		s = fmt.Sprintf("fuel limit exhausted: used %d of %d units", e.Used, e.Max)
	case "memory":
		s = fmt.Sprintf("memory limit exceeded: %d bytes in use and asked, limit %d", e.Used, e.Max)
	case "timeout":
		s = fmt.Sprintf("timeout: ran %v, limit %v", time.Duration(e.Used), time.Duration(e.Max))
	case "canceled":
		s = "canceled by the host"
	default:
		s = fmt.Sprintf("%v exceeded: %d, limit %d", e.kind, e.Used, e.Max)
	}
	if e.Where != "" {
		s += " at " + e.Where
	}
	return s
}

// Unwrap returns the sandbox sentinel and the vm's error.
func (e *LimitError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

// classify turns an error from the vm into the sandbox's error: limit
// errors become *LimitError; Lua errors are returned as they are.
func (s *Sandbox) classify(err error) error {
	if err == nil {
		return nil
	}
	where := s.st.HaltWhere()
	st := s.st
	var vl *vm.LimitError
	var ce *vm.CanceledError
	switch {
	case errors.Is(err, vm.ErrFuelExhausted):
		return &LimitError{Limit: "fuel", Used: st.FuelUsed(), Max: s.lim.Fuel, Where: where, kind: ErrFuel, cause: err}
	case errors.Is(err, vm.ErrMemoryLimit):
		le := &LimitError{Limit: "memory", Max: s.lim.Memory, Where: where, kind: ErrMemory, cause: err}
		le.Used = st.Heap().InUse()
		var lim *gc.LimitError
		if errors.As(err, &lim) {
			le.Used = lim.InUse + lim.Request
		}
		return le
	case errors.As(err, &vl):
		le := &LimitError{Used: vl.Used, Max: vl.Max, Where: where, cause: err}
		switch {
		case errors.Is(err, vm.ErrStackLimit):
			le.Limit, le.kind = "stack", ErrStack
		case errors.Is(err, vm.ErrCallbackLimit):
			le.Limit, le.kind = "callback", ErrCallback
		default:
			le.Limit, le.kind = "string", ErrStringSize
		}
		return le
	case errors.As(err, &ce):
		if errors.Is(err, context.DeadlineExceeded) && s.timedOut() {
			return &LimitError{Limit: "timeout", Used: int64(time.Since(s.startTime)), Max: int64(s.lim.Timeout), Where: where, kind: ErrTimeout, cause: err}
		}
		return &LimitError{Limit: "canceled", Where: where, kind: ErrCanceled, cause: err}
	}
	return err
}

// ceilDepth applies MessageDepthCeiling to a resolved depth (0: no limit).
func ceilDepth(d int) int {
	if d == 0 || d > MessageDepthCeiling {
		return MessageDepthCeiling
	}
	return d
}
