package stdlib

import (
	"errors"
	"strings"
	"unsafe"

	"github.com/moonfuel/moonfuel/internal/lstr"
	"github.com/moonfuel/moonfuel/vm"
)

// The string library (Lua 5.3 §6.4). The engines (patterns, format, pack)
// live in internal/lstr; this file converts Lua values, raises the
// reference's errors and pays for the work:
//
//   - fuel: vm.ByteCost for every string produced or scanned,
//     vm.CostPerMatchStep for every step of the pattern matcher (paid as
//     the matcher goes, in chunks of matchChunk steps, so a pattern bomb
//     stops when the fuel runs out), vm.CostPerElement per value pushed by
//     byte and unpack and per replacement made by gsub;
//   - memory: results are charged before they are built (string.rep of a
//     huge count fails before allocating), and buffers that grow while a
//     result is built (gsub, pack) are charged as they grow.

// OpenString registers the string library and sets the metatable shared
// by all strings, whose __index is the library table.
func OpenString(st *vm.State) *vm.Table {
	t := st.NewLib("string", []vm.Reg{
		{Name: "byte", Fn: strByte},
		{Name: "char", Fn: strChar},
		{Name: "dump", Fn: strDump},
		{Name: "find", Fn: strFind},
		{Name: "format", Fn: strFormat},
		{Name: "gmatch", Fn: strGmatch},
		{Name: "gsub", Fn: strGsub},
		{Name: "len", Fn: strLen},
		{Name: "lower", Fn: strLower},
		{Name: "match", Fn: strMatch},
		{Name: "rep", Fn: strRep},
		{Name: "reverse", Fn: strReverse},
		{Name: "sub", Fn: strSub},
		{Name: "upper", Fn: strUpper},
		{Name: "pack", Fn: strPack},
		{Name: "packsize", Fn: strPacksize},
		{Name: "unpack", Fn: strUnpack},
	})
	mt := st.NewTable(0, 1)
	mt.Set(vm.StringValue("__index"), vm.TableValue(t))
	st.SetStringMetatable(mt)
	return t
}

// raise turns an engine error into the Lua error the reference raises.
func raise(L *vm.Thread, err error) {
	var ae *lstr.ArgError
	if errors.As(err, &ae) {
		L.ArgError(ae.Arg, ae.Msg)
	}
	L.Errorf("%s", err.Error())
}

// ownedString returns b as a string without copying when little of its
// capacity would be wasted; b must not be used afterwards.
func ownedString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(b)-len(b) > len(b)/4+16 {
		return string(b)
	}
	return unsafe.String(&b[0], len(b))
}

// pushBuilt pushes the string built in b, charging its memory and the fuel
// for producing it.
func pushBuilt(L *vm.Thread, b []byte) {
	L.ChargeFuel(vm.ByteCost(len(b)))
	L.ChargeString(len(b))
	L.Push(vm.StringValue(ownedString(b)))
}

// strBuf is a byte buffer whose growth is charged to the state's heap
// before it happens.
type strBuf struct {
	L       *vm.Thread
	b       []byte
	charged int
}

func (sb *strBuf) reserve(n int) {
	need := len(sb.b) + n
	if need <= cap(sb.b) {
		return
	}
	if need > lstr.MaxStringSize*2 || need < 0 {
		sb.L.Errorf("not enough memory")
	}
	c := 2 * cap(sb.b)
	if c < need {
		c = need
	}
	if c < 64 {
		c = 64
	}
	sb.L.ChargeMemory(int64(c - sb.charged))
	sb.charged = c
	nb := make([]byte, len(sb.b), c)
	copy(nb, sb.b)
	sb.b = nb
}

func (sb *strBuf) addString(s string) {
	sb.reserve(len(s))
	sb.b = append(sb.b, s...)
}

// ---------------------------------------------------------------------------
// Simple functions.

func strLen(L *vm.Thread) int {
	L.Push(vm.Int(int64(len(L.CheckString(1)))))
	return 1
}

func strSub(L *vm.Thread) int {
	s := L.CheckString(1)
	i, j := lstr.SubRange(L.CheckInteger(2), L.OptInteger(3, -1), len(s))
	if i == 0 && j == len(s) {
		L.Push(L.Arg(1)) // the whole string (CheckString made it one)
		return 1
	}
	L.Push(newSubString(L, s, i, j))
	return 1
}

// newSubString returns s[i:j] as a new Lua string. The bytes are copied
// (and paid for) so that a short piece never keeps a long string's memory
// alive after the state has stopped charging for the long string.
func newSubString(L *vm.Thread, s string, i, j int) vm.Value {
	if i == 0 && j == len(s) {
		return L.NewString(s)
	}
	L.ChargeFuel(vm.ByteCost(j - i))
	L.ChargeString(j - i)
	return vm.StringValue(strings.Clone(s[i:j]))
}

func strReverse(L *vm.Thread) int {
	s := L.CheckString(1)
	L.ChargeString(len(s))
	b := make([]byte, len(s))
	lstr.Reverse(b, s)
	L.ChargeFuel(vm.MapCost(len(b)))
	L.Push(vm.StringValue(ownedString(b)))
	return 1
}

func strLower(L *vm.Thread) int {
	s := L.CheckString(1)
	L.ChargeString(len(s))
	b := make([]byte, len(s))
	lstr.Lower(b, s)
	L.ChargeFuel(vm.MapCost(len(b)))
	L.Push(vm.StringValue(ownedString(b)))
	return 1
}

func strUpper(L *vm.Thread) int {
	s := L.CheckString(1)
	L.ChargeString(len(s))
	b := make([]byte, len(s))
	lstr.Upper(b, s)
	L.ChargeFuel(vm.MapCost(len(b)))
	L.Push(vm.StringValue(ownedString(b)))
	return 1
}

func strRep(L *vm.Thread) int {
	s := L.CheckString(1)
	n := L.CheckInteger(2)
	sep := L.OptString(3, "")
	if n <= 0 {
		L.Push(vm.StringValue(""))
		return 1
	}
	size, ok := lstr.RepSize(len(s), len(sep), n)
	if !ok {
		L.Errorf("resulting string too large")
	}
	if size == 0 {
		L.Push(vm.StringValue(""))
		return 1
	}
	L.ChargeString(int(size))
	L.ChargeFuel(vm.ByteCost(int(size)))
	b := lstr.Repeat(make([]byte, 0, size), s, sep, n)
	L.Push(vm.StringValue(ownedString(b)))
	return 1
}

// maxByteResults bounds the values string.byte may push (the reference's
// stack limit, LUAI_MAXSTACK).
const maxByteResults = 1000000

func strByte(L *vm.Thread) int {
	s := L.CheckString(1)
	i := L.OptInteger(2, 1)
	posi := lstr.PosRelat(i, len(s))
	pose := lstr.PosRelat(L.OptInteger(3, posi), len(s))
	if posi < 1 {
		posi = 1
	}
	if pose > int64(len(s)) {
		pose = int64(len(s))
	}
	if posi > pose {
		return 0
	}
	n := int(pose - posi + 1)
	if n >= maxByteResults {
		L.Errorf("stack overflow (string slice too long)")
	}
	L.ChargeFuel(int64(n) * vm.CostPerElement)
	L.CheckStack(n)
	for k := 0; k < n; k++ {
		L.Push(vm.Int(int64(s[int(posi)-1+k])))
	}
	return n
}

func strChar(L *vm.Thread) int {
	n := L.NArgs()
	L.ChargeString(n)
	b := make([]byte, n)
	for i := 1; i <= n; i++ {
		c := L.CheckInteger(i)
		if uint64(c) > 255 {
			L.ArgError(i, "value out of range")
		}
		b[i-1] = byte(c)
	}
	L.ChargeFuel(vm.ByteCost(n))
	L.Push(vm.StringValue(ownedString(b)))
	return 1
}

// strDump is string.dump(f [, strip]): f's prototype as a Lua 5.3 binary
// chunk (vm.DumpFunction); Go functions cannot be dumped. The chunk's size
// is bounded by the prototype's, which is already in memory.
func strDump(L *vm.Thread) int {
	L.CheckType(1, vm.TypeFunction)
	b, err := vm.DumpFunction(L.Arg(1), !L.Arg(2).IsFalsy())
	if err != nil {
		L.Errorf("unable to dump given function")
	}
	L.ChargeString(len(b))
	L.ChargeFuel(vm.ByteCost(len(b)))
	L.Push(vm.StringValue(ownedString(b)))
	return 1
}

// ---------------------------------------------------------------------------
// Pattern matching.

// matchChunk is how many matcher steps are granted at a time; they are
// paid for (CostPerMatchStep each) when used.
const matchChunk = 1024

// fuelMeter pays for matcher steps with the thread's fuel.
type fuelMeter struct{ L *vm.Thread }

// Refuel implements lstr.Refueler: it charges the steps used and grants
// another chunk (ChargeFuel stops the state when the fuel is exhausted).
func (f fuelMeter) Refuel(used int64) int64 {
	f.L.ChargeFuel(used * vm.CostPerMatchStep)
	return matchChunk
}

// settle pays for the steps m used since its last refuel.
func settle(L *vm.Thread, m *lstr.Matcher) {
	L.ChargeFuel(m.Unreported() * vm.CostPerMatchStep)
}

// pushCaptures pushes the captures of the match s..e (or the whole match
// when the pattern has none and whole is set) and returns their number.
func pushCaptures(L *vm.Thread, m *lstr.Matcher, s, e int, whole bool) int {
	n := m.NumCaptures(whole)
	L.CheckStack(n)
	for i := 0; i < n; i++ {
		pushCapture(L, m, i, s, e)
	}
	return n
}

func pushCapture(L *vm.Thread, m *lstr.Matcher, i, s, e int) {
	cs, ce, pos, err := m.Capture(i, s, e)
	if err != nil {
		raise(L, err)
	}
	if pos {
		L.Push(vm.Int(int64(cs) + 1))
	} else {
		L.Push(newSubString(L, m.Src(), cs, ce))
	}
}

func strFind(L *vm.Thread) int  { return strFindAux(L, true) }
func strMatch(L *vm.Thread) int { return strFindAux(L, false) }

func strFindAux(L *vm.Thread, find bool) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	init, ok := lstr.FindInit(L.OptInteger(3, 1), len(s))
	if !ok {
		L.Push(vm.Nil)
		return 1
	}
	if find && (!L.Arg(4).IsFalsy() || !lstr.HasSpecials(p)) {
		// a plain search
		i := strings.Index(s[init:], p)
		if i < 0 {
			L.ChargeFuel(vm.ByteCost(len(s) - init))
			L.Push(vm.Nil)
			return 1
		}
		L.ChargeFuel(vm.ByteCost(i + len(p)))
		L.Push(vm.Int(int64(init + i + 1)))
		L.Push(vm.Int(int64(init + i + len(p))))
		return 2
	}
	var m lstr.Matcher
	m.Reset(s, p, matchChunk)
	m.SetRefueler(fuelMeter{L})
	start, end, ok, err := m.Find(init)
	settle(L, &m)
	if err != nil {
		raise(L, err)
	}
	if !ok {
		L.Push(vm.Nil)
		return 1
	}
	if find {
		L.Push(vm.Int(int64(start + 1)))
		L.Push(vm.Int(int64(end)))
		return pushCaptures(L, &m, start, end, false) + 2
	}
	return pushCaptures(L, &m, start, end, true)
}

// gmatchState is the state of a string.gmatch iterator.
type gmatchState struct {
	it lstr.Iter
}

func strGmatch(L *vm.Thread) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	g := &gmatchState{}
	L.ChargeMemory(int64(unsafe.Sizeof(*g)))
	g.it.ResetGmatch(s, p, matchChunk)
	// the subject, the pattern and the position are its upvalues, as in
	// lstrlib.c (debug.getupvalue sees them)
	L.Push(L.NewGoClosure("gmatch_aux", g.next, L.Arg(1), L.Arg(2), vm.Int(0)))
	return 1
}

func (g *gmatchState) next(L *vm.Thread) int {
	m := &g.it.M
	m.SetRefueler(fuelMeter{L})
	s, e, ok, err := g.it.Next()
	settle(L, m)
	m.SetRefueler(nil)
	if err != nil {
		raise(L, err)
	}
	if !ok {
		return 0
	}
	return pushCaptures(L, m, s, e, true)
}

func strGsub(L *vm.Thread) int {
	src := L.CheckString(1)
	p := L.CheckString(2)
	tr := L.Arg(3)
	var repl string
	switch tr.Type() {
	case vm.TypeNumber, vm.TypeString:
		repl = L.CheckString(3)
	case vm.TypeFunction, vm.TypeTable:
	default:
		L.ArgError(3, "string/function/table expected")
	}
	maxS := L.OptInteger(4, int64(len(src))+1)
	var it lstr.Iter
	it.ResetGsub(src, p, matchChunk)
	it.M.SetRefueler(fuelMeter{L})
	sb := strBuf{L: L}
	n, copied := int64(0), 0
	for n < maxS {
		s, e, ok, err := it.Next()
		if err != nil {
			settle(L, &it.M)
			raise(L, err)
		}
		if !ok {
			break
		}
		n++
		sb.addString(src[copied:s])
		copied = e
		switch tr.Type() {
		case vm.TypeNumber, vm.TypeString:
			addRepl(L, &sb, &it.M, repl, s, e)
		default:
			addValue(L, &sb, &it.M, tr, s, e)
		}
	}
	settle(L, &it.M)
	L.ChargeFuel(n * vm.CostPerElement) // one element per replacement
	sb.addString(src[copied:])
	pushBuilt(L, sb.b)
	L.Push(vm.Int(n))
	return 2
}

// addRepl appends the replacement string for the match s..e.
func addRepl(L *vm.Thread, sb *strBuf, m *lstr.Matcher, repl string, s, e int) {
	n, err := m.ReplLen(repl, s, e)
	if err != nil {
		raise(L, err)
	}
	sb.reserve(n)
	sb.b, _ = m.AppendRepl(sb.b, repl, s, e)
}

// addValue appends the value the table or function tr gives for the match
// s..e (the original text when it gives false or nil).
func addValue(L *vm.Thread, sb *strBuf, m *lstr.Matcher, tr vm.Value, s, e int) {
	var v vm.Value
	if tr.Type() == vm.TypeFunction {
		L.Push(tr)
		n := pushCaptures(L, m, s, e, true)
		L.CallStack(n, 1)
		v = L.Get(-1)
		L.Pop(1)
	} else {
		pushCapture(L, m, 0, s, e)
		k := L.Get(-1)
		L.Pop(1)
		v = L.Index(tr, k)
	}
	if v.IsFalsy() {
		sb.addString(m.Src()[s:e]) // keep the original text
		return
	}
	str, ok := L.ToString(v)
	if !ok {
		L.Errorf("invalid replacement value (a %s)", v.TypeName())
	}
	sb.addString(str)
}

// ---------------------------------------------------------------------------
// string.format.

// fmtArgs gives the format engine the arguments of the running builtin.
type fmtArgs struct{ L *vm.Thread }

func (a fmtArgs) NumArgs() int                    { return a.L.NArgs() }
func (a fmtArgs) Integer(arg int) (int64, error)  { return a.L.CheckInteger(arg), nil }
func (a fmtArgs) Number(arg int) (float64, error) { return a.L.CheckNumber(arg), nil }
func (a fmtArgs) ToString(arg int) (string, error) {
	s := a.L.ToStringMeta(a.L.Arg(arg))
	a.L.ChargeFuel(vm.ByteCost(len(s)))
	return s, nil
}

// Reserve charges the heap for the growing result (it is charged again as
// a string when done, as the reference holds both a buffer and the result).
func (a fmtArgs) Reserve(n int) error {
	a.L.ChargeMemory(int64(n))
	return nil
}

func (a fmtArgs) Literal(arg int) (lstr.LiteralKind, string, int64, float64) {
	v := a.L.Arg(arg)
	switch {
	case v.IsString():
		// %q quotes byte by byte
		a.L.ChargeFuel(vm.CharCost(len(v.AsString())))
		return lstr.LitString, v.AsString(), 0, 0
	case v.IsInt():
		return lstr.LitInteger, "", v.AsInt(), 0
	case v.IsFloat():
		return lstr.LitFloat, "", 0, v.AsFloat()
	case v.Type() == vm.TypeNil || v.Type() == vm.TypeBoolean:
		return lstr.LitOther, "", 0, 0
	}
	return lstr.LitNone, "", 0, 0
}

func strFormat(L *vm.Thread) int {
	f := L.CheckString(1)
	L.ChargeFuel(vm.ByteCost(len(f)))
	out, err := lstr.Format(make([]byte, 0, len(f)+16), f, fmtArgs{L})
	if err != nil {
		raise(L, err)
	}
	pushBuilt(L, out)
	return 1
}

// ---------------------------------------------------------------------------
// string.pack, packsize and unpack.

// packArgs gives the pack engine the arguments of the running builtin.
// The reference reports missing arguments as nil (it pushes a nil mark
// above them).
type packArgs struct {
	L       *vm.Thread
	charged *int64
}

func (a packArgs) missing(arg int, what string) {
	if arg > a.L.NArgs() {
		a.L.ArgError(arg, what+" expected, got nil")
	}
}

func (a packArgs) Integer(arg int) (int64, error) {
	a.missing(arg, "number")
	return a.L.CheckInteger(arg), nil
}

func (a packArgs) Number(arg int) (float64, error) {
	a.missing(arg, "number")
	return a.L.CheckNumber(arg), nil
}

func (a packArgs) String(arg int) (string, error) {
	a.missing(arg, "string")
	return a.L.CheckString(arg), nil
}

func (a packArgs) Reserve(n int64) error {
	*a.charged += n
	if *a.charged > 2*lstr.MaxStringSize {
		a.L.Errorf("not enough memory")
	}
	a.L.ChargeMemory(n)
	return nil
}

func strPack(L *vm.Thread) int {
	f := L.CheckString(1)
	var charged int64
	out, err := lstr.Pack(nil, f, packArgs{L, &charged})
	if err != nil {
		raise(L, err)
	}
	pushBuilt(L, out)
	return 1
}

func strPacksize(L *vm.Thread) int {
	n, err := lstr.PackSize(L.CheckString(1))
	if err != nil {
		raise(L, err)
	}
	L.Push(vm.Int(n))
	return 1
}

func strUnpack(L *vm.Thread) int {
	f := L.CheckString(1)
	data := L.CheckString(2)
	var u lstr.Unpacker
	if err := u.Reset(f, data, L.OptInteger(3, 1)); err != nil {
		raise(L, err)
	}
	n := 0
	for {
		v, ok, err := u.Next()
		if err != nil {
			raise(L, err)
		}
		if !ok {
			break
		}
		L.ChargeFuel(vm.CostPerElement)
		L.CheckStack(2)
		switch v.Kind {
		case lstr.KInt:
			L.Push(vm.Int(v.Int))
		case lstr.KFloat:
			L.Push(vm.Float(v.Num))
		default:
			L.Push(newSubString(L, data, v.Off, v.Off+len(v.Str)))
		}
		n++
	}
	L.Push(vm.Int(u.Pos()))
	return n + 1
}
