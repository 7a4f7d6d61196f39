package compiler_test

import (
	"fmt"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/parser"
)

func ExampleCompile() {
	chunk, err := parser.Parse("local t = {}\nt.x = 1 + 2\nprint(t.x)", "=example")
	if err != nil {
		panic(err)
	}
	p, err := compiler.Compile(chunk)
	if err != nil {
		panic(err)
	}
	for pc := range p.Code {
		fmt.Println(compiler.InstructionString(p, pc))
	}
	// Output:
	// 	1	[1]	NEWTABLE 	0 0 0
	// 	2	[2]	SETTABLE 	0 -1 -2	; "x" 3
	// 	3	[3]	GETTABUP 	1 0 -3	; _ENV "print"
	// 	4	[3]	GETTABLE 	2 0 -1	; "x"
	// 	5	[3]	CALL     	1 2 1
	// 	6	[3]	RETURN   	0 1
}

func ExampleCompile_error() {
	chunk, _ := parser.Parse("goto nowhere", "=example")
	_, err := compiler.Compile(chunk)
	fmt.Println(err)
	// Output:
	// example:1: no visible label 'nowhere' for <goto> at line 1
}
