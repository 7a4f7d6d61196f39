// Package vm is moonfuel's Lua 5.3 virtual machine: values, tables,
// closures, threads, the state, the dispatch loop, metamethods, errors,
// coroutines, fuel and memory accounting.
//
// # Embedding
//
// Compile a chunk once with Compile (prototypes are immutable and may be
// loaded into any number of states), create a State with NewState (fuel and
// memory limits, output writer), open libraries from package stdlib, then
// Load and Call, or DoString. Errors come back as Go errors: a *LuaError for
// Lua errors (the error value and a traceback), and the exhaustion errors
// ErrFuelExhausted, ErrMemoryLimit (a *gc.LimitError) and *CanceledError
// (context cancellation, see CallContext), which Lua code cannot catch.
// When fuel runs out between two instructions the state is paused: add fuel
// (AddFuel) and Continue exactly where it stopped.
//
// # Builtins
//
// A builtin is a GoFunction: it reads its arguments from its stack window
// (Thread.Arg, NArgs, the Check* helpers), pushes its results and returns
// their count; calling one allocates nothing. See api.go for the whole
// API and cost.go for the fuel and memory cost model.
//
// # The loop
//
// Lua-to-Lua calls, metamethod calls, pcall/xpcall and coroutine switches
// are frames of one dispatch loop over a heap-allocated call stack per
// thread (run.go, exec.go, coro.go): they never recurse on the Go stack, so
// yields cross pcall, metamethods and iterators, and deep recursion ends in
// Lua's "stack overflow" error. Only Go builtins that call back into Lua
// (Thread.Call) recurse, up to Lua's limit of 200 nested calls ("C stack
// overflow"). A State must be used by one goroutine at a time.
package vm
