package vm

import (
	"strings"

	"github.com/moonfuel/moonfuel/compiler"
)

// This file names things for error messages and tracebacks: it runs the
// bytecode symbolically, as the reference's ldebug.c does, to find where a
// register's value came from (a local, a global, a field, an upvalue, a
// method or a constant).

// currentLine returns the line of the instruction being executed in Lua
// frame ci.
func currentLine(ci *callInfo) int {
	p := ci.cl.p
	pc := ci.pc - 1
	if pc < 0 {
		pc = 0
	}
	if pc < len(p.LineInfo) {
		return int(p.LineInfo[pc])
	}
	return -1
}

// localName returns the name of the n-th (1-based) local active at pc.
func localName(p *compiler.Proto, n, pc int) string {
	for _, lv := range p.LocVars {
		if lv.StartPC > pc {
			break
		}
		if pc < lv.EndPC {
			n--
			if n == 0 {
				return lv.Name
			}
		}
	}
	return ""
}

func upvalName(p *compiler.Proto, i int) string {
	if i < len(p.Upvalues) && p.Upvalues[i].Name != "" {
		return p.Upvalues[i].Name
	}
	return "?"
}

// findSetReg finds the last instruction before lastpc that set register reg
// (-1 when the value may come from a jump).
func findSetReg(p *compiler.Proto, lastpc, reg int) int {
	setreg := -1
	jmptarget := 0
	for pc := 0; pc < lastpc; pc++ {
		i := p.Code[pc]
		op := i.Op()
		a := i.A()
		change := false
		switch op {
		case compiler.OpLoadNil:
			b := i.B()
			change = a <= reg && reg <= a+b
		case compiler.OpTForCall:
			change = reg >= a+2
		case compiler.OpCall, compiler.OpTailCall:
			change = reg >= a
		case compiler.OpJmp:
			dest := pc + 1 + i.SBx()
			if pc < dest && dest <= lastpc && dest > jmptarget {
				jmptarget = dest
			}
		default:
			change = compiler.OpInfos[op].SetsA && reg == a
		}
		if change {
			if pc < jmptarget {
				setreg = -1
			} else {
				setreg = pc
			}
		}
	}
	return setreg
}

// rkName names an RK operand at pc when it is a string constant (or a
// register loaded with one).
func rkName(p *compiler.Proto, pc, c int) string {
	if compiler.IsK(c) {
		if s, ok := p.Constants[compiler.IndexK(c)].(string); ok {
			return s
		}
	} else if name, kind := getObjName(p, pc, c); kind == "constant" {
		return name
	}
	return "?"
}

// cName is a name as the reference reports it: it passes names through C
// strings, so a name holding a zero byte ends there (t["a\0b"] is 'a').
func cName(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// getObjName finds a name for register reg at instruction lastpc: it returns
// the name and its kind ("local", "global", "field", "upvalue", "constant",
// "method"), or "" kind when unknown.
func getObjName(p *compiler.Proto, lastpc, reg int) (string, string) {
	if name := localName(p, reg+1, lastpc); name != "" {
		return name, "local"
	}
	pc := findSetReg(p, lastpc, reg)
	if pc == -1 {
		return "", ""
	}
	i := p.Code[pc]
	switch i.Op() {
	case compiler.OpMove:
		if b := i.B(); b < i.A() {
			return getObjName(p, pc, b)
		}
	case compiler.OpGetTabUp:
		name := rkName(p, pc, i.C())
		if upvalName(p, i.B()) == "_ENV" {
			return name, "global"
		}
		return name, "field"
	case compiler.OpGetTable:
		name := rkName(p, pc, i.C())
		if localName(p, i.B()+1, pc) == "_ENV" {
			return name, "global"
		}
		return name, "field"
	case compiler.OpGetUpval:
		return upvalName(p, i.B()), "upvalue"
	case compiler.OpLoadK, compiler.OpLoadKX:
		b := i.Bx()
		if i.Op() == compiler.OpLoadKX && pc+1 < len(p.Code) {
			b = p.Code[pc+1].Ax()
		}
		if s, ok := p.Constants[b].(string); ok {
			return s, "constant"
		}
	case compiler.OpSelf:
		return rkName(p, pc, i.C()), "method"
	}
	return "", ""
}

// funcNameFromCode names the function called by the instruction being run
// in Lua frame ci (the caller): its name and kind, or "" when unknown.
func funcNameFromCode(ci *callInfo) (string, string) {
	p := ci.cl.p
	pc := ci.pc - 1
	if pc < 0 || pc >= len(p.Code) {
		return "", ""
	}
	i := p.Code[pc]
	var ev event
	switch i.Op() {
	case compiler.OpCall, compiler.OpTailCall:
		name, kind := getObjName(p, pc, i.A())
		return cName(name), kind
	case compiler.OpTForCall:
		return "for iterator", "for iterator"
	case compiler.OpSelf, compiler.OpGetTabUp, compiler.OpGetTable:
		ev = evIndex
	case compiler.OpSetTabUp, compiler.OpSetTable:
		ev = evNewIndex
	case compiler.OpAdd, compiler.OpSub, compiler.OpMul, compiler.OpMod, compiler.OpPow,
		compiler.OpDiv, compiler.OpIDiv, compiler.OpBAnd, compiler.OpBOr, compiler.OpBXor,
		compiler.OpShl, compiler.OpShr:
		ev = evAdd + event(i.Op()-compiler.OpAdd)
	case compiler.OpUnm:
		ev = evUnm
	case compiler.OpBNot:
		ev = evBNot
	case compiler.OpLen:
		ev = evLen
	case compiler.OpConcat:
		ev = evConcat
	case compiler.OpEq:
		ev = evEq
	case compiler.OpLt:
		ev = evLt
	case compiler.OpLe:
		ev = evLe
	default:
		return "", ""
	}
	return eventNames[ev], "metamethod"
}

// calledName names the function running in frame ci as its caller called
// it (getfuncname): "" when unknown (tail calls, calls from Go).
func (L *Thread) calledName(ci *callInfo) (string, string) {
	if ci.flags&cistFin != 0 {
		return "__gc", "metamethod" // a finalizer runs above it (GCTM)
	}
	if ci == &L.baseCi || ci.flags&cistTail != 0 {
		return "", ""
	}
	prev := ci.prev
	if prev == nil || prev.cl == nil || prev == &L.baseCi {
		return "", ""
	}
	if prev.flags&cistHooked != 0 {
		return "?", "hook" // called by a hook (hook.go)
	}
	return funcNameFromCode(prev)
}

// traceback builds the "stack traceback:" text of thread L from level on
// (luaL_traceback), with msg first when not empty.
func (L *Thread) traceback(msg string, level int) string {
	var b strings.Builder
	if msg != "" {
		b.WriteString(msg)
		b.WriteString("\n")
	}
	b.WriteString("stack traceback:")
	// collect frames, innermost first; the main thread ends with the host's
	// call (shown as "[C]: in ?", as lua.c's is)
	var frames []*callInfo
	for ci := L.ci; ci != &L.baseCi && ci != nil; ci = ci.prev {
		frames = append(frames, ci)
	}
	if L == L.st.main {
		frames = append(frames, nil)
	}
	if level > len(frames) {
		level = len(frames)
	}
	frames = frames[level:]
	const levels1, levels2 = 10, 11
	n := len(frames)
	for k := 0; k < n; k++ {
		if n > levels1+levels2+1 && k == levels1 { // lauxlib: last - level > LEVELS1 + LEVELS2
			b.WriteString("\n\t...")
			k = n - levels2
		}
		ci := frames[k]
		b.WriteString("\n\t")
		if ci == nil {
			b.WriteString("[C]: in ?")
			continue
		}
		if ci.cl != nil {
			b.WriteString(chunkID(ci.cl.p.Source))
			b.WriteString(":")
			if line := currentLine(ci); line > 0 {
				b.WriteString(itoa(line))
				b.WriteString(":")
			}
		} else {
			b.WriteString("[C]:")
		}
		b.WriteString(" in ")
		b.WriteString(L.frameDescription(ci))
		if ci.flags&cistTail != 0 {
			b.WriteString("\n\t(...tail calls...)")
		}
	}
	return b.String()
}

// frameDescription describes the function of frame ci for a traceback.
func (L *Thread) frameDescription(ci *callInfo) string {
	fn := L.stack[ci.fn]
	if ci.gf != nil {
		fn = refValue(unsafePointer(ci.gf), kindGoFunction)
	} else if ci.cl != nil {
		fn = refValue(unsafePointer(ci.cl), kindLuaFunction)
	}
	if gn := L.st.globalFuncName(fn); gn != "" {
		return "function '" + gn + "'"
	}
	if name, kind := L.calledName(ci); kind != "" {
		return kind + " '" + name + "'"
	}
	if ci.cl != nil {
		if ci.cl.p.LineDefined == 0 {
			return "main chunk"
		}
		return "function <" + chunkID(ci.cl.p.Source) + ":" + itoa(ci.cl.p.LineDefined) + ">"
	}
	return "?"
}
