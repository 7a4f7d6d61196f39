package stdlib

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"unsafe"
	"weak"

	"github.com/moonfuel/moonfuel/internal/cerrno"
	"github.com/moonfuel/moonfuel/internal/cstdio"
	"github.com/moonfuel/moonfuel/internal/luanum"
	"github.com/moonfuel/moonfuel/vm"
)

// The io library (Lua 5.3 §6.8), over real files, pipes and the process's
// standard streams. File handles are full userdata whose metatable is
// registered as "FILE*" (luaL_newmetatable); results and errors follow
// liolib, with glibc's strerror texts and errno values.

// Registry keys.
const (
	ioFileHandle = "FILE*"     // metatable of file handles
	ioInputKey   = "_IO_input" // default input file
	ioOutputKey  = "_IO_output"
	ioLibKey     = "moonfuel.io" // userdata holding the state's *ioLib
)

// ioMaxArgLine bounds the formats io.lines may keep (MAXARGLINE).
const ioMaxArgLine = 250

// ioStream is the userdata payload of a file handle (liolib's LStream).
type ioStream struct {
	f      *cstdio.File
	closef func(L *vm.Thread, s *ioStream) int // nil once closed
	cmd    *exec.Cmd                           // popen streams
}

func (s *ioStream) closed() bool { return s.closef == nil }

// ioLib is a state's io library: the metatable and the open streams (so
// os.exit can flush them as C's exit does). Streams are held weakly: a
// handle the program drops is closed (and flushed) when Go collects it,
// if the state's own collector has not run its __gc first.
type ioLib struct {
	meta     *vm.Table
	open     map[weak.Pointer[ioStream]]struct{}
	lastSize int // size of open after the last sweep of dead entries
}

// OpenIO registers the io library, with io.stdout writing to the state's
// standard output (where print writes).
func OpenIO(st *vm.State) *vm.Table {
	lib := &ioLib{open: make(map[weak.Pointer[ioStream]]struct{})}
	L := st.MainThread()

	methods := st.NewTable(0, 8)
	for _, r := range []vm.Reg{
		{Name: "close", Fn: ioFClose},
		{Name: "flush", Fn: ioFFlush},
		{Name: "lines", Fn: lib.fLines},
		{Name: "read", Fn: ioFRead},
		{Name: "seek", Fn: ioFSeek},
		{Name: "setvbuf", Fn: ioFSetvbuf},
		{Name: "write", Fn: ioFWrite},
	} {
		// Methods are not reachable from package.loaded; like the
		// reference, errors outside a call site name them '?'.
		methods.Set(vm.StringValue(r.Name), vm.NewGoFunction("", r.Fn))
	}
	meta := st.NewTable(0, 4)
	meta.Set(vm.StringValue("__index"), vm.TableValue(methods))
	meta.Set(vm.StringValue("__name"), vm.StringValue(ioFileHandle))
	meta.Set(vm.StringValue("__gc"), vm.NewGoFunction("", ioGC))
	meta.Set(vm.StringValue("__tostring"), vm.NewGoFunction("", ioToString))
	lib.meta = meta
	reg := st.Registry()
	reg.Set(vm.StringValue(ioFileHandle), vm.TableValue(meta))
	reg.Set(vm.StringValue(ioLibKey), vm.UserdataValue(L.NewUserdata(lib)))

	t := st.NewLib("io", []vm.Reg{
		{Name: "close", Fn: ioClose},
		{Name: "flush", Fn: ioFlush},
		{Name: "input", Fn: func(L *vm.Thread) int { return lib.ioFile(L, ioInputKey, "r") }},
		{Name: "lines", Fn: lib.ioLines},
		{Name: "open", Fn: lib.ioOpen},
		{Name: "output", Fn: func(L *vm.Thread) int { return lib.ioFile(L, ioOutputKey, "w") }},
		{Name: "popen", Fn: lib.ioPopen},
		{Name: "read", Fn: ioRead},
		{Name: "tmpfile", Fn: lib.ioTmpfile},
		{Name: "type", Fn: ioType},
		{Name: "write", Fn: ioWrite},
	})

	stdin := lib.newStd(L, cstdio.New(os.Stdin, nil, os.Stdin, nil, cstdio.BufFull))
	so := ioStateStdout{st}
	stdout := lib.newStd(L, cstdio.New(nil, so, so, nil, cstdio.BufNone))
	stderr := lib.newStd(L, cstdio.New(nil, os.Stderr, os.Stderr, nil, cstdio.BufNone))
	t.Set(vm.StringValue("stdin"), stdin)
	t.Set(vm.StringValue("stdout"), stdout)
	t.Set(vm.StringValue("stderr"), stderr)
	reg.Set(vm.StringValue(ioInputKey), stdin)
	reg.Set(vm.StringValue(ioOutputKey), stdout)
	return t
}

// ioStateStdout writes where the state's print writes, following
// State.SetStdout; it seeks only when that is an operating-system file.
type ioStateStdout struct{ st *vm.State }

func (w ioStateStdout) Write(p []byte) (int, error) { return w.st.Stdout().Write(p) }

func (w ioStateStdout) Seek(offset int64, whence int) (int64, error) {
	if s, ok := w.st.Stdout().(io.Seeker); ok {
		return s.Seek(offset, whence)
	}
	return 0, syscall.ESPIPE
}

// newStream makes a file handle for f, closed by closef.
func (lib *ioLib) newStream(L *vm.Thread, f *cstdio.File, closef func(*vm.Thread, *ioStream) int) (vm.Value, *ioStream) {
	s := &ioStream{f: f, closef: closef}
	u := L.NewUserdata(s)
	v := vm.UserdataValue(u)
	L.SetMetatable(v, lib.meta)
	if len(lib.open) > 2*lib.lastSize+16 {
		for w := range lib.open {
			if w.Value() == nil {
				delete(lib.open, w)
			}
		}
		lib.lastSize = len(lib.open)
	}
	lib.open[weak.Make(s)] = struct{}{}
	if closef != nil {
		// f must not lead back to s (or the state): the standard
		// streams, which write through the state, get no cleanup.
		runtime.AddCleanup(s, ioCleanup, f)
	}
	return v, s
}

// ioCleanup closes the stream of a handle Go has collected.
func ioCleanup(f *cstdio.File) { f.Close() }

func (lib *ioLib) newStd(L *vm.Thread, f *cstdio.File) vm.Value {
	v, s := lib.newStream(L, f, nil)
	s.closef = ioNoClose
	return v
}

// ioLibOf returns the state's io library, or nil when it is not open.
func ioLibOf(L *vm.Thread) *ioLib {
	u := L.State().Registry().GetStr(ioLibKey).AsUserdata()
	if u == nil {
		return nil
	}
	lib, _ := u.Data.(*ioLib)
	return lib
}

// ioFlushAll flushes every open stream of the state (as C's exit does).
func ioFlushAll(L *vm.Thread) {
	if lib := ioLibOf(L); lib != nil {
		for w := range lib.open {
			if s := w.Value(); s != nil && !s.closed() {
				s.f.Flush()
			}
		}
	}
}

// ioFileResult pushes luaL_fileresult's results for an operation on the file
// fname: true, or nil, "fname: message", errno.
func ioFileResult(L *vm.Thread, err error, fname string) int {
	if err == nil {
		L.Push(vm.True)
		return 1
	}
	n, msg := cerrno.Describe(err)
	L.Push(vm.Nil)
	L.PushString(fname + ": " + msg)
	L.Push(vm.Int(int64(n)))
	return 3
}

// ioErrResult is luaL_fileresult without a file name: nil, message, errno.
func ioErrResult(L *vm.Thread, err error) int {
	if err == nil {
		L.Push(vm.True)
		return 1
	}
	n, msg := cerrno.Describe(err)
	L.Push(vm.Nil)
	L.PushString(msg)
	L.Push(vm.Int(int64(n)))
	return 3
}

// ioToStream is luaL_checkudata(L, i, "FILE*").
func ioToStream(L *vm.Thread, i int) *ioStream {
	v := L.Arg(i)
	if u := v.AsUserdata(); u != nil {
		if s, ok := u.Data.(*ioStream); ok && L.GetMetatable(v) == ioMetaOf(L) {
			return s
		}
	}
	L.TypeError(i, ioFileHandle)
	return nil
}

func ioMetaOf(L *vm.Thread) *vm.Table {
	return L.State().Registry().GetStr(ioFileHandle).AsTable()
}

// ioToFile is liolib's tofile: an open stream.
func ioToFile(L *vm.Thread, i int) *ioStream {
	s := ioToStream(L, i)
	if s.closed() {
		L.Errorf("attempt to use a closed file")
	}
	return s
}

// ioGetFile returns the default input or output stream.
func ioGetFile(L *vm.Thread, key string) (*ioStream, vm.Value) {
	v := L.State().Registry().GetStr(key)
	var s *ioStream
	if u := v.AsUserdata(); u != nil {
		s, _ = u.Data.(*ioStream)
	}
	if s == nil || s.closed() {
		L.Errorf("standard %s file is closed", strings.TrimPrefix(key, "_IO_"))
	}
	return s, v
}

// ---------------------------------------------------------------------------
// Opening and closing.

// ioCheckMode validates an ioFopen mode: [rwa]%+?b*.
func ioCheckMode(mode string) bool {
	if mode == "" || strings.IndexByte("rwa", mode[0]) < 0 {
		return false
	}
	mode = mode[1:]
	if strings.HasPrefix(mode, "+") {
		mode = mode[1:]
	}
	return strings.Trim(mode, "b") == ""
}

// ioCString truncates s at its first NUL, as C sees a string.
func ioCString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// ioFopen opens name with a checked C mode.
func ioFopen(name, mode string) (*cstdio.File, error) {
	plus := strings.Contains(mode, "+")
	var flag int
	switch mode[0] {
	case 'r':
		flag = os.O_RDONLY
		if plus {
			flag = os.O_RDWR
		}
	case 'w':
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if plus {
			flag = os.O_RDWR | os.O_CREATE | os.O_TRUNC
		}
	case 'a':
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		if plus {
			flag = os.O_RDWR | os.O_CREATE | os.O_APPEND
		}
	}
	f, err := os.OpenFile(ioCString(name), flag, 0o666)
	if err != nil {
		return nil, err
	}
	return cstdio.NewFile(f, mode[0] == 'r' || plus, mode[0] != 'r' || plus), nil
}

func ioFClose(L *vm.Thread) int {
	s := ioToFile(L, 1)
	return ioAuxClose(L, s)
}

func ioAuxClose(L *vm.Thread, s *ioStream) int {
	cf := s.closef
	s.closef = nil // mark the stream as closed
	return cf(L, s)
}

func ioNoClose(L *vm.Thread, s *ioStream) int {
	s.closef = ioNoClose // keep the file open
	L.Push(vm.Nil)
	L.PushString("cannot close standard file")
	return 2
}

func (lib *ioLib) fileClose(L *vm.Thread, s *ioStream) int {
	delete(lib.open, weak.Make(s))
	return ioErrResult(L, s.f.Close())
}

func (lib *ioLib) pipeClose(L *vm.Thread, s *ioStream) int {
	delete(lib.open, weak.Make(s))
	s.f.Close()
	return osExecResult(L, s.cmd.Wait())
}

func ioClose(L *vm.Thread) int {
	if L.NArgs() == 0 {
		L.Push(L.State().Registry().GetStr(ioOutputKey))
	}
	return ioFClose(L)
}

func ioGC(L *vm.Thread) int {
	// a file handle is required, as liolib's f_gc (tolstream) does
	if s := ioToStream(L, 1); !s.closed() {
		ioAuxClose(L, s)
	}
	return 0
}

func ioToString(L *vm.Thread) int {
	s := ioToStream(L, 1)
	if s.closed() {
		L.PushString("file (closed)")
	} else {
		L.PushString(fmt.Sprintf("file (%p)", s.f))
	}
	return 1
}

func (lib *ioLib) ioOpen(L *vm.Thread) int {
	name := L.CheckString(1)
	mode := L.OptString(2, "r")
	if !ioCheckMode(mode) {
		L.ArgError(2, "invalid mode")
	}
	f, err := ioFopen(name, mode)
	if err != nil {
		return ioFileResult(L, err, name)
	}
	v, _ := lib.newStream(L, f, lib.fileClose)
	L.Push(v)
	return 1
}

// openCheckFile opens name or raises "cannot open file".
func (lib *ioLib) openCheckFile(L *vm.Thread, name, mode string) vm.Value {
	f, err := ioFopen(name, mode)
	if err != nil {
		_, msg := cerrno.Describe(err)
		L.Errorf("cannot open file '%s' (%s)", name, msg)
	}
	v, _ := lib.newStream(L, f, lib.fileClose)
	return v
}

func (lib *ioLib) ioFile(L *vm.Thread, key, mode string) int {
	if !L.Arg(1).IsNil() {
		var v vm.Value
		if name, ok := L.ToString(L.Arg(1)); ok {
			v = lib.openCheckFile(L, name, mode)
		} else {
			ioToFile(L, 1)
			v = L.Arg(1)
		}
		L.State().Registry().Set(vm.StringValue(key), v)
	}
	L.Push(L.State().Registry().GetStr(key))
	return 1
}

func (lib *ioLib) ioPopen(L *vm.Thread) int {
	prog := L.CheckString(1)
	mode := L.OptString(2, "r")
	if mode != "r" && mode != "w" {
		L.ArgError(2, "invalid mode")
	}
	cmd := exec.Command("/bin/sh", "-c", ioCString(prog))
	cmd.Stderr = os.Stderr
	pr, pw, err := os.Pipe()
	if err != nil {
		return ioFileResult(L, err, prog)
	}
	var f *cstdio.File
	if mode == "r" {
		cmd.Stdin = os.Stdin
		cmd.Stdout = pw
		f = cstdio.New(pr, nil, nil, pr, cstdio.BufFull)
	} else {
		cmd.Stdin = pr
		cmd.Stdout = L.State().Stdout()
		f = cstdio.New(nil, pw, nil, pw, cstdio.BufFull)
	}
	ioFlushAll(L)
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return ioFileResult(L, err, prog)
	}
	// the child holds its end now
	if mode == "r" {
		pw.Close()
	} else {
		pr.Close()
	}
	v, s := lib.newStream(L, f, lib.pipeClose)
	s.cmd = cmd
	L.Push(v)
	return 1
}

func (lib *ioLib) ioTmpfile(L *vm.Thread) int {
	f, err := os.CreateTemp("", "lua_")
	if err != nil {
		return ioErrResult(L, err)
	}
	os.Remove(f.Name()) // deleted when closed, as tmpfile() does
	v, _ := lib.newStream(L, cstdio.NewFile(f, true, true), lib.fileClose)
	L.Push(v)
	return 1
}

func ioType(L *vm.Thread) int {
	L.CheckAny(1)
	v := L.Arg(1)
	var s *ioStream
	if u := v.AsUserdata(); u != nil && L.GetMetatable(v) == ioMetaOf(L) {
		s, _ = u.Data.(*ioStream)
	}
	switch {
	case s == nil:
		L.Push(vm.Nil)
	case s.closed():
		L.PushString("closed file")
	default:
		L.PushString("file")
	}
	return 1
}

// ---------------------------------------------------------------------------
// Lines.

// auxLines builds the iterator of io.lines and file:lines over the stream
// at argument 1, reading with the formats at arguments 2...
func (lib *ioLib) auxLines(L *vm.Thread, toclose bool) int {
	n := L.NArgs() - 1
	if n > ioMaxArgLine {
		L.ArgError(ioMaxArgLine+2, "too many arguments")
	}
	file := L.Arg(1)
	s := file.AsUserdata().Data.(*ioStream)
	formats := append([]vm.Value(nil), L.Args()[1:]...)
	iter := func(L *vm.Thread) int {
		if s.closed() {
			L.Errorf("file is already closed")
		}
		L.SetTop(1)
		L.Set(1, file)
		L.CheckStack(len(formats))
		for _, f := range formats {
			L.Push(f)
		}
		n := ioGRead(L, s, 2)
		first := L.Get(-n)
		if !first.IsFalsy() {
			return n
		}
		// first result is nil: end of file or error
		if n > 1 { // error information
			msg, _ := L.ToString(L.Get(-n + 1))
			L.Errorf("%s", msg)
		}
		if toclose {
			L.SetTop(0)
			ioAuxClose(L, s)
		}
		return 0
	}
	// The iterator holds the file and the formats: declare them to the
	// collector, so it neither finalizes the file nor frees the formats
	// while the iterator lives.
	L.Push(L.NewGoClosure("", iter, append([]vm.Value{file}, formats...)...))
	return 1
}

func (lib *ioLib) fLines(L *vm.Thread) int {
	ioToFile(L, 1)
	return lib.auxLines(L, false)
}

func (lib *ioLib) ioLines(L *vm.Thread) int {
	if L.NArgs() == 0 {
		L.Push(vm.Nil)
	}
	toclose := false
	if L.Arg(1).IsNil() { // no file name: the default input
		L.Set(1, L.State().Registry().GetStr(ioInputKey))
		ioToFile(L, 1)
	} else {
		name := L.CheckString(1)
		L.Set(1, lib.openCheckFile(L, name, "r"))
		toclose = true
	}
	return lib.auxLines(L, toclose)
}

// ---------------------------------------------------------------------------
// Reading.

// ioMaxLenNum is the longest numeral read accepts (L_MAXLENNUM).
const ioMaxLenNum = 200

// ioChunk is the unit in which unbounded reads grow (and are charged).
const ioChunk = 1 << 16

func ioRead(L *vm.Thread) int {
	s, _ := ioGetFile(L, ioInputKey)
	return ioGRead(L, s, 1)
}

func ioFRead(L *vm.Thread) int {
	return ioGRead(L, ioToFile(L, 1), 2)
}

// ioGRead reads with the formats at arguments first.. and pushes the results
// (liolib's g_read).
func ioGRead(L *vm.Thread, s *ioStream, first int) int {
	f := s.f
	nargs := L.NArgs() - first + 1
	f.ClearErr()
	var n int
	success := true
	if nargs == 0 {
		success = ioReadLine(L, f, true)
		n = first + 1
	} else {
		L.CheckStack(nargs + 20)
		for n = first; nargs > 0 && success; n, nargs = n+1, nargs-1 {
			if v := L.Arg(n); v.Type() == vm.TypeNumber {
				l := L.CheckInteger(n)
				if l == 0 {
					success = ioTestEOF(L, f)
				} else {
					success = ioReadChars(L, f, uint64(l))
				}
				continue
			}
			p := L.CheckString(n)
			p = strings.TrimPrefix(p, "*")
			var c byte
			if p != "" {
				c = p[0]
			}
			switch c {
			case 'n':
				success = ioReadNumber(L, f)
			case 'l':
				success = ioReadLine(L, f, true)
			case 'L':
				success = ioReadLine(L, f, false)
			case 'a':
				ioReadAll(L, f)
				success = true
			default:
				L.ArgError(n, "invalid format")
			}
		}
	}
	if err := f.Err(); err != nil {
		return ioErrResult(L, err)
	}
	if !success {
		L.Pop(1)
		L.Push(vm.Nil)
	}
	return n - first
}

func ioTestEOF(L *vm.Thread, f *cstdio.File) bool {
	c := f.Getc()
	f.Ungetc(c)
	L.Push(vm.StringValue(""))
	return c != cstdio.EOF
}

// ioPushBytes pushes the bytes read as a string. The bytes were charged
// chunk by chunk as they were read (ioChargeRead); the string takes them
// over without copying.
func ioPushBytes(L *vm.Thread, b []byte) {
	L.ChargeString(0) // the string header
	if len(b) == 0 {
		L.Push(vm.StringValue(""))
		return
	}
	L.Push(vm.StringValue(unsafe.String(&b[0], len(b))))
}

// ioChargeRead pays for n bytes just read: memory (at most one chunk is
// ever held before it is charged) and fuel.
func ioChargeRead(L *vm.Thread, n int) {
	L.ChargeMemory(int64(n))
	L.ChargeFuel(vm.ByteCost(n))
}

func ioReadLine(L *vm.Thread, f *cstdio.File, chop bool) bool {
	var buf []byte
	var nl bool
	for {
		before := len(buf)
		buf, nl = f.ReadLine(buf, !chop, ioChunk)
		ioChargeRead(L, len(buf)-before)
		if nl || len(buf)-before < ioChunk || f.Err() != nil || f.EOF() {
			break
		}
	}
	ioPushBytes(L, buf)
	return nl || len(buf) > 0
}

func ioReadAll(L *vm.Thread, f *cstdio.File) {
	var buf []byte
	for {
		before := len(buf)
		buf = f.Read(buf, ioChunk)
		ioChargeRead(L, len(buf)-before)
		if len(buf)-before < ioChunk {
			break
		}
	}
	ioPushBytes(L, buf)
}

func ioReadChars(L *vm.Thread, f *cstdio.File, n uint64) bool {
	var buf []byte
	for n > 0 {
		k := uint64(ioChunk)
		if n < k {
			k = n
		}
		before := len(buf)
		buf = f.Read(buf, int(k))
		got := len(buf) - before
		ioChargeRead(L, got)
		n -= uint64(got)
		if uint64(got) < k {
			break
		}
	}
	ioPushBytes(L, buf)
	return len(buf) > 0
}

// ioNumReader is liolib's RN: a numeral being read with one byte of
// look-ahead.
type ioNumReader struct {
	f   *cstdio.File
	c   int
	buf []byte
	bad bool
}

func (rn *ioNumReader) next() bool {
	if len(rn.buf) >= ioMaxLenNum {
		rn.bad = true
		return false
	}
	rn.buf = append(rn.buf, byte(rn.c))
	rn.c = rn.f.Getc()
	return true
}

func (rn *ioNumReader) test2(set string) bool {
	if rn.c == int(set[0]) || rn.c == int(set[1]) {
		return rn.next()
	}
	return false
}

func ioIsHexDigit(c int) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (rn *ioNumReader) readDigits(hex bool) int {
	count := 0
	for (hex && ioIsHexDigit(rn.c) || !hex && rn.c >= '0' && rn.c <= '9') && rn.next() {
		count++
	}
	return count
}

func ioReadNumber(L *vm.Thread, f *cstdio.File) bool {
	rn := &ioNumReader{f: f}
	for {
		rn.c = f.Getc()
		if !(rn.c == ' ' || rn.c >= '\t' && rn.c <= '\r') {
			break
		}
	}
	count := 0
	hex := false
	rn.test2("-+")
	if rn.test2("00") {
		if rn.test2("xX") {
			hex = true
		} else {
			count = 1
		}
	}
	count += rn.readDigits(hex)
	if rn.test2("..") {
		count += rn.readDigits(hex)
	}
	if count > 0 {
		exp := "eE"
		if hex {
			exp = "pP"
		}
		if rn.test2(exp) {
			rn.test2("-+")
			rn.readDigits(false)
		}
	}
	f.Ungetc(rn.c)
	L.ChargeFuel(vm.ByteCost(len(rn.buf)))
	if !rn.bad {
		if i, fl, isInt, ok := luanum.ParseNumber(string(rn.buf)); ok {
			if isInt {
				L.Push(vm.Int(i))
			} else {
				L.Push(vm.Float(fl))
			}
			return true
		}
	}
	L.Push(vm.Nil)
	return false
}

// ---------------------------------------------------------------------------
// Writing, seeking, buffering.

func ioWrite(L *vm.Thread) int {
	s, v := ioGetFile(L, ioOutputKey)
	return ioGWrite(L, s, v, 1)
}

func ioFWrite(L *vm.Thread) int {
	s := ioToFile(L, 1)
	return ioGWrite(L, s, L.Arg(1), 2)
}

func ioGWrite(L *vm.Thread, s *ioStream, file vm.Value, arg int) int {
	nargs := L.NArgs()
	var err error
	var buf []byte
	for ; arg <= nargs; arg++ {
		v := L.Arg(arg)
		buf = buf[:0]
		switch {
		case v.IsInt():
			buf = luanum.AppendInt(buf, v.AsInt())
		case v.IsFloat():
			buf = luanum.AppendG(buf, v.AsFloat(), 14, false)
		default:
			str := L.CheckString(arg)
			L.ChargeFuel(vm.ByteCost(len(str)))
			if err == nil {
				err = s.f.WriteString(str)
			}
			continue
		}
		if err == nil {
			err = s.f.Write(buf)
		}
	}
	if err != nil {
		return ioErrResult(L, err)
	}
	L.Push(file)
	return 1
}

func ioFlush(L *vm.Thread) int {
	s, _ := ioGetFile(L, ioOutputKey)
	return ioErrResult(L, s.f.Flush())
}

func ioFFlush(L *vm.Thread) int {
	return ioErrResult(L, ioToFile(L, 1).f.Flush())
}

// ioCheckOption is luaL_checkoption: argument i (or def when absent and def
// is not "") must be one of names; it returns the index.
func ioCheckOption(L *vm.Thread, i int, def string, names []string) int {
	var name string
	if def != "" {
		name = L.OptString(i, def)
	} else {
		name = L.CheckString(i)
	}
	for k, n := range names {
		if n == name {
			return k
		}
	}
	L.ArgError(i, "invalid option '"+name+"'")
	return 0
}

func ioFSeek(L *vm.Thread) int {
	s := ioToFile(L, 1)
	whence := ioCheckOption(L, 2, "cur", []string{"set", "cur", "end"})
	offset := L.OptInteger(3, 0)
	pos, err := s.f.Seek(offset, whence) // io.SeekStart/Current/End are 0/1/2
	if err != nil {
		return ioErrResult(L, err)
	}
	L.Push(vm.Int(pos))
	return 1
}

func ioFSetvbuf(L *vm.Thread) int {
	s := ioToFile(L, 1)
	modes := []int{cstdio.BufNone, cstdio.BufFull, cstdio.BufLine}
	op := ioCheckOption(L, 2, "", []string{"no", "full", "line"})
	size := L.OptInteger(3, 1024)
	if size < 0 || size > 1<<30 {
		return ioErrResult(L, syscall.EINVAL)
	}
	return ioErrResult(L, s.f.SetVBuf(modes[op], int(size)))
}
