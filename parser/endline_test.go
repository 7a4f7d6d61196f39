package parser

import (
	"testing"

	"github.com/moonfuel/moonfuel/ast"
)

// TestCallParenEndLine checks EndLine of calls, method calls and
// parentheses: the line of the last token of the arguments or of ')'.
func TestCallParenEndLine(t *testing.T) {
	cases := []struct {
		src  string
		line int // of the outermost node
		end  int
	}{
		{"f(1)", 1, 1},
		{"f(1,\n2\n)", 1, 3},
		{"f\n(\n1)", 1, 3},
		{"f{\n1,\n2}", 1, 3},
		{"f[[a\nb\nc]]", 1, 3},
		{"f\n'x'", 1, 2},
		{"o:m(\n1)", 1, 2},
		{"o\n:m\n{}", 1, 3},
		{"o:m[[\n]]", 1, 2},
		{"(\nx\n)", 1, 3},
		{"(a +\nb)", 1, 2},
		{"f(1)(\n2)", 1, 2},
	}
	for _, tc := range cases {
		e := parseExpr(t, tc.src)
		var line, end int
		switch e := e.(type) {
		case *ast.Call:
			line, end = e.Line(), e.EndLine
		case *ast.MethodCall:
			line, end = e.Line(), e.EndLine
		case *ast.Paren:
			line, end = e.Line(), e.EndLine
		default:
			t.Errorf("%q: parsed as %T", tc.src, e)
			continue
		}
		if line != tc.line || end != tc.end {
			t.Errorf("%q: line %d, EndLine %d; want %d, %d", tc.src, line, end, tc.line, tc.end)
		}
	}
	// a call statement
	c, err := Parse("print(\n1,\n2)", "=test")
	if err != nil {
		t.Fatal(err)
	}
	st, ok := c.Block.Stmts[0].(*ast.ExprStmt)
	if !ok {
		t.Fatalf("statement is %T", c.Block.Stmts[0])
	}
	if call, ok := st.Call.(*ast.Call); !ok || call.EndLine != 3 {
		t.Errorf("call statement: %+v", st.Call)
	}
}
