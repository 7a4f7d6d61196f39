package compiler

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/lexer"
)

const suiteDir = "../../shared/lua-5.3.4-tests"

// dumpSources returns named Lua sources to dump: the corpus snippets, the
// generated programs and the official suite when present.
func dumpSources(t testing.TB) map[string]string {
	srcs := map[string]string{}
	files, _ := filepath.Glob("testdata/corpus/*.lua")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range strings.Split(string(b), "\n----\n") {
			srcs[fmt.Sprintf("%s#%d", f, i)] = s
		}
	}
	for seed := int64(1); seed <= 10; seed++ {
		srcs[fmt.Sprintf("gen%d", seed)] = genProgram(seed)
	}
	suite, _ := filepath.Glob(filepath.Join(suiteDir, "*.lua"))
	for _, f := range suite {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = lexer.SkipFileHeader(string(b))
	}
	return srcs
}

// stripped returns a copy of p without debug information, as Undump
// returns a stripped chunk.
func stripped(p *Proto) *Proto {
	q := *p
	q.Source = StrippedSource
	q.LineInfo = nil
	q.LocVars = nil
	q.Upvalues = append([]UpvalDesc(nil), p.Upvalues...)
	for i := range q.Upvalues {
		q.Upvalues[i].Name = ""
	}
	q.Protos = make([]*Proto, len(p.Protos))
	for i, c := range p.Protos {
		q.Protos[i] = stripped(c)
	}
	return &q
}

// normalize makes empty slices nil so that reflect.DeepEqual compares
// contents only.
func normalize(p *Proto) *Proto {
	q := *p
	if len(q.Constants) == 0 {
		q.Constants = nil
	}
	if len(q.Protos) == 0 {
		q.Protos = nil
	}
	if len(q.Upvalues) == 0 {
		q.Upvalues = nil
	}
	if len(q.LineInfo) == 0 {
		q.LineInfo = nil
	}
	if len(q.LocVars) == 0 {
		q.LocVars = nil
	}
	for i, c := range q.Protos {
		q.Protos[i] = normalize(c)
	}
	return &q
}

func TestDumpRoundTrip(t *testing.T) {
	srcs := dumpSources(t)
	if len(srcs) < 10 {
		t.Fatalf("only %d sources", len(srcs))
	}
	for name, src := range srcs {
		p, err := compileSource(src, "@"+name)
		if err != nil {
			continue // the corpus holds a few snippets that do not compile
		}
		for _, strip := range []bool{false, true} {
			data := Dump(p, strip)
			q, err := Undump(data, "=x")
			if err != nil {
				t.Errorf("%s (strip %v): %v", name, strip, err)
				continue
			}
			want := p
			if strip {
				want = stripped(p)
			}
			if !reflect.DeepEqual(normalize(q), normalize(want)) {
				t.Errorf("%s (strip %v): undumped prototype differs", name, strip)
			}
			if again := Dump(q, strip); !bytes.Equal(again, data) {
				t.Errorf("%s (strip %v): dump of the undumped chunk differs", name, strip)
			}
		}
	}
}

// TestUndumpLuac loads luac5.3's output for the suite and corpus files,
// with and without debug information: it must pass Verify and dump back to
// the same bytes, and its code must equal moonfuel's own compilation.
func TestUndumpLuac(t *testing.T) {
	if _, err := exec.LookPath("luac5.3"); err != nil {
		t.Skip("luac5.3 not installed; skipping binary chunk interoperability")
	}
	files, _ := filepath.Glob(filepath.Join(suiteDir, "*.lua"))
	corpus, _ := filepath.Glob("testdata/corpus/*.lua")
	files = append(files, corpus...)
	if len(files) == 0 {
		t.Fatal("no Lua files")
	}
	dir := t.TempDir()
	loaded := 0
	for _, f := range files {
		for _, strip := range []bool{false, true} {
			out := filepath.Join(dir, "luac.out")
			args := []string{"-o", out}
			if strip {
				args = append(args, "-s")
			}
			if err := exec.Command("luac5.3", append(args, f)...).Run(); err != nil {
				continue // the corpus has snippets luac rejects as one file
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Undump(data, "=luac.out")
			if err != nil {
				t.Errorf("%s (strip %v): %v", f, strip, err)
				continue
			}
			loaded++
			if again := Dump(p, strip); !bytes.Equal(again, data) {
				t.Errorf("%s (strip %v): redumped chunk differs from luac's", f, strip)
			}
			if strip && p.Source != StrippedSource {
				t.Errorf("%s: stripped source %q", f, p.Source)
			}
			if !strip && p.Source != "@"+f {
				t.Errorf("%s: source %q", f, p.Source)
			}
		}
	}
	if loaded < len(files) {
		t.Errorf("only %d chunks of %d files loaded", loaded, len(files))
	}
	t.Logf("%d luac chunks loaded", loaded)
}

// TestDumpRunsInLua runs moonfuel's binary chunks with lua5.3 and compares
// the output with lua5.3 running the source.
func TestDumpRunsInLua(t *testing.T) {
	if _, err := exec.LookPath("lua5.3"); err != nil {
		t.Skip("lua5.3 not installed; skipping binary chunk interoperability")
	}
	progs := []string{
		`local t = {} for i = 1, 10 do t[#t+1] = i * 1.5 end print(table.concat(t, " "))`,
		`local function f(n) if n < 2 then return n end return f(n-1) + f(n-2) end print(f(20), 2^53, 1//0.0, "s\0x", math.mininteger)`,
		`local a = {x = 1, ["a long string key that is longer than forty bytes"] = 2}
		 print(a.x, a["a long string key that is longer than forty bytes"])
		 local up = 10 local function g() up = up + 1 return up end print(g(), g(), select('#', ...))`,
		`print(pcall(error, "e", 0))
		 print(select('#', pcall(function() local x = nil; return x.y end)))`,
		`local s = 0 for k = 1, 300 do local t = {k, k+1, k+2, [k] = k} s = s + #t end print(s, true, false, nil)`,
	}
	dir := t.TempDir()
	for i, src := range progs {
		srcFile := filepath.Join(dir, "p.lua")
		if err := os.WriteFile(srcFile, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := exec.Command("lua5.3", srcFile).CombinedOutput()
		if err != nil {
			t.Fatalf("#%d: lua5.3 on source: %v\n%s", i, err, want)
		}
		p, err := compileSource(src, "@"+srcFile)
		if err != nil {
			t.Fatal(err)
		}
		for _, strip := range []bool{false, true} {
			bin := filepath.Join(dir, "p.luac")
			if err := os.WriteFile(bin, Dump(p, strip), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := exec.Command("lua5.3", bin).CombinedOutput()
			if err != nil {
				t.Errorf("#%d (strip %v): lua5.3 on the binary chunk: %v\n%s", i, strip, err, got)
				continue
			}
			if string(got) != string(want) {
				t.Errorf("#%d (strip %v): got %q, want %q", i, strip, got, want)
			}
		}
	}
	// a function with debug information keeps its source and lines
	p, err := compileSource("local x = 1\n\nerror('boom')", "@where.lua")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "e.luac")
	for strip, want := range map[bool]string{false: "where.lua:3: boom", true: "boom"} {
		if err := os.WriteFile(bin, Dump(p, strip), 0o644); err != nil {
			t.Fatal(err)
		}
		got, _ := exec.Command("lua5.3", "-e", fmt.Sprintf("print(select(2, pcall(dofile, %q)))", bin)).CombinedOutput()
		if strings.TrimSpace(string(got)) != want {
			t.Errorf("strip %v: lua5.3 reports %q, want %q", strip, got, want)
		}
	}
}

// TestUndumpErrors checks the messages for malformed chunks against the
// texts lua5.3 gives for the same bytes.
func TestUndumpErrors(t *testing.T) {
	p, err := compileSource("local a, b = 1, 3 return a + b * 3", "=f")
	if err != nil {
		t.Fatal(err)
	}
	good := Dump(p, false)
	with := func(i int, c byte) []byte {
		b := bytes.Clone(good)
		b[i] = c
		return b
	}
	cases := []struct {
		name, data, want string
	}{
		{"=stdin", "\x1b", "stdin: truncated precompiled chunk"},
		{"@f.luac", "\x1bLu", "f.luac: truncated precompiled chunk"},
		{"\x1bLua", "\x1bLux", "binary string: not a precompiled chunk"},
		{"\x1bLua", "\x1bLu", "binary string: truncated precompiled chunk"},
		{"chunk", "\x1bLux\x53", "chunk: not a precompiled chunk"},
		{"=x", string(with(4, 0x54)), "x: version mismatch in precompiled chunk"},
		{"=x", string(with(5, 1)), "x: format mismatch in precompiled chunk"},
		{"=x", string(with(7, 0)), "x: corrupted precompiled chunk"},
		{"=x", string(with(12, 8)), "x: int size mismatch in precompiled chunk"},
		{"=x", string(with(13, 4)), "x: size_t size mismatch in precompiled chunk"},
		{"=x", string(with(14, 8)), "x: Instruction size mismatch in precompiled chunk"},
		{"=x", string(with(15, 4)), "x: lua_Integer size mismatch in precompiled chunk"},
		{"=x", string(with(16, 4)), "x: lua_Number size mismatch in precompiled chunk"},
		{"=x", string(with(17, 0x79)), "x: endianness mismatch in precompiled chunk"},
		{"=x", string(with(30, 0x41)), "x: float format mismatch in precompiled chunk"},
	}
	for _, tc := range cases {
		_, err := Undump([]byte(tc.data), tc.name)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Undump(%q, %q) = %v, want %q", tc.data, tc.name, err, tc.want)
		}
	}
	for i := 0; i < len(good); i++ {
		_, err := Undump(good[:i], "=x")
		if err == nil || err.Error() != "x: truncated precompiled chunk" {
			t.Errorf("truncated to %d bytes: %v", i, err)
		}
	}
	// a chunk that decodes but does not verify
	q := *p
	q.Code = append([]Instruction{CreateABC(OpMove, 200, 0, 0)}, p.Code...)
	if _, err := Undump(Dump(&q, true), "=x"); err == nil || !strings.HasPrefix(err.Error(), "x: bad binary format (") {
		t.Errorf("register out of range: %v", err)
	}
}

// TestUndumpErrorsLikeLua compares every header corruption and truncation
// with lua5.3's message.
func TestUndumpErrorsLikeLua(t *testing.T) {
	if _, err := exec.LookPath("lua5.3"); err != nil {
		t.Skip("lua5.3 not installed; skipping message comparison")
	}
	p, err := compileSource("local a, b = 1, 3 return a + b * 3", "=f")
	if err != nil {
		t.Fatal(err)
	}
	good := Dump(p, false)
	var chunks [][]byte
	for i := 0; i < len(Header)+2; i++ {
		chunks = append(chunks, good[:i])
		b := bytes.Clone(good)
		b[i]++
		chunks = append(chunks, b)
	}
	var script strings.Builder
	for _, c := range chunks {
		fmt.Fprintf(&script, "print(select(2, load(%q, '=x')))\n", c)
	}
	out, err := exec.Command("lua5.3", "-e", script.String()).CombinedOutput()
	if err != nil {
		t.Fatalf("lua5.3: %v\n%s", err, out)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(want) != len(chunks) {
		t.Fatalf("%d lines from lua5.3 for %d chunks", len(want), len(chunks))
	}
	for i, c := range chunks {
		_, err := Undump(c, "=x")
		got := "" // lua5.3 prints the empty line of a successful load
		if err != nil {
			got = err.Error()
		}
		if len(c) == 0 || c[0] != Header[0] { // a text chunk for load
			continue
		}
		if got != want[i] {
			t.Errorf("chunk %q: got %q, lua5.3 says %q", c, got, want[i])
		}
	}
}

// TestVerifyRejects checks that Verify refuses hand-made prototypes that
// would make the VM index out of range.
func TestVerifyRejects(t *testing.T) {
	ret := CreateABC(OpReturn, 0, 1, 0)
	base := func(code ...Instruction) *Proto {
		return &Proto{Code: append(code, ret), MaxStackSize: 2, IsVararg: true,
			Constants: []Constant{int64(1)}, Upvalues: []UpvalDesc{{Name: "_ENV", InStack: true}}}
	}
	bad := map[string]*Proto{
		"empty":          {MaxStackSize: 2},
		"no return":      {Code: []Instruction{CreateABC(OpMove, 0, 1, 0)}, MaxStackSize: 2},
		"move dst":       base(CreateABC(OpMove, 2, 0, 0)),
		"move src":       base(CreateABC(OpMove, 0, 2, 0)),
		"loadk":          base(CreateABx(OpLoadK, 0, 1)),
		"loadkx alone":   base(CreateABx(OpLoadKX, 0, 0)),
		"loadkx index":   base(CreateABx(OpLoadKX, 0, 0), CreateAx(OpExtraArg, 5)),
		"loadnil range":  base(CreateABC(OpLoadNil, 1, 1, 0)),
		"getupval":       base(CreateABC(OpGetUpval, 0, 1, 0)),
		"setupval reg":   base(CreateABC(OpSetUpval, 7, 0, 0)),
		"settabup up":    base(CreateABC(OpSetTabUp, 1, RKAsK(0), RKAsK(0))),
		"rk constant":    base(CreateABC(OpAdd, 0, RKAsK(3), 0)),
		"jump out":       base(CreateAsBx(OpJmp, 0, 5)),
		"jump before":    base(CreateAsBx(OpJmp, 0, -3)),
		"eq without jmp": base(CreateABC(OpEq, 0, 0, 1)),
		"loadbool skip":  base(CreateABC(OpLoadBool, 0, 1, 1)),
		"call results":   base(CreateABC(OpCall, 0, 1, 4)),
		"call args":      base(CreateABC(OpCall, 0, 3, 1)),
		"call top":       base(CreateABC(OpCall, 0, 0, 1)),
		"return top":     base(CreateABC(OpReturn, 0, 0, 0)),
		"call top above": base(CreateABC(OpVararg, 0, 0, 0), CreateABC(OpCall, 1, 0, 1)),
		"setlist top":    base(CreateABC(OpNewTable, 0, 0, 0), CreateABC(OpSetList, 0, 0, 1)),
		"setlist no table": base(CreateABC(OpLoadNil, 0, 1, 0),
			CreateABC(OpSetList, 0, 1, 1)),
		"setlist table overwritten": base(CreateABC(OpNewTable, 0, 0, 0),
			CreateABx(OpLoadK, 0, 0), CreateABC(OpSetList, 0, 1, 1)),
		"setlist on one path": base(CreateABC(OpTest, 0, 0, 0), CreateAsBx(OpJmp, 0, 1),
			CreateABC(OpNewTable, 0, 0, 0), CreateABC(OpSetList, 0, 1, 1)),
		"setlist extraarg": base(CreateABC(OpNewTable, 0, 0, 0), CreateABC(OpSetList, 0, 1, 0)),
		"forloop":          base(CreateAsBx(OpForLoop, 0, -1)),
		"tforcall":         base(CreateABC(OpTForCall, 0, 0, 1)),
		"closure":          base(CreateABx(OpClosure, 0, 0)),
		"concat":           base(CreateABC(OpConcat, 0, 1, 1)),
		"vararg":           base(CreateABC(OpVararg, 0, 4, 0)),
		"bad opcode":       base(Instruction(NumOpcodes)),
		"return none":      base(CreateABC(OpReturn, 3, 1, 0)),
		"local range":      {Code: []Instruction{ret}, MaxStackSize: 2, LocVars: []LocVar{{"a", 0, 2}}},
		"too many locals": {Code: []Instruction{ret}, MaxStackSize: 2,
			LocVars: []LocVar{{"a", 0, 1}, {"b", 0, 1}, {"c", 0, 1}}},
		"vararg none": base(CreateABC(OpVararg, 3, 1, 0)),
		"params":      {Code: []Instruction{ret}, MaxStackSize: 2, NumParams: 3},
		"line info":   {Code: []Instruction{ret}, MaxStackSize: 2, LineInfo: []int32{1, 2}},
		"frame size":  {Code: []Instruction{ret}, MaxStackSize: 256},
		"closure capture": {Code: []Instruction{CreateABx(OpClosure, 0, 0), ret}, MaxStackSize: 2,
			Protos: []*Proto{{Code: []Instruction{ret}, MaxStackSize: 2,
				Upvalues: []UpvalDesc{{InStack: true, Index: 2}}}}},
		"closure upvalue": {Code: []Instruction{CreateABx(OpClosure, 0, 0), ret}, MaxStackSize: 2,
			Protos: []*Proto{{Code: []Instruction{ret}, MaxStackSize: 2,
				Upvalues: []UpvalDesc{{Index: 0}}}}},
	}
	for name, p := range bad {
		if err := Verify(p); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	good := map[string]*Proto{
		"return":     base(),
		"vararg top": base(CreateABC(OpVararg, 1, 0, 0), CreateABC(OpCall, 0, 0, 1)),
		"setlist": base(CreateABC(OpNewTable, 0, 0, 0), CreateABx(OpLoadK, 1, 0),
			CreateABC(OpSetList, 0, 1, 1)),
		"setlist after a loop": base(CreateABC(OpNewTable, 0, 0, 0), CreateABx(OpLoadK, 1, 0),
			CreateABC(OpTest, 1, 0, 0), CreateAsBx(OpJmp, 0, -3), CreateABC(OpSetList, 0, 1, 1)),
	}
	for name, p := range good {
		if err := Verify(p); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzUndump feeds arbitrary bytes to Undump: it must never panic, must
// fail with a Lua load message, and whatever it accepts must verify and
// dump back to a chunk that loads to the same prototype.
func FuzzUndump(f *testing.F) {
	for _, src := range []string{
		"return 1",
		"local a, b = ... return a .. b, {1, 2, x = 3}, 1.5, nil, true",
		"local t = {} for i = 1, 10 do t[i] = function() return i end end return t",
		"for k, v in pairs({...}) do print(k, v) end return select('#', ...)",
		genProgram(1), genProgram(2), genProgram(3),
	} {
		p, err := compileSource(src, "=seed")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(Dump(p, false))
		f.Add(Dump(p, true))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Undump(data, "=fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz: ") {
				t.Fatalf("unexpected message %q", err)
			}
			return
		}
		if err := Verify(p); err != nil {
			t.Fatalf("accepted a prototype that does not verify: %v", err)
		}
		q, err := Undump(Dump(p, false), "=fuzz")
		if err != nil {
			t.Fatalf("redump does not load: %v", err)
		}
		if !reflect.DeepEqual(normalize(p), normalize(q)) {
			t.Fatal("redump differs")
		}
		_ = Disassemble(p)
	})
}

func TestRegSetRemove(t *testing.T) {
	for lo := -1; lo <= 256; lo += 7 {
		for hi := lo - 1; hi <= 257; hi += 5 {
			var s regSet
			for r := 0; r < 256; r++ {
				s.add(r)
			}
			s.remove(lo, hi)
			for r := 0; r < 256; r++ {
				if want := r < lo || r > hi; s.has(r) != want {
					t.Fatalf("remove(%d, %d): register %d present %v", lo, hi, r, s.has(r))
				}
			}
		}
	}
}
