package sandbox

import "fmt"

// Stats are a sandbox's figures. They are deterministic (the same script,
// input, limits and seed give the same figures) except MessagesIn/Out
// when the host's timing decides what arrives.
type Stats struct {
	FuelUsed int64 // total fuel spent
	// Instructions is the fuel of instructions and calls (FuelUsed minus
	// the fuel builtins charged for their work).
	Instructions int64
	BuiltinFuel  int64
	MemoryInUse  int64 // bytes accounted now (live at the last collection + charged since)
	MemoryLive   int64 // live bytes found by the last collection
	MemoryPeak   int64 // highest MemoryInUse
	Allocations  int64 // number of charges
	Allocated    int64 // bytes ever charged
	Collections  int64
	MessagesIn   int64 // messages the script received
	MessagesOut  int64 // messages the script sent
}

// updateStats refreshes the snapshot (on the goroutine running the
// sandbox).
func (s *Sandbox) updateStats() {
	h := s.st.Heap().Stats()
	s.mu.Lock()
	in, out := s.msgsIn, s.msgsOut
	s.mu.Unlock()
	used := s.st.FuelUsed()
	bf := s.st.BuiltinFuel()
	st := Stats{
		FuelUsed: used, Instructions: used - bf, BuiltinFuel: bf,
		MemoryInUse: h.InUse, MemoryLive: h.Live, MemoryPeak: h.Peak,
		Allocations: h.Allocations, Allocated: h.Total, Collections: h.Cycles,
		MessagesIn: in, MessagesOut: out,
	}
	s.statsMu.Lock()
	s.stats = st
	s.statsMu.Unlock()
}

// Stats returns the figures as of the end of the last Step (safe from any
// goroutine).
func (s *Sandbox) Stats() Stats {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	return s.stats
}

// String formats the statistics on a few lines.
func (st Stats) String() string {
	return fmt.Sprintf("fuel used      %d (instructions and calls %d, builtins %d)\n"+
		"memory         %d bytes in use, %d live at last collection, %d peak\n"+
		"allocations    %d (%d bytes)\n"+
		"collections    %d\n"+
		"messages       %d in, %d out\n",
		st.FuelUsed, st.Instructions, st.BuiltinFuel,
		st.MemoryInUse, st.MemoryLive, st.MemoryPeak,
		st.Allocations, st.Allocated, st.Collections, st.MessagesIn, st.MessagesOut)
}

// Add adds o's figures to st (MemoryPeak takes the larger).
func (st *Stats) Add(o Stats) {
	st.FuelUsed += o.FuelUsed
	st.Instructions += o.Instructions
	st.BuiltinFuel += o.BuiltinFuel
	st.MemoryInUse += o.MemoryInUse
	st.MemoryLive += o.MemoryLive
	st.MemoryPeak = max(st.MemoryPeak, o.MemoryPeak)
	st.Allocations += o.Allocations
	st.Allocated += o.Allocated
	st.Collections += o.Collections
	st.MessagesIn += o.MessagesIn
	st.MessagesOut += o.MessagesOut
}
