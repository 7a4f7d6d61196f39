package lexer

import (
	"math"
	"strings"
	"testing"
)

// scanAll returns the tokens of src, or the first error.
func scanAll(src string) ([]Item, error) {
	lx := New(src, "=in")
	var items []Item
	for {
		if err := lx.Next(); err != nil {
			return items, err
		}
		items = append(items, lx.Cur)
		if lx.Cur.Tok == EOF {
			return items, nil
		}
	}
}

func TestTokens(t *testing.T) {
	src := "and break do else elseif end false for function goto if in local nil not or repeat return then true until while " +
		"+ - * / // % ^ # & ~ | << >> == ~= <= >= < > = ( ) { } [ ] :: ; : , . .. ... " +
		"name _x x1 @ $"
	want := []Token{And, Break, Do, Else, Elseif, End, False, For, Function, Goto, If, In, Local, Nil, Not, Or, Repeat, Return, Then, True, Until, While,
		Plus, Minus, Star, Slash, DSlash, Percent, Caret, Hash, Amp, Tilde, Pipe, Shl, Shr, Eq, Ne, Le, Ge, Lt, Gt, Assign, LParen, RParen, LBrace, RBrace, LBracket, RBracket, DColon, Semi, Colon, Comma, Dot, Concat, Dots,
		Name, Name, Name, Other, Other, EOF}
	items, err := scanAll(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(items), len(want))
	}
	for i, it := range items {
		if it.Tok != want[i] {
			t.Errorf("token %d = %v, want %v", i, it.Tok, want[i])
		}
	}
	// Tokens glued together.
	items, _ = scanAll("a.b:c::d...e..f<=g<<h>>i>=j==k~=l//m")
	var got []string
	for _, it := range items {
		got = append(got, it.Tok.String())
	}
	if s := strings.Join(got, " "); s != "<name> . <name> : <name> :: <name> ... <name> .. <name> <= <name> << <name> >> <name> >= <name> == <name> ~= <name> // <name> <eof>" {
		t.Errorf("glued tokens: %s", s)
	}
}

// TestNumerals checks numerals against lua5.3 (math.type and %a of
// "return <numeral>").
func TestNumerals(t *testing.T) {
	cases := []struct {
		src   string
		isInt bool
		i     int64
		f     float64
	}{
		{"3", true, 3, 0},
		{"3.0", false, 0, 3},
		{"3.", false, 0, 3},
		{".5", false, 0, 0.5},
		{"0x10", true, 16, 0},
		{"0XfF", true, 255, 0},
		{"9223372036854775807", true, math.MaxInt64, 0},
		{"9223372036854775808", false, 0, 9223372036854775808.0},
		{"0xffffffffffffffff", true, -1, 0},
		{"0x10000000000000000", true, 0, 0},
		{"1e2", false, 0, 100},
		{"1E+2", false, 0, 100},
		{"1e-2", false, 0, 0.01},
		{"0x1p4", false, 0, 16},
		{"0x1P-1", false, 0, 0.5},
		{"0xA.8p0", false, 0, 10.5},
		{"0x.1", false, 0, 0.0625},
		{"0xA.", false, 0, 10},
		{"0x1e", true, 30, 0},
		{"08", true, 8, 0},
		{"1e400", false, 0, math.Inf(1)},
	}
	for _, c := range cases {
		items, err := scanAll(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		it := items[0]
		if len(items) != 2 {
			t.Errorf("%s: %d tokens", c.src, len(items))
		}
		if c.isInt && (it.Tok != Int || it.Int != c.i) || !c.isInt && (it.Tok != Float || it.Num != c.f) {
			t.Errorf("%s: got %v %d %v", c.src, it.Tok, it.Int, it.Num)
		}
	}
	// "0x1e-2" is 0x1e minus 2, and "3x" is 3 then x (lua5.3 reports
	// "syntax error near <eof>" for "x = 3x", not a malformed number).
	for src, want := range map[string][]Token{
		"0x1e-2": {Int, Minus, Int, EOF},
		"3x":     {Int, Name, EOF},
		"1..2":   nil,
		"3 .. 4": {Int, Concat, Int, EOF},
	} {
		items, err := scanAll(src)
		if want == nil {
			if err == nil {
				t.Errorf("%s: no error", src)
			}
			continue
		}
		if err != nil || len(items) != len(want) {
			t.Errorf("%s: %v %v", src, items, err)
			continue
		}
		for i := range want {
			if items[i].Tok != want[i] {
				t.Errorf("%s: token %d is %v", src, i, items[i].Tok)
			}
		}
	}
}

// TestStrings checks string values; the expected values were checked
// with lua5.3 (print of the same literals through string.byte).
func TestStrings(t *testing.T) {
	cases := []struct{ src, want string }{
		{`"abc"`, "abc"},
		{`'a"b'`, `a"b`},
		{`"a'b"`, `a'b`},
		{`"\a\b\f\n\r\t\v\\\"\'"`, "\a\b\f\n\r\t\v\\\"'"},
		{`"\65\066\0067"`, "AB\x067"},
		{`"\x41\x4a\x4A"`, "AJJ"},
		{`"\0\00\000"`, "\x00\x00\x00"},
		{`"\255"`, "\xff"},
		{`"\u{41}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}\u{0000000000041}"`, "A\u07ff\u0800\uffff\U00010000\U0010ffff" + "A"},
		{`"\u{D800}"`, "\xed\xa0\x80"},
		{"\"a\\z \n\t\r\n b\"", "ab"},
		{"\"a\\\nb\"", "a\nb"},
		{"\"a\\\r\nb\"", "a\nb"},
		{"\"a\\\n\rb\"", "a\nb"},
		{"\"a\\\r\\\rb\"", "a\n\nb"},
		{"[[abc]]", "abc"},
		{"[[\nabc]]", "abc"},
		{"[[\r\nabc]]", "abc"},
		{"[[\n\nabc]]", "\nabc"},
		{"[==[a]]b]=]c]==]", "a]]b]=]c"},
		{"[[a\r\nb\n\rc\rd\ne\r\r]]", "a\nb\nc\nd\ne\n\n"},
		{"[=[\\n]=]", "\\n"},
		{"''", ""},
		{"[[]]", ""},
	}
	for _, c := range cases {
		items, err := scanAll(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if items[0].Tok != String || items[0].Str != c.want || len(items) != 2 {
			t.Errorf("%s: got %v %q, want %q", c.src, items[0].Tok, items[0].Str, c.want)
		}
	}
}

func TestLines(t *testing.T) {
	src := "a\nb\r\nc\n\rd\r\re\n\nf --[[x\ny]] g [==[\n\n]==] h -- c\ni \"\\\n\" j"
	want := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 6, "f": 8, "g": 9, "h": 11, "i": 12, "j": 13}
	lx := New(src, "=in")
	for {
		if err := lx.Next(); err != nil {
			t.Fatal(err)
		}
		if lx.Cur.Tok == EOF {
			break
		}
		if lx.Cur.Tok == Name && want[lx.Cur.Str] != lx.Cur.Line {
			t.Errorf("%s on line %d, want %d", lx.Cur.Str, lx.Cur.Line, want[lx.Cur.Str])
		}
	}
}

// TestErrors checks lexical errors against lua5.3's load messages.
func TestErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{`"abc`, `in:1: unfinished string near <eof>`},
		{"\"abc\ny\"", `in:1: unfinished string near '"abc'`},
		{`"abc\q"`, `in:1: invalid escape sequence near '"abc\q'`},
		{`"\300"`, `in:1: decimal escape too large near '"\300"'`},
		{`"\9999"`, `in:1: decimal escape too large near '"\9999'`},
		{`"\xg1"`, `in:1: hexadecimal digit expected near '"\xg'`},
		{`"\x1`, `in:1: hexadecimal digit expected near '"\x1'`},
		{`"\u{110000}"`, `in:1: UTF-8 value too large near '"\u{110000'`},
		{`"\u{7FFFFFFF}"`, `in:1: UTF-8 value too large near '"\u{7FFFFF'`},
		{`"\u12"`, `in:1: missing '{' near '"\u1'`},
		{`"\u{12"`, `in:1: missing '}' near '"\u{12"'`},
		{`"\u{}"`, `in:1: hexadecimal digit expected near '"\u{}'`},
		{"\"a\\0b\\q\"", `in:1: invalid escape sequence near '"a'`},
		{"[[abc", `in:1: unfinished long string (starting at line 1) near <eof>`},
		{"\n[==[abc]=]\n", `in:3: unfinished long string (starting at line 2) near <eof>`},
		{"--[[abc", `in:1: unfinished long comment (starting at line 1) near <eof>`},
		{"[=abc", `in:1: invalid long string delimiter near '[='`},
		{"3.4.5", `in:1: malformed number near '3.4.5'`},
		{"0x", `in:1: malformed number near '0x'`},
		{"1e+", `in:1: malformed number near '1e+'`},
		{"3ee+5", `in:1: malformed number near '3ee'`},
		{"0xep", `in:1: malformed number near '0xep'`},
		{"\n\n\"abc\\", `in:3: unfinished string near <eof>`},
	}
	for _, c := range cases {
		_, err := scanAll(c.src)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %s", c.src, err, c.want)
		}
	}
}

func TestNear(t *testing.T) {
	cases := []struct{ src, want string }{
		{"abc", "'abc'"}, {"3.0e1", "'3.0e1'"}, {`"a\tb"`, "'\"a\tb\"'"},
		{"[==[\r\nab\rc]==]", "'[==[ab\nc]==]'"}, {"'x\\0y'", `''x'`},
		{"\x01", `'<\1>'`}, {"\x80", `'<\128>'`}, {"\x00", ""}, {"@", "'@'"},
		{"..", "'..'"}, {"end", "'end'"}, {"", "<eof>"},
	}
	for _, c := range cases {
		lx := New(c.src, "=in")
		if err := lx.Next(); err != nil {
			t.Fatal(err)
		}
		if got := lx.Near(&lx.Cur); got != c.want {
			t.Errorf("Near(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

func TestLookahead(t *testing.T) {
	lx := New("a = b", "=in")
	if err := lx.Next(); err != nil {
		t.Fatal(err)
	}
	if tok, err := lx.Lookahead(); tok != Assign || err != nil {
		t.Fatalf("Lookahead = %v, %v", tok, err)
	}
	if lx.Cur.Tok != Name || lx.Cur.Str != "a" {
		t.Fatalf("Cur changed: %+v", lx.Cur)
	}
	for _, want := range []Token{Assign, Name, EOF} {
		if err := lx.Next(); err != nil || lx.Cur.Tok != want {
			t.Fatalf("Next = %v, %v; want %v", lx.Cur.Tok, err, want)
		}
	}
}

// TestChunkID checks display names against lua5.3's messages for
// load("x=", name).
func TestChunkID(t *testing.T) {
	cases := []struct{ in, want string }{
		{"=abc", "abc"},
		{"@abc", "abc"},
		{"abc", `[string "abc"]`},
		{"abc\ndef", `[string "abc..."]`},
		{strings.Repeat("x", 44), `[string "` + strings.Repeat("x", 44) + `"]`},
		{strings.Repeat("x", 45), `[string "` + strings.Repeat("x", 45) + `..."]`},
		{strings.Repeat("x", 46), `[string "` + strings.Repeat("x", 45) + `..."]`},
		{"=" + strings.Repeat("y", 59), strings.Repeat("y", 59)},
		{"=" + strings.Repeat("y", 60), strings.Repeat("y", 59)},
		{"@" + strings.Repeat("z", 56) + "END", strings.Repeat("z", 56) + "END"},
		{"@" + strings.Repeat("z", 57) + "END", "..." + strings.Repeat("z", 53) + "END"},
		{"@" + strings.Repeat("z", 59) + "END", "..." + strings.Repeat("z", 53) + "END"},
		{"\nabc", `[string "..."]`},
		{"", `[string ""]`},
		{"=", ""},
		{"@", ""},
		{"ab\x00cd", `[string "ab"]`},
		{strings.Repeat("w", 50) + "\nx", `[string "` + strings.Repeat("w", 45) + `..."]`},
	}
	for _, c := range cases {
		if got := ChunkID(c.in); got != c.want {
			t.Errorf("ChunkID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSkipFileHeader(t *testing.T) {
	cases := []struct{ in, want string }{
		{"#!/usr/bin/lua\nx=1", "\nx=1"},
		{"\xef\xbb\xbf#!lua\nx", "\nx"},
		{"\xef\xbb\xbfx", "x"},
		{"#only", "\n"},
		{"x=1", "x=1"},
		{"", ""},
	}
	for _, c := range cases {
		if got := SkipFileHeader(c.in); got != c.want {
			t.Errorf("SkipFileHeader(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzLexer(f *testing.F) {
	for _, s := range []string{
		"", "x = 1", `"\u{10FFFF}\x41\65\z  "`, "[==[\r\n]==]", "--[[\n]]", "0x1p-4 3e+5 .5 0xA.",
		"a.b:c::d...e..f<=g<<h>>i>=j==k~=l//m", "\"\\", "[=", "\x00\x80@$", "\r\n\n\r\r",
		"3ee+5", `"\300"`, `"\u{`, "--[==[ ]=] ]==]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lx := New(src, "=fuzz")
		prevPos := -1
		for n := 0; ; n++ {
			if err := lx.Next(); err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz:") {
					t.Fatalf("bad error %q", err)
				}
				return
			}
			if lx.Cur.Tok == EOF {
				return
			}
			if lx.pos <= prevPos || n > len(src) {
				t.Fatalf("no progress at %d", lx.pos)
			}
			prevPos = lx.pos
			_ = lx.Near(&lx.Cur)
		}
	})
}

func BenchmarkLexer(b *testing.B) {
	src := strings.Repeat("local function f(a, b) return a.x + b[1] * 3.5 .. 'str' end -- comment\n", 100)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		lx := New(src, "=bench")
		for {
			if err := lx.Next(); err != nil {
				b.Fatal(err)
			}
			if lx.Cur.Tok == EOF {
				break
			}
		}
	}
}
