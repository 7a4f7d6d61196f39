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

// verify checks what the compiler's own output must satisfy: Verify's
// invariants, and line information for every instruction of every function.
func verify(p *Proto) error {
	if err := Verify(p); err != nil {
		return err
	}
	return checkLineInfo(p)
}

func checkLineInfo(p *Proto) error {
	if len(p.LineInfo) != len(p.Code) {
		return fmt.Errorf("function at line %d: line info has %d entries for %d instructions",
			p.LineDefined, len(p.LineInfo), len(p.Code))
	}
	for _, c := range p.Protos {
		if err := checkLineInfo(c); err != nil {
			return err
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
