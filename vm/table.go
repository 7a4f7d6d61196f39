package vm

// Lua tables.
//
// A Table has an array part and a hash part, as Lua's do:
//
//   - The array part holds integer keys 1..len(arr). Its size only changes
//     when the hash part is full and a new key arrives (rehash), when the
//     table is created with a size hint, or through ResizeArray; the new size
//     is computed as Lua's computesizes does: the largest power of two n such
//     that more than n/2 of the slots 1..n would be in use.
//   - The hash part is a chained hash table whose entries (nodes) are kept
//     in insertion order in one slice; slot i of that slice also holds the
//     head of bucket i's chain, so a hash part is one allocation. Each node
//     caches its key's 32-bit hash, so growing the table never rehashes a
//     key. Assigning nil to a key leaves its node in place with a nil value
//     (a dead entry), so `next` keeps working during a traversal that clears
//     fields; dead entries are dropped only when a new key finds the hash
//     part full (see rehash: a hash part with many dead entries is compacted
//     in place, so churning keys never make stores O(table size)).
//     Assigning nil to an absent key does nothing (Lua 5.3 would insert a
//     dead node; the only visible difference is when a later rehash happens).
//
// As long as no key is removed from the hash part, a table grows through the
// same array and hash sizes as in Lua 5.3, so # returns the same border as
// the reference (table_test.go checks this against lua5.3). With removals,
// the rehash points can differ and # may return another valid border.
//
// Iteration order (Next, Iter) is the array part in index order and then the
// hash part in insertion order; it depends on the sequence of operations
// only, never on hash values, addresses or the hash seed, so it is the same
// on every run.
//
// Keys are normalised: a float with an integral value is stored as that
// integer (2.0 → 2, -0.0 → 0); nil and NaN keys are refused on store
// (errIndexNil, errIndexNaN) and read as absent. Strings compare by content.
//
// Memory (decision 7): every allocation is charged to the table's heap before
// it is made; parts replaced by a resize are released after it. The size
// model, in bytes, is
//
//	sizeBytes = tableHeaderBytes          (the Table struct, 80 on 64-bit)
//	          + 16 * array slots          (one Value each)
//	          + 48 * hash slots           (one node each)
//
// where hash slots is the hash part's capacity (0 or a power of two). A nil
// heap means no accounting.
//
// Metamethod cache: flags bit i set means metamethod event i is known to be
// absent from this table (used when this table is someone's metatable). Any
// store of a string key clears all bits; only string keys can name events,
// so stores of other keys leave them alone.

import (
	"errors"
	"math"
	"math/bits"
	"sync"
	"unsafe"

	"github.com/moonfuel/moonfuel/gc"
)

// Table is a Lua table.
type Table struct {
	arr   []Value // array part: arr[i] holds key i+1
	nodes []node  // hash part: len = hash size (0 or a power of two)
	meta  *Table
	heap  *gc.Heap
	nused uint32 // nodes[:nused] are the entries, live or dead, in insertion order
	flags uint8  // bit i set = metamethod event i known absent

	gcFlags uint8  // collector flags (gcmark.go)
	gcMark  uint32 // epoch of the last collection that marked the table

	fullRehashes uint32 // rehashes that counted the keys (statistics, tests)
}

// node is one hash part entry. A dead entry has a nil val and keeps its key.
type node struct {
	key, val Value
	h        uint32 // cached keyHash(key)
	next     int32  // 1+index of the next node in the chain, 0 = end
	head     int32  // 1+index of the first node of bucket i's chain (in nodes[i]), 0 = empty
}

// Size model constants (see the file comment).
const (
	tableHeaderBytes = int64(unsafe.Sizeof(Table{}))
	arraySlotBytes   = int64(unsafe.Sizeof(Value{}))
	hashSlotBytes    = int64(unsafe.Sizeof(node{}))
)

// Limits, as Lua's MAXABITS / MAXHBITS.
const (
	maxABits     = 31
	maxArraySize = 1 << maxABits // largest integer key the array part holds
	maxHBits     = 30
	maxHashSize  = 1 << maxHBits
)

// errTableOverflow is raised when a table would need more slots than the
// limits above allow.
var errTableOverflow = errors.New("table overflow")

// newTable returns a table with room for narr array entries and nhash hash
// entries, charging h for it first.
func newTable(h *gc.Heap, narr, nhash int) *Table {
	if narr < 0 {
		narr = 0
	}
	hsize := hashSizeFor(nhash)
	if narr > maxArraySize {
		throw(errTableOverflow)
	}
	if h != nil {
		if err := h.Charge(tableHeaderBytes + arrayBytes(narr) + hashBytes(hsize)); err != nil {
			throw(err)
		}
	}
	t := &Table{heap: h}
	if narr > 0 {
		t.arr = makeArr(narr)
	}
	if hsize > 0 {
		t.nodes = makeNodes(hsize)
	}
	return t
}

func arrayBytes(n int) int64 { return int64(n) * arraySlotBytes }
func hashBytes(n int) int64  { return int64(n) * hashSlotBytes }

// sizeBytes returns the bytes the table accounts for (see the size model).
func (t *Table) sizeBytes() int64 {
	return tableHeaderBytes + arrayBytes(len(t.arr)) + hashBytes(len(t.nodes))
}

// SizeBytes is sizeBytes for other packages (the gc, statistics).
func (t *Table) SizeBytes() int64 { return t.sizeBytes() }

// ArraySize returns the number of slots in the array part.
func (t *Table) ArraySize() int { return len(t.arr) }

// HashSize returns the capacity of the hash part (0 or a power of two).
func (t *Table) HashSize() int { return len(t.nodes) }

// hashSizeFor returns the hash part capacity for n entries: 0, or n rounded
// up to a power of two.
func hashSizeFor(n int) int {
	if n <= 0 {
		return 0
	}
	if n > maxHashSize {
		throw(errTableOverflow)
	}
	return 1 << bits.Len(uint(n-1))
}

// Metatable returns t's metatable, or nil.
func (t *Table) Metatable() *Table { return t.meta }

// SetMetatable sets t's metatable (nil removes it).
func (t *Table) SetMetatable(m *Table) { t.meta = m }

// ---------------------------------------------------------------- reads

// Get returns t[k] without metamethods. Integral float keys read the
// integer key; nil and NaN keys read nil.
func (t *Table) Get(k Value) Value {
	switch k.p {
	case unsafe.Pointer(&intTag):
		return t.GetInt(int64(k.n))
	case unsafe.Pointer(&floatTag):
		f := math.Float64frombits(k.n)
		if floatFitsInt(f) {
			return t.GetInt(int64(f))
		}
		if f != f {
			return Nil
		}
		return t.getHashed(k, hashFloatBits(k.n))
	case nil:
		return Nil
	case unsafe.Pointer(&boolTag):
		return t.getHashed(k, keyHash(k))
	}
	if k.n>>kindShift == kindString {
		s := k.AsString()
		return t.GetStrH(s, hashString(s))
	}
	return t.getHashed(k, hashPtr(k.p))
}

// GetInt returns t[i] without metamethods.
func (t *Table) GetInt(i int64) Value {
	if uint64(i)-1 < uint64(len(t.arr)) {
		return t.arr[i-1]
	}
	return t.getIntHash(i)
}

func (t *Table) getIntHash(i int64) Value {
	nodes := t.nodes
	if len(nodes) == 0 {
		return Nil
	}
	h := hashInt(i)
	for j := nodes[h&uint32(len(nodes)-1)].head; j != 0; {
		nd := &nodes[j-1]
		if nd.key.n == uint64(i) && nd.key.p == unsafe.Pointer(&intTag) {
			return nd.val
		}
		j = nd.next
	}
	return Nil
}

// GetStr returns t[s] without metamethods.
func (t *Table) GetStr(s string) Value {
	if len(t.nodes) == 0 {
		return Nil
	}
	return t.GetStrH(s, hashString(s))
}

// GetStrH is GetStr with the key's hash precomputed by hashString (for
// constant keys: the key is never rehashed).
func (t *Table) GetStrH(s string, h uint64) Value {
	if i := t.findStr(s, uint32(h)); i >= 0 {
		return t.nodes[i].val
	}
	return Nil
}

// Constant-key lookups with a node hint.
//
// The loop looks up a string constant (GETTABLE t "x", SETTABLE t "x" v) in
// many tables built the same way (objects of one "class", records made by
// one constructor), which then hold the key at the same node index. Each
// constant has a slot word (funcProto.kh): its low 32 bits are the key's
// hash, its high 32 bits the node index where the key was last found (a
// hint, arbitrary at first). The loop tries that node first (hinted) and
// need neither the bucket head nor the chain; the hint is only trusted after
// the node's key is compared to the constant, so it never changes a result.
// The comparison is by both words of the Value: the same string data, which
// holds for constants of one chunk (the compiler interns them) and for keys
// stored from those constants; other keys fall back to findStr.

// hinted returns the node that slot word slot points to if it holds the
// string constant ks, or nil (the loop's inline fast path).
func (t *Table) hinted(ks Value, slot uint64) *node {
	if hint := uint32(slot >> 32); hint < t.nused {
		if nd := &t.nodes[hint]; nd.key == ks {
			return nd
		}
	}
	return nil
}

// getStrKSlow returns t[ks] for the string constant ks with slot word
// *slot when hinted missed: a search by hash that records where the key is.
func (t *Table) getStrKSlow(ks Value, slot *uint64) Value {
	h := uint32(*slot)
	i := t.findStr(ks.AsString(), h)
	if i < 0 {
		return Nil
	}
	*slot = uint64(h) | uint64(i)<<32
	return t.nodes[i].val
}

// setStrKSlow is SetStrH for a string constant, recording where the key is
// found (a new key is not recorded: the next access finds it by hash).
func (t *Table) setStrKSlow(ks Value, slot *uint64, v Value) {
	h := uint32(*slot)
	if i := t.findStr(ks.AsString(), h); i >= 0 {
		*slot = uint64(h) | uint64(i)<<32
		t.flags = 0
		t.nodes[i].val = v
		return
	}
	t.SetStrH(ks.AsString(), uint64(h), v)
}

// findStr returns the index of the node holding the string key s (hash h),
// live or dead, or -1.
func (t *Table) findStr(s string, h uint32) int {
	nodes := t.nodes
	if len(nodes) == 0 {
		return -1
	}
	want := uint64(len(s)) | kindString<<kindShift
	sp := unsafe.Pointer(unsafe.StringData(s))
	if len(s) == 0 {
		sp = unsafe.Pointer(&emptyTag)
	}
	for j := nodes[h&uint32(len(nodes)-1)].head; j != 0; {
		nd := &nodes[j-1]
		if nd.h == h && nd.key.n == want && (nd.key.p == sp || sameString(nd.key, s)) {
			return int(j - 1)
		}
		j = nd.next
	}
	return -1
}

// sameString reports whether the key k, whose payload word is that of a
// string of len(s) bytes, is a string equal to s. Keys of 4 to 16 bytes are
// compared with two overlapping loads each.
func sameString(k Value, s string) bool {
	if !k.isStringKey() {
		return false
	}
	n := len(s)
	p, q := (*byte)(k.p), unsafe.StringData(s)
	switch {
	case n >= 8 && n <= 16:
		return load64(p) == load64(q) &&
			load64((*byte)(unsafe.Add(unsafe.Pointer(p), n-8))) == load64((*byte)(unsafe.Add(unsafe.Pointer(q), n-8)))
	case n >= 4 && n < 8:
		return load32(p) == load32(q) &&
			load32((*byte)(unsafe.Add(unsafe.Pointer(p), n-4))) == load32((*byte)(unsafe.Add(unsafe.Pointer(q), n-4)))
	}
	return unsafe.String(p, n) == s
}

// isStringKey reports whether a key whose payload word looks like a string's
// is one (an integer or float key can carry any payload).
func (k Value) isStringKey() bool {
	return k.p != unsafe.Pointer(&intTag) && k.p != unsafe.Pointer(&floatTag)
}

// getHashed looks up a normalised non-string key in the hash part.
func (t *Table) getHashed(k Value, h uint32) Value {
	if i := t.findNode(k, h); i >= 0 {
		return t.nodes[i].val
	}
	return Nil
}

// findNode returns the index of the node holding the normalised key k (live
// or dead), or -1.
func (t *Table) findNode(k Value, h uint32) int {
	nodes := t.nodes
	if len(nodes) == 0 {
		return -1
	}
	if k.n>>kindShift == kindString && k.isStringKey() {
		return t.findStr(k.AsString(), h)
	}
	for j := nodes[h&uint32(len(nodes)-1)].head; j != 0; {
		nd := &nodes[j-1]
		if nd.h == h && nd.key == k {
			return int(j - 1)
		}
		j = nd.next
	}
	return -1
}

// normKey normalises a key for lookup: integral floats become integers.
// ok is false for nil and NaN.
func normKey(k Value) (Value, bool) {
	switch k.p {
	case nil:
		return k, false
	case unsafe.Pointer(&floatTag):
		f := math.Float64frombits(k.n)
		if floatFitsInt(f) {
			return Int(int64(f)), true
		}
		if f != f {
			return k, false
		}
	}
	return k, true
}

// ---------------------------------------------------------------- writes

// Set does t[k] = v without metamethods. It raises errIndexNil or
// errIndexNaN for nil and NaN keys (whatever v is); assigning nil removes the
// key. Growing the table charges the heap first and raises its error if the
// charge is refused, leaving the table as it was.
func (t *Table) Set(k, v Value) {
	switch k.p {
	case unsafe.Pointer(&intTag):
		t.SetInt(int64(k.n), v)
		return
	case unsafe.Pointer(&floatTag):
		f := math.Float64frombits(k.n)
		if floatFitsInt(f) {
			t.SetInt(int64(f), v)
			return
		}
		if f != f {
			throw(errIndexNaN)
		}
		t.setHashed(k, hashFloatBits(k.n), v)
		return
	case nil:
		throw(errIndexNil)
	case unsafe.Pointer(&boolTag):
		t.setHashed(k, keyHash(k), v)
		return
	}
	if k.n>>kindShift == kindString {
		s := k.AsString()
		t.SetStrH(s, hashString(s), v)
		return
	}
	t.setHashed(k, hashPtr(k.p), v)
}

// SetInt does t[i] = v without metamethods.
func (t *Table) SetInt(i int64, v Value) {
	if uint64(i)-1 < uint64(len(t.arr)) {
		t.arr[i-1] = v
		return
	}
	t.setIntHash(i, v)
}

func (t *Table) setIntHash(i int64, v Value) { t.setHashed(Int(i), hashInt(i), v) }

// SetStr does t[s] = v without metamethods. The string is stored as given
// (not copied): the caller owns its accounting.
func (t *Table) SetStr(s string, v Value) {
	t.SetStrH(s, hashString(s), v)
}

// SetStrH is SetStr with the key's hash precomputed by hashString.
func (t *Table) SetStrH(s string, h uint64, v Value) {
	t.flags = 0
	if i := t.findStr(s, uint32(h)); i >= 0 {
		t.nodes[i].val = v
		return
	}
	if !v.IsNil() {
		t.newKey(stringValue(s), uint32(h), v)
	}
}

// setHashed stores v under the normalised key k (hash h) outside the array
// part's current range.
func (t *Table) setHashed(k Value, h uint32, v Value) {
	if i := t.findNode(k, h); i >= 0 {
		t.nodes[i].val = v
		return
	}
	if v.IsNil() {
		return
	}
	t.newKey(k, h, v)
}

// newKey adds the absent key k (hash h) with the non-nil value v, growing
// the table first if the hash part is full.
func (t *Table) newKey(k Value, h uint32, v Value) {
	if int(t.nused) == len(t.nodes) {
		t.rehash(k)
		if k.p == unsafe.Pointer(&intTag) && k.n-1 < uint64(len(t.arr)) {
			t.arr[k.n-1] = v
			return
		}
	}
	t.appendNode(k, h, v)
}

// appendNode adds a node; the hash part must have room.
func (t *Table) appendNode(k Value, h uint32, v Value) {
	i := t.nused
	t.nused++
	nodes := t.nodes
	nd := &nodes[i]
	nd.key, nd.val, nd.h = k, v, h
	b := &nodes[h&uint32(len(nodes)-1)].head
	nd.next = *b
	*b = int32(i + 1)
}

// ---------------------------------------------------------------- resizing

// ceilLog2 returns ⌈log2 k⌉ for k ≥ 1.
func ceilLog2(k uint64) int { return bits.Len64(k - 1) }

// countIntKey adds an integer key to nums (nums[i] counts keys in
// (2^(i-1), 2^i]) if it could live in an array part; it returns 1 if so.
func countIntKey(k Value, nums *[maxABits + 1]int) int {
	if k.p == unsafe.Pointer(&intTag) && k.n-1 < maxArraySize {
		nums[ceilLog2(k.n)]++
		return 1
	}
	return 0
}

// computeSizes returns the optimal array size for the integer keys counted
// in nums (na of them): the largest power of two n such that more than n/2
// of the keys 1..n are present, and how many keys that array would hold.
func computeSizes(nums *[maxABits + 1]int, na int) (size, inArray int) {
	a := 0 // keys ≤ 2^i
	for i, p := 0, 1; i <= maxABits && na > p/2; i, p = i+1, p*2 {
		a += nums[i]
		if a > p/2 {
			size, inArray = p, a
		}
	}
	return size, inArray
}

// rehash makes room for the new key ek when the hash part is full.
//
// Without dead entries (no key removed from the hash part since it was
// built) it does exactly what Lua 5.3 does: count the integer keys, choose
// the array size with computeSizes and size the hash part for the rest, so
// tables that only gain keys grow, and find their borders, as in the
// reference.
//
// Dead entries are where a plain Lua rehash can go quadratic (a table whose
// keys churn rehashes, scanning its whole array part, on every few inserts).
// So: when at least a quarter of the hash part is dead, the hash part is
// compacted in place, dropping them (O(hash size), no allocation, and it
// frees a quarter of it); otherwise the Lua rehash runs and the new hash
// part is given at least a quarter of free slots. Either way the work is
// paid for by the inserts needed to fill the freed slots.
func (t *Table) rehash(ek Value) {
	used := t.nodes[:t.nused]
	dead := 0
	for i := range used {
		if used[i].val.IsNil() {
			dead++
		}
	}
	if dead > 0 && dead*4 >= len(t.nodes) {
		t.compact()
		return
	}
	if t.fullRehashes != math.MaxUint32 {
		t.fullRehashes++
	}
	var nums [maxABits + 1]int
	na := 0
	for i := range t.arr {
		if !t.arr[i].IsNil() {
			nums[bits.Len64(uint64(i))]++ // key i+1: ⌈log2(i+1)⌉
			na++
		}
	}
	total := na
	for i := range used {
		nd := &used[i]
		if nd.val.IsNil() {
			continue
		}
		total++
		na += countIntKey(nd.key, &nums)
	}
	na += countIntKey(ek, &nums)
	total++
	asize, inArray := computeSizes(&nums, na)
	inHash := total - inArray
	nh := inHash
	if dead > 0 && nh > 0 {
		nh = hashSizeFor(nh)
		for nh-inHash < nh/4 {
			nh *= 2
		}
	}
	t.resize(asize, nh, true)
}

// compact removes the dead entries of the hash part in place, keeping the
// order of the live ones.
func (t *Table) compact() {
	nodes := t.nodes
	for i := range nodes {
		nodes[i].head = 0
	}
	mask := uint32(len(nodes) - 1)
	w := uint32(0)
	for r := uint32(0); r < t.nused; r++ {
		if nodes[r].val.IsNil() {
			continue
		}
		nd := &nodes[w]
		if w != r {
			// move the entry, not the bucket head stored in its slot
			nd.key, nd.val, nd.h = nodes[r].key, nodes[r].val, nodes[r].h
		}
		b := &nodes[nd.h&mask].head
		nd.next = *b
		*b = int32(w + 1)
		w++
	}
	for i := w; i < t.nused; i++ {
		// let the Go collector have the dead keys
		nodes[i].key, nodes[i].val, nodes[i].h, nodes[i].next = Nil, Nil, 0, 0
	}
	t.nused = w
}

// ResizeArray sets the array part to n slots, keeping the hash part's
// capacity unless entries moving out of the array need more room (as Lua's
// luaH_resizearray; used by SETLIST and table preallocation).
func (t *Table) ResizeArray(n int) {
	if n < 0 {
		n = 0
	}
	t.resize(n, len(t.nodes), false)
}

// resize gives the table nasize array slots and a hash part with room for
// nhsize entries (rounded up to a power of two). compact forces the hash part
// to be rebuilt without its dead entries. It charges the heap for the new
// parts before touching the table, so a refused charge leaves it intact.
func (t *Table) resize(nasize, nhsize int, compact bool) {
	if nasize > maxArraySize {
		throw(errTableOverflow)
	}
	oldArr, oldNodes, oldH := t.arr, t.nodes[:t.nused], len(t.nodes)
	oldHash := t.nodes
	oldA := len(oldArr)

	// Entries that will live in the hash part: live nodes whose key does
	// not move into the array, plus live array slots beyond nasize.
	movedOut := 0
	for i := nasize; i < oldA; i++ {
		if !oldArr[i].IsNil() {
			movedOut++
		}
	}
	staying := 0
	for i := range oldNodes {
		nd := &oldNodes[i]
		if !nd.val.IsNil() && !(nd.key.p == unsafe.Pointer(&intTag) && nd.key.n-1 < uint64(nasize)) {
			staying++
		}
	}
	if need := staying + movedOut; need > nhsize {
		nhsize = need
	}
	hsize := hashSizeFor(nhsize)
	rebuild := compact || hsize != oldH || movedOut > 0

	// The slots scanned above and moved below are work paid in fuel, before
	// anything is done: when the fuel is spent the table stays as it is.
	if t.heap != nil {
		work := int64(oldA + len(oldNodes))
		if nasize != oldA {
			work += int64(min(oldA, nasize))
		}
		if rebuild {
			work += int64(staying + movedOut)
		}
		t.heap.Work(work)
	}
	var charge int64
	if nasize != oldA {
		charge += arrayBytes(nasize)
	}
	if rebuild {
		charge += hashBytes(hsize)
	}
	if t.heap != nil && charge > 0 {
		if err := t.heap.Charge(charge); err != nil {
			throw(err)
		}
	}

	// The charges succeeded: from here on nothing can fail.
	arr := oldArr
	if nasize != oldA {
		arr = makeArr(nasize)
		copy(arr, oldArr)
	}
	// Hash entries whose key now falls in the array part move there; when
	// the hash part is kept they stay behind as dead entries.
	if nasize > oldA {
		for i := range oldNodes {
			nd := &oldNodes[i]
			if !nd.val.IsNil() && nd.key.p == unsafe.Pointer(&intTag) && nd.key.n-1 < uint64(nasize) {
				arr[nd.key.n-1] = nd.val
				if !rebuild {
					nd.val = Nil
				}
			}
		}
	}
	inPlace := false
	if rebuild {
		t.nodes, t.nused = nil, 0
		if oldH == 1 && hsize == 2 && cap(oldHash) == 2 {
			// the second slot makeNodes left behind a one-slot part: its
			// entry is set aside, and the part grows where it is
			var saved [1]node
			copy(saved[:], oldNodes)
			oldNodes = saved[:len(oldNodes)]
			t.nodes = oldHash[:2]
			clear(t.nodes)
			inPlace = true
		} else if hsize > 0 {
			t.nodes = makeNodes(hsize)
		}
		for i := range oldNodes {
			nd := &oldNodes[i]
			if !nd.val.IsNil() && !(nd.key.p == unsafe.Pointer(&intTag) && nd.key.n-1 < uint64(nasize)) {
				t.appendNode(nd.key, nd.h, nd.val)
			}
		}
		for i := nasize; i < oldA; i++ {
			if !oldArr[i].IsNil() {
				t.appendNode(Int(int64(i+1)), hashInt(int64(i+1)), oldArr[i])
			}
		}
	}
	t.arr = arr

	var freed int64
	if nasize != oldA {
		freed += arrayBytes(oldA)
		dropArr(oldArr)
	}
	if rebuild {
		freed += hashBytes(oldH)
		if !inPlace {
			dropNodes(oldHash)
		}
	}
	if t.heap != nil && freed > 0 {
		t.heap.Release(freed)
	}
}

// ---------------------------------------------------------------- part recycling

// A table that grows drops its old parts. A program that keeps building big
// tables would make Go allocate, zero and collect those parts over and over,
// and Go's collector, paced by allocation, would run ever more often (with
// its write barriers on during each cycle). So parts of power-of-two lengths
// in a middle range go back to pools when dropped, cleared so that they keep
// nothing alive, and the next part of that length comes from the pool.
//
// This is below the size model: charges and releases happen exactly as
// before. A pooled part is memory that Go would otherwise hold until its
// next collection; sync.Pool lets go of what stays unused over a collection.
// Parts never leave a table any other way than through resize, which drops
// them only once they are copied, so a pooled part is referenced by no one.

const (
	minPoolLog = 5  // shorter parts are cheap to allocate
	maxPoolLog = 16 // longer ones are rare and stay with Go
)

var (
	arrPool  [maxPoolLog + 1]sync.Pool // *Value: first of 1<<i cleared slots
	nodePool [maxPoolLog + 1]sync.Pool // *node: first of 1<<i cleared slots
)

// poolClass returns the pool for parts of n slots, or -1.
func poolClass(n int) int {
	if n < 1<<minPoolLog || n > 1<<maxPoolLog || n&(n-1) != 0 {
		return -1
	}
	return bits.Len(uint(n)) - 1
}

// makeArr returns n nil slots for an array part.
func makeArr(n int) []Value {
	if c := poolClass(n); c >= 0 {
		if p, _ := arrPool[c].Get().(*Value); p != nil {
			return unsafe.Slice(p, n)
		}
	}
	return make([]Value, n)
}

// makeNodes returns n empty nodes for a hash part.
//
// A one-slot part is given room for a second slot (Go memory only, below
// the size model): objects built field by field ({} then o.x, o.y) grow
// from one slot to two, and resize then grows the part in place instead of
// allocating again.
func makeNodes(n int) []node {
	if n == 1 {
		return make([]node, 1, 2)
	}
	if c := poolClass(n); c >= 0 {
		if p, _ := nodePool[c].Get().(*node); p != nil {
			return unsafe.Slice(p, n)
		}
	}
	return make([]node, n)
}

// dropArr hands an array part no table uses any more to its pool.
func dropArr(a []Value) {
	if c := poolClass(len(a)); c >= 0 && cap(a) == len(a) {
		clear(a)
		arrPool[c].Put(&a[0])
	}
}

// dropNodes hands a hash part no table uses any more to its pool.
func dropNodes(a []node) {
	if c := poolClass(len(a)); c >= 0 && cap(a) == len(a) {
		clear(a)
		nodePool[c].Put(&a[0])
	}
}

// ---------------------------------------------------------------- length

// Len returns a border of t (the # operator without __len), found as Lua
// 5.3's luaH_getn does: a binary search in the array part if its last slot
// is nil, otherwise an unbounded search through the hash part.
func (t *Table) Len() int64 {
	j := uint64(len(t.arr))
	if j > 0 && t.arr[j-1].IsNil() {
		var i uint64
		for j-i > 1 {
			m := (i + j) / 2
			if t.arr[m-1].IsNil() {
				j = m
			} else {
				i = m
			}
		}
		return int64(i)
	}
	if len(t.nodes) == 0 {
		return int64(j)
	}
	return t.unboundSearch(j)
}

func (t *Table) unboundSearch(j uint64) int64 {
	i := j // 0 or a present key
	j++
	for !t.GetInt(int64(j)).IsNil() {
		i = j
		if j > math.MaxInt64/2 {
			// built on purpose to defeat the search: go linearly
			i = 1
			for !t.GetInt(int64(i)).IsNil() {
				i++
			}
			return int64(i - 1)
		}
		j *= 2
	}
	for j-i > 1 {
		m := (i + j) / 2
		if t.GetInt(int64(m)).IsNil() {
			j = m
		} else {
			i = m
		}
	}
	return int64(i)
}

// ---------------------------------------------------------------- traversal

// Next returns the entry after key k in t's traversal order (the first
// entry when k is nil). At the end it returns a nil key and ok true; ok is
// false when k is not a key of t ("invalid key to 'next'"). Keys assigned nil
// during a traversal stay valid arguments.
func (t *Table) Next(k Value) (key, val Value, ok bool) {
	key, val, _, ok = t.NextSkip(k)
	return key, val, ok
}

// NextSkip is Next that also reports how many empty slots it skipped, the
// work a caller charges for (the next builtin pays NextCost(skipped)).
func (t *Table) NextSkip(k Value) (key, val Value, skipped int, ok bool) {
	pos := 0
	if !k.IsNil() {
		if k.IsFloat() {
			// Lua 5.3's next looks a float key up by its float hash, even
			// when it has an integer value: 2.0 is never found where the
			// key 2 is ("invalid key to 'next'", as lua5.3 says)
			if _, isInt := toInteger(k); isInt {
				return Nil, Nil, 0, false
			}
		}
		nk, valid := normKey(k)
		if !valid {
			return Nil, Nil, 0, false
		}
		if nk.p == unsafe.Pointer(&intTag) && nk.n-1 < uint64(len(t.arr)) {
			pos = int(nk.n)
		} else {
			i := t.findNode(nk, keyHash(nk))
			if i < 0 {
				return Nil, Nil, 0, false
			}
			pos = len(t.arr) + i + 1
		}
	}
	np, key, val := t.Iter(pos)
	return key, val, max(np-pos-1, 0), true
}

// Iter is an index-based traversal for loops that keep their place: start
// with pos 0; each call returns the next live entry and the position to pass
// next time. At the end the key is nil. Positions stay valid under
// assignment to existing keys; adding keys may invalidate them.
func (t *Table) Iter(pos int) (next int, key, val Value) {
	if pos < 0 {
		pos = 0
	}
	for ; pos < len(t.arr); pos++ {
		if v := t.arr[pos]; !v.IsNil() {
			return pos + 1, Int(int64(pos + 1)), v
		}
	}
	used := t.nodes[:t.nused]
	for i := pos - len(t.arr); i < len(used); i++ {
		if nd := &used[i]; !nd.val.IsNil() {
			return len(t.arr) + i + 1, nd.key, nd.val
		}
	}
	return len(t.arr) + len(used), Nil, Nil
}
