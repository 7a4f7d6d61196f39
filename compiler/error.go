package compiler

import "fmt"

// Error is a compile-time (semantic) error. Its text is exactly what Lua 5.3
// reports: "chunkname:line: message".
type Error struct {
	// ChunkID is the printable chunk name (see lexer.ChunkID), e.g. "file.lua" or
	// `[string "x = 1"]`.
	ChunkID string
	// Line is the source line the error is reported at.
	Line int
	// Msg is the message without the position prefix.
	Msg string
}

// Error returns the message with its "chunkname:line:" prefix.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.ChunkID, e.Line, e.Msg)
}

// bailout is panicked with to abort compilation; Compile recovers it.
type bailout struct{ err *Error }
