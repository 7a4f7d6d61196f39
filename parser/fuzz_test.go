package parser

import (
	"strings"
	"testing"
)

// FuzzParse checks that no input makes the parser panic or recurse
// without bound, and that errors are always *SyntaxError with a
// "chunk:line:" prefix.
func FuzzParse(f *testing.F) {
	for _, c := range errorCases {
		f.Add(c.src)
	}
	for _, s := range []string{
		"", "x", "return", "return ...", "local function f(...) return ... end",
		strings.Repeat("(", 300), strings.Repeat("{", 300), strings.Repeat("- ", 300) + "1",
		strings.Repeat("a..", 300) + "a", strings.Repeat("do ", 300), strings.Repeat("a,", 300) + "a=1",
		"f{a=1, [2]=3; 4,}:m'x'[[y]]", "for i=1,2 do goto c ::c:: end",
		"a = 0x1p4 .. 1e9 .. .5 .. 3 // 2 >> 1 << 2 ~ ~3 | 4 & 5",
		"--[==[ comment ]==] x = [[\r\n]] .. '\\z\n \\u{10FFFF}\\x41\\065'",
		"local t = {x \n = 1, y \"a\" \"b\" z}",
		"if a then elseif b then else end while c do end repeat until d",
		"function a.b.c:d(e, f, ...) return self end",
		"x = function(...) local a, b = ... return a end",
		"\x00", "x = '\x00'", "\xef\xbb\xbf", "#!/bin/lua\nx=1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse(src, "=fuzz")
		if err == nil {
			return
		}
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Fatalf("error %T %v", err, err)
		}
		if !strings.HasPrefix(se.Error(), "fuzz:") || se.Line < 1 {
			t.Fatalf("bad error %q", se.Error())
		}
	})
}
