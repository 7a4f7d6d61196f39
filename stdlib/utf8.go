package stdlib

import (
	"github.com/moonfuel/moonfuel/internal/utf8x"
	"github.com/moonfuel/moonfuel/vm"
)

// The utf8 library (Lua 5.3 §6.5), following lutf8lib: code points up to
// 0x10FFFF, surrogates accepted, at most four bytes per sequence.

// utf8CharPattern matches exactly one UTF-8 byte sequence (utf8.charpattern).
const utf8CharPattern = "[\x00-\x7F\xC2-\xF4][\x80-\xBF]*"

// utf8Iter is the iterator function utf8.codes returns; it has no state of
// its own, so one value serves every state.
var utf8Iter = vm.NewGoFunction("utf8.codes iterator", utf8IterAux)

// OpenUTF8 registers the utf8 library.
func OpenUTF8(st *vm.State) *vm.Table {
	t := st.NewLib("utf8", []vm.Reg{
		{Name: "char", Fn: utf8Char},
		{Name: "codepoint", Fn: utf8Codepoint},
		{Name: "codes", Fn: utf8Codes},
		{Name: "len", Fn: utf8Len},
		{Name: "offset", Fn: utf8Offset},
	})
	t.Set(vm.StringValue("charpattern"), vm.StringValue(utf8CharPattern))
	return t
}

// uPosRelat translates a relative string position: negative means back
// from the end.
func uPosRelat(pos int64, n int) int64 {
	if pos >= 0 {
		return pos
	}
	if uint64(0)-uint64(pos) > uint64(n) {
		return 0
	}
	return int64(n) + pos + 1
}

func utf8Len(L *vm.Thread) int {
	s := L.CheckString(1)
	posi := uPosRelat(L.OptInteger(2, 1), len(s))
	posj := uPosRelat(L.OptInteger(3, -1), len(s))
	if !(1 <= posi && posi-1 <= int64(len(s))) {
		L.ArgError(2, "initial position out of string")
	}
	posi--
	posj--
	if posj >= int64(len(s)) {
		L.ArgError(3, "final position out of string")
	}
	if posj >= posi {
		L.ChargeFuel(vm.CharCost(int(posj - posi + 1)))
	}
	n := int64(0)
	for posi <= posj {
		_, size, ok := utf8x.Decode(s, int(posi))
		if !ok {
			L.Push(vm.Nil)
			L.Push(vm.Int(posi + 1))
			return 2
		}
		posi += int64(size)
		n++
	}
	L.Push(vm.Int(n))
	return 1
}

func utf8Codepoint(L *vm.Thread) int {
	s := L.CheckString(1)
	posi := uPosRelat(L.OptInteger(2, 1), len(s))
	pose := uPosRelat(L.OptInteger(3, posi), len(s))
	if posi < 1 {
		L.ArgError(2, "out of range")
	}
	if pose > int64(len(s)) {
		L.ArgError(3, "out of range")
	}
	if posi > pose {
		return 0 // empty interval
	}
	if pose-posi >= 1<<31-1 {
		L.Errorf("string slice too long")
	}
	L.ChargeFuel(vm.CharCost(int(pose-posi+1)) + tabElemFuel(pose-posi+1))
	if !L.TryCheckStack(int(pose - posi + 1)) {
		L.Errorf("stack overflow (string slice too long)")
	}
	n := 0
	for i := int(posi - 1); i < int(pose); {
		code, size, ok := utf8x.Decode(s, i)
		if !ok {
			L.Errorf("invalid UTF-8 code")
		}
		L.Push(vm.Int(int64(code)))
		n++
		i += size
	}
	return n
}

func utf8Char(L *vm.Thread) int {
	n := L.NArgs()
	L.ChargeFuel(tabElemFuel(int64(n)))
	buf := make([]byte, 0, 4*n)
	for i := 1; i <= n; i++ {
		code := L.CheckInteger(i)
		if code < 0 || code > utf8x.MaxUnicode {
			L.ArgError(i, "value out of range")
		}
		buf = utf8x.Encode(buf, uint32(code))
	}
	L.PushString(string(buf))
	return 1
}

func utf8Offset(L *vm.Thread) int {
	s := L.CheckString(1)
	n := L.CheckInteger(2)
	posi := int64(1)
	if n < 0 {
		posi = int64(len(s)) + 1
	}
	posi = uPosRelat(L.OptInteger(3, posi), len(s))
	if !(1 <= posi && posi-1 <= int64(len(s))) {
		L.ArgError(3, "position out of range")
	}
	posi--
	p := int(posi)
	steps := 0
	if n == 0 {
		// find the beginning of the current byte sequence
		for p > 0 && utf8x.ContAt(s, p) {
			p--
			steps++
		}
	} else {
		if utf8x.ContAt(s, p) {
			L.Errorf("initial position is a continuation byte")
		}
		if n < 0 {
			for n < 0 && p > 0 { // move back
				for { // find the beginning of the previous character
					p--
					steps++
					if !(p > 0 && utf8x.ContAt(s, p)) {
						break
					}
				}
				n++
			}
		} else {
			n-- // do not move for the first character
			for n > 0 && p < len(s) {
				for { // find the beginning of the next character
					p++
					steps++
					if !utf8x.ContAt(s, p) {
						break
					}
				}
				n--
			}
		}
	}
	L.ChargeFuel(vm.CharCost(steps))
	if n == 0 { // found the character
		L.Push(vm.Int(int64(p) + 1))
	} else {
		L.Push(vm.Nil)
	}
	return 1
}

func utf8Codes(L *vm.Thread) int {
	L.CheckString(1)
	L.Push(utf8Iter)
	L.Push(L.Arg(1))
	L.Push(vm.Int(0))
	return 3
}

func utf8IterAux(L *vm.Thread) int {
	s := L.CheckString(1)
	i, _ := L.ToInteger(L.Arg(2))
	n := i - 1
	if n < 0 { // first iteration
		n = 0
	} else if n < int64(len(s)) {
		n++ // skip the current byte and its continuations
		for utf8x.ContAt(s, int(n)) {
			n++
		}
	}
	if n >= int64(len(s)) {
		return 0 // no more code points
	}
	code, size, ok := utf8x.Decode(s, int(n))
	if !ok || utf8x.ContAt(s, int(n)+size) {
		L.Errorf("invalid UTF-8 code")
	}
	L.ChargeFuel(vm.ByteCost(size))
	L.Push(vm.Int(n + 1))
	L.Push(vm.Int(int64(code)))
	return 2
}
