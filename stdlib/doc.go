// Package stdlib holds Lua 5.3's standard library for moonfuel states: the
// base functions (base.go), coroutine, string, table, math, utf8, os, io
// and the others, each opened into a vm.State by its Open function
// (OpenBase, OpenCoroutine, OpenMath, ...). The libraries are written
// against the vm package's builtin API (vm.GoFunction, vm.Thread's argument
// checkers and stack window) and charge fuel and memory for the work they
// do as vm/cost.go prescribes. Which libraries a state gets is the caller's
// choice: the sandbox package opens a whitelisted subset.
package stdlib
