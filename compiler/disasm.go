package compiler

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/moonfuel/moonfuel/internal/luanum"
)

// Disassemble lists a prototype and its nested functions in the style of
// `luac -l -l`: a header per function, one line per instruction with its
// source line and operands (constants as negative numbers -1-k, with a
// comment naming them), then the constants, locals and upvalues. Addresses
// are left out, so the output is deterministic.
func Disassemble(p *Proto) string {
	var sb strings.Builder
	disasm(&sb, p)
	return sb.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func disasm(sb *strings.Builder, p *Proto) {
	src := p.Source
	switch {
	case strings.HasPrefix(src, "@"), strings.HasPrefix(src, "="):
		src = src[1:]
	case strings.HasPrefix(src, "\x1b"):
		src = "(bstring)"
	default:
		src = "(string)"
	}
	kind := "function"
	if p.LineDefined == 0 {
		kind = "main"
	}
	fmt.Fprintf(sb, "\n%s <%s:%d,%d> (%d instruction%s)\n", kind, src, p.LineDefined, p.LastLineDefined,
		len(p.Code), plural(len(p.Code)))
	vararg := ""
	if p.IsVararg {
		vararg = "+"
	}
	fmt.Fprintf(sb, "%d%s param%s, %d slot%s, %d upvalue%s, ", p.NumParams, vararg, plural(p.NumParams),
		p.MaxStackSize, plural(p.MaxStackSize), len(p.Upvalues), plural(len(p.Upvalues)))
	fmt.Fprintf(sb, "%d local%s, %d constant%s, %d function%s\n", len(p.LocVars), plural(len(p.LocVars)),
		len(p.Constants), plural(len(p.Constants)), len(p.Protos), plural(len(p.Protos)))
	for pc := range p.Code {
		sb.WriteString(InstructionString(p, pc))
		sb.WriteByte('\n')
	}
	fmt.Fprintf(sb, "constants (%d):\n", len(p.Constants))
	for i, k := range p.Constants {
		fmt.Fprintf(sb, "\t%d\t%s\n", i+1, ConstantString(k))
	}
	fmt.Fprintf(sb, "locals (%d):\n", len(p.LocVars))
	for i, l := range p.LocVars {
		fmt.Fprintf(sb, "\t%d\t%s\t%d\t%d\n", i, l.Name, l.StartPC+1, l.EndPC+1)
	}
	fmt.Fprintf(sb, "upvalues (%d):\n", len(p.Upvalues))
	for i, u := range p.Upvalues {
		in := 0
		if u.InStack {
			in = 1
		}
		fmt.Fprintf(sb, "\t%d\t%s\t%d\t%d\n", i, u.Name, in, u.Index)
	}
	for _, c := range p.Protos {
		disasm(sb, c)
	}
}

// ConstantString formats a constant as luac's listing does: strings quoted
// with C escapes, floats with "%.14g" (plus ".0" when integral-looking).
func ConstantString(k Constant) string {
	switch v := k.(type) {
	case nil:
		return "nil"
	case bool:
		if v {
			return "true"
		}
		return "false"
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return luanum.FormatFloat(v)
	case string:
		var sb strings.Builder
		sb.WriteByte('"')
		for i := 0; i < len(v); i++ {
			c := v[i]
			switch c {
			case '"':
				sb.WriteString(`\"`)
			case '\\':
				sb.WriteString(`\\`)
			case '\a':
				sb.WriteString(`\a`)
			case '\b':
				sb.WriteString(`\b`)
			case '\f':
				sb.WriteString(`\f`)
			case '\n':
				sb.WriteString(`\n`)
			case '\r':
				sb.WriteString(`\r`)
			case '\t':
				sb.WriteString(`\t`)
			case '\v':
				sb.WriteString(`\v`)
			default:
				if c >= 0x20 && c < 0x7f {
					sb.WriteByte(c)
				} else {
					fmt.Fprintf(&sb, `\%03d`, c)
				}
			}
		}
		sb.WriteByte('"')
		return sb.String()
	}
	return fmt.Sprintf("?%T", k)
}

func afterLoadKX(p *Proto, pc int) bool {
	return pc > 0 && p.Code[pc-1].Op() == OpLoadKX
}

// InstructionString formats instruction pc of p as one line of a luac -l
// listing: "\tpc+1\t[line]\tOPNAME   \toperands\t; comment".
func InstructionString(p *Proto, pc int) string {
	var sb strings.Builder
	i := p.Code[pc]
	op := i.Op()
	line := 0
	if pc < len(p.LineInfo) {
		line = int(p.LineInfo[pc])
	}
	fmt.Fprintf(&sb, "\t%d\t", pc+1)
	if line > 0 {
		fmt.Fprintf(&sb, "[%d]\t", line)
	} else {
		sb.WriteString("[-]\t")
	}
	if int(op) >= NumOpcodes {
		fmt.Fprintf(&sb, "%-9s\t%#08x", "UNKNOWN", uint32(i))
		return sb.String()
	}
	info := OpInfos[op]
	fmt.Fprintf(&sb, "%-9s\t", info.Name)
	a, b, c, bx, sbx := i.A(), i.B(), i.C(), i.Bx(), i.SBx()
	myk := func(x int) int { return -1 - x }
	rk := func(x int) int {
		if IsK(x) {
			return myk(IndexK(x))
		}
		return x
	}
	switch info.Format {
	case IABC:
		fmt.Fprintf(&sb, "%d", a)
		if info.B != OpArgN {
			fmt.Fprintf(&sb, " %d", rk(b))
		}
		if info.C != OpArgN {
			fmt.Fprintf(&sb, " %d", rk(c))
		}
	case IABx:
		fmt.Fprintf(&sb, "%d", a)
		if info.B == OpArgK {
			fmt.Fprintf(&sb, " %d", myk(bx))
		}
		if info.B == OpArgU {
			fmt.Fprintf(&sb, " %d", bx)
		}
	case IAsBx:
		fmt.Fprintf(&sb, "%d %d", a, sbx)
	case IAx:
		if afterLoadKX(p, pc) {
			fmt.Fprintf(&sb, "%d", myk(i.Ax()))
		} else {
			fmt.Fprintf(&sb, "%d", i.Ax())
		}
	}
	kstr := func(x int) string {
		if x >= 0 && x < len(p.Constants) {
			return ConstantString(p.Constants[x])
		}
		return "?"
	}
	upname := func(x int) string {
		if x >= 0 && x < len(p.Upvalues) && p.Upvalues[x].Name != "" {
			return p.Upvalues[x].Name
		}
		return "-"
	}
	switch op {
	case OpLoadK:
		fmt.Fprintf(&sb, "\t; %s", kstr(bx))
	case OpExtraArg:
		if afterLoadKX(p, pc) {
			fmt.Fprintf(&sb, "\t; %s", kstr(i.Ax()))
		}
	case OpGetUpval, OpSetUpval:
		fmt.Fprintf(&sb, "\t; %s", upname(b))
	case OpGetTabUp:
		fmt.Fprintf(&sb, "\t; %s", upname(b))
		if IsK(c) {
			fmt.Fprintf(&sb, " %s", kstr(IndexK(c)))
		}
	case OpSetTabUp:
		fmt.Fprintf(&sb, "\t; %s", upname(a))
		if IsK(b) {
			fmt.Fprintf(&sb, " %s", kstr(IndexK(b)))
		}
		if IsK(c) {
			fmt.Fprintf(&sb, " %s", kstr(IndexK(c)))
		}
	case OpGetTable, OpSelf:
		if IsK(c) {
			fmt.Fprintf(&sb, "\t; %s", kstr(IndexK(c)))
		}
	case OpSetTable, OpAdd, OpSub, OpMul, OpMod, OpPow, OpDiv, OpIDiv, OpBAnd, OpBOr, OpBXor,
		OpShl, OpShr, OpEq, OpLt, OpLe:
		if IsK(b) || IsK(c) {
			sb.WriteString("\t; ")
			if IsK(b) {
				sb.WriteString(kstr(IndexK(b)))
			} else {
				sb.WriteString("-")
			}
			sb.WriteString(" ")
			if IsK(c) {
				sb.WriteString(kstr(IndexK(c)))
			} else {
				sb.WriteString("-")
			}
		}
	case OpJmp, OpForLoop, OpForPrep, OpTForLoop:
		fmt.Fprintf(&sb, "\t; to %d", sbx+pc+2)
	case OpClosure:
		fmt.Fprintf(&sb, "\t; function %d", bx)
	case OpSetList:
		if c == 0 && pc+1 < len(p.Code) {
			fmt.Fprintf(&sb, "\t; %d", p.Code[pc+1].Ax())
		} else {
			fmt.Fprintf(&sb, "\t; %d", c)
		}
	}
	return sb.String()
}
