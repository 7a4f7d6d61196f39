package vm

import "unsafe"

// event is a metamethod event, in the order of Lua's TMS.
type event uint8

const (
	evIndex event = iota
	evNewIndex
	evGC
	evMode
	evLen
	evEq
	evAdd
	evSub
	evMul
	evMod
	evPow
	evDiv
	evIDiv
	evBAnd
	evBOr
	evBXor
	evShl
	evShr
	evUnm
	evBNot
	evLt
	evLe
	evConcat
	evCall
	numEvents
)

var eventNames = [numEvents]string{
	"__index", "__newindex", "__gc", "__mode", "__len", "__eq",
	"__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
	"__band", "__bor", "__bxor", "__shl", "__shr", "__unm", "__bnot",
	"__lt", "__le", "__concat", "__call",
}

// eventHashes are the hashes of eventNames (hashString), so looking up a
// metamethod never rehashes its name.
var eventHashes = func() (h [numEvents]uint64) {
	for i, n := range eventNames {
		h[i] = hashString(n)
	}
	return
}()

// getTM returns mt[eventNames[ev]] without rehashing the name.
func getTM(mt *Table, ev event) Value {
	if len(mt.nodes) == 0 {
		return Nil
	}
	return mt.GetStrH(eventNames[ev], eventHashes[ev])
}

func unsafePointer[T any](p *T) unsafe.Pointer { return unsafe.Pointer(p) }

// metaOf returns the metamethod for event ev of v, or Nil.
func (st *State) metaOf(v Value, ev event) Value {
	mt := st.metatable(v)
	if mt == nil {
		return Nil
	}
	return getTM(mt, ev)
}

// tmOf returns the metamethod ev of metatable mt (nil-safe).
func tmOf(mt *Table, ev event) Value {
	if mt == nil {
		return Nil
	}
	return getTM(mt, ev)
}

// maxTagLoop bounds __index/__newindex chains (Lua's MAXTAGLOOP).
const maxTagLoop = 2000

// callMetaGo calls metamethod h with args from Go and returns its first
// result.
func (L *Thread) callMetaGo(h Value, args ...Value) Value { return L.Call1(h, args...) }

// finishGet is the slow path of obj[key] for Go callers (__index chains).
func (L *Thread) finishGet(obj, key Value) Value {
	for loop := 0; loop < maxTagLoop; loop++ {
		var h Value
		if t := obj.AsTable(); t != nil {
			v := t.Get(key)
			if !v.IsNil() {
				return v
			}
			h = tmOf(t.meta, evIndex)
			if h.IsNil() {
				return Nil
			}
		} else {
			h = L.st.metaOf(obj, evIndex)
			if h.IsNil() {
				L.typeError(obj, "index", locNone)
			}
		}
		if h.IsFunction() {
			return L.callMetaGo(h, obj, key)
		}
		obj = h
	}
	L.runError("'__index' chain too long; possible loop")
	return Nil
}

// finishSet is the slow path of obj[key] = val for Go callers.
func (L *Thread) finishSet(obj, key, val Value) {
	for loop := 0; loop < maxTagLoop; loop++ {
		var h Value
		if t := obj.AsTable(); t != nil {
			if t.meta == nil {
				t.Set(key, val)
				return
			}
			if v := t.Get(key); !v.IsNil() {
				t.Set(key, val)
				return
			}
			h = tmOf(t.meta, evNewIndex)
			if h.IsNil() {
				t.Set(key, val)
				return
			}
		} else {
			h = L.st.metaOf(obj, evNewIndex)
			if h.IsNil() {
				L.typeError(obj, "index", locNone)
			}
		}
		if h.IsFunction() {
			L.Call(h, 0, obj, key, val)
			return
		}
		obj = h
	}
	L.runError("'__newindex' chain too long; possible loop")
}

// eqMeta returns the __eq metamethod to compare a and b (tables with
// tables, userdata with userdata), or Nil.
func (L *Thread) eqMeta(a, b Value) Value {
	ka, kb := a.kind(), b.kind()
	if ka != kb || (ka != kindTable && ka != kindUserdata) {
		return Nil
	}
	h := tmOf(L.st.metatable(a), evEq)
	if h.IsNil() {
		h = tmOf(L.st.metatable(b), evEq)
	}
	return h
}

// binTM finds the metamethod for a binary event: first operand's, then the
// second's.
func (L *Thread) binTM(a, b Value, ev event) Value {
	h := L.st.metaOf(a, ev)
	if h.IsNil() {
		h = L.st.metaOf(b, ev)
	}
	return h
}

// arithMetaGo performs the metamethod fallback of an arithmetic operation
// for Go callers.
func (L *Thread) arithMetaGo(op ArithOp, a, b Value) Value {
	ev := evAdd + event(op)
	if op == OpUnm {
		ev = evUnm
	} else if op == OpBNot {
		ev = evBNot
	}
	h := L.binTM(a, b, ev)
	if h.IsNil() {
		L.arithError(op, a, b, locNone, locNone)
	}
	return L.callMetaGo(h, a, b)
}

func (L *Thread) lessThan(a, b Value) bool {
	if a.IsNumber() && b.IsNumber() {
		return ltNum(a, b)
	}
	if a.IsString() && b.IsString() {
		return strLess(a.AsString(), b.AsString())
	}
	h := L.binTM(a, b, evLt)
	if h.IsNil() {
		L.orderError(a, b)
	}
	return !L.callMetaGo(h, a, b).IsFalsy()
}

func (L *Thread) lessEqual(a, b Value) bool {
	if a.IsNumber() && b.IsNumber() {
		return leNum(a, b)
	}
	if a.IsString() && b.IsString() {
		return a.AsString() <= b.AsString()
	}
	if h := L.binTM(a, b, evLe); !h.IsNil() {
		return !L.callMetaGo(h, a, b).IsFalsy()
	}
	if h := L.binTM(b, a, evLt); !h.IsNil() {
		return L.callMetaGo(h, b, a).IsFalsy()
	}
	L.orderError(a, b)
	return false
}

// objLen is the # operator for Go callers.
func (L *Thread) objLen(v Value) Value {
	if v.IsString() {
		return Int(int64(len(v.AsString())))
	}
	if t := v.AsTable(); t != nil {
		if h := tmOf(t.meta, evLen); !h.IsNil() {
			return L.callMetaGo(h, v, v)
		}
		return Int(t.Len())
	}
	h := L.st.metaOf(v, evLen)
	if h.IsNil() {
		L.typeError(v, "get length of", locNone)
	}
	return L.callMetaGo(h, v, v)
}

// concat2 concatenates a .. b for Go callers.
func (L *Thread) concat2(a, b Value) Value {
	if (a.IsString() || a.IsNumber()) && (b.IsString() || b.IsNumber()) {
		sa, _ := L.ToString(a)
		sb, _ := L.ToString(b)
		L.ChargeFuel(ByteCost(len(sa) + len(sb)))
		return L.NewString(sa + sb)
	}
	h := L.binTM(a, b, evConcat)
	if h.IsNil() {
		L.concatError(a, b, locNone, locNone)
	}
	return L.callMetaGo(h, a, b)
}
