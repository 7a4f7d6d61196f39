package vm

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/moonfuel/moonfuel/internal/luanum"
)

// This file is the API that Go builtins (the standard library, the sandbox,
// embedders) are written against. The conventions follow Lua's C API:
//
//   - A builtin is a GoFunction. It reads its arguments from its stack window
//     (Arg, NArgs, Get), pushes its results (Push) and returns how many it
//     pushed. Calling a builtin allocates nothing.
//   - Errors are raised by panicking through the helpers here (Errorf,
//     Error, ArgError, TypeError and the Check functions); the dispatch loop
//     turns them into Lua errors that pcall can catch. Never recover them in
//     a builtin.
//   - Work that is not O(1) is paid for with ChargeFuel, memory with the
//     charging constructors (NewString, NewTable...) or ChargeMemory before
//     building a large object. Costs are defined in cost.go.

// GoFunction is a builtin written in Go. It returns the number of results it
// pushed on the stack (the topmost ones).
type GoFunction func(L *Thread) int

// MultRet asks Call/CallStack for all the results.
const MultRet = -1

// NewGoFunction wraps fn as a Lua function value. name is used in error
// messages when the call site gives no name ("bad argument #1 to 'name'")
// and in tracebacks; use the qualified global name ("string.rep").
func NewGoFunction(name string, fn GoFunction) Value {
	return refValue(unsafe.Pointer(&goFunction{fn: fn, name: name}), kindGoFunction)
}

// NewGoFunction wraps fn as a function value, charging the state's heap
// (use for functions created at run time, such as closures over Go state).
func (L *Thread) NewGoFunction(name string, fn GoFunction) Value {
	L.st.charge(sizeGoFunction)
	return refValue(unsafe.Pointer(&goFunction{fn: fn, name: name, dyn: true}), kindGoFunction)
}

// State returns the thread's state.
func (L *Thread) State() *State { return L.st }

// ---------------------------------------------------------------------------
// The stack window of the running Go function.

// NArgs returns the number of arguments the running builtin received
// (more precisely: the number of values in its window, which grows as it
// pushes).
func (L *Thread) NArgs() int { return L.top - L.ci.base }

// Top is the same as NArgs: the number of values in the window.
func (L *Thread) Top() int { return L.top - L.ci.base }

// Arg returns argument i (1-based), or Nil when absent.
func (L *Thread) Arg(i int) Value {
	j := L.ci.base + i - 1
	if i <= 0 || j >= L.top {
		return Nil
	}
	return L.stack[j]
}

// Args returns the window as a slice of the stack. It is valid only until the
// next push or call.
func (L *Thread) Args() []Value { return L.stack[L.ci.base:L.top] }

// Get returns the value at window index i: 1-based from the bottom, or
// negative from the top (-1 is the topmost value). Nil when out of range.
func (L *Thread) Get(i int) Value {
	j := L.absIndex(i)
	if j < L.ci.base || j >= L.top {
		return Nil
	}
	return L.stack[j]
}

// Set replaces the value at window index i (see Get), which must exist.
func (L *Thread) Set(i int, v Value) {
	j := L.absIndex(i)
	if j < L.ci.base || j >= L.top {
		panic("vm: Set: index out of the window")
	}
	L.stack[j] = v
}

func (L *Thread) absIndex(i int) int {
	if i > 0 {
		return L.ci.base + i - 1
	}
	return L.top + i
}

// Push pushes v on the stack.
func (L *Thread) Push(v Value) {
	if L.top >= len(L.stack) {
		L.growStack(1)
	}
	L.stack[L.top] = v
	L.top++
}

// PushString pushes a new string (charged).
func (L *Thread) PushString(s string) { L.Push(L.NewString(s)) }

// Pop removes n values from the top of the stack.
func (L *Thread) Pop(n int) {
	for ; n > 0 && L.top > L.ci.base; n-- {
		L.top--
		L.stack[L.top] = Nil
	}
}

// SetTop sets the window's size to n values, dropping values or adding nils.
func (L *Thread) SetTop(n int) {
	nt := L.ci.base + n
	if nt > len(L.stack) {
		L.growStack(nt - L.top)
	}
	for L.top < nt {
		L.stack[L.top] = Nil
		L.top++
	}
	for L.top > nt {
		L.top--
		L.stack[L.top] = Nil
	}
}

// TryCheckStack makes room for n more values like CheckStack, but reports
// false instead of raising an error when the stack would pass its limit
// (lua_checkstack).
func (L *Thread) TryCheckStack(n int) bool {
	if n < 0 || L.top+n > L.st.maxStack {
		return false
	}
	L.CheckStack(n)
	return true
}

// CheckStack makes sure n more values can be pushed without reallocation,
// raising "stack overflow" beyond the stack limit.
func (L *Thread) CheckStack(n int) {
	if L.top+n > len(L.stack) {
		L.growStack(n)
	}
}

// ---------------------------------------------------------------------------
// Argument checkers (luaL_check*). They raise Lua's messages.

// CheckAny raises "value expected" when argument i is absent.
func (L *Thread) CheckAny(i int) Value {
	if L.ci.base+i-1 >= L.top {
		L.ArgError(i, "value expected")
	}
	return L.Arg(i)
}

// CheckInteger returns argument i as an integer: integers, floats with an
// exact integer value and strings convertible to one are accepted.
func (L *Thread) CheckInteger(i int) int64 {
	v := L.Arg(i)
	if v.IsInt() {
		return v.AsInt()
	}
	if n, ok := toInteger(v); ok {
		return n
	}
	if _, ok := toNumber(v); ok {
		L.ArgError(i, "number has no integer representation")
	}
	L.TypeError(i, "number")
	return 0
}

// CheckNumber returns argument i as a float64 (strings are converted).
func (L *Thread) CheckNumber(i int) float64 {
	v := L.Arg(i)
	if v.IsFloat() {
		return v.AsFloat()
	}
	n, ok := toNumber(v)
	if !ok {
		L.TypeError(i, "number")
	}
	return numToFloat(n)
}

// CheckNumberValue returns argument i as a number Value, keeping integers
// and floats apart (strings are converted).
func (L *Thread) CheckNumberValue(i int) Value {
	n, ok := toNumber(L.Arg(i))
	if !ok {
		L.TypeError(i, "number")
	}
	return n
}

// CheckString returns argument i as a string; numbers are converted (and the
// argument slot replaced by the string, as Lua does).
func (L *Thread) CheckString(i int) string {
	v := L.Arg(i)
	if v.IsString() {
		return v.AsString()
	}
	if v.IsNumber() {
		s := L.NewString(numberToString(v))
		L.stack[L.ci.base+i-1] = s
		return s.AsString()
	}
	L.TypeError(i, "string")
	return ""
}

// CheckTable returns argument i, which must be a table.
func (L *Thread) CheckTable(i int) *Table {
	t := L.Arg(i).AsTable()
	if t == nil {
		L.TypeError(i, "table")
	}
	return t
}

// CheckType raises a type error unless argument i has type t.
func (L *Thread) CheckType(i int, t Type) {
	if L.Arg(i).Type() != t || (t == TypeNil && L.ci.base+i-1 >= L.top) {
		L.TypeError(i, t.String())
	}
}

// OptInteger returns argument i as an integer, or def when it is nil or absent.
func (L *Thread) OptInteger(i int, def int64) int64 {
	if L.Arg(i).IsNil() {
		return def
	}
	return L.CheckInteger(i)
}

// OptNumber returns argument i as a float, or def when it is nil or absent.
func (L *Thread) OptNumber(i int, def float64) float64 {
	if L.Arg(i).IsNil() {
		return def
	}
	return L.CheckNumber(i)
}

// OptString returns argument i as a string, or def when it is nil or absent.
func (L *Thread) OptString(i int, def string) string {
	if L.Arg(i).IsNil() {
		return def
	}
	return L.CheckString(i)
}

// ArgError raises "bad argument #i to 'name' (msg)" (luaL_argerror),
// naming the function as its call site does.
func (L *Thread) ArgError(i int, msg string) {
	name, what := L.calledName(L.ci)
	if what == "method" {
		i--
		if i == 0 {
			L.Errorf("calling '%s' on bad self (%s)", name, msg)
		}
	}
	if name == "" {
		name = "?"
		if L.ci.gf != nil && L.ci.gf.name != "" {
			name = L.ci.gf.name
		}
	}
	L.Errorf("bad argument #%d to '%s' (%s)", i, name, msg)
}

// TypeError raises "bad argument #i to 'f' (expected expected, got type)".
func (L *Thread) TypeError(i int, expected string) {
	var got string
	if L.ci.base+i-1 >= L.top {
		got = "no value"
	} else {
		got = L.typeNameMeta(L.Arg(i))
	}
	L.ArgError(i, expected+" expected, got "+got)
}

// typeNameMeta is luaL_typename with the __name metafield honoured.
func (L *Thread) typeNameMeta(v Value) string {
	if mt := L.st.metatable(v); mt != nil {
		if n := mt.GetStr("__name"); n.IsString() {
			return n.AsString()
		}
	}
	return v.TypeName()
}

// Errorf raises a string error prefixed with the position of the Lua code
// that called the running builtin (luaL_error).
func (L *Thread) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	L.Error(L.NewString(L.Where(1) + msg))
}

// Where returns "chunkname:line: " for the function at the given level of
// the call stack (0 is the running function, 1 its caller), or "" when that
// function is not a Lua function (luaL_where).
func (L *Thread) Where(level int) string {
	ci := L.ci
	for ; level > 0 && ci != &L.baseCi; level-- {
		ci = ci.prev
	}
	if ci == &L.baseCi || ci.cl == nil {
		return ""
	}
	line := currentLine(ci)
	if line <= 0 { // no line information (a stripped chunk): as luaL_where
		return ""
	}
	return chunkID(ci.cl.p.Source) + ":" + itoa(line) + ": "
}

// runWhere is the position a runtime error of the running Lua function
// carries (luaG_addinfo): unlike Where, it is "?:-1: " in a function
// without line information.
func (L *Thread) runWhere() string {
	return chunkID(L.ci.cl.p.Source) + ":" + itoa(currentLine(L.ci)) + ": "
}

// Error raises v as a Lua error (lua_error).
func (L *Thread) Error(v Value) { throw(&LuaError{Value: v}) }

// ---------------------------------------------------------------------------
// Values.

// NewString returns a string value for s, charging the heap for it.
func (L *Thread) NewString(s string) Value {
	L.st.chargeStr(len(s))
	return stringValue(s)
}

// ChargeString charges the heap for a string of n bytes that the caller is
// about to build; the result is then wrapped with StringValue. Use it
// before building large strings so that the limit fails first.
func (L *Thread) ChargeString(n int) { L.st.chargeStr(n) }

// StringValue wraps s without charging the heap: for constants, and for
// strings already paid for with ChargeString.
func StringValue(s string) Value { return stringValue(s) }

// ChargeMemory charges n bytes to the state's heap, raising the (uncatchable)
// memory error when over the limit.
func (L *Thread) ChargeMemory(n int64) { L.st.charge(n) }

// NewTable creates a table with room for narr array items and nhash fields.
func (L *Thread) NewTable(narr, nhash int) *Table { return newTable(&L.st.heap, narr, nhash) }

// NewTable creates a table with room for narr array items and nhash fields.
func (st *State) NewTable(narr, nhash int) *Table { return newTable(&st.heap, narr, nhash) }

// TableValue wraps t as a Value.
func TableValue(t *Table) Value { return refValue(unsafe.Pointer(t), kindTable) }

// AsTable returns the table v holds, or nil.
func (v Value) AsTable() *Table {
	if v.kind() == kindTable {
		return (*Table)(v.p)
	}
	return nil
}

// IsFunction reports whether v is a function.
func (v Value) IsFunction() bool {
	k := v.kind()
	return k == kindLuaFunction || k == kindGoFunction
}

// ToNumber converts v to a number (integers stay integers): numbers, and
// strings that are numerals.
func (L *Thread) ToNumber(v Value) (Value, bool) { return toNumber(v) }

// ToInteger converts v to an integer when it has an exact integer value
// (strings included).
func (L *Thread) ToInteger(v Value) (int64, bool) { return toInteger(v) }

// ToFloat converts v to a float (strings included).
func (L *Thread) ToFloat(v Value) (float64, bool) {
	n, ok := toNumber(v)
	if !ok {
		return 0, false
	}
	return numToFloat(n), true
}

// ToString converts strings and numbers to a string (lua_tolstring).
func (L *Thread) ToString(v Value) (string, bool) {
	if v.IsString() {
		return v.AsString(), true
	}
	if v.IsNumber() {
		return numberToString(v), true
	}
	return "", false
}

// ToStringMeta converts any value to a string as tostring does
// (luaL_tolstring): __tostring, then __name, then the default forms.
func (L *Thread) ToStringMeta(v Value) string {
	if mt := L.st.metatable(v); mt != nil {
		if h := mt.GetStr("__tostring"); !h.IsNil() {
			L.Call(h, 1, v)
			r := L.stack[L.top-1]
			L.Pop(1)
			if !r.IsString() {
				if r.IsNumber() {
					return numberToString(r)
				}
				L.Errorf("'__tostring' must return a string")
			}
			return r.AsString()
		}
	}
	switch v.Type() {
	case TypeNil:
		return "nil"
	case TypeBoolean:
		if v.AsBool() {
			return "true"
		}
		return "false"
	case TypeNumber:
		return numberToString(v)
	case TypeString:
		return v.AsString()
	}
	kind := v.TypeName()
	if mt := L.st.metatable(v); mt != nil {
		if n := mt.GetStr("__name"); n.IsString() {
			kind = n.AsString()
		}
	}
	return fmt.Sprintf("%s: %p", kind, v.p)
}

// numberToString formats a number as tostring does.
func numberToString(v Value) string {
	if v.IsInt() {
		return luanum.FormatInt(v.AsInt())
	}
	return luanum.FormatFloat(v.AsFloat())
}

// ---------------------------------------------------------------------------
// Metamethod-aware operations for Go code. They may call Lua functions
// (through Go recursion, bounded by the Go-call limit).

// Index returns obj[key], following __index.
func (L *Thread) Index(obj, key Value) Value {
	if t := obj.AsTable(); t != nil {
		if v := t.Get(key); !v.IsNil() || t.meta == nil {
			return v
		}
	}
	return L.finishGet(obj, key)
}

// SetIndex performs obj[key] = val, following __newindex.
func (L *Thread) SetIndex(obj, key, val Value) { L.finishSet(obj, key, val) }

// Equal compares a and b with ==, calling __eq for tables and userdata.
func (L *Thread) Equal(a, b Value) bool {
	if rawEquals(a, b) {
		return true
	}
	h := L.eqMeta(a, b)
	if h.IsNil() {
		return false
	}
	return !L.callMetaGo(h, a, b).IsFalsy()
}

// LessThan compares a < b (numbers, strings, or __lt).
func (L *Thread) LessThan(a, b Value) bool { return L.lessThan(a, b) }

// LessEqual compares a <= b (numbers, strings, __le, or not __lt(b, a)).
func (L *Thread) LessEqual(a, b Value) bool { return L.lessEqual(a, b) }

// Len returns #v, calling __len.
func (L *Thread) Len(v Value) Value { return L.objLen(v) }

// Concat concatenates values as the .. operator does (right to left, with
// __concat).
func (L *Thread) Concat(vs ...Value) Value {
	if len(vs) == 0 {
		return stringValue("")
	}
	acc := vs[len(vs)-1]
	for i := len(vs) - 2; i >= 0; i-- {
		acc = L.concat2(vs[i], acc)
	}
	return acc
}

// ArithOp is an arithmetic or bitwise operation, in the order of the
// compiler's opcodes (OpAdd..OpShr), followed by the unary ones.
type ArithOp uint8

// Arithmetic and bitwise operations.
const (
	OpAdd ArithOp = iota
	OpSub
	OpMul
	OpMod
	OpPow
	OpDiv
	OpIDiv
	OpBAnd
	OpBOr
	OpBXor
	OpShl
	OpShr
	OpUnm
	OpBNot
)

// Arith performs a op b (b is ignored for the unary operations) with Lua's
// coercions and metamethods.
func (L *Thread) Arith(op ArithOp, a, b Value) Value {
	if op >= OpUnm {
		b = a
	}
	if r, ok := arithRaw(L, op, a, b); ok {
		return r
	}
	return L.arithMetaGo(op, a, b)
}

// ---------------------------------------------------------------------------
// Metatables.

// GetMetatable returns v's metatable, or nil.
func (L *Thread) GetMetatable(v Value) *Table { return L.st.metatable(v) }

// SetMetatable sets v's metatable (for non-table, non-userdata values, the
// metatable shared by all values of v's type).
func (L *Thread) SetMetatable(v Value, mt *Table) { L.st.SetMetatable(v, mt) }

// SetMetatable sets v's metatable (see Thread.SetMetatable).
func (st *State) SetMetatable(v Value, mt *Table) {
	switch v.kind() {
	case kindTable:
		v.AsTable().SetMetatable(mt)
	case kindUserdata:
		v.AsUserdata().meta = mt
	default:
		st.typeMeta[v.Type()] = mt
	}
	st.checkFinalizer(v, mt) // gcmark.go, finalize.go
}

// SetStringMetatable sets the metatable shared by all strings.
func (st *State) SetStringMetatable(mt *Table) { st.typeMeta[TypeString] = mt }

func (st *State) metatable(v Value) *Table {
	switch v.kind() {
	case kindTable:
		return v.AsTable().meta
	case kindUserdata:
		return v.AsUserdata().meta
	}
	return st.typeMeta[v.Type()]
}

// ---------------------------------------------------------------------------
// Calls from Go.

// CallStack calls the function at window index -(nargs+1) with the nargs
// values above it, replacing them with nres results (MultRet: all), like
// lua_call. Errors propagate. The call counts against the Go-call depth
// limit, and the callee cannot yield.
func (L *Thread) CallStack(nargs, nres int) {
	fn := L.top - nargs - 1
	L.callFromGo(fn, nres)
}

// Call calls fn with args and leaves nres results (MultRet: all) pushed
// on the stack.
func (L *Thread) Call(fn Value, nres int, args ...Value) {
	L.CheckStack(len(args) + 1)
	L.stack[L.top] = fn
	L.top++
	for _, a := range args {
		L.stack[L.top] = a
		L.top++
	}
	L.callFromGo(L.top-len(args)-1, nres)
}

// Call1 calls fn with args and returns its first result (nothing is left on
// the stack).
func (L *Thread) Call1(fn Value, args ...Value) Value {
	L.CheckStack(len(args) + 1)
	L.stack[L.top] = fn
	L.top++
	for _, a := range args {
		L.stack[L.top] = a
		L.top++
	}
	L.callFromGo(L.top-len(args)-1, 1)
	L.top--
	r := L.stack[L.top]
	L.stack[L.top] = Nil
	return r
}

// PCall calls the function at window index -(nargs+1) in protected mode: it
// returns nil, or the *LuaError raised (with the stack restored and the
// error value left out of the stack). Exhaustion errors (fuel, memory,
// cancellation) are not caught: they propagate.
func (L *Thread) PCall(nargs, nres int) (err error) {
	fn := L.top - nargs - 1
	return L.pcallFromGo(fn, nres)
}

// ChargeFuel charges n fuel units for work a builtin does (see cost.go);
// when the state runs out it stops with ErrFuelExhausted.
func (L *Thread) ChargeFuel(n int64) {
	L.st.chargeFuel(n)
}

// ---------------------------------------------------------------------------
// Registering libraries.

// Reg names a builtin of a library.
type Reg struct {
	Name string
	Fn   GoFunction
}

// NewLib creates a table holding funcs, registers it as the global name and
// in package.loaded (when there is a package table), and returns it. The
// functions are named "name.f" for tracebacks. An empty name registers the
// functions as globals (the base library).
func (st *State) NewLib(name string, funcs []Reg) *Table {
	var t *Table
	if name == "" || name == "_G" {
		t = st.globals
	} else {
		t = st.NewTable(0, len(funcs))
	}
	for _, r := range funcs {
		qn := r.Name
		if t != st.globals {
			qn = name + "." + r.Name
		}
		t.Set(stringValue(r.Name), NewGoFunction(qn, r.Fn))
	}
	if t != st.globals {
		st.SetGlobal(name, TableValue(t))
	}
	st.loaded().Set(stringValue(name), TableValue(t))
	return t
}

// loaded returns the registry's _LOADED table (package.loaded), creating it.
func (st *State) loaded() *Table {
	v := st.registry.GetStr("_LOADED")
	if t := v.AsTable(); t != nil {
		return t
	}
	t := st.NewTable(0, 16)
	st.registry.Set(stringValue("_LOADED"), TableValue(t))
	return t
}

// Loaded returns package.loaded (the registry's _LOADED table).
func (st *State) Loaded() *Table { return st.loaded() }

// globalFuncName finds a name for fn in package.loaded ("string.rep",
// "print"), or "".
func (st *State) globalFuncName(fn Value) string {
	if g := fn.asGoFunction(); g != nil && g.name != "" {
		return g.name
	}
	loaded := st.registry.GetStr("_LOADED").AsTable()
	if loaded == nil {
		return ""
	}
	var found string
	var k Value
	for {
		nk, v, ok := loaded.Next(k)
		if !ok || nk.IsNil() {
			break
		}
		k = nk
		mod := v.AsTable()
		if mod == nil || !k.IsString() {
			continue
		}
		var k2 Value
		for {
			nk2, v2, ok := mod.Next(k2)
			if !ok || nk2.IsNil() {
				break
			}
			k2 = nk2
			if rawEquals(v2, fn) && k2.IsString() {
				n := k.AsString() + "." + k2.AsString()
				n = strings.TrimPrefix(n, "_G.")
				if found == "" || len(n) < len(found) {
					found = n
				}
			}
		}
	}
	return found
}

// GoFunctionName returns the registered name of a Go function value.
func GoFunctionName(v Value) (string, bool) {
	if g := v.asGoFunction(); g != nil {
		return g.name, true
	}
	return "", false
}

// RawEqual compares two values without metamethods.
func RawEqual(a, b Value) bool { return rawEquals(a, b) }

// SetUpvalue sets upvalue i (0-based) of a Lua function (load uses it to
// install an _ENV). It does nothing for other values or out of range.
func SetUpvalue(fn Value, i int, v Value) {
	cl := fn.asClosure()
	if cl == nil || i < 0 || i >= len(cl.upvals) {
		return
	}
	*cl.upvals[i].v = v
}

// GetUpvalue returns upvalue i (0-based) of a Lua function, or Nil.
func GetUpvalue(fn Value, i int) Value {
	cl := fn.asClosure()
	if cl == nil || i < 0 || i >= len(cl.upvals) {
		return Nil
	}
	return *cl.upvals[i].v
}

// ErrorValueString is the message of an error returned by PCall, as a
// string (non-string error values are converted as tostring would).
func ErrorValueString(L *Thread, err error) string {
	v := ErrorValue(err)
	if v.IsString() {
		return v.AsString()
	}
	return L.ToStringMeta(v)
}
