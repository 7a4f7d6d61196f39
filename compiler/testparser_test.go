package compiler

// A small stand-in parser used by the tests until package parser exists.
// It accepts the Lua 5.3 grammar (without full error reporting) and builds
// the ast with the line conventions documented in package ast.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/moonfuel/moonfuel/ast"
)

type tok struct {
	k    string // "name", "num", "str", "eof" or the token text
	s    string
	line int
}

type tparser struct {
	toks []tok
	i    int
}

func tlex(src string) ([]tok, error) {
	var toks []tok
	line := 1
	i := 0
	longBracket := func() (string, bool) {
		// at '[', returns content of [==[ ... ]==]
		j := i + 1
		lvl := 0
		for j < len(src) && src[j] == '=' {
			lvl++
			j++
		}
		if j >= len(src) || src[j] != '[' {
			return "", false
		}
		j++
		if j < len(src) && src[j] == '\r' {
			j++
		}
		if j < len(src) && src[j] == '\n' {
			line++
			j++
		}
		closeS := "]" + strings.Repeat("=", lvl) + "]"
		end := strings.Index(src[j:], closeS)
		if end < 0 {
			return "", false
		}
		s := src[j : j+end]
		line += strings.Count(s, "\n")
		i = j + end + len(closeS)
		return s, true
	}
	for {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
			if src[i] == '\n' {
				line++
			}
			i++
		}
		if i >= len(src) {
			toks = append(toks, tok{k: "eof", line: line})
			return toks, nil
		}
		c := src[i]
		if strings.HasPrefix(src[i:], "--") {
			i += 2
			if i < len(src) && src[i] == '[' {
				if _, ok := longBracket(); ok {
					continue
				}
			}
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		}
		start := line
		switch {
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			w := src[i:j]
			i = j
			switch w {
			case "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
				"local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while":
				toks = append(toks, tok{k: w, line: start})
			default:
				toks = append(toks, tok{k: "name", s: w, line: start})
			}
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) {
				d := src[j]
				if (d == 'e' || d == 'E' || d == 'p' || d == 'P') && j+1 < len(src) && (src[j+1] == '-' || src[j+1] == '+') {
					j += 2
					continue
				}
				if d == '.' || d >= '0' && d <= '9' || d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' {
					j++
					continue
				}
				break
			}
			toks = append(toks, tok{k: "num", s: src[i:j], line: start})
			i = j
		case c == '"' || c == '\'':
			j := i + 1
			var sb strings.Builder
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
					switch src[j] {
					case 'n':
						sb.WriteByte('\n')
					case 't':
						sb.WriteByte('\t')
					case 'a':
						sb.WriteByte('\a')
					case '\\', '"', '\'':
						sb.WriteByte(src[j])
					case '\n':
						sb.WriteByte('\n')
						line++
					case 'x':
						v, _ := strconv.ParseUint(src[j+1:j+3], 16, 8)
						sb.WriteByte(byte(v))
						j += 2
					case 'z':
						j++
						for j < len(src) && (src[j] == ' ' || src[j] == '\n') {
							if src[j] == '\n' {
								line++
							}
							j++
						}
						continue
					default:
						if src[j] >= '0' && src[j] <= '9' {
							k := j
							for k < len(src) && k < j+3 && src[k] >= '0' && src[k] <= '9' {
								k++
							}
							v, _ := strconv.Atoi(src[j:k])
							sb.WriteByte(byte(v))
							j = k
							continue
						}
						sb.WriteByte(src[j])
					}
					j++
					continue
				}
				sb.WriteByte(src[j])
				j++
			}
			i = j + 1
			toks = append(toks, tok{k: "str", s: sb.String(), line: line}) // strings carry their end line
		case c == '[' && i+1 < len(src) && (src[i+1] == '[' || src[i+1] == '='):
			s, ok := longBracket()
			if !ok {
				return nil, fmt.Errorf("bad long string")
			}
			toks = append(toks, tok{k: "str", s: s, line: line})
		default:
			ops := []string{"...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>"}
			found := ""
			for _, o := range ops {
				if strings.HasPrefix(src[i:], o) {
					found = o
					break
				}
			}
			if found == "" {
				if !strings.ContainsRune("+-*/%^#&~|<>=(){}[];:,.", rune(c)) {
					return nil, fmt.Errorf("unexpected %q", c)
				}
				found = string(c)
			}
			toks = append(toks, tok{k: found, line: start})
			i += len(found)
		}
	}
}

func testParse(src, chunkname string) (ch *ast.Chunk, err error) {
	toks, err := tlex(src)
	if err != nil {
		return nil, err
	}
	p := &tparser{toks: toks}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(perr); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	b := p.block()
	p.expect("eof")
	return &ast.Chunk{Source: chunkname, Block: b}, nil
}

type perr struct{ msg string }

func (e perr) Error() string { return e.msg }

func (p *tparser) peek() tok { return p.toks[p.i] }
func (p *tparser) next() tok { t := p.toks[p.i]; p.i++; return t }
func (p *tparser) check(k string) bool {
	return p.toks[p.i].k == k
}
func (p *tparser) accept(k string) bool {
	if p.check(k) {
		p.i++
		return true
	}
	return false
}
func (p *tparser) expect(k string) tok {
	if !p.check(k) {
		panic(perr{fmt.Sprintf("line %d: expected %s got %s", p.peek().line, k, p.peek().k)})
	}
	return p.next()
}

func blockFollow(k string) bool {
	switch k {
	case "else", "elseif", "end", "until", "eof":
		return true
	}
	return false
}

func (p *tparser) block() *ast.Block {
	b := &ast.Block{Pos: ast.Pos{L: p.peek().line}}
	for !blockFollow(p.peek().k) {
		if p.check("return") {
			t := p.next()
			r := &ast.Return{Pos: ast.Pos{L: t.line}}
			if !blockFollow(p.peek().k) && !p.check(";") {
				r.Values = p.exprList()
			}
			p.accept(";")
			b.Return = r
			break
		}
		b.Stmts = append(b.Stmts, p.statement())
	}
	b.EndLine = p.peek().line
	return b
}

func (p *tparser) statement() ast.Stmt {
	t := p.peek()
	pos := ast.Pos{L: t.line}
	switch t.k {
	case ";":
		p.next()
		return &ast.Empty{Pos: pos}
	case "if":
		p.next()
		s := &ast.If{Pos: pos}
		s.Conds = append(s.Conds, p.expr(0))
		p.expect("then")
		s.Blocks = append(s.Blocks, p.block())
		for p.accept("elseif") {
			s.Conds = append(s.Conds, p.expr(0))
			p.expect("then")
			s.Blocks = append(s.Blocks, p.block())
		}
		if p.accept("else") {
			s.Else = p.block()
		}
		p.expect("end")
		return s
	case "while":
		p.next()
		c := p.expr(0)
		p.expect("do")
		b := p.block()
		p.expect("end")
		return &ast.While{Pos: pos, Cond: c, Body: b}
	case "do":
		p.next()
		b := p.block()
		p.expect("end")
		return &ast.Do{Pos: pos, Body: b}
	case "for":
		p.next()
		n1 := p.expect("name").s
		if p.accept("=") {
			s := &ast.NumericFor{Pos: pos, Var: n1}
			s.Start = p.expr(0)
			p.expect(",")
			s.Limit = p.expr(0)
			if p.accept(",") {
				s.Step = p.expr(0)
			}
			s.DoLine = p.expect("do").line
			s.Body = p.block()
			p.expect("end")
			return s
		}
		s := &ast.GenericFor{Pos: pos, Names: []string{n1}}
		for p.accept(",") {
			s.Names = append(s.Names, p.expect("name").s)
		}
		p.expect("in")
		s.ExprLine = p.peek().line
		s.Exprs = p.exprList()
		p.expect("do")
		s.Body = p.block()
		p.expect("end")
		return s
	case "repeat":
		p.next()
		b := p.block()
		p.expect("until")
		return &ast.Repeat{Pos: pos, Body: b, Cond: p.expr(0)}
	case "function":
		p.next()
		nt := p.expect("name")
		var target ast.Expr = &ast.Name{Pos: ast.Pos{L: nt.line}, Name: nt.s}
		method := false
		for p.check(".") || p.check(":") {
			d := p.next()
			key := p.expect("name")
			target = &ast.Index{Pos: ast.Pos{L: d.line}, Obj: target, Key: &ast.String{Pos: ast.Pos{L: key.line}, Value: key.s}}
			if d.k == ":" {
				method = true
				break
			}
		}
		f := p.funcBody(t.line)
		f.IsMethod = method
		return &ast.FunctionStmt{Pos: pos, Target: target, Func: f}
	case "local":
		p.next()
		if p.accept("function") {
			n := p.expect("name").s
			return &ast.LocalFunction{Pos: pos, Name: n, Func: p.funcBody(t.line)}
		}
		s := &ast.Local{Pos: pos}
		s.Names = append(s.Names, p.expect("name").s)
		for p.accept(",") {
			s.Names = append(s.Names, p.expect("name").s)
		}
		if p.accept("=") {
			s.Values = p.exprList()
		}
		return s
	case "::":
		p.next()
		n := p.expect("name").s
		p.expect("::")
		return &ast.Label{Pos: pos, Name: n}
	case "break":
		p.next()
		return &ast.Break{Pos: pos}
	case "goto":
		p.next()
		return &ast.Goto{Pos: pos, Label: p.expect("name").s}
	}
	e := p.suffixed()
	if p.check("=") || p.check(",") {
		s := &ast.Assign{Pos: pos, Targets: []ast.Expr{e}}
		for p.accept(",") {
			s.Targets = append(s.Targets, p.suffixed())
		}
		p.expect("=")
		s.Values = p.exprList()
		s.EndLine = p.toks[p.i-1].line
		return s
	}
	return &ast.ExprStmt{Pos: pos, Call: e}
}

func (p *tparser) funcBody(line int) *ast.Function {
	f := &ast.Function{Pos: ast.Pos{L: line}}
	p.expect("(")
	if !p.check(")") {
		for {
			if p.accept("...") {
				f.IsVararg = true
				break
			}
			f.Params = append(f.Params, p.expect("name").s)
			if !p.accept(",") {
				break
			}
		}
	}
	p.expect(")")
	f.Body = p.block()
	f.EndLine = p.expect("end").line
	return f
}

func (p *tparser) exprList() []ast.Expr {
	l := []ast.Expr{p.expr(0)}
	for p.accept(",") {
		l = append(l, p.expr(0))
	}
	return l
}

func (p *tparser) primary() ast.Expr {
	t := p.next()
	switch t.k {
	case "name":
		return &ast.Name{Pos: ast.Pos{L: t.line}, Name: t.s}
	case "(":
		e := p.expr(0)
		p.expect(")")
		return &ast.Paren{Pos: ast.Pos{L: t.line}, X: e}
	}
	panic(perr{fmt.Sprintf("line %d: unexpected %s", t.line, t.k)})
}

func (p *tparser) suffixed() ast.Expr {
	start := p.peek().line
	e := p.primary()
	for {
		t := p.peek()
		switch t.k {
		case ".":
			p.next()
			k := p.expect("name")
			e = &ast.Index{Pos: ast.Pos{L: k.line}, Obj: e, Key: &ast.String{Pos: ast.Pos{L: k.line}, Value: k.s}}
		case "[":
			p.next()
			k := p.expr(0)
			end := p.expect("]")
			e = &ast.Index{Pos: ast.Pos{L: end.line}, Obj: e, Key: k}
		case ":":
			p.next()
			n := p.expect("name")
			e = &ast.MethodCall{Pos: ast.Pos{L: start}, Obj: e, Name: n.s, NameLine: n.line, Args: p.args()}
		case "(", "str", "{":
			e = &ast.Call{Pos: ast.Pos{L: start}, Fn: e, Args: p.args()}
		default:
			return e
		}
	}
}

func (p *tparser) args() []ast.Expr {
	t := p.peek()
	switch t.k {
	case "str":
		p.next()
		return []ast.Expr{&ast.String{Pos: ast.Pos{L: t.line}, Value: t.s}}
	case "{":
		return []ast.Expr{p.table()}
	}
	p.expect("(")
	if p.accept(")") {
		return nil
	}
	l := p.exprList()
	p.expect(")")
	return l
}

func (p *tparser) table() ast.Expr {
	t := p.expect("{")
	tb := &ast.Table{Pos: ast.Pos{L: t.line}}
	for !p.check("}") {
		if p.check("[") {
			p.next()
			k := p.expr(0)
			p.expect("]")
			p.expect("=")
			tb.Fields = append(tb.Fields, ast.Field{Key: k, Value: p.expr(0)})
		} else if p.check("name") && p.toks[p.i+1].k == "=" {
			k := p.next()
			p.next()
			tb.Fields = append(tb.Fields, ast.Field{Key: &ast.String{Pos: ast.Pos{L: k.line}, Value: k.s}, Value: p.expr(0)})
		} else {
			tb.Fields = append(tb.Fields, ast.Field{Value: p.expr(0)})
		}
		if !p.accept(",") && !p.accept(";") {
			break
		}
	}
	tb.EndLine = p.expect("}").line
	return tb
}

func (p *tparser) simple() ast.Expr {
	t := p.peek()
	pos := ast.Pos{L: t.line}
	switch t.k {
	case "num":
		p.next()
		s := t.s
		if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
			if !strings.ContainsAny(s, ".pP") {
				v, err := strconv.ParseUint(s[2:], 16, 64)
				if err == nil {
					return &ast.Integer{Pos: pos, Value: int64(v)}
				}
			}
			f, _ := strconv.ParseFloat(s, 64)
			return &ast.Float{Pos: pos, Value: f}
		}
		if !strings.ContainsAny(s, ".eE") {
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				return &ast.Integer{Pos: pos, Value: v}
			}
		}
		f, _ := strconv.ParseFloat(s, 64)
		return &ast.Float{Pos: pos, Value: f}
	case "str":
		p.next()
		return &ast.String{Pos: pos, Value: t.s}
	case "nil":
		p.next()
		return &ast.Nil{Pos: pos}
	case "true":
		p.next()
		return &ast.True{Pos: pos}
	case "false":
		p.next()
		return &ast.False{Pos: pos}
	case "...":
		p.next()
		return &ast.Vararg{Pos: pos}
	case "{":
		return p.table()
	case "function":
		p.next()
		return p.funcBody(t.line)
	}
	return p.suffixed()
}

var binPrio = map[string][3]int{ // left, right, op
	"+": {10, 10, int(ast.OpAdd)}, "-": {10, 10, int(ast.OpSub)},
	"*": {11, 11, int(ast.OpMul)}, "%": {11, 11, int(ast.OpMod)},
	"^": {14, 13, int(ast.OpPow)},
	"/": {11, 11, int(ast.OpDiv)}, "//": {11, 11, int(ast.OpIDiv)},
	"&": {6, 6, int(ast.OpBAnd)}, "|": {4, 4, int(ast.OpBOr)}, "~": {5, 5, int(ast.OpBXor)},
	"<<": {7, 7, int(ast.OpShl)}, ">>": {7, 7, int(ast.OpShr)},
	"..": {9, 8, int(ast.OpConcat)},
	"==": {3, 3, int(ast.OpEq)}, "<": {3, 3, int(ast.OpLt)}, "<=": {3, 3, int(ast.OpLe)},
	"~=": {3, 3, int(ast.OpNe)}, ">": {3, 3, int(ast.OpGt)}, ">=": {3, 3, int(ast.OpGe)},
	"and": {2, 2, int(ast.OpAnd)}, "or": {1, 1, int(ast.OpOr)},
}

func (p *tparser) expr(limit int) ast.Expr {
	var e ast.Expr
	t := p.peek()
	switch t.k {
	case "not", "-", "#", "~":
		p.next()
		op := map[string]ast.UnaryOp{"not": ast.OpNot, "-": ast.OpNeg, "#": ast.OpLen, "~": ast.OpBNot}[t.k]
		e = &ast.UnOp{Pos: ast.Pos{L: t.line}, Op: op, X: p.expr(12)}
	default:
		e = p.simple()
	}
	for {
		t := p.peek()
		pr, ok := binPrio[t.k]
		if !ok || pr[0] <= limit {
			return e
		}
		p.next()
		r := p.expr(pr[1])
		e = &ast.BinOp{Pos: ast.Pos{L: t.line}, Op: ast.BinaryOp(pr[2]), L: e, R: r, EndLine: p.toks[p.i-1].line}
	}
}
