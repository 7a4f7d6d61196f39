package parser

import (
	"errors"
	"strings"
	"testing"
)

// errorCases hold sources and the message lua5.3 (5.3.6) gives for them
// with load(src, "=in"); an empty message means the chunk loads. They
// were produced by running each source through lua5.3.
var errorCases = []struct{ src, want string }{
	{"x = \"abc", "in:1: unfinished string near <eof>"},
	{"x = \"abc\ny\"", "in:1: unfinished string near '\"abc'"},
	{"x = \"abc\\q\"", "in:1: invalid escape sequence near '\"abc\\q'"},
	{"x = \"\\300\"", "in:1: decimal escape too large near '\"\\300\"'"},
	{"x = \"\\xg1\"", "in:1: hexadecimal digit expected near '\"\\xg'"},
	{"x = \"\\u{110000}\"", "in:1: UTF-8 value too large near '\"\\u{110000'"},
	{"x = \"\\u12\"", "in:1: missing '{' near '\"\\u1'"},
	{"x = \"\\u{12\"", "in:1: missing '}' near '\"\\u{12\"'"},
	{"x = [[abc", "in:1: unfinished long string (starting at line 1) near <eof>"},
	{"--[==[abc", "in:1: unfinished long comment (starting at line 1) near <eof>"},
	{"x = [=abc", "in:1: invalid long string delimiter near '[='"},
	{"x = 3x", "in:1: syntax error near <eof>"},
	{"x = 3.4.5", "in:1: malformed number near '3.4.5'"},
	{"x = @", "in:1: unexpected symbol near '@'"},
	{"x = ~= 1", "in:1: unexpected symbol near '~='"},
	{"x = \"a\\tb\" y", "in:1: syntax error near <eof>"},
	{"x = [[a\nb]] y", "in:2: syntax error near <eof>"},
	{"x = 1 +", "in:1: unexpected symbol near <eof>"},
	{"if x then\n y()\n", "in:3: 'end' expected (to close 'if' at line 1) near <eof>"},
	{"x = (1\n+ 2", "in:2: ')' expected (to close '(' at line 1) near <eof>"},
	{"f(1,\n2", "in:2: ')' expected (to close '(' at line 1) near <eof>"},
	{"f(1 x", "in:1: ')' expected near 'x'"},
	{"local function f() return ... end", "in:1: cannot use '...' outside a vararg function near '...'"},
	{"function f(a, ...) return ... end", ""},
	{"local x y", "in:1: syntax error near <eof>"},
	{"local 1", "in:1: <name> expected near '1'"},
	{"x.1 = 2", "in:1: syntax error near '.1'"},
	{"for i do end", "in:1: '=' or 'in' expected near 'do'"},
	{"for i = 1 do end", "in:1: ',' expected near 'do'"},
	{"for a, b = 1, 2 do end", "in:1: 'in' expected near '='"},
	{"return return", "in:1: unexpected symbol near 'return'"},
	{"return 1,", "in:1: unexpected symbol near <eof>"},
	{"x = {1, 2 3}", "in:1: '}' expected near '3'"},
	{"x = {a = }", "in:1: unexpected symbol near '}'"},
	{"x = {[1] 2}", "in:1: '=' expected near '2'"},
	{"a.b:c = 1", "in:1: function arguments expected near '='"},
	{"a:b", "in:1: function arguments expected near <eof>"},
	{"a:b.c()", "in:1: function arguments expected near '.'"},
	{"(a) = 1", "in:1: syntax error near '='"},
	{"(f()) ", "in:1: syntax error near <eof>"},
	{"a, b() = 1, 2", "in:1: syntax error near '='"},
	{"goto 1", "in:1: <name> expected near '1'"},
	{"::a", "in:1: '::' expected near <eof>"},
	{"function a.b:c.d() end", "in:1: '(' expected near '.'"},
	{"function (a) end", "in:1: <name> expected near '('"},
	{"function f(a, 1) end", "in:1: <name> or '...' expected near '1'"},
	{"function f(a,) end", "in:1: <name> or '...' expected near ')'"},
	{"x = function f() end", "in:1: '(' expected near 'f'"},
	{"while true do", "in:1: 'end' expected near <eof>"},
	{"repeat x = 1", "in:1: 'until' expected near <eof>"},
	{"repeat x = 1 until", "in:1: unexpected symbol near <eof>"},
	{"if x then elseif y then else z() elseif", "in:1: 'end' expected near 'elseif'"},
	{"x = 1 .. 2", ""},
	{"x = ... ", ""},
	{"x = a.b.c[d](e):f \"g\" {h}", ""},
	{"x = 1 == 2 == 3 < 4", ""},
	{"x = not not not x", ""},
	{"local function f(...) local function g() return ... end end", "in:1: cannot use '...' outside a vararg function near '...'"},
	{"x = {...}", ""},
	{"f{...}", ""},
	{"print(\"a\" \"b\")", "in:1: ')' expected near '\"b\"'"},
	{"x = '\\z\n   '", ""},
	{"return;;", "in:1: <eof> expected near ';'"},
	{"return; x()", "in:1: <eof> expected near 'x'"},
	{"do return end x()", ""},
	{"x = - - - - - 1", ""},
	{"x = # #", "in:1: unexpected symbol near <eof>"},
	{"a = b = c", "in:1: unexpected symbol near '='"},
	{"a.b.c", "in:1: syntax error near <eof>"},
	{"x = [==[\nabc]==] .. [[]]", ""},
	{"x = 0x", "in:1: malformed number near '0x'"},
	{"x = 1e", "in:1: malformed number near '1e'"},
	{"x = \"\\\n\"", ""},
	{"x = 'a", "in:1: unfinished string near <eof>"},
	{"local x <const> = 1", "in:1: unexpected symbol near '<'"},
	{"x = a and b or c", ""},
	{"x = 2^-3^4", ""},
	{"x = ~x ~ ~x", ""},
	{"x = a // b >> c << d & e | f ~ g", ""},
	{"x = {[1]=1, 2; 3, x=4,}", ""},
	{"x = {,}", "in:1: unexpected symbol near ','"},
	{"x = {;}", "in:1: unexpected symbol near ';'"},
	{"f \"\"", ""},
	{"f [[x]]", ""},
	{"a = f\n(g)(h)", ""},
	{"x = ()", "in:1: unexpected symbol near ')'"},
	{"x = (\n)", "in:2: unexpected symbol near ')'"},
	{"local t = {\na = 1,\nb = 2", "in:3: '}' expected (to close '{' at line 1) near <eof>"},
	{"f(", "in:1: unexpected symbol near <eof>"},
	{"do end end", "in:1: <eof> expected near 'end'"},
	{"end", "in:1: <eof> expected near 'end'"},
	{"else", "in:1: <eof> expected near 'else'"},
	{"elseif", "in:1: <eof> expected near 'elseif'"},
	{"until", "in:1: <eof> expected near 'until'"},
	{")", "in:1: unexpected symbol near ')'"},
	{"]", "in:1: unexpected symbol near ']'"},
	{"x = y]\n", "in:1: unexpected symbol near ']'"},
	{"x = \"\\300", "in:1: decimal escape too large near '\"\\300'"},
	{"x = \"\\30", "in:1: unfinished string near <eof>"},
	{"x = \"\\x1g\"", "in:1: hexadecimal digit expected near '\"\\x1g'"},
	{"x = \"\\x1", "in:1: hexadecimal digit expected near '\"\\x1'"},
	{"x = \"\\u{7FFFFFFF}\"", "in:1: UTF-8 value too large near '\"\\u{7FFFFF'"},
	{"x = \"\\u{10FFFF}\" + 1", ""},
	{"x = \"\\u{}\"", "in:1: hexadecimal digit expected near '\"\\u{}'"},
	{"x = \"\\u{g}\"", "in:1: hexadecimal digit expected near '\"\\u{g'"},
	{"x = [==[abc]=]", "in:1: unfinished long string (starting at line 1) near <eof>"},
	{"x = [=", "in:1: invalid long string delimiter near '[='"},
	{"x = 0xep", "in:1: malformed number near '0xep'"},
	{"x = 3ee+5", "in:1: malformed number near '3ee'"},
	{"x = 3e+5e+5", "in:1: malformed number near '3e+5e+5'"},
	{"x = .5.", "in:1: malformed number near '.5.'"},
	{"x = 3..4", "in:1: malformed number near '3..4'"},
	{"x = 3...4", "in:1: malformed number near '3...4'"},
	{"x = \x01", "in:1: unexpected symbol near '<\\1>'"},
	{"x = \x80", "in:1: unexpected symbol near '<\\128>'"},
	{"x = \"abc\\", "in:1: unfinished string near <eof>"},
	{"x = \"\\z  \n  abc\" 1", "in:2: unexpected symbol near '1'"},
	{"x = \n\n\"abc\\", "in:3: unfinished string near <eof>"},
	{"x = \"\\9999\"", "in:1: decimal escape too large near '\"\\9999'"},
	{"x = \"\\256\"", "in:1: decimal escape too large near '\"\\256\"'"},
	{"x = ..", "in:1: unexpected symbol near '..'"},
	{"x = \"\\u{0}\" +", "in:1: unexpected symbol near <eof>"},
	{"x = !", "in:1: unexpected symbol near '!'"},
	{"x = `", "in:1: unexpected symbol near '`'"},
	{"x = \"\\x\"", "in:1: hexadecimal digit expected near '\"\\x\"'"},
	{"x = \"\\u\"", "in:1: missing '{' near '\"\\u\"'"},
	{"x = \"\\u{\"", "in:1: hexadecimal digit expected near '\"\\u{\"'"},
	{"x = \"\\u{1", "in:1: missing '}' near '\"\\u{1'"},
	{"x = \"a\\0b\" y", "in:1: syntax error near <eof>"},
	{"x = \"\\u{41}\\65\\x42\\z\n  \\\n\" y", "in:3: syntax error near <eof>"},
	{"x = [==[\r\nab\rc\n\rd\r\n]==] y", "in:5: syntax error near <eof>"},
	{"--[==[\n\n]==] x = ]]", "in:3: unexpected symbol near ']'"},
	{"-- comment\n x = 1 1", "in:2: unexpected symbol near '1'"},
	{"x = 1\r\n\r\n\n\r\r\ny y", "in:5: syntax error near 'y'"},
	{"x = y\x00z", "in:1: unexpected symbol"},
	{"local t = {x \n = 1, y \"a\" \"b\" z}", "in:2: '}' expected (to close '{' at line 1) near 'z'"},
	{"x = 1 // 0 >> 1 <<", "in:1: unexpected symbol near <eof>"},
	{"x = a ~= b ~ c :: d", "in:1: '::' expected near <eof>"},
	{"if a then goto b; c() end d e", "in:1: syntax error near 'e'"},
	{"return 1; 2", "in:1: <eof> expected near '2'"},
	{"x = \"\\65\\066\\0067\\z\" .. a b", "in:1: syntax error near <eof>"},
	{"x = 0x1p4, 0xA. y", "in:1: syntax error near <eof>"},
	{"x = 9223372036854775808 y", "in:1: syntax error near <eof>"},
	{"x = 0xffffffffffffffff y", "in:1: syntax error near <eof>"},
	{"x = 1e400 y\n", "in:2: syntax error near <eof>"},
	{"x = 1 \"a\\0b\"", "in:1: unexpected symbol near '\"a'"},
	{"x = 1 [==[\r\nab\rc\n\rd\r\n]==]", "in:5: unexpected symbol near '[==[ab\nc\nd\n]==]'"},
	{"x = 1 \"\\u{41}\\65\\x42\\z\n  \\\n\"", "in:3: unexpected symbol near '\"AAB\n\"'"},
	{"x = 1 3.0e1", "in:1: unexpected symbol near '3.0e1'"},
	{"x = 1 0x10", "in:1: unexpected symbol near '0x10'"},
	{"x = 1 abc", "in:1: syntax error near <eof>"},
	{"x = 1 'it\"s'", "in:1: unexpected symbol near ''it\"s''"},
	{"x = 1 [[\nq]]", "in:2: unexpected symbol near '[[q]]'"},
	{"x = 1 \"\\u{10FFFF}\\u{7FF}\\u{800}\\u{FFFF}\\u{10000}\\u{80}\\u{7F}\"", "in:1: unexpected symbol near '\"\xf4\x8f\xbf\xbf\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xc2\x80\x7f\"'"},
	{"x = 1 \"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'\"", "in:1: unexpected symbol near '\"\x07\x08\x0c\n\r\t\x0b\\\"'\"'"},
	{"x = 1 .5", "in:1: unexpected symbol near '.5'"},
	{"x = 1 ...", "in:1: unexpected symbol near '...'"},
	{"x = 1 :: 2", "in:1: <name> expected near '2'"},
	{"x = 1 function", "in:1: <name> expected near <eof>"},
	{"x = 1 nil\n", "in:1: unexpected symbol near 'nil'"},
	{"a, b x", "in:1: '=' expected near 'x'"},
	{"x = {[1] x}", "in:1: '=' expected near 'x'"},
	{"for i x", "in:1: '=' or 'in' expected near 'x'"},
	{"function f(a b) end", "in:1: ')' expected near 'b'"},
	{"local function 1() end", "in:1: <name> expected near '1'"},
	{"x = a:b:c()", "in:1: function arguments expected near ':'"},
	{"x = f(a,)", "in:1: unexpected symbol near ')'"},
	{"if x then else elseif", "in:1: 'end' expected near 'elseif'"},
	{"repeat until", "in:1: unexpected symbol near <eof>"},
	{"x = function(a, ..., b) end", "in:1: ')' expected near ','"},
	{"local function f(...) return function() return ... end end", "in:1: cannot use '...' outside a vararg function near '...'"},
	{"while x end", "in:1: 'do' expected near 'end'"},
	{"for a.b = 1, 2 do end", "in:1: '=' or 'in' expected near '.'"},
	{"for a, 1 in x do end", "in:1: <name> expected near '1'"},
	{"return 1 2", "in:1: <eof> expected near '2'"},
	{"goto goto", "in:1: <name> expected near 'goto'"},
	{":: x :: :: y", "in:1: '::' expected near <eof>"},
	{"a.b.c:d.e = 1", "in:1: function arguments expected near '.'"},
	{"local a, = 1", "in:1: <name> expected near '='"},
	{"x = #", "in:1: unexpected symbol near <eof>"},
	{"x = a[]", "in:1: unexpected symbol near ']'"},
	{"x = a.[b]", "in:1: <name> expected near '['"},
	{"x = {a = 1 = 2}\n", "in:1: '}' expected near '='"},
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Parse(c.src, "=in")
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("Parse(%q):\n got  %q\n want %q", c.src, got, c.want)
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("Parse(%q): error %T is not a *SyntaxError", c.src, err)
			}
		}
	}
}

// levelCases are the nesting tests of the official suite's errors.lua
// around the limit: init .. rep:rep(n) .. close .. repc:rep(n), with
// lua5.3's messages.
var levelCases = []struct {
	init, rep, close, repc string
	n                      int
	want                   string
}{
	// The 200-locals limit, raised while parsing as lua5.3 does.
	{"local ", "a,", "b", "", 199, ""},
	{"local ", "a,", "b", "", 200, "in:1: too many local variables (limit is 200) in main function near <eof>"},
	{"function f(", "a,", "b) end", "", 199, ""},
	{"function f(", "a,", "b) end", "", 200, "in:1: too many local variables (limit is 200) in function at line 1 near ')'"},
	{"function t:m(", "a,", "b) end", "", 199, "in:1: too many local variables (limit is 200) in function at line 1 near ')'"},
	{"", "local a\n", "for i=1,2 do end", "", 196, ""},
	{"", "local a\n", "for i=1,2 do end", "", 197, "in:198: too many local variables (limit is 200) in main function near '='"},
	{"", "local a\n", "for k,v in next,{} do end", "", 196, "in:197: too many local variables (limit is 200) in main function near 'in'"},
	{"", "local a\n", "for k,v,w in next,{} do end", "", 196, "in:197: too many local variables (limit is 200) in main function near ','"},
	{"local a; a", ",a", "= 1", ",1", 190, ""},
	{"local a; a", ",a", "= 1", ",1", 196, ""},
	{"local a; a", ",a", "= 1", ",1", 197, ""},
	{"local a; a", ",a", "= 1", ",1", 198, "in:1: too many C levels (limit is 200) in main function near '='"},
	{"local a; a", ",a", "= 1", ",1", 201, "in:1: too many C levels (limit is 200) in main function near ','"},
	{"local a; a=", "{", "0", "}", 190, ""},
	{"local a; a=", "{", "0", "}", 196, ""},
	{"local a; a=", "{", "0", "}", 197, "in:1: too many C levels (limit is 200) in main function near '0'"},
	{"local a; a=", "{", "0", "}", 198, "in:1: too many C levels (limit is 200) in main function near '{'"},
	{"local a; a=", "{", "0", "}", 201, "in:1: too many C levels (limit is 200) in main function near '{'"},
	{"local a; a=", "(", "2", ")", 190, ""},
	{"local a; a=", "(", "2", ")", 196, ""},
	{"local a; a=", "(", "2", ")", 197, "in:1: too many C levels (limit is 200) in main function near '2'"},
	{"local a; a=", "(", "2", ")", 198, "in:1: too many C levels (limit is 200) in main function near '('"},
	{"local a; a=", "(", "2", ")", 201, "in:1: too many C levels (limit is 200) in main function near '('"},
	{"", "do ", "", " end", 190, ""},
	{"", "do ", "", " end", 196, ""},
	{"", "do ", "", " end", 197, ""},
	{"", "do ", "", " end", 198, ""},
	{"", "do ", "", " end", 201, "in:1: too many C levels (limit is 200) in main function near 'do'"},
	{"", "while a do ", "", " end", 190, ""},
	{"", "while a do ", "", " end", 196, ""},
	{"", "while a do ", "", " end", 197, ""},
	{"", "while a do ", "", " end", 198, "in:1: too many C levels (limit is 200) in main function near 'a'"},
	{"", "while a do ", "", " end", 201, "in:1: too many C levels (limit is 200) in main function near 'a'"},
	{"local a; ", "if a then else ", "", " end", 190, ""},
	{"local a; ", "if a then else ", "", " end", 196, ""},
	{"local a; ", "if a then else ", "", " end", 197, ""},
	{"local a; ", "if a then else ", "", " end", 198, "in:1: too many C levels (limit is 200) in main function near 'a'"},
	{"local a; ", "if a then else ", "", " end", 201, "in:1: too many C levels (limit is 200) in main function near 'a'"},
	{"", "function foo () ", "", " end", 190, ""},
	{"", "function foo () ", "", " end", 196, ""},
	{"", "function foo () ", "", " end", 197, ""},
	{"", "function foo () ", "", " end", 198, ""},
	{"", "function foo () ", "", " end", 201, "in:1: too many C levels (limit is 200) in function at line 1 near 'function'"},
	{"local a; a=", "-", "a", "", 190, "in:1: unexpected symbol near <eof>"},
	{"local a; a=", "-", "a", "", 196, "in:1: unexpected symbol near <eof>"},
	{"local a; a=", "-", "a", "", 197, "in:1: unexpected symbol near <eof>"},
	{"local a; a=", "-", "a", "", 198, "in:1: unexpected symbol near <eof>"},
	{"local a; a=", "-", "a", "", 201, "in:1: unexpected symbol near <eof>"},
	{"local a; a=", "not ", "a", "", 190, ""},
	{"local a; a=", "not ", "a", "", 196, ""},
	{"local a; a=", "not ", "a", "", 197, "in:1: too many C levels (limit is 200) in main function near 'a'"},
	{"local a; a=", "not ", "a", "", 198, "in:1: too many C levels (limit is 200) in main function near 'not'"},
	{"local a; a=", "not ", "a", "", 201, "in:1: too many C levels (limit is 200) in main function near 'not'"},
	{"", "repeat ", "", " until 1", 190, ""},
	{"", "repeat ", "", " until 1", 196, ""},
	{"", "repeat ", "", " until 1", 197, ""},
	{"", "repeat ", "", " until 1", 198, "in:1: too many C levels (limit is 200) in main function near '1'"},
	{"", "repeat ", "", " until 1", 201, "in:1: too many C levels (limit is 200) in main function near 'repeat'"},
	{"local a = ", "{x=", "1", "}", 190, ""},
	{"local a = ", "{x=", "1", "}", 196, ""},
	{"local a = ", "{x=", "1", "}", 197, "in:1: too many C levels (limit is 200) in main function near '1'"},
	{"local a = ", "{x=", "1", "}", 198, "in:1: too many C levels (limit is 200) in main function near '{'"},
	{"local a = ", "{x=", "1", "}", 201, "in:1: too many C levels (limit is 200) in main function near '{'"},
}

func TestLevels(t *testing.T) {
	for _, c := range levelCases {
		src := c.init + strings.Repeat(c.rep, c.n) + c.close + strings.Repeat(c.repc, c.n)
		_, err := Parse(src, "=in")
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%q x %d:\n got  %q\n want %q", c.rep, c.n, got, c.want)
		}
	}
}

// TestDeepNesting checks that no nesting exhausts the Go stack: all these
// fail with Lua's limit error.
func TestDeepNesting(t *testing.T) {
	const n = 1000000
	for _, src := range []string{
		strings.Repeat("(", n),
		"x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n),
		"x = " + strings.Repeat("{", n),
		"x = " + strings.Repeat("- ", n) + "1",
		"x = " + strings.Repeat("a..", n) + "a",
		"x = " + strings.Repeat("2^", n) + "2",
		strings.Repeat("do ", n),
		strings.Repeat("if a then ", n),
		strings.Repeat("function f() ", n),
		"x = " + strings.Repeat("function() return ", n),
		strings.Repeat("a(", n),
		"a" + strings.Repeat(",a", n) + " = 1",
		"x = " + strings.Repeat("a[", n),
		"x = " + strings.Repeat("f{", n),
	} {
		_, err := Parse(src, "=in")
		if err == nil || !strings.Contains(err.Error(), "too many C levels (limit is 200)") {
			t.Errorf("%.20q...: got %v", src, err)
		}
	}
}
