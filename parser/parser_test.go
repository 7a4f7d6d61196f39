package parser

import (
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/ast"
)

func parseExpr(t *testing.T, src string) ast.Expr {
	t.Helper()
	c, err := Parse("return "+src, "=test")
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return c.Block.Return.Values[0]
}

func TestPrecedence(t *testing.T) {
	cases := []struct{ src, want string }{
		{"1 + 2 * 3", "(1 + (2 * 3))"},
		{"1 * 2 + 3", "((1 * 2) + 3)"},
		{"1 - 2 - 3", "((1 - 2) - 3)"},
		{"2 ^ 3 ^ 4", "(2 ^ (3 ^ 4))"},
		{"-2 ^ 2", "(- (2 ^ 2))"},
		{"2 ^ -2", "(2 ^ (- 2))"},
		{"-x ^ -y ^ z", "(- (x ^ (- (y ^ z))))"},
		{"a .. b .. c", "(a .. (b .. c))"},
		{"a + b .. c + d", "((a + b) .. (c + d))"},
		{"a .. b == c", "((a .. b) == c)"},
		{"not a == b", "((not a) == b)"},
		{"not a.b", "(not a[\"b\"])"},
		{"#t + 1", "((# t) + 1)"},
		{"- - 1", "(- (- 1))"},
		{"~ ~ x", "(~ (~ x))"},
		{"a or b and c", "(a or (b and c))"},
		{"a and b or c and d", "((a and b) or (c and d))"},
		{"a < b and b <= c or d > e", "(((a < b) and (b <= c)) or (d > e))"},
		{"a == b ~= c", "((a == b) ~= c)"},
		{"a | b ~ c & d", "(a | (b ~ (c & d)))"},
		{"a & b << c", "(a & (b << c))"},
		{"a << b .. c", "(a << (b .. c))"},
		{"a >> b >> c", "((a >> b) >> c)"},
		{"a ~ b ~ c", "((a ~ b) ~ c)"},
		{"a ~ ~b", "(a ~ (~ b))"},
		{"a // b % c * d / e", "((((a // b) % c) * d) / e)"},
		{"1 + -2", "(1 + (- 2))"},
		{"a < b == true", "((a < b) == true)"},
		{"1 .. 2 .. 3 ^ 4", "(1 .. (2 .. (3 ^ 4)))"},
		{"(a + b) * c", "(((a + b)) * c)"},
		{"f(a)(b)[c].d:e(f)", "f(a)(b)[c][\"d\"]:e(f)"},
		{"f{1, x = 2, [3] = 4; 5,}", "f({1, [\"x\"] = 2, [3] = 4, 5})"},
		{"f'a' \"b\" [[c]]", "f(\"a\")(\"b\")(\"c\")"},
		{"a.b.c", "a[\"b\"][\"c\"]"},
		{"function(a, ...) return ... end", "function(a, ...) return ...; end"},
		{"function(...) end", "function(...) end"},
		{"{f()}", "{f()}"},
		{"(...)", "(...)"},
		{"0x10 + 3.0 + 1e2 + 9223372036854775808 + 0xffffffffffffffff", "((((16 + 3.0) + 100.0) + 9.223372036854776e+18) + -1)"},
		{"'\\65\\x42\\u{43}\\z  \n  D'", "\"ABCD\""},
	}
	for _, c := range cases {
		if got := exprString(parseExpr(t, c.src)); got != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

func TestStatements(t *testing.T) {
	cases := []struct{ src, want string }{
		{"local a, b = 1", "local a, b = 1;"},
		{"local a", "local a;"},
		{"a, b.c, d[1] = 1, 2", "a, b[\"c\"], d[1] = 1, 2;"},
		{"local function f(a) return a end", "local function f = function(a) return a; end;"},
		{"function a.b.c:m(x) end", "function a[\"b\"][\"c\"][\"m\"] method = function(x) end;"},
		{"function f() end", "function f = function() end;"},
		{"f() g:h() ;;", "f(); g:h(); ;; ;;"},
		{"do local x end", "do local x; end;"},
		{"while a do break end", "while a do break; end;"},
		{"repeat local x until x", "repeat local x; until x;"},
		{"if a then b() elseif c then d() else e() end", "if a then b(); elseif c then d(); else e(); end;"},
		{"if a then goto l; ; end ::l::", "if a then goto l; ;; ;; end; ::l::;"},
		{"for i = 1, 10 do end", "for i = 1, 10 do end;"},
		{"for i = 1, 10, 2 do end", "for i = 1, 10, 2 do end;"},
		{"for k, v in pairs(t) do end", "for k, v in pairs(t) do end;"},
		{"for k in a, b, c do end", "for k in a, b, c do end;"},
		{"return", "return;"},
		{"return;", "return;"},
		{"return 1, 2", "return 1, 2;"},
		{"do return end", "do return; end;"},
		{"(f)()", "(f)();"},
		{"(f).x = 1", "(f)[\"x\"] = 1;"},
		{"a.b['c'] = 1", "a[\"b\"][\"c\"] = 1;"},
	}
	for _, c := range cases {
		chunk, err := Parse(c.src, "=test")
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if got := blockString(chunk.Block); got != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

func TestChunk(t *testing.T) {
	c, err := Parse("x = 1\n", "@file.lua")
	if err != nil {
		t.Fatal(err)
	}
	if c.Source != "@file.lua" || len(c.Block.Stmts) != 1 || c.Block.EndLine != 2 {
		t.Errorf("chunk = %+v, block = %+v", c, c.Block)
	}
	_, err = Parse("x = = 1", "@dir/file.lua")
	if err == nil || err.Error() != "dir/file.lua:1: unexpected symbol near '='" {
		t.Errorf("error = %v", err)
	}
	_, err = Parse("x = = 1", "x = = 1")
	if err == nil || err.Error() != `[string "x = = 1"]:1: unexpected symbol near '='` {
		t.Errorf("error = %v", err)
	}
}

// TestLines checks the lines recorded in the tree against the lines
// lua5.3 reports for runtime errors in the same constructs (see the
// comments of package ast).
func TestLines(t *testing.T) {
	find := func(chunk *ast.Chunk) []ast.Node {
		var nodes []ast.Node
		var visitE func(e ast.Expr)
		var visitB func(b *ast.Block)
		visitE = func(e ast.Expr) {
			if e == nil {
				return
			}
			nodes = append(nodes, e)
			switch e := e.(type) {
			case *ast.Index:
				visitE(e.Obj)
				visitE(e.Key)
			case *ast.Call:
				visitE(e.Fn)
				for _, a := range e.Args {
					visitE(a)
				}
			case *ast.MethodCall:
				visitE(e.Obj)
				for _, a := range e.Args {
					visitE(a)
				}
			case *ast.BinOp:
				visitE(e.L)
				visitE(e.R)
			case *ast.UnOp:
				visitE(e.X)
			case *ast.Paren:
				visitE(e.X)
			case *ast.Function:
				visitB(e.Body)
			case *ast.Table:
				for _, f := range e.Fields {
					visitE(f.Key)
					visitE(f.Value)
				}
			}
		}
		visitB = func(b *ast.Block) {
			for _, s := range b.Stmts {
				nodes = append(nodes, s)
				switch s := s.(type) {
				case *ast.ExprStmt:
					visitE(s.Call)
				case *ast.Assign:
					for _, e := range s.Targets {
						visitE(e)
					}
					for _, e := range s.Values {
						visitE(e)
					}
				case *ast.Local:
					for _, e := range s.Values {
						visitE(e)
					}
				case *ast.LocalFunction:
					visitE(s.Func)
				case *ast.FunctionStmt:
					visitE(s.Target)
					visitE(s.Func)
				case *ast.NumericFor:
					visitE(s.Start)
					visitE(s.Limit)
					visitE(s.Step)
					visitB(s.Body)
				case *ast.GenericFor:
					for _, e := range s.Exprs {
						visitE(e)
					}
					visitB(s.Body)
				case *ast.Do:
					visitB(s.Body)
				}
			}
			if b.Return != nil {
				nodes = append(nodes, b.Return)
				for _, e := range b.Return.Values {
					visitE(e)
				}
			}
		}
		visitB(chunk.Block)
		return nodes
	}
	describe := func(n ast.Node) string {
		switch n := n.(type) {
		case *ast.Call:
			return fmt.Sprintf("Call@%d", n.Line())
		case *ast.MethodCall:
			return fmt.Sprintf("MethodCall@%d,name@%d", n.Line(), n.NameLine)
		case *ast.Index:
			return fmt.Sprintf("Index@%d", n.Line())
		case *ast.BinOp:
			return fmt.Sprintf("BinOp%s@%d-%d", n.Op, n.Line(), n.EndLine)
		case *ast.UnOp:
			return fmt.Sprintf("UnOp%s@%d", n.Op, n.Line())
		case *ast.Function:
			return fmt.Sprintf("Function@%d-%d", n.Line(), n.EndLine)
		case *ast.Table:
			return fmt.Sprintf("Table@%d-%d", n.Line(), n.EndLine)
		case *ast.Assign:
			return fmt.Sprintf("Assign@%d-%d", n.Line(), n.EndLine)
		case *ast.NumericFor:
			return fmt.Sprintf("NumericFor@%d,do@%d", n.Line(), n.DoLine)
		case *ast.GenericFor:
			return fmt.Sprintf("GenericFor@%d,exprs@%d", n.Line(), n.ExprLine)
		case *ast.Paren:
			return fmt.Sprintf("Paren@%d", n.Line())
		}
		return ""
	}
	cases := []struct{ src, want string }{
		// lua5.3: "x\n(\n1)" calling nil reports line 2 (x's line).
		{"local x\nx\n(\n1)", "Call@2"},
		// "x.a\n.b\n(\n1)\n(2)": both calls are reported on line 2.
		{"x.a\n.b\n(\n1)\n(2)", "Call@1 Call@1 Index@2 Index@1"},
		// "x\n:\nb\n(\n)": indexing reported at 4 (b), calling at 2 (x).
		{"local x\nx\n:\nb\n(\n)", "MethodCall@2,name@4"},
		// arithmetic at the operator's line, comparison at the end of R.
		{"y = x\n+\nnil", "Assign@1-3 BinOp+@2-3"},
		{"y = x\n<\n{\n}", "Assign@1-4 BinOp<@2-4 Table@3-4"},
		{"y = -\n{}", "Assign@1-2 UnOp-@1 Table@2-2"},
		// "x\n.\na" indexing is reported at 3, "x\n[\n'a'\n]" at 4.
		{"y = x\n.\na", "Assign@1-3 Index@3"},
		{"y = x\n[\n'a'\n]", "Assign@1-4 Index@4"},
		// "x\n.\na\n=\n1": the store is reported at 5.
		{"x\n.\na\n=\n1", "Assign@1-5 Index@3"},
		// for loops: FORPREP at 'do', generic call at the first expression.
		{"for i = 1,\n'x'\ndo end", "NumericFor@1,do@3"},
		{"for k in\nnil\ndo end", "GenericFor@1,exprs@2"},
		// linedefined: 'function' for statements, '(' otherwise.
		{"function f\n()\nend", "Function@1-3"},
		{"local function f\n()\nend", "Function@2-3"},
		{"y = function\n()\nend", "Assign@1-3 Function@2-3"},
		{"y = (\n1)", "Assign@1-2 Paren@1"},
	}
	for _, c := range cases {
		chunk, err := Parse(c.src, "=test")
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		var parts []string
		for _, n := range find(chunk) {
			if d := describe(n); d != "" {
				parts = append(parts, d)
			}
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%q:\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

// randExpr builds a random expression over small numbers, with every
// binary and unary operator, for the differential precedence test.
func randExpr(r *rand.Rand, depth int) string {
	if depth <= 0 || r.IntN(4) == 0 {
		switch r.IntN(5) {
		case 0:
			return fmt.Sprint(r.IntN(7) + 1)
		case 1:
			return fmt.Sprintf("%d.5", r.IntN(4))
		case 2:
			return "(" + randExpr(r, depth-1) + ")"
		case 3:
			return fmt.Sprint(r.IntN(3))
		}
		return []string{"true", "false", "nil", "'7'", "'x'"}[r.IntN(5)]
	}
	if r.IntN(4) == 0 {
		return []string{"- ", "not ", "~", "#", "- "}[r.IntN(5)] + randExpr(r, depth-1)
	}
	ops := []string{"+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=", "and", "or", "&", "|", "~", "<<", ">>"}
	return randExpr(r, depth-1) + " " + ops[r.IntN(len(ops))] + " " + randExpr(r, depth-1)
}

// TestPrecedenceDifferential evaluates random expressions and their fully
// parenthesised form (printed from the tree) with lua5.3: both must give
// the same result.
func TestPrecedenceDifferential(t *testing.T) {
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Skip("lua5.3 not installed")
	}
	r := rand.New(rand.NewPCG(1, 2))
	var script strings.Builder
	script.WriteString(`local function ev(s)
  local f = assert(load("return " .. s))
  local ok, v = pcall(f)
  if not ok then return "error" end
  return tostring(math.type(v)) .. " " .. tostring(v)
end
`)
	const n = 1500
	var srcs []string
	for i := 0; i < n; i++ {
		src := randExpr(r, 5)
		e := parseExpr(t, src)
		srcs = append(srcs, src)
		fmt.Fprintf(&script, "print(ev(%s) == ev(%s) and 'same ' .. ev(%s) or ev(%s) .. ' / ' .. ev(%s))\n",
			luaQuote(src), luaQuote(exprString(e)), luaQuote(src), luaQuote(src), luaQuote(exprString(e)))
	}
	cmd := exec.Command(lua, "-")
	cmd.Stdin = strings.NewReader(script.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lua5.3: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != n {
		t.Fatalf("lua5.3 printed %d lines, want %d:\n%s", len(lines), n, out)
	}
	valued := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "same ") {
			if l != "same error" {
				valued++
			}
			continue
		}
		{
			t.Errorf("%s\n  parenthesised %s\n  lua5.3: %s", srcs[i], exprString(parseExpr(t, srcs[i])), l)
		}
	}
	if valued < n/4 {
		t.Errorf("only %d of %d expressions have a value: the test is too weak", valued, n)
	}
	t.Logf("%d of %d expressions have a value", valued, n)
}

func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&sb, `local function f%d(a, b, ...)
  local t = {x = a, [b] = 2, 3, "s", ...}
  for i = 1, #t do t[i] = t[i] * 2 + a.y:m(b) .. "x" end
  if a and not b or a < b then return f(a)(b) elseif b then return nil end
  while a do a = a.next end
  return function() return t end
end
`, i)
	}
	src := sb.String()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src, "=bench"); err != nil {
			b.Fatal(err)
		}
	}
}
