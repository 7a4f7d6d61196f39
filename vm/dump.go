package vm

import (
	"errors"

	"github.com/moonfuel/moonfuel/compiler"
)

// Binary chunks (string.dump and load in mode "b") use Lua 5.3's format,
// written and read by the compiler package (compiler.Dump and
// compiler.Undump): luac5.3's output loads here and moonfuel's dumps load in
// lua5.3. Undumped chunks pass compiler.Verify, so a crafted chunk cannot
// make the VM index out of range.

// DumpFunction serialises a Lua function's prototype (string.dump); strip
// drops debug information. Go functions cannot be dumped.
func DumpFunction(fn Value, strip bool) ([]byte, error) {
	p := fn.Proto()
	if p == nil {
		return nil, errors.New("unable to dump given function")
	}
	return compiler.Dump(p, strip), nil
}

// IsBinaryChunk reports whether a chunk is precompiled (starts with ESC).
func IsBinaryChunk(s string) bool { return len(s) > 0 && s[0] == compiler.Header[0] }

// UndumpChunk decodes a binary chunk; chunkname names the chunk in the
// message of a malformed one, as lua5.3 does ("name: truncated precompiled
// chunk").
func UndumpChunk(data, chunkname string) (*compiler.Proto, error) {
	return compiler.Undump([]byte(data), chunkname)
}
