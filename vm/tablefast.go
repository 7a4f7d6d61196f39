package vm

// Fast paths for the table library (stdlib/table.go). They let a builtin
// that moves many elements of a table without a metatable do the work in
// bulk while charging exactly the fuel, at exactly the points, that the
// element-by-element loop through Index/SetIndex charges. None of them
// looks at metatables: the caller checks that the table has none (and falls
// back to the generic path when it has one), exactly as Index and SetIndex
// would then read and write raw.

// ChargeFuelBatch charges per fuel units (per > 0) for as many of k items
// as the current fuel slice covers without a refuel, and returns how many
// it charged (0..k). These are exactly the items for which k successive
// ChargeFuel(per) calls would neither refuel nor raise, so a caller that
// charges the items it got here in bulk and then makes one ChargeFuel(per)
// call for the next item (which may refuel, check the host's context or
// stop the state) charges the same fuel at the same points as the loop.
func (L *Thread) ChargeFuelBatch(per, k int64) int64 {
	st := L.st
	if per <= 0 || k <= 0 || st.fuel < per {
		return 0
	}
	c := st.fuel / per
	if c > k {
		c = k
	}
	n := c * per
	st.fuel -= n
	st.ext.loopFuel += n
	return c
}

// RawArrayLen returns the size of t's array part: the integer keys
// 1..RawArrayLen() are stored there, so raw writes to them never add a key
// or resize the table.
func (t *Table) RawArrayLen() int64 { return int64(len(t.arr)) }

// RawMoveArray does t[dst+i] = t[src+i] for i in 0..n-1 without
// metamethods, all keys being in the array part (1 <= src, dst and
// src+n-1, dst+n-1 <= RawArrayLen(); it panics otherwise). Overlapping
// ranges move as if each element were read before it is overwritten, which
// is what the element-by-element loop of table.insert (moving up, from the
// top) and table.remove (moving down, from the bottom) does.
func (t *Table) RawMoveArray(dst, src, n int64) {
	if n <= 0 {
		return
	}
	copy(t.arr[dst-1:dst-1+n], t.arr[src-1:src-1+n])
}

// metatableKeyHash is hashString("__metatable"), computed once (package
// initialisation orders it after the hash seeds it depends on).
var metatableKeyHash = hashString("__metatable")

// RawMetatableField returns t["__metatable"] without metamethods: the
// field getmetatable returns in place of a protected metatable and
// setmetatable refuses to replace. It is GetField("__metatable") without
// hashing the key on every call.
func (t *Table) RawMetatableField() Value {
	if len(t.nodes) == 0 {
		return Nil
	}
	return t.GetStrH("__metatable", metatableKeyHash)
}
