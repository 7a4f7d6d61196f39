package parser

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/moonfuel/moonfuel/ast"
)

// exprString prints e as Lua source with every operation parenthesised,
// so that precedence and associativity are explicit.
func exprString(e ast.Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExprs(b *strings.Builder, es []ast.Expr) {
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		writeExpr(b, e)
	}
}

func writeExpr(b *strings.Builder, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Nil:
		b.WriteString("nil")
	case *ast.True:
		b.WriteString("true")
	case *ast.False:
		b.WriteString("false")
	case *ast.Vararg:
		b.WriteString("...")
	case *ast.Integer:
		b.WriteString(strconv.FormatInt(e.Value, 10))
	case *ast.Float:
		s := strconv.FormatFloat(e.Value, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eIN") {
			s += ".0"
		}
		b.WriteString(s)
	case *ast.String:
		b.WriteString(luaQuote(e.Value))
	case *ast.Name:
		b.WriteString(e.Name)
	case *ast.Index:
		writeExpr(b, e.Obj)
		b.WriteString("[")
		writeExpr(b, e.Key)
		b.WriteString("]")
	case *ast.Call:
		writeExpr(b, e.Fn)
		b.WriteString("(")
		writeExprs(b, e.Args)
		b.WriteString(")")
	case *ast.MethodCall:
		writeExpr(b, e.Obj)
		b.WriteString(":" + e.Name + "(")
		writeExprs(b, e.Args)
		b.WriteString(")")
	case *ast.Function:
		b.WriteString("function(" + strings.Join(e.Params, ", "))
		if e.IsVararg {
			if len(e.Params) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("...")
		}
		b.WriteString(") ")
		writeBlock(b, e.Body)
		b.WriteString("end")
	case *ast.Paren:
		b.WriteString("(")
		writeExpr(b, e.X)
		b.WriteString(")")
	case *ast.BinOp:
		b.WriteString("(")
		writeExpr(b, e.L)
		b.WriteString(" " + e.Op.String() + " ")
		writeExpr(b, e.R)
		b.WriteString(")")
	case *ast.UnOp:
		b.WriteString("(" + e.Op.String() + " ")
		writeExpr(b, e.X)
		b.WriteString(")")
	case *ast.Table:
		b.WriteString("{")
		for i, f := range e.Fields {
			if i > 0 {
				b.WriteString(", ")
			}
			if f.Key != nil {
				b.WriteString("[")
				writeExpr(b, f.Key)
				b.WriteString("] = ")
			}
			writeExpr(b, f.Value)
		}
		b.WriteString("}")
	default:
		fmt.Fprintf(b, "<%T>", e)
	}
}

func luaQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\%03d", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// blockString prints a block as one-line Lua source.
func blockString(bl *ast.Block) string {
	var b strings.Builder
	writeBlock(&b, bl)
	return strings.TrimSpace(b.String())
}

func writeBlock(b *strings.Builder, bl *ast.Block) {
	for _, s := range bl.Stmts {
		writeStmt(b, s)
		b.WriteString("; ")
	}
	if bl.Return != nil {
		b.WriteString("return")
		if len(bl.Return.Values) > 0 {
			b.WriteString(" ")
			writeExprs(b, bl.Return.Values)
		}
		b.WriteString("; ")
	}
}

func writeStmt(b *strings.Builder, s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Empty:
		b.WriteString(";")
	case *ast.ExprStmt:
		writeExpr(b, s.Call)
	case *ast.Assign:
		writeExprs(b, s.Targets)
		b.WriteString(" = ")
		writeExprs(b, s.Values)
	case *ast.Local:
		b.WriteString("local " + strings.Join(s.Names, ", "))
		if len(s.Values) > 0 {
			b.WriteString(" = ")
			writeExprs(b, s.Values)
		}
	case *ast.LocalFunction:
		b.WriteString("local function " + s.Name + " = ")
		writeExpr(b, s.Func)
	case *ast.FunctionStmt:
		b.WriteString("function ")
		writeExpr(b, s.Target)
		if s.Func.IsMethod {
			b.WriteString(" method")
		}
		b.WriteString(" = ")
		writeExpr(b, s.Func)
	case *ast.Do:
		b.WriteString("do ")
		writeBlock(b, s.Body)
		b.WriteString("end")
	case *ast.While:
		b.WriteString("while ")
		writeExpr(b, s.Cond)
		b.WriteString(" do ")
		writeBlock(b, s.Body)
		b.WriteString("end")
	case *ast.Repeat:
		b.WriteString("repeat ")
		writeBlock(b, s.Body)
		b.WriteString("until ")
		writeExpr(b, s.Cond)
	case *ast.If:
		for i, c := range s.Conds {
			if i == 0 {
				b.WriteString("if ")
			} else {
				b.WriteString("elseif ")
			}
			writeExpr(b, c)
			b.WriteString(" then ")
			writeBlock(b, s.Blocks[i])
		}
		if s.Else != nil {
			b.WriteString("else ")
			writeBlock(b, s.Else)
		}
		b.WriteString("end")
	case *ast.NumericFor:
		b.WriteString("for " + s.Var + " = ")
		writeExpr(b, s.Start)
		b.WriteString(", ")
		writeExpr(b, s.Limit)
		if s.Step != nil {
			b.WriteString(", ")
			writeExpr(b, s.Step)
		}
		b.WriteString(" do ")
		writeBlock(b, s.Body)
		b.WriteString("end")
	case *ast.GenericFor:
		b.WriteString("for " + strings.Join(s.Names, ", ") + " in ")
		writeExprs(b, s.Exprs)
		b.WriteString(" do ")
		writeBlock(b, s.Body)
		b.WriteString("end")
	case *ast.Break:
		b.WriteString("break")
	case *ast.Goto:
		b.WriteString("goto " + s.Label)
	case *ast.Label:
		b.WriteString("::" + s.Name + "::")
	default:
		fmt.Fprintf(b, "<%T>", s)
	}
}
