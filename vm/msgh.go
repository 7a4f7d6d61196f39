package vm

// CallWithHandler is Call with a message handler, as lua_pcall's msgh:
// when fn raises a Lua error, handler is called with the error value on top
// of the stack where the error was raised, so that debug.traceback and
// debug.getinfo see the frames that failed, and its result becomes the
// value of the returned *LuaError. Unlike calling xpcall from the host, it
// leaves no frame of its own below fn: level 1 of a traceback made in the
// handler is the function that raised the error, and the bottom of the
// stack is the host's, as with lua.c's docall. Errors inside the handler
// call it again, up to Lua's limit ("error in error handling").
// Exhaustion errors (fuel, memory, cancellation) are returned as by Call,
// without calling the handler; a call paused for fuel and continued
// reports its later errors without the handler.
func (st *State) CallWithHandler(handler, fn Value, args ...Value) (results []Value, err error) {
	L := st.main
	if st.halted || st.paused || st.cur != L {
		st.reset()
	}
	base := L.top
	saved := L.ci
	defer func() {
		if r := recover(); r != nil {
			if le := st.toLuaError(r); le != nil {
				r = st.handleHostError(handler, le)
			}
			err = st.stopped(r, saved, base)
		}
	}()
	L.CheckStack(len(args) + 1)
	L.stack[L.top] = fn
	L.top++
	for _, a := range args {
		L.stack[L.top] = a
		L.top++
	}
	L.callFromGo(base, MultRet)
	results = append([]Value(nil), L.stack[base:L.top]...)
	clear(L.stack[base:L.top])
	L.top = base
	return results, nil
}

// handleHostError runs the host's message handler h for le on the running
// thread, whose stack is still the one that raised the error. It returns
// the error to report: le with the handler's value (and the default
// traceback), or what stopped the handler itself (exhaustion).
func (st *State) handleHostError(h Value, le *LuaError) (r any) {
	T := st.cur
	tb := le.Traceback
	if tb == "" {
		tb = T.traceback("", 0)
	}
	defer func() {
		if r2 := recover(); r2 != nil {
			r = r2
		}
	}()
	v := T.callHandler(h, le.Value)
	return &LuaError{Value: v, Traceback: tb}
}
