package vm

import (
	"context"
	"io"
	"os"
	"unsafe"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/gc"
)

// Options configures a new State.
type Options struct {
	// Fuel is the number of fuel units the state may spend in total; 0 means
	// no limit. See cost.go for what each unit buys.
	Fuel int64
	// MemoryLimit is the largest number of bytes the state may have charged
	// at once; 0 means no limit.
	MemoryLimit int64
	// Stdout receives print's output; nil means os.Stdout.
	Stdout io.Writer
	// MaxStackSlots bounds a thread's Lua stack (in values); 0 means Lua's
	// default, 1,000,000.
	MaxStackSlots int
}

// State is one Lua universe: globals, registry, heap account and fuel. A
// State and everything reachable from it must be used by one goroutine at a
// time.
type State struct {
	heap     gc.Heap
	main     *Thread
	cur      *Thread // the thread running now
	globals  *Table
	registry *Table
	typeMeta [8]*Table // metatables of non-table types (strings' included)
	stdout   io.Writer
	ctx      context.Context

	// Fuel: fuel is what remains of the current slice (the dispatch loop
	// keeps it in a local and flushes it back), reserve what remains beyond
	// the slice. See fuel.go.
	fuel       int64
	reserve    int64
	fuelLimit  int64
	fuelUsed   int64 // fuel consumed under previous budgets
	fuelBudget int64 // the current budget (fuel + reserve when it was set)

	maxStack int

	protos  map[*compiler.Proto]*funcProto
	tmNames [numEvents]Value

	// halted is set when an exhaustion error stopped the state; the next
	// entry from the host resets the threads it left mid-call.
	halted bool

	gc gcState // the collector's state (gcmark.go)
	// atBoundary is set while the loop asks for fuel between instructions;
	// paused is set when fuel ran out there and the run can be continued
	// (see Continue): pauseSaved is the frame below the host's call and
	// pauseBase the stack index of its function.
	atBoundary bool
	paused     bool
	pauseSaved *callInfo
	pauseBase  int

	// frameCap is the depth at which precall checks the frame limits;
	// ext holds the host's extra limits and suspension (limits.go).
	frameCap int
	ext      limitState
	dbg      *debugState // hooks and upvalue identities (hook.go)
}

// Thread is a Lua thread (a coroutine, or the state's main thread). Go
// builtins receive the running thread and use it to read their arguments,
// push results and reach the state.
type Thread struct {
	st      *State
	stack   []Value
	top     int // first free slot
	ci      *callInfo
	baseCi  callInfo
	depth   int // number of frames above baseCi
	openUp  *upval
	status  threadStatus
	nny     int // > 0: Go frames that forbid yielding are on the stack
	nCcalls int // Go-level nesting (callbacks from Go, resumes)
	// ccallsBase is nCcalls when the coroutine was last resumed
	ccallsBase int
	// handling > 0 while an xpcall message handler runs (extra frames and
	// stack are granted to it)
	handling int
	resumer  *Thread
	// yield request from a Go function (see Yield)
	yieldReq bool
	yieldN   int
	fn       Value      // the coroutine's body (until started)
	gcMark   uint32     // collector: epoch of the last mark (gcmark.go)
	inTwups  bool       // collector: in the list of threads with open upvalues
	hook     *hookState // debug hook (hook.go), nil when none
	tailReq  bool       // tail call request from a Go function (see TailCall)
}

type threadStatus uint8

const (
	threadSuspended threadStatus = iota // created or yielded
	threadRunning
	threadNormal // resumed another coroutine
	threadDead
)

// Frame flags.
const (
	cistLua      = 1 << iota // frame runs a Lua function
	cistFresh                // the loop activation returns when this frame returns
	cistFinishOp             // on return, the (Lua) caller must finish its interrupted instruction
	cistPcall                // pcall/xpcall frame: errors stop here
	cistTail                 // frame was reused by a tail call
	cistResume               // coroutine.resume / wrap frame waiting for a coroutine
	cistWrap                 // the resume frame belongs to a wrap function
	cistYield                // Go frame that yielded (resumed values become its results)
	cistNoYield              // called from Go through Call: not yieldable
	cistLeLt                 // __le emulated by not __lt: negate the result
	cistHooked               // a hook is running for this frame (hook.go)
	cistFin                  // a finalizer is running above this frame (named "__gc")
	cistCont                 // Go frame waiting for the call it handed over (TailCall): its results become the frame's
)

// callInfo is a call frame. Frames form a doubly linked list that is reused
// (never shrunk), so pointers to them stay valid while the stack grows.
type callInfo struct {
	prev, next *callInfo
	cl         *Closure    // running Lua function, nil for Go frames
	gf         *goFunction // running Go function, nil for Lua frames
	fn         int         // stack index of the function
	base       int         // first register / first argument
	top        int         // frame's stack limit
	pc         int         // Lua frames: index of the next instruction
	nres       int         // results wanted by the caller; -1 for all
	flags      uint16
	// protected calls: state restored when an error stops at this frame
	oldNny     int
	oldNcalls  int
	handler    int // xpcall: stack index of the message handler, else 0
	co         *Thread
	concatTail int // OpConcat in progress: registers still to join
	level      int // depth of this frame (1 for the first above baseCi)
}

// Closure is a Lua function: a prototype and its upvalues.
type Closure struct {
	p      *compiler.Proto
	fp     *funcProto
	upvals []*upval
	gcMark uint32 // collector: epoch of the last mark (gcmark.go)
	// upArr holds the upvalues of a closure with at most two (upvals
	// points into it): the closure is then one allocation
	upArr [2]*upval
}

// funcProto is a state's companion of a shared, immutable prototype: the
// constants converted to Values and the companions of nested prototypes.
type funcProto struct {
	p   *compiler.Proto
	k   []Value
	kh  []uint64 // slot words of the constants: hash (low 32 bits) and node hint (high 32 bits), see Table.hinted
	sub []*funcProto
	// cache is the last closure made from p (Lua 5.3 reuses it when a new
	// closure would have the same upvalues).
	cache *Closure
	// gcMark is the epoch of the last collection that reached it
	gcMark uint32
}

// upval is an upvalue: open while it points into a thread's stack, closed
// once it holds its own value.
type upval struct {
	v    *Value
	val  Value
	idx  int    // stack index while open
	next *upval // next open upvalue (lower index)
	open bool
	// collector (gcmark.go): epoch of the last mark; touched is set when
	// the upvalue is created or reached open, as Lua 5.3's
	touched bool
	gcMark  uint32
}

// goFunction is a Go builtin.
type goFunction struct {
	fn      GoFunction
	name    string
	special uint8
	up      Value   // data of special functions (wrap: the coroutine)
	refs    []Value // Lua values the Go closure holds (NewGoClosure)
	gcMark  uint32  // collector: epoch of the last mark (gcmark.go)
	dyn     bool    // made at run time (charged, collectable)
}

// special builtins handled by the dispatch loop itself.
const (
	spNone uint8 = iota
	spPcall
	spXpcall
	spResume
	spWrap
)

// Userdata is a block of host data with a metatable.
type Userdata struct {
	Data any
	meta *Table
	user Value
	// collector (gcmark.go)
	gcMark  uint32
	gcFlags uint8
}

const minGoStack = 20 // free slots guaranteed to a Go function (LUA_MINSTACK)

// defaultMaxStack is Lua's LUAI_MAXSTACK.
const defaultMaxStack = 1000000

// NewState creates a state with an empty global table and no libraries
// (see package stdlib to open them).
func NewState(opts Options) *State {
	st := &State{stdout: opts.Stdout, maxStack: opts.MaxStackSlots, frameCap: maxFrames}
	if st.stdout == nil {
		st.stdout = os.Stdout
	}
	if st.maxStack <= 0 {
		st.maxStack = defaultMaxStack
	}
	st.heap.SetLimit(opts.MemoryLimit)
	st.SetFuel(opts.Fuel)
	for i, n := range eventNames {
		st.tmNames[i] = stringValue(n)
	}
	_ = st.heap.Charge(sizeState)
	st.main = st.newThread()
	st.main.status = threadRunning
	st.cur = st.main
	st.registry = newTable(&st.heap, 2, 4)
	st.globals = newTable(&st.heap, 0, 64)
	st.registry.SetInt(2, TableValue(st.globals))
	st.protos = make(map[*compiler.Proto]*funcProto)
	st.initGC()
	return st
}

// newThread makes a thread with a small stack (charged).
func (st *State) newThread() *Thread {
	st.charge(sizeThread + basicStackSize*sizeValue)
	L := &Thread{st: st}
	L.stack = make([]Value, basicStackSize)
	L.ci = &L.baseCi
	L.baseCi.top = 1 + minGoStack
	return L
}

const basicStackSize = 2 * minGoStack

// charge charges n bytes to the heap or raises the memory error.
func (st *State) charge(n int64) {
	if err := st.heap.Charge(n); err != nil {
		throw(err)
	}
}

// Heap returns the state's heap account.
func (st *State) Heap() *gc.Heap { return &st.heap }

// MainThread returns the state's main thread.
func (st *State) MainThread() *Thread { return st.main }

// Globals returns the global table.
func (st *State) Globals() *Table { return st.globals }

// Registry returns the registry table, a place for Go code to keep values.
func (st *State) Registry() *Table { return st.registry }

// Stdout returns the writer print writes to.
func (st *State) Stdout() io.Writer { return st.stdout }

// SetStdout sets the writer print writes to.
func (st *State) SetStdout(w io.Writer) { st.stdout = w }

// SetGlobal sets the global name to v.
func (st *State) SetGlobal(name string, v Value) { st.globals.Set(stringValue(name), v) }

// GetGlobal returns the global name.
func (st *State) GetGlobal(name string) Value { return st.globals.GetStr(name) }

// funcProtoOf returns the state's companion of p.
func (st *State) funcProtoOf(p *compiler.Proto) *funcProto {
	if fp := st.protos[p]; fp != nil {
		return fp
	}
	fp := st.newFuncProto(p)
	st.protos[p] = fp
	return fp
}

func (st *State) newFuncProto(p *compiler.Proto) *funcProto {
	st.charge(sizeFuncProto + int64(len(p.Constants))*sizeValue + int64(len(p.Protos))*8)
	fp := &funcProto{p: p, k: make([]Value, len(p.Constants)), kh: make([]uint64, len(p.Constants)), sub: make([]*funcProto, len(p.Protos))}
	for i, c := range p.Constants {
		switch c := c.(type) {
		case nil:
		case bool:
			fp.k[i] = Bool(c)
		case int64:
			fp.k[i] = Int(c)
		case float64:
			fp.k[i] = Float(c)
		case string:
			fp.k[i] = stringValue(c)
			fp.kh[i] = hashString(c)
		}
	}
	return fp
}

// Load instantiates a compiled main chunk as a function of this state whose
// _ENV upvalue is the global table. The prototype is shared, not copied.
func (st *State) Load(p *compiler.Proto) Value {
	cl := st.newClosure(st.funcProtoOf(p))
	for i := range cl.upvals {
		cl.upvals[i] = st.newClosedUpval(Nil)
	}
	if len(cl.upvals) > 0 {
		cl.upvals[0].val = TableValue(st.globals)
	}
	return refValue(unsafe.Pointer(cl), kindLuaFunction)
}

func (st *State) newClosure(fp *funcProto) *Closure {
	n := len(fp.p.Upvalues)
	st.charge(sizeClosure + int64(n)*8)
	c := &Closure{p: fp.p, fp: fp}
	if n <= len(c.upArr) {
		c.upvals = c.upArr[:n:n]
	} else {
		c.upvals = make([]*upval, n)
	}
	return c
}

func (st *State) newClosedUpval(v Value) *upval {
	st.charge(sizeUpval)
	u := &upval{val: v}
	u.v = &u.val
	return u
}

// Proto returns the prototype of a Lua function value, or nil.
func (v Value) Proto() *compiler.Proto {
	if cl := v.asClosure(); cl != nil {
		return cl.p
	}
	return nil
}

func (v Value) asClosure() *Closure {
	if v.kind() == kindLuaFunction {
		return (*Closure)(v.p)
	}
	return nil
}

func (v Value) asGoFunction() *goFunction {
	if v.kind() == kindGoFunction {
		return (*goFunction)(v.p)
	}
	return nil
}

// AsThread returns the thread v holds, or nil.
func (v Value) AsThread() *Thread {
	if v.kind() == kindThread {
		return (*Thread)(v.p)
	}
	return nil
}

// AsUserdata returns the userdata v holds, or nil.
func (v Value) AsUserdata() *Userdata {
	if v.kind() == kindUserdata {
		return (*Userdata)(v.p)
	}
	return nil
}

// ThreadValue wraps a thread as a Value.
func ThreadValue(L *Thread) Value { return refValue(unsafe.Pointer(L), kindThread) }

// UserdataValue wraps a userdata as a Value.
func UserdataValue(u *Userdata) Value { return refValue(unsafe.Pointer(u), kindUserdata) }

// NewUserdata makes a userdata holding data (charged to the heap).
func (L *Thread) NewUserdata(data any) *Userdata {
	L.st.charge(sizeUserdata)
	return &Userdata{Data: data}
}
