package stdlib

import (
	"math"
	"strings"

	"github.com/moonfuel/moonfuel/vm"
)

// The table library (Lua 5.3 §6.6). Every function reads and writes
// elements as lua_geti/lua_seti do, so __index, __newindex and __len are
// honoured exactly where the reference honours them, and charges fuel per
// element moved, read or compared.

// OpenTable registers the table library.
func OpenTable(st *vm.State) *vm.Table {
	return st.NewLib("table", []vm.Reg{
		{Name: "concat", Fn: tabConcat},
		{Name: "insert", Fn: tabInsert},
		{Name: "move", Fn: tabMove},
		{Name: "pack", Fn: tabPack},
		{Name: "remove", Fn: tabRemove},
		{Name: "sort", Fn: tabSort},
		{Name: "unpack", Fn: tabUnpack},
	})
}

// What checkTab requires of a non-table argument's metatable.
const (
	tabR = 1 << iota // __index
	tabW             // __newindex
	tabL             // __len
)

// tabCheck is ltablib's checktab: argument i must be a table, or have a
// metatable with the metamethods the operation needs.
func tabCheck(L *vm.Thread, i int, what int) {
	v := L.Arg(i)
	if v.Type() == vm.TypeTable {
		return
	}
	if mt := L.GetMetatable(v); mt != nil &&
		(what&tabR == 0 || !mt.GetStr("__index").IsNil()) &&
		(what&tabW == 0 || !mt.GetStr("__newindex").IsNil()) &&
		(what&tabL == 0 || !mt.GetStr("__len").IsNil()) {
		return
	}
	L.CheckType(i, vm.TypeTable)
}

// tabLen is luaL_len: #v with __len, which must give an integer.
func tabLen(L *vm.Thread, v vm.Value) int64 {
	n := L.Len(v)
	if n.IsInt() {
		return n.AsInt()
	}
	if i, ok := L.ToInteger(n); ok { // floats and strings with an integer value
		return i
	}
	L.Errorf("object length is not an integer")
	return 0
}

// tabAuxGetN checks argument i (with the length requirement added) and
// returns its length.
func tabAuxGetN(L *vm.Thread, i int, what int) int64 {
	tabCheck(L, i, what|tabL)
	return tabLen(L, L.Arg(i))
}

func tabGet(L *vm.Thread, t vm.Value, i int64) vm.Value { return L.Index(t, vm.Int(i)) }

func tabSet(L *vm.Thread, t vm.Value, i int64, v vm.Value) { L.SetIndex(t, vm.Int(i), v) }

func tabInsert(L *vm.Thread) int {
	t := L.Arg(1)
	e := tabAuxGetN(L, 1, tabR|tabW) + 1 // first empty element
	var pos int64
	switch L.NArgs() {
	case 2:
		pos = e
	case 3:
		pos = L.CheckInteger(2)
		// 1 <= pos <= e, computed without overflow
		if uint64(pos)-1 >= uint64(e) {
			L.ArgError(2, "position out of bounds")
		}
		tabShiftUp(L, t, pos, e)
	default:
		L.Errorf("wrong number of arguments to 'insert'")
	}
	tabSet(L, t, pos, L.Arg(L.NArgs()))
	return 0
}

func tabRemove(L *vm.Thread) int {
	t := L.Arg(1)
	size := tabAuxGetN(L, 1, tabR|tabW)
	pos := L.OptInteger(2, size)
	if pos != size && uint64(pos)-1 > uint64(size) {
		L.ArgError(1, "position out of bounds")
	}
	res := tabGet(L, t, pos)
	if pos < size {
		pos = tabShiftDown(L, t, pos, size)
	}
	tabSet(L, t, pos, vm.Nil)
	L.Push(res)
	return 1
}

// tabShiftUp does t[i] = t[i-1] for i from e down to pos+1, charging
// CostPerElement before each move, as ltablib's insert loop does. For a
// table without a metatable the moves within the array part are done in
// bulk (they are plain stores, with nothing to observe between them), with
// the fuel charged by ChargeFuelBatch: the same fuel at the same points as
// the loop, so an exhaustion stops it after the same element.
func tabShiftUp(L *vm.Thread, t vm.Value, pos, e int64) {
	tab := t.AsTable()
	for i := e; i > pos; {
		if tab != nil && tab.Metatable() == nil && i <= tab.RawArrayLen() {
			c := L.ChargeFuelBatch(vm.CostPerElement, i-pos)
			if c > 0 {
				// t[i-c+1..i] = t[i-c..i-1], read before written
				tab.RawMoveArray(i-c+1, i-c, c)
				i -= c
				continue
			}
		}
		L.ChargeFuel(vm.CostPerElement)
		tabSet(L, t, i, tabGet(L, t, i-1))
		i--
	}
}

// tabShiftDown does t[pos] = t[pos+1] for pos from pos up to size-1,
// charging CostPerElement before each move, as ltablib's remove loop does,
// and returns size; in bulk for a table without a metatable, as
// tabShiftUp.
func tabShiftDown(L *vm.Thread, t vm.Value, pos, size int64) int64 {
	tab := t.AsTable()
	for pos < size {
		if tab != nil && tab.Metatable() == nil && pos+1 <= tab.RawArrayLen() {
			n := min(size, tab.RawArrayLen()) - pos // moves reading the array part
			c := L.ChargeFuelBatch(vm.CostPerElement, n)
			if c > 0 {
				tab.RawMoveArray(pos, pos+1, c)
				pos += c
				continue
			}
		}
		L.ChargeFuel(vm.CostPerElement)
		tabSet(L, t, pos, tabGet(L, t, pos+1))
		pos++
	}
	return pos
}

func tabMove(L *vm.Thread) int {
	f := L.CheckInteger(2)
	e := L.CheckInteger(3)
	t := L.CheckInteger(4)
	tt := 1 // destination table
	if !L.Arg(5).IsNil() {
		tt = 5
	}
	tabCheck(L, 1, tabR)
	tabCheck(L, tt, tabW)
	if e >= f { // otherwise, nothing to move
		if !(f > 0 || e < math.MaxInt64+f) {
			L.ArgError(3, "too many elements to move")
		}
		n := e - f + 1 // number of elements to move
		if t > math.MaxInt64-n+1 {
			L.ArgError(4, "destination wrap around")
		}
		// Fuel is charged element by element: a move may be interrupted
		// by an error long before its end.
		src, dst := L.Arg(1), L.Arg(tt)
		if t > e || t <= f || (tt != 1 && !L.Equal(src, dst)) {
			for i := int64(0); i < n; i++ {
				L.ChargeFuel(vm.CostPerElement)
				tabSet(L, dst, t+i, tabGet(L, src, f+i))
			}
		} else {
			for i := n - 1; i >= 0; i-- {
				L.ChargeFuel(vm.CostPerElement)
				tabSet(L, dst, t+i, tabGet(L, src, f+i))
			}
		}
	}
	L.Push(L.Arg(tt))
	return 1
}

func tabConcat(L *vm.Thread) int {
	t := L.Arg(1)
	last := tabAuxGetN(L, 1, tabR)
	sep := L.OptString(2, "")
	i := L.OptInteger(3, 1)
	if !L.Arg(4).IsNil() {
		last = L.CheckInteger(4)
	}
	if tab := t.AsTable(); tab != nil && tab.Metatable() == nil && i <= last {
		if s, ok := tabConcatStrings(L, tab, sep, i, last); ok {
			L.Push(s)
			return 1
		}
	}
	// Collect the pieces first, so the result is charged to the heap before
	// it is built.
	var parts []string
	total := 0
	add := func(i int64) {
		v := tabGet(L, t, i)
		s, ok := L.ToString(v)
		if !ok {
			// the reference formats the index with %d, as a C int
			L.Errorf("invalid value (%s) at index %d in table for 'concat'", tabTypeName(L, v), int32(i))
		}
		L.ChargeFuel(tabElemFuel(1) + vm.ByteCost(len(s)+len(sep)))
		parts = append(parts, s)
		total += len(s)
	}
	for ; i < last; i++ {
		add(i)
		total += len(sep)
	}
	if i == last { // add last value (if interval was not empty)
		add(i)
	}
	if total < 0 {
		L.Errorf("resulting string too large")
	}
	L.ChargeString(total)
	var b strings.Builder
	b.Grow(total)
	for k, s := range parts {
		if k > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	L.Push(vm.StringValue(b.String()))
	return 1
}

// tabConcatStrings is table.concat for a table without a metatable whose
// items i..last (i <= last) are all strings: one pass measures (raw reads
// have no side effects), the result is charged, a second pass builds it.
// ok is false, with nothing charged, when an item is not a string.
func tabConcatStrings(L *vm.Thread, tab *vm.Table, sep string, i, last int64) (vm.Value, bool) {
	total := 0
	for k := i; ; k++ {
		v := tab.GetInt(k)
		if !v.IsString() {
			return vm.Nil, false
		}
		n := len(v.AsString())
		L.ChargeFuel(tabElemFuel(1) + vm.ByteCost(n+len(sep)))
		total += n
		if k == last {
			break
		}
		total += len(sep)
		if total < 0 {
			L.Errorf("resulting string too large")
		}
	}
	L.ChargeString(total)
	var b strings.Builder
	b.Grow(total)
	for k := i; ; k++ {
		b.WriteString(tab.GetInt(k).AsString())
		if k == last {
			break
		}
		b.WriteString(sep)
	}
	return vm.StringValue(b.String()), true
}

// tabTypeName is luaL_typename with __name honoured.
func tabTypeName(L *vm.Thread, v vm.Value) string {
	if mt := L.GetMetatable(v); mt != nil {
		if n := mt.GetStr("__name"); n.IsString() {
			return n.AsString()
		}
	}
	return v.TypeName()
}

func tabPack(L *vm.Thread) int {
	n := L.NArgs()
	L.ChargeFuel(tabElemFuel(int64(n)))
	t := L.NewTable(n, 1)
	for i, v := range L.Args() {
		t.Set(vm.Int(int64(i+1)), v)
	}
	t.Set(vm.StringValue("n"), vm.Int(int64(n)))
	L.Push(vm.TableValue(t))
	return 1
}

func tabUnpack(L *vm.Thread) int {
	t := L.Arg(1)
	i := L.OptInteger(2, 1)
	var e int64
	if L.Arg(3).IsNil() {
		e = tabLen(L, t)
	} else {
		e = L.CheckInteger(3)
	}
	if i > e {
		return 0 // empty range
	}
	n := uint64(e) - uint64(i) // number of elements minus 1 (avoids overflow)
	// lua_checkstack also keeps EXTRA_STACK (5) slots free
	if n >= math.MaxInt32 || !L.TryCheckStack(int(n+1)+5) {
		L.Errorf("too many results to unpack")
	}
	n++
	L.ChargeFuel(tabElemFuel(int64(n)))
	for ; i < e; i++ { // push t[i..e-1] (avoids overflow)
		L.Push(tabGet(L, t, i))
	}
	L.Push(tabGet(L, t, e))
	return int(n)
}

// ---------------------------------------------------------------------------
// sort: the reference's quicksort, step for step (median of three, and a
// pivot chosen pseudo-randomly once partitions grow unbalanced), so that
// the same comparator produces the same order and the same "invalid order
// function" errors. All accesses go through the table, so no comparator,
// however inconsistent, can make it index out of range.

// tabSortRanLimit is the size above which an unbalanced partition switches
// to a randomised pivot (RANLIMIT).
const tabSortRanLimit = 100

type tabSorter struct {
	L    *vm.Thread
	t    vm.Value
	tab  *vm.Table // t as a table, or nil
	less vm.Value  // comparator, or nil for <
	seed uint32    // state of the deterministic pivot randomiser
}

func tabSort(L *vm.Thread) int {
	n := tabAuxGetN(L, 1, tabR|tabW)
	if n > 1 {
		if n >= math.MaxInt32 {
			L.ArgError(1, "array too big")
		}
		if !L.Arg(2).IsNil() {
			L.CheckType(2, vm.TypeFunction)
		}
		s := &tabSorter{L: L, t: L.Arg(1), tab: L.Arg(1).AsTable(), less: L.Arg(2)}
		s.sort(1, n, 0)
	}
	return 0
}

// get and set read and write raw while the table has no metatable (what
// Index and SetIndex do then), checked at every access: a comparator may
// give the table one in the middle of the sort.
func (s *tabSorter) get(i int64) vm.Value {
	if s.tab != nil && s.tab.Metatable() == nil {
		return s.tab.GetInt(i)
	}
	return tabGet(s.L, s.t, i)
}

func (s *tabSorter) set(i int64, v vm.Value) {
	if s.tab != nil && s.tab.Metatable() == nil {
		s.tab.SetInt(i, v)
		return
	}
	tabSet(s.L, s.t, i, v)
}

// lt compares a < b with the comparator or the < operator.
func (s *tabSorter) lt(a, b vm.Value) bool {
	s.L.ChargeFuel(tabElemFuel(1))
	if s.less.IsNil() {
		if a.IsInt() && b.IsInt() {
			return a.AsInt() < b.AsInt()
		}
		if a.IsString() && b.IsString() { // comparing strings scans them
			s.L.ChargeFuel(vm.ByteCost(min(len(a.AsString()), len(b.AsString()))))
		}
		return s.L.LessThan(a, b)
	}
	return !s.L.Call1(s.less, a, b).IsFalsy()
}

// randomizePivot replaces the reference's clock()+time() mix with a
// deterministic generator, so runs are reproducible.
func (s *tabSorter) randomizePivot() uint32 {
	s.seed = s.seed*1103515245 + 12345
	return s.seed>>1 | 1
}

func tabChoosePivot(lo, up int64, rnd uint32) int64 {
	r4 := (up - lo) / 4 // range/4
	return int64(uint64(rnd)%uint64(r4*2)) + lo + r4
}

func (s *tabSorter) sort(lo, up int64, rnd uint32) {
	for lo < up { // loop for tail recursion
		// sort elements lo, p and up
		alo, aup := s.get(lo), s.get(up)
		if s.lt(aup, alo) { // a[up] < a[lo]?
			s.set(lo, aup)
			s.set(up, alo)
		}
		if up-lo == 1 { // only 2 elements
			break
		}
		var p int64
		if up-lo < tabSortRanLimit || rnd == 0 {
			p = (lo + up) / 2
		} else {
			p = tabChoosePivot(lo, up, rnd)
		}
		ap, alo := s.get(p), s.get(lo)
		if s.lt(ap, alo) { // a[p] < a[lo]?
			s.set(p, alo)
			s.set(lo, ap)
		} else {
			aup := s.get(up)
			if s.lt(aup, ap) { // a[up] < a[p]?
				s.set(p, aup)
				s.set(up, ap)
			}
		}
		if up-lo == 2 { // only 3 elements
			break
		}
		pivot := s.get(p)
		s.set(p, s.get(up-1))
		s.set(up-1, pivot)
		p = s.partition(lo, up, pivot)
		var n int64
		if p-lo < up-p { // lower interval is shorter
			s.sort(lo, p-1, rnd)
			n = p - lo
			lo = p + 1
		} else {
			s.sort(p+1, up, rnd)
			n = up - p
			up = p - 1
		}
		if (up-lo)/128 > n { // partition too imbalanced?
			rnd = s.randomizePivot()
		}
	}
}

// partition partitions a[lo..up] around pivot P == a[up-1] and returns
// P's final position.
func (s *tabSorter) partition(lo, up int64, pivot vm.Value) int64 {
	i, j := lo, up-1
	for {
		// repeat ++i while a[i] < P
		ai := s.get(i + 1)
		i++
		for s.lt(ai, pivot) {
			if i == up-1 { // a[i] < P but a[up-1] == P ??
				s.L.Errorf("invalid order function for sorting")
			}
			i++
			ai = s.get(i)
		}
		// repeat --j while P < a[j]
		j--
		aj := s.get(j)
		for s.lt(pivot, aj) {
			if j < i { // j < i but a[j] > P ??
				s.L.Errorf("invalid order function for sorting")
			}
			j--
			aj = s.get(j)
		}
		if j < i { // no elements to be exchanged
			// swap pivot (a[up-1]) with a[i]
			s.set(up-1, ai)
			s.set(i, pivot)
			return i
		}
		s.set(i, aj)
		s.set(j, ai)
	}
}

// Fuel for library work, in the units of vm/cost.go.

// tabElemFuel is the fuel for n elements read, written, moved or compared.
func tabElemFuel(n int64) int64 {
	if n > math.MaxInt64/vm.CostPerElement {
		return math.MaxInt64
	}
	return n * vm.CostPerElement
}
