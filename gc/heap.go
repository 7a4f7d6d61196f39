// Package gc owns a state's memory accounting: every allocation a state
// makes is charged here before Go allocates it, so a memory limit fails a
// request before the memory is taken. It knows nothing of Lua values; the vm
// reports sizes to it.
package gc

import (
	"errors"
	"fmt"
)

// ErrMemoryLimit is returned (wrapped in a *LimitError) when a charge would
// take a heap past its limit.
var ErrMemoryLimit = errors.New("not enough memory")

// LimitError reports a refused charge: how much was in use, what was asked
// and the limit.
type LimitError struct {
	InUse, Request, Limit int64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("not enough memory (in use %d bytes, request %d, limit %d)", e.InUse, e.Request, e.Limit)
}

// Unwrap makes errors.Is(err, ErrMemoryLimit) true.
func (e *LimitError) Unwrap() error { return ErrMemoryLimit }

// Heap is one state's account of memory. The zero Heap has no limit. A Heap
// is used by one goroutine at a time, like the state that owns it.
type Heap struct {
	inUse int64 // bytes charged and not released
	peak  int64
	total int64 // bytes ever charged
	count int64 // number of charges
	limit int64 // 0 means no limit
}

// SetLimit sets the largest number of bytes in use; 0 removes the limit.
func (h *Heap) SetLimit(n int64) { h.limit = n }

// Limit returns the current limit (0 when there is none).
func (h *Heap) Limit() int64 { return h.limit }

// Charge accounts for an allocation of n bytes that is about to happen. It
// returns a *LimitError, and charges nothing, when the limit would be passed.
func (h *Heap) Charge(n int64) error {
	if n < 0 {
		n = 0
	}
	if h.limit > 0 && (n > h.limit || h.inUse > h.limit-n) {
		return &LimitError{InUse: h.inUse, Request: n, Limit: h.limit}
	}
	h.inUse += n
	h.total += n
	h.count++
	if h.inUse > h.peak {
		h.peak = h.inUse
	}
	return nil
}

// Release gives back n bytes previously charged (for memory the state knows
// it no longer holds, such as a table's old array after growth).
func (h *Heap) Release(n int64) {
	h.inUse -= n
	if h.inUse < 0 {
		h.inUse = 0
	}
}

// Stats is a snapshot of a heap's figures.
type Stats struct {
	InUse, Peak, Total, Allocations, Limit int64
}

// Stats returns the heap's current figures.
func (h *Heap) Stats() Stats {
	return Stats{InUse: h.inUse, Peak: h.peak, Total: h.total, Allocations: h.count, Limit: h.limit}
}

// InUse returns the bytes currently accounted as in use.
func (h *Heap) InUse() int64 { return h.inUse }
