package sandbox

import (
	"strings"
	"time"

	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

// Profile says which globals a sandbox has.
type Profile int

const (
	// Untrusted is the allowlist below: nothing in it reaches outside the
	// state. It is the default.
	Untrusted Profile = iota
	// Full opens every standard library (io, os, package, debug included)
	// plus the sandbox module, for trusted code. Limits still apply.
	Full
)

// This file is the untrusted profile: the complete list of what an
// untrusted script can reach. Anything not listed here is absent (nil), not
// a stub that fails when called. Library tables, the string metatable and
// the global table belong to one sandbox's state: a script changing them
// changes nothing another sandbox sees.

// untrustedGlobals are the base functions kept as they are.
var untrustedGlobals = []string{
	"assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
	"print", // writes to the host's Config.Stdout (discarded when nil)
	"rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable",
	"tonumber", "tostring", "type", "xpcall", "_G", "_VERSION",
	// replaced by sandbox versions (see below): load, collectgarbage
	"load", "collectgarbage",
	// libraries
	"string", "table", "math", "utf8", "coroutine", "os", "sandbox",
}

// untrustedLibs are the functions kept in each library table.
var untrustedLibs = map[string][]string{
	// no string.dump
	"string": {"byte", "char", "find", "format", "gmatch", "gsub", "len", "lower",
		"match", "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper"},
	"table": {"concat", "insert", "move", "pack", "remove", "sort", "unpack"},
	// math.random is seeded by the host (Config.Seed)
	"math": {"abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor",
		"fmod", "huge", "log", "max", "maxinteger", "min", "mininteger", "modf",
		"pi", "rad", "random", "randomseed", "sin", "sqrt", "tan", "tointeger",
		"type", "ult"},
	"utf8":      {"char", "charpattern", "codepoint", "codes", "len", "offset"},
	"coroutine": {"create", "isyieldable", "resume", "running", "status", "wrap", "yield"},
	// the clock is the host's (Config.Clock), virtual in deterministic mode
	"os": {"clock", "date", "difftime", "time"},
	// messages (Config) and host functions
	"sandbox": nil, // everything the package puts there
}

// openProfile opens the libraries of profile p in st.
func (s *Sandbox) openProfile(p Profile) {
	st := s.st
	clock := s.cfg.Clock
	if clock == nil {
		if s.cfg.Deterministic {
			clock = VirtualClock(st)
		} else {
			clock = realClock{start: time.Now()}
		}
	}
	osCfg := stdlib.OSConfig{Now: clock.Now, Clock: clock.Clock, Location: time.UTC}
	stdlib.OpenBase(st)
	if p == Full {
		stdlib.OpenPackage(st)
	}
	stdlib.OpenCoroutine(st)
	stdlib.OpenTable(st)
	if p == Full {
		stdlib.OpenIO(st)
		osCfg.Location = nil
	}
	stdlib.OpenOSWith(st, osCfg)
	stdlib.OpenString(st)
	stdlib.OpenMathSeeded(st, s.cfg.Seed)
	stdlib.OpenUTF8(st)
	s.openSandboxLib()
	if p == Full {
		return
	}
	// the allowlist
	g := st.Globals()
	removeExcept(g, keepGlobals)
	for lib, keep := range keepLibs {
		if t := g.GetField(lib).AsTable(); t != nil {
			removeExcept(t, keep)
		}
	}
	removeExcept(st.Loaded(), keepGlobals)
	g.SetField("load", vm.NewGoFunction("load", sandboxLoad))
	g.SetField("collectgarbage", vm.NewGoFunction("collectgarbage", sandboxCollectgarbage))
}

// keepGlobals and keepLibs are the allowlist as sets, built once.
var keepGlobals, keepLibs = allowSets()

func allowSets() (map[string]bool, map[string]map[string]bool) {
	set := func(names []string) map[string]bool {
		m := make(map[string]bool, len(names))
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	libs := make(map[string]map[string]bool, len(untrustedLibs))
	for lib, names := range untrustedLibs {
		if names != nil {
			libs[lib] = set(names)
		}
	}
	return set(untrustedGlobals), libs
}

// removeExcept removes the string keys of t that are not in keep.
func removeExcept(t *vm.Table, keep map[string]bool) {
	var drop []vm.Value
	k := vm.Nil
	for {
		nk, _, ok := t.Next(k)
		if !ok || nk.IsNil() {
			break
		}
		if !nk.IsString() || !keep[nk.AsString()] {
			drop = append(drop, nk)
		}
		k = nk
	}
	for _, k := range drop {
		t.Set(k, vm.Nil)
	}
}

// sandboxLoad is load for untrusted code: text chunks only, and only with
// an explicit environment (the fourth argument), so that a loaded chunk
// never sees the sandbox's globals by accident.
func sandboxLoad(L *vm.Thread) int {
	if L.NArgs() < 4 {
		L.Errorf("load: an explicit environment (4th argument) is required in the sandbox")
	}
	chunk := L.Arg(1)
	env := L.Arg(4)
	var src string
	if s, ok := L.ToString(chunk); ok {
		src = s
	} else {
		L.CheckType(1, vm.TypeFunction)
		var b strings.Builder
		for {
			L.Push(chunk)
			if err := L.PCall(0, 1); err != nil {
				L.Push(vm.Nil)
				L.PushString(vm.ErrorValueString(L, err))
				return 2
			}
			piece := L.Get(-1)
			L.Pop(1)
			ps, ok := L.ToString(piece)
			if piece.IsNil() || (ok && ps == "") {
				break
			}
			if !ok {
				L.Push(vm.Nil)
				L.PushString("reader function must return a string")
				return 2
			}
			L.ChargeString(b.Len() + len(ps))
			b.WriteString(ps)
		}
		src = b.String()
	}
	name := L.OptString(2, src)
	if L.Arg(2).IsNil() && !chunk.IsString() {
		name = "=(load)"
	}
	if mode := L.OptString(3, "t"); !strings.Contains(mode, "t") {
		L.Push(vm.Nil)
		L.PushString("attempt to load a text chunk (mode is '" + mode + "')")
		return 2
	}
	if len(src) > 0 && src[0] == 0x1b {
		L.Push(vm.Nil)
		L.PushString("attempt to load a binary chunk (binary chunks are refused in the sandbox)")
		return 2
	}
	// compiling costs time and memory in proportion to the source
	L.ChargeFuel(vm.CompileCost(len(src)))
	L.ChargeMemory(int64(len(src)) * 4)
	p, err := vm.Compile(src, name)
	if err != nil {
		L.Push(vm.Nil)
		L.PushString(err.Error())
		return 2
	}
	fn := L.State().Load(p)
	vm.SetUpvalue(fn, 0, env)
	L.Push(fn)
	return 1
}

// sandboxCollectgarbage accepts only "count": the collector's pacing is
// the host's business.
func sandboxCollectgarbage(L *vm.Thread) int {
	opt := L.OptString(1, "count")
	if opt != "count" {
		L.ArgError(1, "invalid option '"+opt+"' (only 'count' in the sandbox)")
	}
	used := L.State().Heap().InUse()
	L.Push(vm.Float(float64(used) / 1024))
	return 1
}

// Clock is the time source of os.time, os.date and os.clock.
type Clock interface {
	Now() time.Time
	Clock() float64 // processor seconds, for os.clock
}

// realClock is the wall clock; os.clock counts from the sandbox's creation
// (the process's processor time would tell about other sandboxes).
type realClock struct{ start time.Time }

func (realClock) Now() time.Time   { return time.Now() }
func (c realClock) Clock() float64 { return time.Since(c.start).Seconds() }

// VirtualEpoch is the time a virtual clock starts at.
var VirtualEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// VirtualClock returns a clock for deterministic runs: time advances one
// nanosecond per unit of fuel the state has used, from VirtualEpoch.
func VirtualClock(st *vm.State) Clock { return virtualClock{st} }

type virtualClock struct{ st *vm.State }

func (c virtualClock) Now() time.Time {
	return VirtualEpoch.Add(time.Duration(c.st.FuelUsed()))
}
func (c virtualClock) Clock() float64 { return float64(c.st.FuelUsed()) / 1e9 }
