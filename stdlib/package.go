package stdlib

import (
	"os"
	"strings"

	"github.com/moonfuel/moonfuel/internal/cerrno"
	"github.com/moonfuel/moonfuel/vm"
)

// The package library and require (Lua 5.3 §6.3). Lua modules are found
// along package.path and loaded from source; C modules cannot be loaded,
// so the C searchers report what they looked for and then fail with the
// reference's "dynamic libraries not enabled" message.

// Default search paths: those of Debian's lua5.3.
const (
	pkgPathDefault = "/usr/local/share/lua/5.3/?.lua;/usr/local/share/lua/5.3/?/init.lua;" +
		"/usr/local/lib/lua/5.3/?.lua;/usr/local/lib/lua/5.3/?/init.lua;" +
		"/usr/share/lua/5.3/?.lua;/usr/share/lua/5.3/?/init.lua;./?.lua;./?/init.lua"
	pkgCPathDefault = "/usr/local/lib/lua/5.3/?.so;/usr/lib/x86_64-linux-gnu/lua/5.3/?.so;" +
		"/usr/lib/lua/5.3/?.so;/usr/local/lib/lua/5.3/loadall.so;./?.so"
	pkgConfig = "/\n;\n?\n!\n-\n"
	// pkgDLMsg is the reference's message when dynamic libraries are absent.
	pkgDLMsg = "dynamic libraries not enabled; check your Lua installation"
)

// OpenPackage registers the package library and the global require. The
// paths come from LUA_PATH_5_3/LUA_PATH and LUA_CPATH_5_3/LUA_CPATH (";;"
// standing for the default) unless the registry field LUA_NOENV is true,
// as lua -E sets it.
func OpenPackage(st *vm.State) *vm.Table {
	pkg := st.NewLib("package", []vm.Reg{
		{Name: "loadlib", Fn: pkgLoadlib},
		{Name: "searchpath", Fn: pkgSearchpath},
	})
	L := st.MainThread()
	searchers := st.NewTable(4, 0)
	pv := vm.TableValue(pkg) // the searchers' upvalue, declared to the collector
	for i, s := range []vm.GoFunction{
		pkgSearcherPreload,
		func(L *vm.Thread) int { return pkgSearcherLua(L, pkg) },
		func(L *vm.Thread) int { return pkgSearcherC(L, pkg) },
		func(L *vm.Thread) int { return pkgSearcherCroot(L, pkg) },
	} {
		searchers.Set(vm.Int(int64(i+1)), L.NewGoClosure("", s, pv))
	}
	pkg.Set(vm.StringValue("searchers"), vm.TableValue(searchers))
	noenv := !st.Registry().GetStr("LUA_NOENV").IsFalsy()
	pkg.Set(vm.StringValue("path"), L.NewString(pkgEnvPath(noenv, "LUA_PATH_5_3", "LUA_PATH", pkgPathDefault)))
	pkg.Set(vm.StringValue("cpath"), L.NewString(pkgEnvPath(noenv, "LUA_CPATH_5_3", "LUA_CPATH", pkgCPathDefault)))
	pkg.Set(vm.StringValue("config"), vm.StringValue(pkgConfig))
	pkg.Set(vm.StringValue("loaded"), vm.TableValue(st.Loaded()))
	pkg.Set(vm.StringValue("preload"), vm.TableValue(pkgPreload(st)))
	st.SetGlobal("require", L.NewGoClosure("require", func(L *vm.Thread) int { return pkgRequire(L, pkg) }, pv))
	return pkg
}

// pkgPreload returns the registry's _PRELOAD table, creating it.
func pkgPreload(st *vm.State) *vm.Table {
	reg := st.Registry()
	if t := reg.GetStr("_PRELOAD").AsTable(); t != nil {
		return t
	}
	t := st.NewTable(0, 4)
	reg.Set(vm.StringValue("_PRELOAD"), vm.TableValue(t))
	return t
}

// pkgEnvPath computes a search path from the environment: the versioned
// variable, else the plain one, else def; ";;" in the variable stands for
// def.
func pkgEnvPath(noenv bool, env1, env2, def string) string {
	path, ok := os.LookupEnv(env1)
	if !ok {
		path, ok = os.LookupEnv(env2)
	}
	if !ok || noenv {
		return def
	}
	path = strings.ReplaceAll(path, ";;", ";\x01;")
	return strings.ReplaceAll(path, "\x01", def)
}

// pkgReadable reports whether ioFopen(name, "r") would succeed.
func pkgReadable(name string) bool {
	f, err := os.Open(ioCString(name))
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// pkgSearchPath looks for name along path; it returns the file found, or
// "" and the list of files tried ("\n\tno file '...'" each).
func pkgSearchPath(L *vm.Thread, name, path, sep, dirsep string) (string, string) {
	if sep != "" {
		name = strings.ReplaceAll(name, sep, dirsep)
	}
	var msg strings.Builder
	for _, template := range strings.Split(path, ";") {
		if template == "" {
			continue
		}
		filename := strings.ReplaceAll(template, "?", name)
		L.ChargeFuel(vm.ByteCost(len(filename)) + vm.CostCall)
		if pkgReadable(filename) {
			return filename, ""
		}
		msg.WriteString("\n\tno file '" + filename + "'")
	}
	return "", msg.String()
}

func pkgSearchpath(L *vm.Thread) int {
	// checked right to left, as the reference's C compiler evaluates them
	rep := L.OptString(4, "/")
	sep := L.OptString(3, ".")
	path := L.CheckString(2)
	name := L.CheckString(1)
	f, msg := pkgSearchPath(L, name, path, sep, rep)
	if f != "" {
		L.PushString(f)
		return 1
	}
	L.Push(vm.Nil)
	L.PushString(msg)
	return 2
}

func pkgLoadlib(L *vm.Thread) int {
	L.CheckString(1)
	L.CheckString(2)
	L.Push(vm.Nil)
	L.PushString(pkgDLMsg)
	L.PushString("absent")
	return 3
}

// pkgFindFile searches package[pname] for name.
func pkgFindFile(L *vm.Thread, pkg *vm.Table, name, pname string) (string, string) {
	path, ok := L.ToString(L.Index(vm.TableValue(pkg), vm.StringValue(pname)))
	if !ok {
		L.Errorf("'package.%s' must be a string", pname)
	}
	return pkgSearchPath(L, name, path, ".", "/")
}

func pkgSearcherPreload(L *vm.Thread) int {
	name := L.CheckString(1)
	v := L.Index(vm.TableValue(pkgPreload(L.State())), vm.StringValue(name))
	if v.IsNil() {
		L.PushString("\n\tno field package.preload['" + name + "']")
		return 1
	}
	L.Push(v)
	return 1
}

func pkgSearcherLua(L *vm.Thread, pkg *vm.Table) int {
	name := L.CheckString(1)
	filename, msg := pkgFindFile(L, pkg, name, "path")
	if filename == "" {
		L.PushString(msg)
		return 1
	}
	fn, err := pkgLoadFile(L, filename)
	if err != "" {
		L.Errorf("error loading module '%s' from file '%s':\n\t%s", name, filename, err)
	}
	L.Push(fn)
	L.PushString(filename)
	return 2
}

func pkgSearcherC(L *vm.Thread, pkg *vm.Table) int {
	name := L.CheckString(1)
	filename, msg := pkgFindFile(L, pkg, name, "cpath")
	if filename == "" {
		L.PushString(msg)
		return 1
	}
	L.Errorf("error loading module '%s' from file '%s':\n\t%s", name, filename, pkgDLMsg)
	return 0
}

func pkgSearcherCroot(L *vm.Thread, pkg *vm.Table) int {
	name := L.CheckString(1)
	dot := strings.IndexByte(name, '.')
	if dot < 0 {
		return 0 // a root name: the C searcher has looked already
	}
	filename, msg := pkgFindFile(L, pkg, name[:dot], "cpath")
	if filename == "" {
		L.PushString(msg)
		return 1
	}
	L.Errorf("error loading module '%s' from file '%s':\n\t%s", name, filename, pkgDLMsg)
	return 0
}

// pkgLoadFile loads a Lua source file as luaL_loadfile does (a UTF-8 BOM
// and a first line starting with '#' are skipped). It returns the function,
// or an error message.
func pkgLoadFile(L *vm.Thread, filename string) (vm.Value, string) {
	data, err := os.ReadFile(ioCString(filename))
	if err != nil {
		what := "read"
		if os.IsNotExist(err) || os.IsPermission(err) {
			what = "open"
		}
		_, msg := cerrno.Describe(err)
		return vm.Nil, "cannot " + what + " " + filename + ": " + msg
	}
	L.ChargeFuel(vm.ByteCost(len(data)))
	src := string(data)
	src = strings.TrimPrefix(src, "\xEF\xBB\xBF")
	if strings.HasPrefix(src, "#") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			src = "\n" + src[i+1:]
		} else {
			src = "\n"
		}
	}
	if strings.HasPrefix(src, "\x1bLua") {
		return vm.Nil, "attempt to load a binary chunk (mode is 't')"
	}
	fn, err := L.State().LoadString(src, "@"+filename)
	if err != nil {
		return vm.Nil, err.Error()
	}
	return fn, ""
}

func pkgRequire(L *vm.Thread, pkg *vm.Table) int {
	name := L.CheckString(1)
	L.SetTop(1)
	loaded := vm.TableValue(L.State().Loaded())
	key := vm.StringValue(name)
	if v := L.Index(loaded, key); !v.IsFalsy() {
		L.Push(v) // package is already loaded
		return 1
	}
	// find a loader
	searchers := L.Index(vm.TableValue(pkg), vm.StringValue("searchers")).AsTable()
	if searchers == nil {
		L.Errorf("'package.searchers' must be a table")
	}
	var msg strings.Builder
	var loader, extra vm.Value
	for i := int64(1); ; i++ {
		s := searchers.Get(vm.Int(i))
		if s.IsNil() {
			L.Errorf("module '%s' not found:%s", name, msg.String())
		}
		L.Call(s, 2, L.Arg(1))
		r1, r2 := L.Get(-2), L.Get(-1)
		L.Pop(2)
		if r1.IsFunction() {
			loader, extra = r1, r2
			break
		}
		if str, ok := L.ToString(r1); ok {
			msg.WriteString(str)
		}
	}
	r := L.Call1(loader, L.Arg(1), extra)
	if !r.IsNil() {
		L.SetIndex(loaded, key, r)
	}
	v := L.Index(loaded, key)
	if v.IsNil() { // module set no value
		v = vm.True
		L.SetIndex(loaded, key, v)
	}
	L.Push(v)
	return 1
}
