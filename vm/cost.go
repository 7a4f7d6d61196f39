package vm

// This file is moonfuel's cost model: every fuel charge and every memory
// size the vm (and the libraries built on its API) uses is defined here, so
// that the model can be read, changed and measured in one place.
//
// Fuel. The dispatch loop charges CostInstruction for every instruction it
// executes (one decrement of a local counter and one well-predicted branch).
// Operations whose work is not O(1) charge more:
//
//   - calls charge CostCall on top of the instruction (frame set-up);
//   - concatenation, string creation and string scanning builtins charge
//     CostPerByte for every CostBytesPerUnit bytes produced or scanned;
//   - builtins that move, compare or visit table elements (table.insert,
//     table.sort, table.concat, unpack, next over large tables...) charge
//     CostPerElement per element;
//   - the pattern matcher charges CostPerMatchStep per step of its budget;
//   - growing a Lua stack charges CostPerElement per slot copied;
//   - growing a table charges CostPerSlot per slot it scans, copies or
//     rehashes (through the heap: gc.Heap.Work);
//   - catching an error (pcall, xpcall, coroutine.resume, an error handler
//     retried) charges CostError for the unwinding.
//
// The goal (design §6) is that fuel bounds time: no program may spend much
// more wall time per unit of fuel than the median program.
//
// Memory. Objects are charged their approximate Go size before they are
// allocated; the size constants below are the figures used. They are
// estimates of the Go representation (headers, slices, maps) rounded up.
const (
	// CostInstruction is the fuel of one VM instruction.
	CostInstruction = 1
	// CostCall is the extra fuel of a call (Lua or Go function).
	CostCall = 2
	// CostCallFromGo is the fuel of a call from a Go builtin back into
	// Lua (sort comparators, gsub callbacks, __index functions called by
	// table.concat...): a nested activation of the loop costs about ten
	// instructions' time (measured with cmd/meterbench).
	CostCallFromGo = 10
	// CostNewThread is the fuel of creating a coroutine (its thread, stack
	// and first frames are allocated at once).
	CostNewThread = 40
	// CostCompile is the fixed fuel of compiling a chunk (load), on top of
	// its per-byte cost.
	CostCompile = 200
	// CostMessage is the fixed fuel of copying one message between a
	// sandbox and its host, on top of its per-element and per-byte cost.
	CostMessage = 40
	// CostBytesPerUnit bytes of string work cost CostPerByte fuel.
	CostBytesPerUnit = 64
	// CostPerByte is the fuel for each CostBytesPerUnit bytes processed.
	CostPerByte = 1
	// CostPerElement is the fuel of moving, comparing or visiting one
	// element (table builtins, stack copies, varargs).
	CostPerElement = 1
	// CostPerMatchStep is the fuel of one pattern-matching step.
	CostPerMatchStep = 1
	// CostPerSlot is the fuel of one table slot scanned, copied or
	// rehashed when a table is resized: amortised, each insertion pays
	// about two slots (cmd/meterbench's table_hash_growth).
	CostPerSlot = 2
	// ScanSlotsPerSlot empty slots skipped by next cost CostPerSlot
	// (cmd/meterbench's next_sparse: skipping costs under a nanosecond per
	// slot). See NextCost.
	ScanSlotsPerSlot = 8
	// CostError is the fuel of unwinding a raised error to the frame that
	// catches it (the Go panic and recover under it cost about as much as
	// fifty instructions: cmd/meterbench's pcall_error).
	CostError = 50
	// CostGCMark is the fuel of marking one object in a collection (see
	// gcmark.go); it is taken when the collection ends.
	CostGCMark = 1

	// fuelSlice is how much fuel the loop takes from the reserve at a time;
	// the context is checked (and the reserve consulted) between slices.
	fuelSlice = 1 << 14
)

// ByteCost returns the fuel for processing n bytes.
func ByteCost(n int) int64 { return int64(n)/CostBytesPerUnit*CostPerByte + CostPerByte }

// CharCost returns the fuel for per-character work over n bytes: decoding
// UTF-8, quoting with %q, expanding date formats. It is eight times the byte
// cost, as such loops take about eight times longer per byte than copying or
// scanning (cmd/meterbench's utf8_len and fmt_q scripts).
func CharCost(n int) int64 { return ByteCost(n) * 8 }

// NextCost returns the fuel for a traversal step (next) that skipped the
// given number of empty slots.
func NextCost(skipped int) int64 { return int64(skipped/ScanSlotsPerSlot) * CostPerSlot }

// MapCost returns the fuel for mapping n bytes one by one into a new string
// (string.upper, lower, reverse): four times the byte cost, as such loops
// run at about a byte per nanosecond, against tens of bytes for a copy
// (cmd/meterbench's string_upper_reverse).
func MapCost(n int) int64 { return ByteCost(n) * 4 }

// CompileCost returns the fuel for compiling (or undumping) a chunk of n
// bytes: CostCompile, and eight times the byte cost (lexing, parsing and
// code generation touch each byte several times: cmd/meterbench).
func CompileCost(n int) int64 { return CostCompile + ByteCost(n)*8 }

// Memory sizes, in bytes, charged for each kind of object.
const (
	sizeValue      = 16  // one stack slot or table item
	sizeString     = 16  // string header, plus its bytes
	sizeClosure    = 48  // Closure struct, plus 8 per upvalue
	sizeUpval      = 48  // upval struct
	sizeGoFunction = 48  // goFunction struct plus a Go closure
	sizeThread     = 256 // Thread struct and its first frames
	sizeFrame      = 96  // one callInfo
	sizeUserdata   = 48  // Userdata struct (measured: gc_test.go)
	sizeFuncProto  = 64  // a state's companion of a prototype
	sizeState      = 512 // the State itself
)

// stringSize is the charge for a string of n bytes.
func stringSize(n int) int64 { return sizeString + int64(n) }
