package stdlib

import (
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/moonfuel/moonfuel/vm"
)

// The debug library (Lua 5.3 manual §6.10), after ldblib.c: introspection
// of the call stack (getinfo, getlocal, setlocal, traceback), of functions
// (getupvalue, setupvalue, upvalueid, upvaluejoin), metatables of any
// type, user values, the registry, hooks (sethook, gethook) and the
// interactive debug.debug. Functions that take a thread as their optional
// first argument operate on that thread's stack.
//
// The library reaches into any state the script can see, so sandboxes
// leave it out.

// DebugConfig holds what debug.debug talks to.
type DebugConfig struct {
	// Stdin is where debug.debug reads its commands (os.Stdin when nil);
	// it is read one byte at a time, so that nothing after "cont" is
	// consumed.
	Stdin io.Reader
	// Stderr receives debug.debug's prompt and error messages (os.Stderr
	// when nil).
	Stderr io.Writer
}

// OpenDebug registers the debug library.
func OpenDebug(st *vm.State) *vm.Table { return OpenDebugWith(st, DebugConfig{}) }

// OpenDebugWith registers the debug library with debug.debug reading and
// writing where cfg says.
func OpenDebugWith(st *vm.State, cfg DebugConfig) *vm.Table {
	if cfg.Stdin == nil {
		cfg.Stdin = os.Stdin
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	return st.NewLib("debug", []vm.Reg{
		{Name: "debug", Fn: cfg.dbDebug},
		{Name: "getuservalue", Fn: dbGetUserValue},
		{Name: "gethook", Fn: dbGetHook},
		{Name: "getinfo", Fn: dbGetInfo},
		{Name: "getlocal", Fn: dbGetLocal},
		{Name: "getregistry", Fn: dbGetRegistry},
		{Name: "getmetatable", Fn: dbGetMetatable},
		{Name: "getupvalue", Fn: dbGetUpvalue},
		{Name: "upvaluejoin", Fn: dbUpvalueJoin},
		{Name: "upvalueid", Fn: dbUpvalueID},
		{Name: "setuservalue", Fn: dbSetUserValue},
		{Name: "sethook", Fn: dbSetHook},
		{Name: "setlocal", Fn: dbSetLocal},
		{Name: "setmetatable", Fn: dbSetMetatable},
		{Name: "setupvalue", Fn: dbSetUpvalue},
		{Name: "traceback", Fn: dbTraceback},
	})
}

// pushTable pushes t, or nil when t is nil.
func pushTable(L *vm.Thread, t *vm.Table) {
	if t == nil {
		L.Push(vm.Nil)
	} else {
		L.Push(vm.TableValue(t))
	}
}

// optThread is ldblib's getthread: when argument 1 is a thread the
// function operates on it and its other arguments start at 2 (arg is 1);
// otherwise on L (arg is 0).
func optThread(L *vm.Thread) (L1 *vm.Thread, arg int) {
	if co := L.Arg(1).AsThread(); co != nil {
		return co, 1
	}
	return L, 0
}

func dbGetRegistry(L *vm.Thread) int {
	L.Push(vm.TableValue(L.State().Registry()))
	return 1
}

func dbGetMetatable(L *vm.Thread) int {
	pushTable(L, L.State().MetatableOf(L.CheckAny(1)))
	return 1
}

func dbSetMetatable(L *vm.Thread) int {
	mt := L.Arg(2)
	if L.NArgs() < 2 || !mt.IsNil() && mt.AsTable() == nil {
		L.ArgError(2, "nil or table expected")
	}
	L.SetMetatable(L.Arg(1), mt.AsTable())
	L.SetTop(1)
	return 1
}

func dbGetUserValue(L *vm.Thread) int {
	if u := L.Arg(1).AsUserdata(); u != nil && !u.IsUpvalueIdentity() {
		L.Push(u.UserValue())
	} else {
		L.Push(vm.Nil)
	}
	return 1
}

func dbSetUserValue(L *vm.Thread) int {
	L.CheckType(1, vm.TypeUserdata)
	if L.Arg(1).AsUserdata().IsUpvalueIdentity() {
		// upvalue identities stand for light userdata
		L.ArgError(1, "userdata expected, got light userdata")
	}
	v := L.CheckAny(2)
	L.Arg(1).AsUserdata().SetUserValue(v)
	L.SetTop(1)
	return 1
}

// getInfoOptions are the option letters lua_getinfo accepts.
const getInfoOptions = "SlnutfL"

func dbGetInfo(L *vm.Thread) int {
	L1, arg := optThread(L)
	opts := L.OptString(arg+2, "flnStu")
	var info vm.DebugInfo
	if f := L.Arg(arg + 1); f.IsFunction() {
		info = vm.FuncInfo(f)
	} else {
		level := L.CheckInteger(arg + 1)
		var ok bool
		if level >= 0 && level <= int64(L1.StackDepth()) {
			info, ok = L1.GetInfo(int(level))
		}
		if !ok {
			L.Push(vm.Nil)
			return 1
		}
	}
	for i := 0; i < len(opts); i++ {
		if strings.IndexByte(getInfoOptions, opts[i]) < 0 {
			L.ArgError(arg+2, "invalid option")
		}
	}
	t := L.NewTable(0, 16)
	str := func(k, v string) { t.SetField(k, L.NewString(v)) }
	has := func(c byte) bool { return strings.IndexByte(opts, c) >= 0 }
	if has('S') {
		str("source", info.Source)
		str("short_src", info.ShortSrc)
		t.SetField("linedefined", vm.Int(int64(info.LineDefined)))
		t.SetField("lastlinedefined", vm.Int(int64(info.LastLineDefined)))
		str("what", info.What)
	}
	if has('l') {
		t.SetField("currentline", vm.Int(int64(info.CurrentLine)))
	}
	if has('u') {
		t.SetField("nups", vm.Int(int64(info.NUps)))
		t.SetField("nparams", vm.Int(int64(info.NParams)))
		t.SetField("isvararg", vm.Bool(info.IsVararg))
	}
	if has('n') {
		if info.NameWhat != "" {
			str("name", info.Name)
		}
		str("namewhat", info.NameWhat)
	}
	if has('t') {
		t.SetField("istailcall", vm.Bool(info.IsTailCall))
	}
	if has('L') {
		if info.What == "C" {
			t.SetField("activelines", vm.Nil)
		} else {
			lines := L.NewTable(0, len(info.ActiveLines))
			for _, l := range info.ActiveLines {
				lines.Set(vm.Int(int64(l)), vm.True)
			}
			t.SetField("activelines", vm.TableValue(lines))
		}
	}
	if has('f') {
		t.SetField("func", info.Func)
	}
	L.Push(vm.TableValue(t))
	return 1
}

// checkLevel checks that argument i is a level of L1's stack.
func checkLevel(L, L1 *vm.Thread, i int) int {
	level := L.CheckInteger(i)
	if level < 0 || level > int64(L1.StackDepth()) {
		L.ArgError(i, "level out of range")
	}
	if _, ok := L1.GetInfo(int(level)); !ok {
		L.ArgError(i, "level out of range")
	}
	return int(level)
}

func dbGetLocal(L *vm.Thread) int {
	L1, arg := optThread(L)
	n := int(L.CheckInteger(arg + 2))
	if f := L.Arg(arg + 1); f.IsFunction() {
		// parameter names of a function (no value)
		if name := vm.ParamName(f, n); name != "" {
			L.PushString(name)
		} else {
			L.Push(vm.Nil)
		}
		return 1
	}
	level := checkLevel(L, L1, arg+1)
	name, v := L1.GetLocal(level, n)
	if name == "" {
		L.Push(vm.Nil)
		return 1
	}
	L.PushString(name)
	L.Push(v)
	return 2
}

func dbSetLocal(L *vm.Thread) int {
	L1, arg := optThread(L)
	level := checkLevel(L, L1, arg+1)
	n := int(L.CheckInteger(arg + 2))
	v := L.CheckAny(arg + 3)
	L.SetTop(arg + 3)
	if name := L1.SetLocal(level, n, v); name != "" {
		L.PushString(name)
	} else {
		L.Push(vm.Nil)
	}
	return 1
}

func dbGetUpvalue(L *vm.Thread) int {
	n := int(L.CheckInteger(2))
	L.CheckType(1, vm.TypeFunction)
	name, v, ok := vm.UpvalueAt(L.Arg(1), n)
	if !ok {
		return 0
	}
	L.PushString(name)
	L.Push(v)
	return 2
}

func dbSetUpvalue(L *vm.Thread) int {
	v := L.CheckAny(3)
	n := int(L.CheckInteger(2))
	L.CheckType(1, vm.TypeFunction)
	name, ok := vm.SetUpvalueAt(L.Arg(1), n, v)
	if !ok {
		return 0
	}
	L.PushString(name)
	return 1
}

// checkUpvalue checks that argument argf is a function with an upvalue
// whose index is argument argn, and returns the index.
func checkUpvalue(L *vm.Thread, argf, argn int) int {
	n := int(L.CheckInteger(argn))
	L.CheckType(argf, vm.TypeFunction)
	if _, _, ok := vm.UpvalueAt(L.Arg(argf), n); !ok {
		L.ArgError(argn, "invalid upvalue index")
	}
	return n
}

func dbUpvalueID(L *vm.Thread) int {
	n := checkUpvalue(L, 1, 2)
	L.Push(L.UpvalueIdentity(L.Arg(1), n))
	return 1
}

func dbUpvalueJoin(L *vm.Thread) int {
	n1 := checkUpvalue(L, 1, 2)
	n2 := checkUpvalue(L, 3, 4)
	if L.Arg(1).IsGoFunction() {
		L.ArgError(1, "Lua function expected")
	}
	if L.Arg(3).IsGoFunction() {
		L.ArgError(3, "Lua function expected")
	}
	vm.UpvalueJoin(L.Arg(1), n1-1, L.Arg(3), n2-1)
	return 0
}

// hookKey is the registry field holding the table of Lua hook functions
// by thread (weak keys), as ldblib's HOOKKEY.
const hookKey = "_HOOKKEY"

// hookNames maps the Lua hook functions' events to their names.
var hookNames = [...]vm.Value{
	vm.HookCall:     vm.StringValue("call"),
	vm.HookReturn:   vm.StringValue("return"),
	vm.HookLine:     vm.StringValue("line"),
	vm.HookCount:    vm.StringValue("count"),
	vm.HookTailCall: vm.StringValue("tail call"),
}

// luaHook is the Go hook behind debug.sethook (ldblib's hookf): it calls
// the thread's Lua hook function with the event's name and the line.
func luaHook(L *vm.Thread, ev vm.HookEvent, line int) {
	ht := L.State().Registry().GetField(hookKey).AsTable()
	if ht == nil {
		return
	}
	fn := ht.Get(vm.ThreadValue(L))
	if !fn.IsFunction() {
		return
	}
	lv := vm.Nil
	if line >= 0 {
		lv = vm.Int(int64(line))
	}
	L.Call(fn, 0, hookNames[ev], lv)
}

// isLuaHook reports whether h is luaHook.
func isLuaHook(h vm.HookFunc) bool {
	return reflect.ValueOf(h).Pointer() == reflect.ValueOf(vm.HookFunc(luaHook)).Pointer()
}

func dbSetHook(L *vm.Thread) int {
	L1, arg := optThread(L)
	var fn vm.HookFunc
	mask, count := 0, 0
	if L.Arg(arg + 1).IsNil() {
		L.SetTop(arg + 1)
	} else {
		smask := L.CheckString(arg + 2)
		L.CheckType(arg+1, vm.TypeFunction)
		count = int(L.OptInteger(arg+3, 0))
		fn = luaHook
		if strings.IndexByte(smask, 'c') >= 0 {
			mask |= vm.MaskCall
		}
		if strings.IndexByte(smask, 'r') >= 0 {
			mask |= vm.MaskReturn
		}
		if strings.IndexByte(smask, 'l') >= 0 {
			mask |= vm.MaskLine
		}
		if count > 0 {
			mask |= vm.MaskCount
		}
	}
	reg := L.State().Registry()
	ht := reg.GetField(hookKey).AsTable()
	if ht == nil {
		ht = L.NewTable(0, 2)
		reg.SetField(hookKey, vm.TableValue(ht))
		ht.SetField("__mode", vm.StringValue("k"))
		L.SetMetatable(vm.TableValue(ht), ht)
	}
	ht.Set(vm.ThreadValue(L1), L.Arg(arg+1))
	L1.SetHook(fn, mask, count)
	return 0
}

func dbGetHook(L *vm.Thread) int {
	L1, _ := optThread(L)
	fn, mask, count := L1.Hook()
	switch {
	case fn == nil:
		L.Push(vm.Nil)
	case !isLuaHook(fn):
		L.Push(vm.StringValue("external hook"))
	default:
		v := vm.Nil
		if ht := L.State().Registry().GetField(hookKey).AsTable(); ht != nil {
			v = ht.Get(vm.ThreadValue(L1))
		}
		L.Push(v)
	}
	var smask []byte
	if mask&vm.MaskCall != 0 {
		smask = append(smask, 'c')
	}
	if mask&vm.MaskReturn != 0 {
		smask = append(smask, 'r')
	}
	if mask&vm.MaskLine != 0 {
		smask = append(smask, 'l')
	}
	L.PushString(string(smask))
	L.Push(vm.Int(int64(count)))
	return 3
}

func dbTraceback(L *vm.Thread) int {
	L1, arg := optThread(L)
	mv := L.Arg(arg + 1)
	msg, isStr := L.ToString(mv)
	if !isStr && !mv.IsNil() {
		// a non-string message is returned untouched
		L.Push(mv)
		return 1
	}
	def := int64(0)
	if L1 == L {
		def = 1
	}
	level := L.OptInteger(arg+2, def)
	tb := "stack traceback:"
	if level >= 0 && level <= int64(L1.StackDepth())+1 {
		tb = L1.Traceback("", int(level))
	}
	if isStr {
		tb = msg + "\n" + tb
	}
	L.PushString(tb)
	return 1
}

// dbDebug is debug.debug: it runs the lines read from the configured
// input as chunks until a line "cont" or the end of the input.
func (cfg DebugConfig) dbDebug(L *vm.Thread) int {
	st := L.State()
	for {
		io.WriteString(cfg.Stderr, "lua_debug> ")
		line, ok := debugReadLine(cfg.Stdin)
		if !ok || line == "cont\n" {
			return 0
		}
		fn, err := st.LoadString(line, "=(debug command)")
		if err == nil {
			L.Push(fn)
			err = L.PCall(0, 0)
		}
		if err != nil {
			io.WriteString(cfg.Stderr, vm.ErrorValueString(L, err)+"\n")
		}
	}
}

// debugReadLine reads one line, with its newline, a byte at a time (as fgets
// with Lua's 250-byte buffer: a longer line comes in pieces); ok is false
// at the end of the input with nothing read.
func debugReadLine(r io.Reader) (string, bool) {
	var b []byte
	var c [1]byte
	for len(b) < 249 {
		n, err := r.Read(c[:])
		if n == 1 {
			b = append(b, c[0])
			if c[0] == '\n' {
				break
			}
			continue
		}
		if err != nil {
			break
		}
	}
	return string(b), len(b) > 0
}
