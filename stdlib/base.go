package stdlib

import (
	"io"
	"os"
	"strings"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/lexer"
	"github.com/moonfuel/moonfuel/vm"
)

// The base library (Lua 5.3 §6.1).

// OpenBase registers the base functions as globals, with _G and _VERSION,
// and returns the global table.
func OpenBase(st *vm.State) *vm.Table {
	g := st.NewLib("_G", []vm.Reg{
		{Name: "print", Fn: basePrint},
		{Name: "type", Fn: baseType},
		{Name: "tostring", Fn: baseTostring},
		{Name: "tonumber", Fn: baseTonumber},
		{Name: "pairs", Fn: basePairs},
		{Name: "ipairs", Fn: baseIpairs},
		{Name: "select", Fn: baseSelect},
		{Name: "rawget", Fn: baseRawget},
		{Name: "rawset", Fn: baseRawset},
		{Name: "rawequal", Fn: baseRawequal},
		{Name: "rawlen", Fn: baseRawlen},
		{Name: "setmetatable", Fn: baseSetmetatable},
		{Name: "getmetatable", Fn: baseGetmetatable},
		{Name: "assert", Fn: baseAssert},
		{Name: "error", Fn: baseError},
		{Name: "load", Fn: baseLoad},
		{Name: "loadfile", Fn: baseLoadfile},
		{Name: "dofile", Fn: baseDofile},
		{Name: "collectgarbage", Fn: baseCollectgarbage},
	})
	g.SetField("pcall", vm.PcallFunction)
	g.SetField("xpcall", vm.XpcallFunction)
	g.SetField("next", nextFn) // the same value pairs returns, as in lua5.3
	g.SetField("_G", vm.TableValue(g))
	g.SetField("_VERSION", vm.StringValue("Lua 5.3"))
	return g
}

func basePrint(L *vm.Thread) int {
	n := L.NArgs()
	st := L.State()
	ts := st.GetGlobal("tostring")
	var b strings.Builder
	for i := 1; i <= n; i++ {
		var s string
		if isBuiltinTostring(ts) {
			s = L.ToStringMeta(L.Arg(i))
		} else {
			r := L.Call1(ts, L.Arg(i))
			var ok bool
			s, ok = L.ToString(r)
			if !ok {
				L.Errorf("'tostring' must return a string to 'print'")
			}
		}
		if i > 1 {
			b.WriteByte('\t')
		}
		b.WriteString(s)
	}
	b.WriteByte('\n')
	L.ChargeFuel(vm.ByteCost(b.Len()))
	w := st.Stdout()
	if w == nil {
		w = os.Stdout
	}
	io.WriteString(w, b.String())
	return 0
}

func isBuiltinTostring(v vm.Value) bool {
	g, _ := vm.GoFunctionName(v)
	return g == "tostring"
}

func baseType(L *vm.Thread) int {
	v := L.CheckAny(1)
	L.Push(vm.StringValue(v.TypeName()))
	return 1
}

func baseTostring(L *vm.Thread) int {
	v := L.CheckAny(1)
	if v.IsString() {
		L.Push(v)
		return 1
	}
	L.PushString(L.ToStringMeta(v))
	return 1
}

func baseTonumber(L *vm.Thread) int {
	if L.Arg(2).IsNil() {
		v := L.Arg(1)
		if v.IsNumber() {
			L.Push(v)
			return 1
		}
		if v.IsString() {
			if n, ok := L.ToNumber(v); ok {
				L.Push(n)
				return 1
			}
		}
		L.CheckAny(1)
		L.Push(vm.Nil)
		return 1
	}
	base := L.CheckInteger(2)
	L.CheckType(1, vm.TypeString)
	s := L.Arg(1).AsString()
	if base < 2 || base > 36 {
		L.ArgError(2, "base out of range")
	}
	L.ChargeFuel(vm.ByteCost(len(s)))
	if n, ok := strToIntBase(s, int(base)); ok {
		L.Push(vm.Int(n))
		return 1
	}
	L.Push(vm.Nil)
	return 1
}

// strToIntBase is lbaselib's l_str2int: the whole string must be an integer
// numeral in the given base, with optional spaces and sign; it wraps around.
func strToIntBase(s string, base int) (int64, bool) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == '\v' }
	isAlnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	} else if i < len(s) && s[i] == '+' {
		i++
	}
	if i >= len(s) || !isAlnum(s[i]) {
		return 0, false
	}
	var n uint64
	for i < len(s) && isAlnum(s[i]) {
		c := s[i]
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'z':
			d = int(c-'a') + 10
		default:
			d = int(c-'A') + 10
		}
		if d >= base {
			return 0, false
		}
		n = n*uint64(base) + uint64(d)
		i++
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i != len(s) {
		return 0, false
	}
	if neg {
		n = -n
	}
	return int64(n), true
}

var nextFn = vm.NewGoFunction("next", baseNext)

func basePairs(L *vm.Thread) int {
	v := L.CheckAny(1)
	if mt := L.GetMetatable(v); mt != nil {
		if h := mt.GetField("__pairs"); !h.IsNil() {
			L.Call(h, 3, v)
			return 3
		}
	}
	L.Push(nextFn)
	L.Push(v)
	L.Push(vm.Nil)
	return 3
}

func ipairsAux(L *vm.Thread) int {
	i := L.CheckInteger(2) + 1
	t := L.Arg(1)
	var v vm.Value
	if tt := t.AsTable(); tt != nil && tt.Metatable() == nil {
		v = tt.GetInt(i)
	} else {
		v = L.Index(t, vm.Int(i))
	}
	if v.IsNil() {
		L.Push(vm.Nil)
		return 1
	}
	L.Push(vm.Int(i))
	L.Push(v)
	return 2
}

var ipairsAuxFn = vm.NewGoFunction("ipairs_aux", ipairsAux)

func baseIpairs(L *vm.Thread) int {
	v := L.CheckAny(1)
	L.Push(ipairsAuxFn)
	L.Push(v)
	L.Push(vm.Int(0))
	return 3
}

func baseNext(L *vm.Thread) int {
	t := L.CheckTable(1)
	k, v, skipped, ok := t.NextSkip(L.Arg(2))
	L.ChargeFuel(vm.NextCost(skipped))
	if !ok {
		L.Error(vm.StringValue("invalid key to 'next'"))
	}
	if k.IsNil() {
		L.Push(vm.Nil)
		return 1
	}
	L.Push(k)
	L.Push(v)
	return 2
}

func baseSelect(L *vm.Thread) int {
	n := L.NArgs()
	if a := L.Arg(1); a.IsString() && strings.HasPrefix(a.AsString(), "#") {
		L.Push(vm.Int(int64(n - 1)))
		return 1
	}
	i := L.CheckInteger(1)
	if i < 0 {
		i = int64(n) + i
	} else if i > int64(n) {
		i = int64(n)
	}
	if i < 1 {
		L.ArgError(1, "index out of range")
	}
	L.ChargeFuel(int64(n-int(i)) * vm.CostPerElement)
	return n - int(i)
}

func baseRawget(L *vm.Thread) int {
	t := L.CheckTable(1)
	k := L.CheckAny(2)
	L.Push(t.Get(k))
	return 1
}

func baseRawset(L *vm.Thread) int {
	t := L.CheckTable(1)
	k := L.CheckAny(2)
	v := L.CheckAny(3)
	t.Set(k, v)
	L.Push(L.Arg(1))
	return 1
}

func baseRawequal(L *vm.Thread) int {
	a := L.CheckAny(1)
	b := L.CheckAny(2)
	L.Push(vm.Bool(vm.RawEqual(a, b)))
	return 1
}

func baseRawlen(L *vm.Thread) int {
	v := L.Arg(1)
	if t := v.AsTable(); t != nil {
		L.Push(vm.Int(t.Len()))
		return 1
	}
	if v.IsString() {
		L.Push(vm.Int(int64(len(v.AsString()))))
		return 1
	}
	L.ArgError(1, "table or string expected")
	return 0
}

func baseSetmetatable(L *vm.Thread) int {
	mtv := L.Arg(2)
	t := L.CheckTable(1)
	if L.NArgs() < 2 || (!mtv.IsNil() && mtv.AsTable() == nil) {
		L.ArgError(2, "nil or table expected")
	}
	if mt := t.Metatable(); mt != nil && !mt.RawMetatableField().IsNil() {
		L.Errorf("cannot change a protected metatable")
	}
	L.SetMetatable(L.Arg(1), mtv.AsTable()) // registers __gc finalizers
	L.Push(L.Arg(1))
	return 1
}

func baseGetmetatable(L *vm.Thread) int {
	v := L.CheckAny(1)
	mt := L.GetMetatable(v)
	if mt == nil {
		L.Push(vm.Nil)
		return 1
	}
	if p := mt.RawMetatableField(); !p.IsNil() {
		L.Push(p)
		return 1
	}
	L.Push(vm.TableValue(mt))
	return 1
}

func baseAssert(L *vm.Thread) int {
	if !L.Arg(1).IsFalsy() {
		return L.NArgs()
	}
	L.CheckAny(1)
	msg := L.Arg(2)
	if L.NArgs() < 2 {
		msg = vm.StringValue("assertion failed!")
	}
	if msg.IsString() {
		msg = L.NewString(L.Where(1) + msg.AsString())
	}
	L.Error(msg)
	return 0
}

func baseError(L *vm.Thread) int {
	level := L.OptInteger(2, 1)
	v := L.Arg(1)
	if v.IsString() && level > 0 {
		v = L.NewString(L.Where(int(level)) + v.AsString())
	}
	L.Error(v)
	return 0
}

// loadChunk compiles source under mode and pushes the function (with env
// as its first upvalue when given) or nil and the message.
func loadChunk(L *vm.Thread, source, chunkname, mode string, env *vm.Value) int {
	L.ChargeFuel(vm.CompileCost(len(source)))
	if len(source) > 0 && source[0] == 0x1b {
		if !strings.Contains(mode, "b") {
			return loadFail(L, "attempt to load a binary chunk (mode is '"+mode+"')")
		}
		p, err := vm.UndumpChunk(source, chunkname)
		if err != nil {
			return loadFail(L, err.Error())
		}
		return pushLoaded(L, p, env)
	}
	if !strings.Contains(mode, "t") {
		return loadFail(L, "attempt to load a text chunk (mode is '"+mode+"')")
	}
	p, err := vm.Compile(source, chunkname)
	if err != nil {
		return loadFail(L, err.Error())
	}
	return pushLoaded(L, p, env)
}

// pushLoaded pushes a loaded chunk's function, with env as its first
// upvalue when given.
func pushLoaded(L *vm.Thread, p *compiler.Proto, env *vm.Value) int {
	fn := L.State().Load(p)
	if env != nil {
		vm.SetUpvalue(fn, 0, *env)
	}
	L.Push(fn)
	return 1
}

func loadFail(L *vm.Thread, msg string) int {
	L.Push(vm.Nil)
	L.PushString(msg)
	return 2
}

func baseLoad(L *vm.Thread) int {
	chunk := L.Arg(1)
	mode := L.OptString(3, "bt")
	var env *vm.Value
	if L.NArgs() >= 4 {
		e := L.Arg(4)
		env = &e
	}
	if s, ok := L.ToString(chunk); ok {
		name := L.OptString(2, s)
		return loadChunk(L, s, name, mode, env)
	}
	name := L.OptString(2, "=(load)")
	L.CheckType(1, vm.TypeFunction)
	// read the pieces (errors in the reader are load errors)
	var b strings.Builder
	L.Push(chunk)
	fnIdx := L.NArgs()
	for {
		L.Push(L.Get(fnIdx))
		if err := L.PCall(0, 1); err != nil {
			return loadFail(L, vm.ErrorValueString(L, err))
		}
		piece := L.Get(-1)
		L.Pop(1)
		if piece.IsNil() {
			break
		}
		s, ok := L.ToString(piece)
		if !ok {
			return loadFail(L, L.Where(1)+"reader function must return a string")
		}
		if s == "" {
			break
		}
		L.ChargeString(b.Len() + len(s))
		b.WriteString(s)
	}
	return loadChunk(L, b.String(), name, mode, env)
}

// readSource reads a file (or standard input for "") for loadfile/dofile.
func readSource(L *vm.Thread, filename string) (string, string, string) {
	var data []byte
	var err error
	chunkname := "@" + filename
	if filename == "" {
		chunkname = "=stdin"
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(filename)
	}
	if err != nil {
		msg := err.Error()
		if pe, ok := err.(*os.PathError); ok {
			msg = pe.Err.Error()
			if len(msg) > 0 {
				msg = strings.ToUpper(msg[:1]) + msg[1:]
			}
		}
		what := "open"
		if filename == "" {
			filename = "stdin"
			what = "read"
		}
		return "", "", "cannot " + what + " " + filename + ": " + msg
	}
	L.ChargeString(len(data))
	src := lexer.SkipFileHeader(string(data))
	if strings.HasPrefix(strings.TrimPrefix(string(data), "\xEF\xBB\xBF"), "#") && strings.HasPrefix(src, "\n\x1b") {
		src = src[1:] // a binary chunk after a '#' line, as lua.c allows
	}
	return src, chunkname, ""
}

func baseLoadfile(L *vm.Thread) int {
	filename := L.OptString(1, "")
	mode := L.OptString(2, "bt")
	var env *vm.Value
	if L.NArgs() >= 3 {
		e := L.Arg(3)
		env = &e
	}
	src, name, msg := readSource(L, filename)
	if msg != "" {
		return loadFail(L, msg)
	}
	return loadChunk(L, src, name, mode, env)
}

func baseDofile(L *vm.Thread) int {
	filename := L.OptString(1, "")
	L.SetTop(1)
	src, name, msg := readSource(L, filename)
	if msg != "" {
		L.Error(L.NewString(msg))
	}
	if loadChunk(L, src, name, "bt", nil) != 1 {
		L.Error(L.Get(-1))
	}
	return L.TailCall(0) // yieldable, as lua_callk with dofilecont
}

var gcOptions = []string{"stop", "restart", "collect", "count", "step", "setpause", "setstepmul", "isrunning", "incremental", "generational"}

// baseCollectgarbage is collectgarbage over the state's collector (package
// gc paces it, vm/gcmark.go marks). "incremental" and "generational" (Lua
// 5.4's) are accepted and change nothing: collections are full marks.
func baseCollectgarbage(L *vm.Thread) int {
	opt := L.OptString(1, "collect")
	found := false
	for _, o := range gcOptions {
		if o == opt {
			found = true
		}
	}
	if !found {
		L.ArgError(1, "invalid option '"+opt+"'")
	}
	h := L.State().Heap()
	switch opt {
	case "count":
		L.Push(vm.Float(float64(h.InUse()) / 1024))
	case "step":
		L.Push(vm.Bool(L.StepGarbage(L.OptInteger(2, 0))))
	case "isrunning":
		L.Push(vm.Bool(h.IsRunning()))
	case "setpause":
		L.Push(vm.Int(h.SetPause(L.OptInteger(2, 0))))
	case "setstepmul":
		L.Push(vm.Int(h.SetStepMul(L.OptInteger(2, 0))))
	case "stop":
		h.Stop()
		L.Push(vm.Int(0))
	case "restart":
		h.Restart()
		L.Push(vm.Int(0))
	case "collect":
		L.CollectGarbage()
		L.Push(vm.Int(0))
	default:
		L.Push(vm.StringValue("incremental"))
	}
	return 1
}
