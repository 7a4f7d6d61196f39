package compiler

import (
	"fmt"
	"strings"
)

// Error is a compile-time (semantic) error. Its text is exactly what Lua 5.3
// reports: "chunkname:line: message".
type Error struct {
	// ChunkID is the printable chunk name (see chunkID), e.g. "file.lua" or
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

// idSize is Lua's LUA_IDSIZE: the buffer size for printable chunk names.
const idSize = 60

// chunkID formats a chunk name for messages as Lua's luaO_chunkid does.
func chunkID(source string) string {
	const rets = "..."
	switch {
	case strings.HasPrefix(source, "="):
		s := source[1:]
		if len(s) > idSize-1 {
			s = s[:idSize-1]
		}
		return s
	case strings.HasPrefix(source, "@"):
		s := source[1:]
		if len(s) > idSize-1 {
			keep := idSize - 1 - len(rets)
			s = rets + s[len(s)-keep:]
		}
		return s
	default:
		const pre, pos = `[string "`, `"]`
		avail := idSize - len(pre) - len(rets) - len(pos) - 1
		nl := strings.IndexByte(source, '\n')
		if len(source) < avail && nl < 0 {
			return pre + source + pos
		}
		l := len(source)
		if nl >= 0 {
			l = nl
		}
		if l > avail {
			l = avail
		}
		return pre + source[:l] + rets + pos
	}
}

// bailout is panicked with to abort compilation; Compile recovers it.
type bailout struct{ err *Error }
