package vm

import "errors"

// throw aborts the operation in progress with err. Everything inside the vm
// package raises errors this way (tables included); the dispatch loop and the
// API boundary recover the panic: a gc limit error stops the state, any other
// error becomes a Lua runtime error carrying err's message and the position
// of the running instruction.
func throw(err error) { panic(err) }

// Errors raised by table operations.
var (
	errIndexNil = errors.New("table index is nil")
	errIndexNaN = errors.New("table index is NaN")
)
