package compiler

import (
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/ast"
)

func p(l int) ast.Pos { return ast.Pos{L: l} }

func name(l int, n string) *ast.Name { return &ast.Name{Pos: p(l), Name: n} }

func integer(l int, v int64) *ast.Integer { return &ast.Integer{Pos: p(l), Value: v} }

// TestHandBuilt compiles small hand-built trees (independent of the parser).
func TestHandBuilt(t *testing.T) {
	// local a = 1
	// print(a + 2, "x")
	chunk := &ast.Chunk{Source: "@t.lua", Block: &ast.Block{
		Pos: p(1),
		Stmts: []ast.Stmt{
			&ast.Local{Pos: p(1), Names: []string{"a"}, Values: []ast.Expr{integer(1, 1)}},
			&ast.ExprStmt{Pos: p(2), Call: &ast.Call{Pos: p(2), Fn: name(2, "print"), Args: []ast.Expr{
				&ast.BinOp{Pos: p(2), Op: ast.OpAdd, L: name(2, "a"), R: integer(2, 2)},
				&ast.String{Pos: p(2), Value: "x"},
			}}},
		},
		EndLine: 2,
	}}
	proto, err := Compile(chunk)
	if err != nil {
		t.Fatal(err)
	}
	got := Disassemble(proto)
	want := `
main <t.lua:0,0> (6 instructions)
0+ params, 4 slots, 1 upvalue, 1 local, 4 constants, 0 functions
	1	[1]	LOADK    	0 -1	; 1
	2	[2]	GETTABUP 	1 0 -2	; _ENV "print"
	3	[2]	ADD      	2 0 -3	; - 2
	4	[2]	LOADK    	3 -4	; "x"
	5	[2]	CALL     	1 3 1
	6	[2]	RETURN   	0 1
constants (4):
	1	1
	2	"print"
	3	2
	4	"x"
locals (1):
	0	a	2	7
upvalues (1):
	0	_ENV	1	0
`
	if strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestGotoErrorsHandBuilt(t *testing.T) {
	chunk := &ast.Chunk{Source: "@c.lua", Block: &ast.Block{
		Stmts:   []ast.Stmt{&ast.Goto{Pos: p(1), Label: "x"}},
		EndLine: 2,
	}}
	_, err := Compile(chunk)
	if err == nil || err.Error() != "c.lua:2: no visible label 'x' for <goto> at line 1" {
		t.Fatalf("got %v", err)
	}
}
