package compiler

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/lexer"
	"github.com/moonfuel/moonfuel/parser"
)

// verify checks structural invariants of a prototype: operands in range,
// jumps inside the code, tests followed by jumps, and so on.
func verify(p *Proto) error {
	n := len(p.Code)
	if n == 0 || p.Code[n-1].Op() != OpReturn {
		return fmt.Errorf("function does not end with RETURN")
	}
	if len(p.LineInfo) != n {
		return fmt.Errorf("line info has %d entries for %d instructions", len(p.LineInfo), n)
	}
	if p.MaxStackSize > MaxRegisters || p.MaxStackSize < p.NumParams {
		return fmt.Errorf("bad MaxStackSize %d", p.MaxStackSize)
	}
	reg := func(pc, r int) error {
		if r >= p.MaxStackSize {
			return fmt.Errorf("pc %d: register %d beyond frame size %d", pc, r, p.MaxStackSize)
		}
		return nil
	}
	rk := func(pc, x int) error {
		if IsK(x) {
			if IndexK(x) >= len(p.Constants) {
				return fmt.Errorf("pc %d: constant %d out of range", pc, IndexK(x))
			}
			return nil
		}
		return reg(pc, x)
	}
	for pc, i := range p.Code {
		op := i.Op()
		if int(op) >= NumOpcodes {
			return fmt.Errorf("pc %d: bad opcode %d", pc, op)
		}
		info := OpInfos[op]
		if info.Test {
			if pc+1 >= n || p.Code[pc+1].Op() != OpJmp {
				return fmt.Errorf("pc %d: %s not followed by JMP", pc, info.Name)
			}
		}
		var err error
		switch op {
		case OpJmp, OpForLoop, OpForPrep, OpTForLoop:
			t := pc + 1 + i.SBx()
			if t < 0 || t >= n {
				return fmt.Errorf("pc %d: jump to %d out of range", pc, t)
			}
		case OpLoadK:
			if i.Bx() >= len(p.Constants) {
				return fmt.Errorf("pc %d: constant out of range", pc)
			}
		case OpLoadKX:
			if pc+1 >= n || p.Code[pc+1].Op() != OpExtraArg || p.Code[pc+1].Ax() >= len(p.Constants) {
				return fmt.Errorf("pc %d: bad LOADKX", pc)
			}
		case OpGetUpval, OpSetUpval:
			if i.B() >= len(p.Upvalues) {
				return fmt.Errorf("pc %d: upvalue out of range", pc)
			}
		case OpGetTabUp:
			if i.B() >= len(p.Upvalues) {
				return fmt.Errorf("pc %d: upvalue out of range", pc)
			}
			err = rk(pc, i.C())
		case OpSetTabUp:
			if i.A() >= len(p.Upvalues) {
				return fmt.Errorf("pc %d: upvalue out of range", pc)
			}
			if err = rk(pc, i.B()); err == nil {
				err = rk(pc, i.C())
			}
		case OpClosure:
			if i.Bx() >= len(p.Protos) {
				return fmt.Errorf("pc %d: closure out of range", pc)
			}
		case OpSetTable, OpAdd, OpSub, OpMul, OpMod, OpPow, OpDiv, OpIDiv, OpBAnd, OpBOr,
			OpBXor, OpShl, OpShr, OpEq, OpLt, OpLe:
			if err = rk(pc, i.B()); err == nil {
				err = rk(pc, i.C())
			}
		}
		if err != nil {
			return err
		}
		if info.SetsA || op == OpSetTable || op == OpTest || op == OpCall || op == OpReturn {
			if op != OpSetTabUp && op != OpJmp && op != OpExtraArg {
				if err := reg(pc, i.A()); err != nil && !(op == OpReturn && i.B() == 1) {
					return err
				}
			}
		}
	}
	for _, c := range p.Protos {
		if err := verify(c); err != nil {
			return fmt.Errorf("function at line %d: %w", c.LineDefined, err)
		}
	}
	return nil
}

func TestVerifyCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.lua")
	suite, _ := filepath.Glob(filepath.Join("../../shared/lua-5.3.4-tests", "*.lua"))
	for _, f := range append(files, suite...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		snippets := []string{lexer.SkipFileHeader(string(src))}
		if filepath.Dir(f) == filepath.Join("testdata", "corpus") {
			snippets = strings.Split(string(src), "\n----\n")
		}
		for i, s := range snippets {
			p, err := compileSource(s, "@"+f)
			if err != nil {
				t.Errorf("%s #%d: %v", f, i, err)
				continue
			}
			if err := verify(p); err != nil {
				t.Errorf("%s #%d: %v", f, i, err)
			}
		}
	}
}

// FuzzCompile parses and compiles arbitrary text: the compiler must neither
// panic nor hang, must fail only with *Error, and must produce prototypes
// that pass verify.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*.lua")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(string(src))
		}
	}
	for _, tc := range errorCases {
		if len(tc.src) < 2000 {
			f.Add(tc.src)
		}
	}
	for seed := int64(1); seed <= 20; seed++ {
		f.Add(genProgram(seed))
	}
	f.Add("local a <const> = 1")
	f.Add("for i = 1, 2 do goto l end ::l::")
	f.Fuzz(func(t *testing.T, src string) {
		chunk, err := parser.Parse(src, "=fuzz")
		if err != nil {
			return
		}
		p, err := Compile(chunk)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("non-compiler error %T: %v", err, err)
			}
			return
		}
		if err := verify(p); err != nil {
			t.Fatalf("%v\n%s", err, Disassemble(p))
		}
		_ = Disassemble(p)
	})
}
