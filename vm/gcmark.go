package vm

// The state's mark phase (design §7): package gc paces collections by
// charged bytes and calls the state's collector, which marks every Lua
// object reachable from the roots, computes the live bytes with the size
// model below, clears weak tables (ephemerons included) and separates the
// objects whose __gc finalizers must run. Go's collector frees the memory;
// this mark only decides accounting, weak-table clearing and finalization.
//
// Roots: the registry (which holds the globals), the metatables of the
// basic types, the main thread, the running thread and its resumers, the
// objects waiting for their finalizers, and the open upvalues of dead
// threads that were created since the previous cycle (Lua 5.3's "touched"
// upvalues, see remarkUpvals).
//
// A thread's live stack is stack[0:hi] where hi is the largest of its top
// and the tops of its active frames (the registers of Lua frames). Go
// builtins keep their values on that stack; a value held only in a Go local
// variable is not seen (as in Lua's C API). Go closures that hold Lua values
// declare them with NewGoClosure.
//
// Size model, in bytes (the same figures the allocation sites charge):
//
//	table       tableHeaderBytes + 16·array slots + 48·hash slots
//	string      sizeString (16) + length, once per distinct string data
//	            (strings are Values pointing at their bytes, so the mark
//	            dedupes them by data pointer; the empty string is free)
//	closure     sizeClosure + 8·upvalues, each upvalue sizeUpval once, its
//	            prototype companion (sizeFuncProto + 16·constants + 8·nested
//	            prototypes) once; constants are the shared prototype's
//	Go function sizeGoFunction for functions made at run time (static
//	            library functions are not the state's)
//	thread      sizeThread + 16·stack slots + sizeFrame·frames allocated
//	userdata    sizeUserdata (the host's data is the host's business)
//	state       sizeState
//
// Marking uses an epoch number per collection: an object is marked in this
// cycle when its gcMark field equals the state's epoch, so no pass is needed
// to clear marks. The mark is iterative (an explicit gray stack) and
// O(live objects + live slots). Each object marked costs CostGCMark fuel,
// taken from the state's reserve so that a script cannot buy unbounded
// collection work for free.

import (
	"unsafe"

	"github.com/moonfuel/moonfuel/compiler"
)

// gcFlags bits of tables and userdata.
const (
	gcFinReg uint8 = 1 << iota // registered for finalization (finobj or tobefnz)
)

// gcState is the collector's part of a State.
type gcState struct {
	epoch  uint32
	depth  int     // eager traversal depth (markValue)
	gray   []Value // marked objects not yet traversed
	strs   ptrSet  // string data counted this cycle
	live   int64
	marked int64

	weak      []*Table // weak values only
	ephemeron []*Table // weak keys only
	allweak   []*Table // weak keys and values

	finobj  []Value // objects with a finalizer, in registration order
	tobefnz []Value // objects whose finalizer must run, in calling order
	twups   []*Thread

	inFinalizer bool // a finalizer is running
	closed      bool // Close ran
	warn        func(msg string)
}

// stateCollector is the State seen as a gc.Collector (a separate type so
// that State does not export Collect).
type stateCollector State

// Collect implements gc.Collector.
func (c *stateCollector) Collect(emergency bool) (live, marked int64) {
	st := (*State)(c)
	st.fullMark()
	st.chargeDebt(st.gc.marked * CostGCMark)
	return st.gc.live, st.gc.marked
}

// Work implements gc.Collector: slots a table rehashes or copies while
// growing cost CostPerSlot each, charged before the table changes (tables
// grow in builtins, where st.fuel is current, and in the loop's table
// stores, which flush their counter first and reload it after); when the
// fuel is spent it raises ErrFuelExhausted as any charge. The host's own
// work between runs (opening libraries, building tables for the script,
// even on a paused state) is not the script's to pay.
func (c *stateCollector) Work(units int64) {
	st := (*State)(c)
	if L := st.cur; L.ci == &L.baseCi || st.paused {
		return
	}
	st.chargeFuel(units * CostPerSlot)
}

// initGC attaches the collector to the state's heap (called by NewState).
func (st *State) initGC() {
	st.heap.SetCollector((*stateCollector)(st))
}

// fullMark runs one complete cycle: mark from the roots, converge
// ephemerons, clear weak values, separate and resurrect the objects to
// finalize, clear weak keys, and prune per-state caches.
func (st *State) fullMark() {
	g := &st.gc
	g.epoch++
	if g.epoch == 0 {
		g.epoch = 1
	}
	g.live, g.marked = sizeState, 0
	g.strs.reset()
	g.weak, g.ephemeron, g.allweak = g.weak[:0], g.ephemeron[:0], g.allweak[:0]

	// roots
	st.markTable(st.registry)
	st.markTable(st.globals)
	for _, mt := range st.typeMeta {
		st.markTable(mt)
	}
	st.markThread(st.main)
	for T := st.cur; T != nil; T = T.resumer {
		st.markThread(T)
	}
	for _, v := range g.tobefnz {
		st.markValue(v)
	}
	st.propagate()
	st.remarkUpvals()
	st.propagate()
	st.convergeEphemerons()

	// all strongly reachable objects are marked: clear weak values before
	// looking at finalizers (a finalizer must not see them)
	st.clearValues(g.weak)
	st.clearValues(g.allweak)
	nweak, nall := len(g.weak), len(g.allweak)
	st.separateToFinalize(false)
	for _, v := range g.tobefnz {
		st.markValue(v)
	}
	st.propagate()
	st.convergeEphemerons()
	// resurrected objects are marked: remove dead keys, and the values of
	// weak tables reached only through resurrected objects
	st.clearKeys(g.ephemeron)
	st.clearKeys(g.allweak)
	st.clearValues(g.weak[nweak:])
	st.clearValues(g.allweak[nall:])
	st.countWeakStrings(g.weak)
	st.countWeakStrings(g.allweak)

	st.pruneCaches()
	clear(g.gray[:cap(g.gray)])
	g.gray = g.gray[:0]
	if cap(g.gray) > 1<<16 {
		g.gray = nil
	}
	clear(g.weak)
	clear(g.ephemeron)
	clear(g.allweak)
	g.strs.release()
}

// isMarked reports whether v survives this cycle: non-collectable values
// and strings (which are values) always do.
func (st *State) isMarked(v Value) bool {
	e := st.gc.epoch
	switch v.kind() {
	case kindTable:
		return (*Table)(v.p).gcMark == e
	case kindLuaFunction:
		return (*Closure)(v.p).gcMark == e
	case kindGoFunction:
		g := (*goFunction)(v.p)
		return !g.dyn || g.gcMark == e
	case kindUserdata:
		return (*Userdata)(v.p).gcMark == e
	case kindThread:
		return (*Thread)(v.p).gcMark == e
	}
	return true
}

// markValue marks v gray (or counts it, for strings).
func (st *State) markValue(v Value) {
	e := st.gc.epoch
	switch v.kind() {
	case 0:
		return
	case kindString:
		st.countString(v)
		return
	case kindTable:
		t := (*Table)(v.p)
		if t.gcMark == e {
			return
		}
		t.gcMark = e
	case kindLuaFunction:
		c := (*Closure)(v.p)
		if c.gcMark == e {
			return
		}
		c.gcMark = e
	case kindGoFunction:
		g := (*goFunction)(v.p)
		if !g.dyn && g.up.IsNil() && len(g.refs) == 0 {
			// static library function: nothing to count or traverse, and
			// not to be written either (some, like pcall, are shared by
			// all states, which may be marking at the same time)
			return
		}
		if g.gcMark == e {
			return
		}
		g.gcMark = e
	case kindUserdata:
		u := (*Userdata)(v.p)
		if u.gcMark == e {
			return
		}
		u.gcMark = e
	case kindThread:
		T := (*Thread)(v.p)
		if T.gcMark == e {
			return
		}
		T.gcMark = e
	}
	g := &st.gc
	g.marked++
	if g.depth < eagerDepth {
		// traverse now, while the object's header is in the cache (a
		// bounded recursion; deeper objects wait on the gray stack)
		g.depth++
		st.traverse(v)
		g.depth--
		return
	}
	g.gray = append(g.gray, v)
}

// eagerDepth bounds the recursion of markValue's eager traversals.
const eagerDepth = 8

func (st *State) markTable(t *Table) {
	if t != nil {
		st.markValue(TableValue(t))
	}
}

func (st *State) markThread(T *Thread) {
	if T != nil {
		st.markValue(ThreadValue(T))
	}
}

// countString adds a string's size once per distinct data pointer.
func (st *State) countString(v Value) {
	n := v.n & lenMask
	if n == 0 {
		return
	}
	if st.gc.strs.add(uintptr(v.p)) {
		st.gc.live += sizeString + int64(n)
	}
}

// propagate traverses gray objects until there are none.
func (st *State) propagate() {
	g := &st.gc
	for len(g.gray) > 0 {
		v := g.gray[len(g.gray)-1]
		g.gray = g.gray[:len(g.gray)-1]
		st.traverse(v)
	}
}

// traverse counts a marked object and marks what it refers to.
func (st *State) traverse(v Value) {
	g := &st.gc
	switch v.kind() {
	case kindTable:
		st.traverseTable((*Table)(v.p))
	case kindLuaFunction:
		st.traverseClosure((*Closure)(v.p))
	case kindGoFunction:
		gf := (*goFunction)(v.p)
		if gf.dyn {
			g.live += sizeGoFunction
		}
		st.markValue(gf.up)
		for _, r := range gf.refs {
			st.markValue(r)
		}
	case kindUserdata:
		u := (*Userdata)(v.p)
		g.live += sizeUserdata
		st.markTable(u.meta)
		st.markValue(u.user)
	case kindThread:
		st.traverseThread((*Thread)(v.p))
	}
}

// weakMode returns the weakness of a table from its metatable's __mode.
func weakMode(t *Table) (wk, wv bool) {
	if t.meta == nil {
		return false, false
	}
	m := fastTM(t.meta, evMode)
	if !m.IsString() {
		return false, false
	}
	s := m.AsString()
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'k':
			wk = true
		case 'v':
			wv = true
		}
	}
	return wk, wv
}

func (st *State) traverseTable(t *Table) {
	g := &st.gc
	g.live += t.sizeBytes()
	st.markTable(t.meta)
	wk, wv := weakMode(t)
	nodes := t.nodes[:t.nused]
	switch {
	case !wk && !wv:
		for i := range t.arr {
			st.markValue(t.arr[i])
		}
		for i := range nodes {
			if nd := &nodes[i]; !nd.val.IsNil() {
				st.markValue(nd.key)
				st.markValue(nd.val)
			}
		}
	case wv && !wk:
		g.weak = append(g.weak, t)
		for i := range nodes {
			if nd := &nodes[i]; !nd.val.IsNil() {
				st.markValue(nd.key)
			}
		}
	case wk && !wv:
		g.ephemeron = append(g.ephemeron, t)
		for i := range t.arr {
			st.markValue(t.arr[i])
		}
		st.traverseEphemeron(t)
	default:
		g.allweak = append(g.allweak, t)
	}
}

// traverseEphemeron marks the values whose keys are marked; it reports
// whether it marked anything.
func (st *State) traverseEphemeron(t *Table) bool {
	marked := false
	nodes := t.nodes[:t.nused]
	for i := range nodes {
		nd := &nodes[i]
		if nd.val.IsNil() || !st.isMarked(nd.key) {
			continue
		}
		if !st.isMarked(nd.val) {
			marked = true
		}
		st.markValue(nd.key) // strings: counted
		st.markValue(nd.val)
	}
	return marked
}

// convergeEphemerons re-traverses the weak-key tables until no value
// becomes marked.
func (st *State) convergeEphemerons() {
	for changed := true; changed; {
		changed = false
		for _, t := range st.gc.ephemeron {
			if st.traverseEphemeron(t) {
				changed = true
				st.propagate()
			}
		}
	}
}

// clearValues removes the entries whose values were not marked.
func (st *State) clearValues(ts []*Table) {
	for _, t := range ts {
		for i := range t.arr {
			if !st.isMarked(t.arr[i]) {
				t.arr[i] = Nil
			}
		}
		nodes := t.nodes[:t.nused]
		for i := range nodes {
			if nd := &nodes[i]; !nd.val.IsNil() && !st.isMarked(nd.val) {
				nd.val = Nil
			}
		}
	}
}

// clearKeys removes the entries whose keys were not marked.
func (st *State) clearKeys(ts []*Table) {
	for _, t := range ts {
		nodes := t.nodes[:t.nused]
		for i := range nodes {
			if nd := &nodes[i]; !nd.val.IsNil() && !st.isMarked(nd.key) {
				nd.val = Nil
			}
		}
	}
}

// countWeakStrings counts the strings left in weak tables after clearing
// (they were not marked through the tables: strings are values and stay).
func (st *State) countWeakStrings(ts []*Table) {
	for _, t := range ts {
		for i := range t.arr {
			if t.arr[i].kind() == kindString {
				st.countString(t.arr[i])
			}
		}
		nodes := t.nodes[:t.nused]
		for i := range nodes {
			if nd := &nodes[i]; !nd.val.IsNil() {
				if nd.key.kind() == kindString {
					st.countString(nd.key)
				}
				if nd.val.kind() == kindString {
					st.countString(nd.val)
				}
			}
		}
	}
}

func (st *State) traverseClosure(c *Closure) {
	g := &st.gc
	g.live += sizeClosure + 8*int64(len(c.upvals))
	st.markProto(c.fp)
	e := g.epoch
	for _, u := range c.upvals {
		if u == nil || u.gcMark == e {
			continue
		}
		u.gcMark = e
		g.live += sizeUpval
		if u.open {
			// as Lua's traverseLclosure before the atomic phase: the
			// thread's list remarks it (remarkUpvals) if the thread dies
			u.touched = true
		}
		st.markValue(*u.v)
	}
}

// markProto counts a prototype companion and its nested ones, once.
func (st *State) markProto(fp *funcProto) {
	g := &st.gc
	if fp == nil || fp.gcMark == g.epoch {
		return
	}
	fp.gcMark = g.epoch
	g.marked++
	g.live += sizeFuncProto + int64(len(fp.k))*sizeValue + int64(len(fp.sub))*8
	for _, s := range fp.sub {
		st.markProto(s)
	}
}

func (st *State) traverseThread(T *Thread) {
	g := &st.gc
	g.live += sizeThread + int64(len(T.stack))*sizeValue
	for ci := T.baseCi.next; ci != nil; ci = ci.next {
		g.live += sizeFrame // frames are kept for reuse
	}
	// The live part of the stack ends at top while a Go function runs (its
	// window; the registers of the Lua frame that called it above the call
	// are dead, as in Lua), and at the frame's top while a Lua frame runs
	// (an allocation inside an instruction: all its registers).
	hi := T.top
	if ci := T.ci; ci.cl != nil {
		hi = luaFrameLive(T, ci)
	}
	for ci := T.ci; ci != nil; ci = ci.prev {
		if ci.co != nil {
			st.markThread(ci.co)
		}
	}
	if hi > len(T.stack) {
		hi = len(T.stack)
	}
	for i := 0; i < hi; i++ {
		st.markValue(T.stack[i])
	}
	st.markValue(T.fn)
	st.markThread(T.resumer)
}

// luaFrameLive returns the end of the live stack while Lua frame ci (the
// thread's current frame) runs an instruction that allocates. As Lua's
// checkGC, the registers above the one an OpNewTable or OpClosure writes,
// or above the operands of an OpConcat, are dead; for other instructions
// the whole frame (and anything up to top) is kept.
func luaFrameLive(T *Thread, ci *callInfo) int {
	code := ci.cl.p.Code
	if pc := ci.pc; pc >= 1 && pc <= len(code) {
		switch i := code[pc-1]; i.Op() {
		case compiler.OpNewTable, compiler.OpClosure:
			return ci.base + i.A() + 1
		case compiler.OpConcat:
			return ci.base + i.C() + 1
		}
	}
	return max(ci.top, T.top)
}

// noteOpenUpval records an open upvalue created on L's stack (findUpval):
// its value is remarked at the next cycle even if L dies (remarkUpvals).
func (L *Thread) noteOpenUpval(u *upval) {
	u.touched = true
	if !L.inTwups {
		L.inTwups = true
		L.st.gc.twups = append(L.st.gc.twups, L)
	}
}

// remarkUpvals is Lua 5.3's remarkupvals: threads that were not marked (or
// have no open upvalues) leave the list, and the values of their open
// upvalues touched since the last cycle are marked.
func (st *State) remarkUpvals() {
	g := &st.gc
	keep := g.twups[:0]
	for _, T := range g.twups {
		if T.gcMark == g.epoch && T.openUp != nil {
			keep = append(keep, T)
			continue
		}
		T.inTwups = false
		for u := T.openUp; u != nil; u = u.next {
			if u.touched {
				st.markValue(*u.v)
				u.touched = false
			}
		}
	}
	clear(g.twups[len(keep):])
	g.twups = keep
}

// pruneCaches drops what the state caches for objects that died: closure
// caches of prototypes, and prototype companions no live closure uses.
func (st *State) pruneCaches() {
	e := st.gc.epoch
	for p, fp := range st.protos {
		if fp.gcMark != e {
			delete(st.protos, p)
			continue
		}
		st.pruneProtoCache(fp)
	}
	st.pruneUpvalueIDs()
}

// pruneUpvalueIDs drops the identities debug.upvalueid made for upvalues
// (and Go closure slots) that died, and those nobody holds any more.
func (st *State) pruneUpvalueIDs() {
	if st.dbg == nil {
		return
	}
	e := st.gc.epoch
	for key, u := range st.dbg.ids {
		dead := u.gcMark != e
		switch k := key.(type) {
		case *upval:
			dead = k.gcMark != e
		case *goFunction:
			dead = k.gcMark != e
		}
		if dead {
			delete(st.dbg.ids, key)
		}
	}
}

func (st *State) pruneProtoCache(fp *funcProto) {
	if c := fp.cache; c != nil && c.gcMark != st.gc.epoch {
		fp.cache = nil
	}
	for _, s := range fp.sub {
		if s != nil {
			st.pruneProtoCache(s)
		}
	}
}

// ptrSet is a set of addresses (open addressing, linear probing), reused
// from cycle to cycle.
type ptrSet struct {
	slots []uintptr
	n     int
}

func (s *ptrSet) reset() {
	if s.n > 0 {
		clear(s.slots)
	}
	s.n = 0
}

// release drops a large table after a cycle so that an idle state does not
// hold it.
func (s *ptrSet) release() {
	if len(s.slots) > 1<<16 {
		s.slots, s.n = nil, 0
	}
}

// add inserts p and reports whether it was absent.
func (s *ptrSet) add(p uintptr) bool {
	if (s.n+1)*2 > len(s.slots) {
		s.grow()
	}
	mask := uintptr(len(s.slots) - 1)
	i := (p * 0x9E3779B97F4A7C15 >> 24) & mask
	for {
		q := s.slots[i]
		if q == p {
			return false
		}
		if q == 0 {
			s.slots[i] = p
			s.n++
			return true
		}
		i = (i + 1) & mask
	}
}

func (s *ptrSet) grow() {
	old := s.slots
	n := len(old) * 2
	if n < 1024 {
		n = 1024
	}
	s.slots = make([]uintptr, n)
	s.n = 0
	for _, p := range old {
		if p != 0 {
			s.add(p)
		}
	}
}

// NewGoClosure wraps fn as a function value that holds refs: the collector
// sees them as reachable while the function is (Lua's C closures with
// upvalues). Use it for Go closures that capture Lua values. It is charged
// to the state's heap.
func (L *Thread) NewGoClosure(name string, fn GoFunction, refs ...Value) Value {
	L.st.charge(sizeGoFunction + int64(len(refs))*sizeValue)
	g := &goFunction{fn: fn, name: name, dyn: true}
	if len(refs) > 0 {
		g.refs = append([]Value(nil), refs...)
	}
	return refValue(unsafe.Pointer(g), kindGoFunction)
}
