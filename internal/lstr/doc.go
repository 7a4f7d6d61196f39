// Package lstr holds the engines of Lua 5.3's string library, written in
// plain Go and independent of the virtual machine: the pattern matcher
// (string.find, match, gmatch, gsub), the string.format formatter, the
// string.pack / unpack / packsize codec, and the small index helpers of the
// other functions.
//
// Every engine reproduces the reference implementation's behaviour and error
// messages word for word. Errors that the reference raises with luaL_error are
// returned as plain errors whose text is the message; errors that it raises
// with luaL_argerror are returned as *ArgError so that the caller can add the
// "bad argument #n to 'f'" prefix with the function name it knows.
//
// Work that is not O(1) is metered: the matcher counts steps against a
// budget and stops with ErrBudget when it runs out, so that the caller can
// charge fuel in proportion to the work done and abort pattern bombs.
package lstr

import "strconv"

// ArgError is an error about one argument of a library function, raised by
// the reference with luaL_argerror. Arg is the 1-based position of the
// argument in the Lua call; Msg is the extra message ("no value",
// "string contains zeros", ...).
type ArgError struct {
	Arg int
	Msg string
}

// Error returns the message without the function name:
// "bad argument #n (msg)". Callers that know the function's name should
// build their own text from Arg and Msg.
func (e *ArgError) Error() string {
	return "bad argument #" + strconv.Itoa(e.Arg) + " (" + e.Msg + ")"
}

// msgError is an error with a fixed message, as raised by luaL_error.
type msgError string

func (e msgError) Error() string { return string(e) }
