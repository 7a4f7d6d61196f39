package compiler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/ast"
	"github.com/moonfuel/moonfuel/lexer"
	"github.com/moonfuel/moonfuel/parser"
)

func benchChunks(b *testing.B) ([]*ast.Chunk, int) {
	files, _ := filepath.Glob(filepath.Join("../../shared/lua-5.3.4-tests", "*.lua"))
	if len(files) == 0 {
		b.Skip("Lua test suite not found")
	}
	var chunks []*ast.Chunk
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		ch, err := parser.Parse(lexer.SkipFileHeader(string(src)), "@"+f)
		if err != nil {
			b.Fatal(err)
		}
		chunks = append(chunks, ch)
		size += len(src)
	}
	return chunks, size
}

// BenchmarkCompileSuite compiles the (already parsed) official test suite.
func BenchmarkCompileSuite(b *testing.B) {
	chunks, size := benchChunks(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, ch := range chunks {
			if _, err := Compile(ch); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCompileSmall compiles a small chunk, as a sandbox cold start
// does.
func BenchmarkCompileSmall(b *testing.B) {
	ch, err := parser.Parse("local t = {}\nfor i = 1, 10 do t[i] = i * 2 end\nreturn t", "=small")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Compile(ch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompilePathological compiles inputs that are quadratic for a
// naive implementation of jump lists and label lookup: long 'or' chains,
// many labels and gotos, many breaks out of one loop.
func BenchmarkCompilePathological(b *testing.B) {
	const n = 20000
	var or, gotos, breaks strings.Builder
	or.WriteString("local a = 1\nlocal x = a")
	breaks.WriteString("local a\nfor i = 1, 2 do\n")
	for i := 0; i < n; i++ {
		or.WriteString(" or a")
		gotos.WriteString("::l" + itoa(i) + ":: goto l" + itoa(i) + "\n")
		breaks.WriteString("if a then break end\n")
	}
	breaks.WriteString("end\n")
	var chunks []*ast.Chunk
	for _, src := range []string{or.String(), gotos.String(), breaks.String()} {
		ch, err := parser.Parse(src, "=bench")
		if err != nil {
			b.Fatal(err)
		}
		chunks = append(chunks, ch)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ch := range chunks {
			if _, err := Compile(ch); err != nil {
				b.Fatal(err)
			}
		}
	}
}
