package vm

// Introspection API for the debug library and for tools: call-stack
// levels, function information, locals and upvalues (lua_getstack,
// lua_getinfo, lua_getlocal/setlocal, lua_getupvalue/setupvalue).

// DebugInfo describes a function, and when taken from a stack level, its
// activation (lua_Debug).
type DebugInfo struct {
	Source          string // chunk name ("=[C]" for Go functions)
	ShortSrc        string // display form of Source
	What            string // "Lua", "C" or "main"
	Name, NameWhat  string // how the caller named the function ("" when unknown)
	CurrentLine     int    // -1 when not available
	LineDefined     int
	LastLineDefined int
	NUps            int
	NParams         int
	IsVararg        bool
	IsTailCall      bool
	Func            Value
	// ActiveLines holds the lines with code (for Lua functions).
	ActiveLines []int
}

// frameAt returns the frame at the given level (0: the running function).
func (L *Thread) frameAt(level int) *callInfo {
	if level < 0 {
		return nil
	}
	ci := L.ci
	for ; level > 0 && ci != &L.baseCi; level-- {
		ci = ci.prev
	}
	if ci == &L.baseCi || level > 0 {
		return nil
	}
	return ci
}

// StackDepth returns the number of active frames of L.
func (L *Thread) StackDepth() int { return L.depth }

// GetInfo describes the function running at the given level of L's call
// stack (0 is the running function, 1 its caller...); ok is false when
// there is no such level.
func (L *Thread) GetInfo(level int) (info DebugInfo, ok bool) {
	ci := L.frameAt(level)
	if ci == nil {
		return info, false
	}
	var fn Value
	if ci.cl != nil {
		fn = refValue(unsafePointer(ci.cl), kindLuaFunction)
	} else if ci.gf != nil {
		fn = refValue(unsafePointer(ci.gf), kindGoFunction)
	} else {
		fn = L.stack[ci.fn]
	}
	info = FuncInfo(fn)
	if ci.cl != nil {
		info.CurrentLine = currentLine(ci)
	}
	info.IsTailCall = ci.flags&cistTail != 0
	info.Name, info.NameWhat = L.calledName(ci)
	if info.NameWhat == "" {
		info.Name = ""
	}
	return info, true
}

// FuncInfo describes a function value (no activation information).
func FuncInfo(fn Value) DebugInfo {
	info := DebugInfo{Func: fn, CurrentLine: -1}
	cl := fn.asClosure()
	if cl == nil {
		info.Source = "=[C]"
		info.ShortSrc = "[C]"
		info.What = "C"
		info.LineDefined = -1
		info.LastLineDefined = -1
		info.IsVararg = true
		if g := fn.asGoFunction(); g != nil {
			info.NUps = len(goUpvalues(g))
		}
		return info
	}
	p := cl.p
	info.Source = p.Source
	info.ShortSrc = chunkID(p.Source)
	info.LineDefined = p.LineDefined
	info.LastLineDefined = p.LastLineDefined
	if p.LineDefined == 0 {
		info.What = "main"
	} else {
		info.What = "Lua"
	}
	info.NUps = len(p.Upvalues)
	info.NParams = p.NumParams
	info.IsVararg = p.IsVararg
	seen := map[int32]bool{}
	for _, l := range p.LineInfo {
		if !seen[l] {
			seen[l] = true
			info.ActiveLines = append(info.ActiveLines, int(l))
		}
	}
	return info
}

// findLocal locates local n of the frame at level: its stack index and
// name ("" when there is none).
func (L *Thread) findLocal(level, n int) (int, string) {
	ci := L.frameAt(level)
	if ci == nil {
		return 0, ""
	}
	var base int
	name := ""
	if ci.cl != nil {
		if n < 0 {
			// varargs
			nva := ci.base - ci.fn - ci.cl.p.NumParams - 1
			if nva < 0 || -n > nva {
				return 0, ""
			}
			return ci.base - nva + (-n - 1), "(*vararg)"
		}
		base = ci.base
		name = localName(ci.cl.p, n, ci.pc-1)
	} else {
		base = ci.fn + 1
	}
	if name == "" {
		limit := L.top
		if ci != L.ci {
			limit = ci.next.fn
		}
		if limit-base >= n && n > 0 {
			name = "(*temporary)"
		} else {
			return 0, ""
		}
	}
	return base + n - 1, name
}

// GetLocal returns the name and value of local n (1-based; negative for
// varargs) of the function at the given level; "" when there is none.
func (L *Thread) GetLocal(level, n int) (string, Value) {
	idx, name := L.findLocal(level, n)
	if name == "" {
		return "", Nil
	}
	return name, L.stack[idx]
}

// SetLocal assigns local n of the function at level and returns its name
// ("" when there is none, and nothing is assigned).
func (L *Thread) SetLocal(level, n int, v Value) string {
	idx, name := L.findLocal(level, n)
	if name != "" {
		L.stack[idx] = v
	}
	return name
}

// ParamName returns the name of parameter n (1-based) of a Lua function
// value, or "".
func ParamName(fn Value, n int) string {
	cl := fn.asClosure()
	if cl == nil || n > cl.p.NumParams {
		return ""
	}
	return localName(cl.p, n, 0)
}

// UpvalueName returns the name of upvalue i (0-based) of fn: "" when out
// of range; Go functions have none.
func UpvalueName(fn Value, i int) string {
	cl := fn.asClosure()
	if cl == nil || i < 0 || i >= len(cl.upvals) {
		return ""
	}
	if n := cl.p.Upvalues[i].Name; n != "" {
		return n
	}
	return "(*no name)"
}

// UpvalueID returns an identity for upvalue i of fn (debug.upvalueid), or
// nil.
func UpvalueID(fn Value, i int) any {
	cl := fn.asClosure()
	if cl == nil || i < 0 || i >= len(cl.upvals) {
		return nil
	}
	return cl.upvals[i]
}

// UpvalueJoin makes upvalue i of f1 refer to upvalue j of f2
// (debug.upvaluejoin).
func UpvalueJoin(f1 Value, i int, f2 Value, j int) {
	c1, c2 := f1.asClosure(), f2.asClosure()
	if c1 == nil || c2 == nil || i < 0 || i >= len(c1.upvals) || j < 0 || j >= len(c2.upvals) {
		return
	}
	c1.upvals[i] = c2.upvals[j]
}

// Traceback returns luaL_traceback's text for L's stack from level on,
// preceded by msg when it is not empty.
func (L *Thread) Traceback(msg string, level int) string { return L.traceback(msg, level) }

// MetatableOf returns the metatable of any value (debug.getmetatable: no
// __metatable protection).
func (st *State) MetatableOf(v Value) *Table { return st.metatable(v) }

// goUpvalues returns the upvalues of a Go function as Lua sees them: the
// values a Go closure holds (NewGoClosure), or the coroutine of a
// coroutine.wrap function.
func goUpvalues(g *goFunction) []Value {
	if len(g.refs) > 0 {
		return g.refs
	}
	if g.special == spWrap {
		return []Value{g.up}
	}
	return nil
}

// UpvalueAt returns the name and value of upvalue n (1-based) of fn, as
// lua_getupvalue: a Lua function's upvalues have their names ("(*no
// name)" when the chunk was stripped), a Go function's are named "". ok
// is false when fn has no upvalue n.
func UpvalueAt(fn Value, n int) (name string, v Value, ok bool) {
	if cl := fn.asClosure(); cl != nil {
		if n < 1 || n > len(cl.upvals) {
			return "", Nil, false
		}
		return UpvalueName(fn, n-1), *cl.upvals[n-1].v, true
	}
	if g := fn.asGoFunction(); g != nil {
		ups := goUpvalues(g)
		if n < 1 || n > len(ups) {
			return "", Nil, false
		}
		return "", ups[n-1], true
	}
	return "", Nil, false
}

// SetUpvalueAt assigns upvalue n (1-based) of fn and returns its name, as
// lua_setupvalue; ok is false (and nothing is assigned) when fn has no
// upvalue n.
func SetUpvalueAt(fn Value, n int, v Value) (name string, ok bool) {
	if cl := fn.asClosure(); cl != nil {
		if n < 1 || n > len(cl.upvals) {
			return "", false
		}
		*cl.upvals[n-1].v = v
		return UpvalueName(fn, n-1), true
	}
	if g := fn.asGoFunction(); g != nil {
		if n < 1 || n > len(goUpvalues(g)) {
			return "", false
		}
		if len(g.refs) > 0 {
			g.refs[n-1] = v
		} else {
			g.up = v
		}
		return "", true
	}
	return "", false
}

// UpvalueIdentity returns a value identifying upvalue n (1-based) of fn
// (debug.upvalueid): the same userdata for every closure that shares the
// upvalue, Nil when fn has no upvalue n. The identities are kept for the
// state's lifetime.
func (L *Thread) UpvalueIdentity(fn Value, n int) Value {
	var key any
	if cl := fn.asClosure(); cl != nil {
		if n < 1 || n > len(cl.upvals) {
			return Nil
		}
		key = cl.upvals[n-1]
	} else if g := fn.asGoFunction(); g != nil {
		ups := goUpvalues(g)
		if n < 1 || n > len(ups) {
			return Nil
		}
		if len(g.refs) > 0 {
			key = &g.refs[n-1]
		} else {
			key = g
		}
	} else {
		return Nil
	}
	st := L.st
	if st.dbg == nil {
		st.dbg = &debugState{}
	}
	if st.dbg.ids == nil {
		st.dbg.ids = make(map[any]*Userdata)
	}
	u := st.dbg.ids[key]
	if u == nil {
		u = L.NewUserdata(upvalueIdentity{})
		st.dbg.ids[key] = u
	}
	return UserdataValue(u)
}

// upvalueIdentity is the Data of the userdata UpvalueIdentity returns.
type upvalueIdentity struct{}

// IsUpvalueIdentity reports whether u was made by UpvalueIdentity: it
// stands for Lua's light userdata (it has no user value, and argument
// errors call it "light userdata").
func (u *Userdata) IsUpvalueIdentity() bool {
	_, ok := u.Data.(upvalueIdentity)
	return ok
}

// UserValue returns the Lua value associated with u (lua_getuservalue).
func (u *Userdata) UserValue() Value { return u.user }

// SetUserValue associates v with u (lua_setuservalue).
func (u *Userdata) SetUserValue(v Value) { u.user = v }

// IsGoFunction reports whether v is a function written in Go.
func (v Value) IsGoFunction() bool { return v.kind() == kindGoFunction }
