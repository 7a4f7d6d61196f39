// Package gc owns a state's memory accounting and the pacing of its
// collections.
//
// Every allocation a state makes is charged here before Go allocates it, so a
// memory limit fails a request before the memory is taken (design §7). The
// Heap knows three figures:
//
//   - live: the bytes found reachable by the last collection's mark;
//   - charged since that collection (allocations minus explicit releases);
//   - the limit.
//
// In use is live plus charged-since. The heap starts a collection when a
// charge would take in use past the pause threshold (Lua's pause: the next
// cycle starts when the heap reaches pause% of the live bytes of the last
// one), or past the limit (an emergency collection, which happens even when
// the collector is stopped). A charge fails with ErrMemoryLimit only when the
// live heap plus the request is still over the limit after collecting.
// Collections are triggered by charged bytes only, so they happen at the same
// points on every run.
//
// Each collection is a full (stop-the-world) mark, not Lua's incremental
// one, so the pause alone sets the automatic pace (a cycle costs O(live)
// and comes after pause%-100% of live bytes were charged: amortized O(1)
// per byte; MinGrowth keeps a pause under 100 from collecting on every
// allocation). The step multiplier scales the work credited by explicit
// steps (collectgarbage("step", n)): a step finishes the cycle, with a full
// mark, once the credit covers the heap in use.
//
// The heap does not know what an object is: the mark phase belongs to its
// Collector (the vm implements it over Lua values). Go's collector still
// frees the memory; the mark decides accounting, weak-table clearing and
// finalization.
package gc

import (
	"errors"
	"fmt"
	"math"
)

// ErrMemoryLimit is returned (wrapped in a *LimitError) when a charge would
// take a heap past its limit.
var ErrMemoryLimit = errors.New("not enough memory")

// LimitError reports a refused charge: how much was in use, what was asked
// and the limit.
type LimitError struct {
	InUse, Request, Limit int64
}

// Error describes the refused request and the limit.
func (e *LimitError) Error() string {
	return fmt.Sprintf("not enough memory (in use %d bytes, request %d, limit %d)", e.InUse, e.Request, e.Limit)
}

// Unwrap makes errors.Is(err, ErrMemoryLimit) true.
func (e *LimitError) Unwrap() error { return ErrMemoryLimit }

// Collector runs the mark phase of a heap's owner. Collect marks everything
// reachable from the roots and returns the live bytes found (by the owner's
// size model) and the number of objects marked (the work done, which the
// owner charges as fuel). emergency is true when the collection was forced
// by the limit. Collect must not charge the heap.
//
// Work charges the owner for units of work that objects on the heap are
// about to do for it (a table rehashing its slots), which the owner turns
// into fuel; it must not charge the heap, and it may stop the owner (by
// the owner's own means) when its fuel is spent, before the work is done.
type Collector interface {
	Collect(emergency bool) (live, marked int64)
	Work(units int64)
}

// Default pacing parameters, as Lua 5.3's LUAI_GCPAUSE and LUAI_GCMUL.
const (
	DefaultPause   = 200
	DefaultStepMul = 200
)

// MinGrowth is the least number of bytes charged between two paced
// collections, whatever the pause: it keeps tiny heaps (and a pause under
// 100) from collecting on every allocation.
const MinGrowth = 64 << 10

// StepSize is the work unit of collectgarbage("step", 0), in bytes (Lua's
// basic step is about 100 strings of 24 bytes).
const StepSize = 2400

// Heap is one state's account of memory. The zero Heap has no limit and no
// collector. A Heap is used by one goroutine at a time, like the state that
// owns it.
type Heap struct {
	inUse int64 // live at the last collection + charged since - released
	peak  int64
	total int64 // bytes ever charged
	count int64 // number of charges
	limit int64 // 0 means no limit

	live      int64 // live bytes found by the last collection
	threshold int64 // in use at which the next paced collection starts
	stepDebt  int64 // credit accumulated by collectgarbage("step") this cycle
	pause     int64
	stepMul   int64
	stopped   bool  // collectgarbage("stop"): no paced collections
	busy      bool  // a collection is running
	cycles    int64 // collections done
	marked    int64 // objects marked by all collections
	collector Collector
}

// SetCollector attaches the heap's collector and starts pacing.
func (h *Heap) SetCollector(c Collector) {
	h.collector = c
	if h.pause == 0 {
		h.pause, h.stepMul = DefaultPause, DefaultStepMul
	}
	h.live = h.inUse
	h.setThreshold()
}

// Work reports units of work that an object on the heap is about to do for
// its owner (slots rehashed or copied while a table grows) to the heap's
// collector, which charges them as fuel. Without a collector the work is
// not counted.
func (h *Heap) Work(units int64) {
	if h.collector != nil && units > 0 {
		h.collector.Work(units)
	}
}

// SetLimit sets the largest number of bytes in use; 0 removes the limit.
func (h *Heap) SetLimit(n int64) { h.limit = n }

// Limit returns the current limit (0 when there is none).
func (h *Heap) Limit() int64 { return h.limit }

// Charge accounts for an allocation of n bytes that is about to happen. It
// may run a collection first (paced, or an emergency one near the limit). It
// returns a *LimitError, and charges nothing, when the limit would still be
// passed.
func (h *Heap) Charge(n int64) error {
	if n < 0 {
		n = 0
	}
	if h.collector != nil && !h.busy {
		if h.over(n) {
			h.Collect(true)
		} else if !h.stopped && h.inUse+n > h.threshold {
			h.Collect(false)
		}
	}
	if h.over(n) {
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

// over reports whether charging n bytes would pass the limit.
func (h *Heap) over(n int64) bool {
	return h.limit > 0 && (n > h.limit || h.inUse > h.limit-n)
}

// Release gives back n bytes previously charged (for memory the state knows
// it no longer holds, such as a table's old array after growth).
func (h *Heap) Release(n int64) {
	h.inUse -= n
	if h.inUse < 0 {
		h.inUse = 0
	}
}

// Collect runs a full collection now (if there is a collector and none is
// running): in use becomes the live bytes the mark found, and the next paced
// collection is scheduled. It reports whether a collection ran.
func (h *Heap) Collect(emergency bool) bool {
	if h.collector == nil || h.busy {
		return false
	}
	h.busy = true
	defer func() { h.busy = false }()
	live, marked := h.collector.Collect(emergency)
	h.live = live
	h.inUse = live
	h.cycles++
	h.marked += marked
	h.stepDebt = 0
	h.setThreshold()
	return true
}

// setThreshold schedules the next paced collection from the live bytes.
func (h *Heap) setThreshold() {
	var t int64
	if h.pause > 0 && h.live > math.MaxInt64/h.pause {
		t = math.MaxInt64
	} else {
		t = h.live * h.pause / 100
	}
	if t < h.live+MinGrowth {
		t = h.live + MinGrowth
	}
	h.threshold = t
}

// Step does the work of collectgarbage("step", kb): it adds kb KB (or one
// basic step when kb is 0) times the step multiplier to the cycle's credit,
// and finishes the cycle with a full collection when the credit covers the
// heap in use. It reports whether a cycle finished.
func (h *Heap) Step(kb int64) bool {
	if h.collector == nil {
		return false
	}
	work := int64(StepSize)
	if kb > 0 {
		work = kb << 10
		if kb > 1<<40 {
			work = 1 << 50
		}
	}
	mul := h.stepMul
	if mul < 40 {
		mul = 40 // Lua's minimum step multiplier
	}
	if w := work / 100; w > (math.MaxInt64-h.stepDebt)/mul {
		h.stepDebt = math.MaxInt64
	} else {
		h.stepDebt += w * mul
	}
	if h.stepDebt >= h.inUse {
		return h.Collect(false)
	}
	return false
}

// SetPause sets the pause (percent) and returns the previous one.
func (h *Heap) SetPause(p int64) int64 {
	old := h.pause
	if p < 0 {
		p = 0
	}
	h.pause = p
	h.setThreshold()
	return old
}

// SetStepMul sets the step multiplier (percent) and returns the previous one.
func (h *Heap) SetStepMul(m int64) int64 {
	old := h.stepMul
	if m < 0 {
		m = 0
	}
	h.stepMul = m
	return old
}

// Stop stops paced collections (collectgarbage("stop")); emergency
// collections still run near the limit.
func (h *Heap) Stop() { h.stopped = true }

// Restart resumes paced collections.
func (h *Heap) Restart() { h.stopped = false }

// IsRunning reports whether paced collections are enabled.
func (h *Heap) IsRunning() bool { return !h.stopped }

// Stats is a snapshot of a heap's figures.
type Stats struct {
	InUse, Peak, Total, Allocations, Limit int64
	// Live is the live bytes found by the last collection; Cycles the
	// number of collections; Marked the objects marked by all of them.
	Live, Cycles, Marked int64
}

// Stats returns the heap's current figures.
func (h *Heap) Stats() Stats {
	return Stats{InUse: h.inUse, Peak: h.peak, Total: h.total, Allocations: h.count, Limit: h.limit,
		Live: h.live, Cycles: h.cycles, Marked: h.marked}
}

// InUse returns the bytes currently accounted as in use.
func (h *Heap) InUse() int64 { return h.inUse }

// Live returns the live bytes found by the last collection.
func (h *Heap) Live() int64 { return h.live }
