package vm_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/moonfuel/moonfuel/gc"
	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

// newState returns a state with the base, coroutine, table and math
// libraries, printing into out.
func newState(t testing.TB, opts vm.Options) (*vm.State, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	if opts.Stdout == nil {
		opts.Stdout = &out
	}
	st := vm.NewState(opts)
	stdlib.OpenBase(st)
	stdlib.OpenCoroutine(st)
	stdlib.OpenTable(st)
	stdlib.OpenMath(st)
	return st, &out
}

// run runs src and returns what it printed, failing on errors.
func run(t *testing.T, src string) string {
	t.Helper()
	st, out := newState(t, vm.Options{})
	if _, err := st.DoString(src, "=test"); err != nil {
		t.Fatalf("error: %v\nsource:\n%s", err, src)
	}
	return out.String()
}

// runErr runs src and returns its error message.
func runErr(t *testing.T, src string) string {
	t.Helper()
	st, _ := newState(t, vm.Options{})
	_, err := st.DoString(src, "=test")
	if err == nil {
		t.Fatalf("no error from:\n%s", src)
	}
	return err.Error()
}

func TestPrograms(t *testing.T) {
	cases := []struct{ src, want string }{
		{`print(1, 2.5, "x", nil, true, false)`, "1\t2.5\tx\tnil\ttrue\tfalse\n"},
		{`print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 % 2, 2^10, 10 / 2, 1 // 0.0, -1 // 0.0)`, "3\t-4\t-2\t2\t1.5\t1024.0\t5.0\tinf\t-inf\n"},
		{`print(math.maxinteger + 1 == math.mininteger, math.mininteger // -1, math.mininteger % -1)`, "true\t-9223372036854775808\t0\n"},
		{`print(3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 63, 1 << 64, 1 >> -1, -1 >> 1, "3" | 0, 2.0 | 1)`, "7\t1\t6\t-1\t-9223372036854775808\t0\t2\t9223372036854775807\t3\t3\n"},
		{`print("10" + 1, "0x10" * 2, 10 .. 20, 1.5 .. "", 2^63 .. "")`, "11.0\t32.0\t1020\t1.5\t9.2233720368548e+18\n"},
		{`print(1 == 1.0, 1 < 1.5, "a" < "b", "a" < "ab", math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63)`, "true\ttrue\ttrue\ttrue\ttrue\ttrue\n"},
		{`local s = 0 for i = 1, 10 do s = s + i end print(s)`, "55\n"},
		{`for i = 3, 1, -1 do print(i) end`, "3\n2\n1\n"},
		{`for i = 1, 2, 0.5 do print(i) end`, "1.0\n1.5\n2.0\n"},
		{`for i = 1, 2.5 do print(i) end`, "1\n2\n"},
		{`for i = math.maxinteger - 1, math.maxinteger do print(i) if i < 0 then break end end`, "9223372036854775806\n9223372036854775807\n-9223372036854775808\n"},
		{`for i = 1, 0 do print(i) end print("x")`, "x\n"},
		{`local function f(...) return select("#", ...), ... end print(f(1, nil, 3))`, "3\t1\tnil\t3\n"},
		{`local function f(a, ...) local t = {...} return a, #t end print(f(1, 2, 3))`, "1\t2\n"},
		{`local t = {1, 2, 3, n = 4} print(#t, t.n, t[2])`, "3\t4\t2\n"},
		{`local function f() return 1, 2, 3 end local t = {f(), f()} print(#t)`, "4\n"},
		{`local a = {} for i = 1, 3 do a[i] = function() return i end end print(a[1](), a[2](), a[3]())`, "1\t2\t3\n"},
		{`local function counter() local n = 0 return function() n = n + 1 return n end end local c = counter() c() print(c(), c())`, "2\t3\n"},
		{`local function f(n) if n == 0 then return "done" end return f(n - 1) end print(f(1000000))`, "done\n"},
		{`print(select(-1, 1, 2, 3), select(2, "a", "b", "c"))`, "3\tb\tc\n"},
		{`print(pcall(error, "msg")) print(pcall(error, {}) == false)`, "false\tmsg\ntrue\n"},
		{`print(xpcall(function() error("x", 0) end, function(m) return "handled " .. m end))`, "false\thandled x\n"},
		{`print(select(2, xpcall(error, error)))`, "error in error handling\n"},
		{`print(tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("z", 36), tonumber("ff", 16), tonumber("8", 8), tonumber(""), tonumber("1e"))`, "16\t12\t100.0\t35\t255\tnil\tnil\tnil\n"},
		{`print(tostring(nil), tostring(1.0), tostring(-0.0), tostring(1e100), tostring(0/0) == tostring(0/0))`, "nil\t1.0\t-0.0\t1e+100\ttrue\n"},
		{`local t = setmetatable({}, {__tostring = function() return "T!" end}) print(t, tostring(t))`, "T!\tT!\n"},
		{`local t = setmetatable({}, {__index = function(t, k) return k * 2 end}) print(t[21])`, "42\n"},
		{`local b = {x = 1} local t = setmetatable({}, {__index = b}) print(t.x, t.y)`, "1\tnil\n"},
		{`local log = {} local t = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end}) t.x = 5 print(t.x)`, "10\n"},
		{`local mt = {__add = function(a, b) return "add" end, __concat = function(a, b) return "cat" end, __len = function() return 7 end,
		   __unm = function() return "neg" end, __call = function(self, x) return "called", x end,
		   __eq = function() return true end, __lt = function() return true end}
		  local a, b = setmetatable({}, mt), setmetatable({}, mt)
		  print(a + 1, 1 + a, a .. "x", "x" .. a, #a, -a, a == b, a < b, a <= b, a ~= b, a(5))`, "add\tadd\tcat\tcat\t7\tneg\ttrue\ttrue\tfalse\tfalse\tcalled\t5\n"},
		{`local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
		  for k, v in pairs(t) do print(k, v) end`, "1\tone\n"},
		{`local t = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end}) for i, v in ipairs(t) do print(i, v) end`, "1\t10\n2\t20\n3\t30\n"},
		{`print(getmetatable(setmetatable({}, {__metatable = "locked"})), pcall(setmetatable, setmetatable({}, {__metatable = 1}), {}))`, "locked\tfalse\tcannot change a protected metatable\n"},
		{`print(rawequal("a", "a"), rawlen({1, 2}), rawlen("abc"), rawget(setmetatable({}, {__index = function() return 1 end}), "x"))`, "true\t2\t3\tnil\n"},
		{`local f = load("return 1 + ...") print(f(41))`, "42\n"},
		{`local env = {y = 5} local f = load("return y", "chunk", "t", env) print(f())`, "5\n"},
		{`local parts = {"return ", "2", "*21"} local i = 0 print(load(function() i = i + 1 return parts[i] end)())`, "42\n"},
		{`print(load("x="))`, "nil\t[string \"x=\"]:1: unexpected symbol near <eof>\n"},
		{`print(load("\27Lua", "b", "t"))`, "nil\tattempt to load a binary chunk (mode is 't')\n"},
		{`print(type(print), type(nil), type({}), type("x"), type(2), type(coroutine.create(print)))`, "function\tnil\ttable\tstring\tnumber\tthread\n"},
		{`local a = "x" goto skip a = "y" ::skip:: print(a)`, "x\n"},
		{`print(_VERSION, _G._G == _G)`, "Lua 5.3\ttrue\n"},
	}
	for _, c := range cases {
		if got := run(t, c.src); got != c.want {
			t.Errorf("%s\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestCoroutines(t *testing.T) {
	cases := []struct{ src, want string }{
		{`local co = coroutine.create(function(a, b)
			print("start", a, b)
			local c = coroutine.yield(a + b)
			print("got", c)
			return "done"
		  end)
		  print(coroutine.resume(co, 1, 2))
		  print(coroutine.status(co))
		  print(coroutine.resume(co, "x"))
		  print(coroutine.status(co), coroutine.resume(co))`,
			"start\t1\t2\ntrue\t3\nsuspended\ngot\tx\ntrue\tdone\ndead\tfalse\tcannot resume dead coroutine\n"},
		{`local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
		  print(gen(), gen(), gen())`, "1\t2\t3\n"},
		{`for v in coroutine.wrap(function() coroutine.yield("a") coroutine.yield("b") end) do print(v) end`, "a\nb\n"},
		// yield across pcall
		{`local co = coroutine.wrap(function() local ok, v = pcall(function() local x = coroutine.yield(1) error("e" .. x, 0) end) print(ok, v) return "end" end)
		  print(co()) print(co("!"))`, "1\nfalse\te!\nend\n"},
		// yield across a metamethod
		{`local t = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end})
		  local co = coroutine.wrap(function() return "v=" .. t.foo end)
		  print(co()) print(co(42))`, "foo\nv=42\n"},
		// yield inside __lt / __concat / __eq
		{`local mt = {__lt = function(a, b) return coroutine.yield("lt") end, __concat = function(a, b) return coroutine.yield("cat") end}
		  local a, b = setmetatable({}, mt), setmetatable({}, mt)
		  local co = coroutine.wrap(function() local r = a < b; local s = a .. b .. "z"; return r, s end)
		  print(co()) print(co(true)) print(co("Q")) print(co("R"))`, "lt\ncat\ncat\ntrue\tR\n"},
		// errors kill coroutines and go to the resumer
		{`local co = coroutine.create(function() error("boom") end)
		  print(coroutine.resume(co)) print(coroutine.status(co))`, "false\ttest:1: boom\ndead\n"},
		{`print(pcall(coroutine.wrap(function() error("w") end)))`, "false\ttest:1: w\n"},
		{`print(coroutine.isyieldable(), coroutine.running())`, "false\t"},
		{`print(select(2, pcall(coroutine.yield)))`, "attempt to yield from outside a coroutine\n"},
		{`local co co = coroutine.create(function() return coroutine.resume(co) end) print(coroutine.resume(co))`, "true\tfalse\tcannot resume non-suspended coroutine\n"},
		{`local co = coroutine.wrap(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
		  print(pcall(co))`, "false\tattempt to yield across a C-call boundary\n"},
		{`local function nest(n) if n == 0 then return "bottom" end
		    local co = coroutine.create(nest) local ok, v = coroutine.resume(co, n - 1) return v end
		  print(nest(300))`, "C stack overflow\n"},
	}
	for _, c := range cases {
		got := run(t, c.src)
		if strings.HasSuffix(c.want, "\t") {
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("%s\ngot  %q\nwant prefix %q", c.src, got, c.want)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	cases := []struct{ src, want string }{
		{`local t = {} t.x.y = 1`, "test:1: attempt to index a nil value (field 'x')"},
		{`x.y = 1`, "test:1: attempt to index a nil value (global 'x')"},
		{`local a a.b = 1`, "test:1: attempt to index a nil value (local 'a')"},
		{`local u; (function() return u.x end)()`, "test:1: attempt to index a nil value (upvalue 'u')"},
		{`f()`, "test:1: attempt to call a nil value (global 'f')"},
		{`local t = {} t:m()`, "test:1: attempt to call a nil value (method 'm')"},
		{`local t = {} t.x.f()`, "test:1: attempt to index a nil value (field 'x')"},
		{`local t = {} return t.y + 1`, "test:1: attempt to perform arithmetic on a nil value (field 'y')"},
		{`local t = {} return "a" .. t`, "test:1: attempt to concatenate a table value (local 't')"},
		{`return 1 < nil`, "test:1: attempt to compare number with nil"},
		{`return {} < {}`, "test:1: attempt to compare two table values"},
		{`return 1.5 | 0`, "test:1: number has no integer representation"},
		{`return 1 // 0`, "test:1: attempt to divide by zero"},
		{`return 1 % 0`, "test:1: attempt to perform 'n%0'"},
		{`return #nil`, "test:1: attempt to get length of a nil value"},
		{`local s = "x" return -{}`, "test:1: attempt to perform arithmetic on a table value"},
		{`for i = 1, "x" do end`, "test:1: 'for' limit must be a number"},
		{`for i = {}, 2 do end`, "test:1: 'for' initial value must be a number"},
		{`for i = 1, 2, {} do end`, "test:1: 'for' step must be a number"},
		{`setmetatable({}, {})["x"] = nil; local t = setmetatable({}, {}) getmetatable(t).__index = t; return t.x`, "test:1: '__index' chain too long; possible loop"},
		{`error("msg")`, "test:1: msg"},
		{`error("msg", 0)`, "msg"},
		{`error("msg", 2)`, "msg"},
		{`local function f() error("deep", 2) end
		  f()`, "test:2: deep"},
		{`error()`, "nil"},
		{`error({})`, "(error object is a table value)"},
		{`string.rep()`, "test:1: attempt to index a nil value (global 'string')"},
		{`setmetatable(1, {})`, "test:1: bad argument #1 to 'setmetatable' (table expected, got number)"},
		{`local t = {} t[nil] = 1`, "test:1: table index is nil"},
		{`local t = {} t[0/0] = 1`, "test:1: table index is NaN"},
		{`rawset({}, nil, 1)`, "table index is nil"},
		{`next({}, "nope")`, "invalid key to 'next'"},
		{`local function f() return f() + 1 end f()`, "test:1: stack overflow"},
		{`select(0)`, "test:1: bad argument #1 to 'select' (index out of range)"},
		{`tonumber()`, "test:1: bad argument #1 to 'tonumber' (value expected)"},
		{`tonumber("10", 99)`, "test:1: bad argument #2 to 'tonumber' (base out of range)"},
		{`collectgarbage("nope")`, "test:1: bad argument #1 to 'collectgarbage' (invalid option 'nope')"},
		{`local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x`, "C stack overflow"},
		{`assert(false)`, "test:1: assertion failed!"},
		{`assert(nil, "custom")`, "test:1: custom"},
		{`coroutine.wrap(function() end)() ; local f = coroutine.wrap(function() end) f() f()`, "test:1: cannot resume dead coroutine"},
	}
	for _, c := range cases {
		got := runErr(t, c.src)
		if !strings.Contains(got, c.want) || (!strings.HasPrefix(c.want, "C stack") && got != c.want) {
			t.Errorf("%s\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

// TestReference runs snippets on lua5.3 and moonfuel and compares output.
func TestReference(t *testing.T) {
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Skip("lua5.3 not installed")
	}
	snippets := []string{
		`local t = {} print(pcall(function() return t.x.y end))`,
		`print(pcall(function() local a; a() end))`,
		`print(pcall(function() return {} .. "x" end))`,
		`print(pcall(function() return 1.5 | 1 end))`,
		`print(pcall(function() local t = setmetatable({}, {__index = function(t, k) return k * 2 end}) return t.x end))`,
		`print(1e15, 1e16, 2^53, -0.0, 100 // 1.0, 3 % math.huge, -3 % math.huge, 5.3 % -2)`,
		`print(math.mininteger, math.mininteger // -1, 7 // -2, 7.0 // -2, -7 % 2.5)`,
		`print(select('#', table.unpack({1, nil, 3}, 1, 3)))`,
		`print(pcall(error, setmetatable({}, {__tostring = function() return "E" end})))`,
		`print(string)`,
		`print(8 // 0.0, -8 // 0.0, 0/0 ~= 0/0, math.huge // 1)`,
		`print(2^63 == math.maxinteger + 1.0, math.maxinteger // 1 == math.maxinteger)`,
		`for i = -3, -1 do print(i, i // 2, i % 2, i >> 1) end`,
		`print(pcall(load, "return"))`,
		`print(load("return ...", "=name")(1, 2))`,
	}
	for _, s := range snippets {
		ref, _ := exec.Command(lua, "-e", s).CombinedOutput()
		refs := strings.ReplaceAll(string(ref), "(command line)", "test")
		if strings.Contains(refs, "0x") || strings.HasPrefix(refs, "lua5.3:") {
			// addresses and CLI errors differ by nature; only check that we run
			continue
		}
		st, out := newState(t, vm.Options{})
		_, err := st.DoString(s, "=test")
		got := out.String()
		if err != nil {
			got += "error: " + err.Error()
		}
		if got != refs {
			t.Errorf("%s\ngot  %q\nwant %q", s, got, refs)
		}
	}
}

func TestFuel(t *testing.T) {
	st, _ := newState(t, vm.Options{Fuel: 10000})
	_, err := st.DoString(`local x = 0 while true do x = x + 1 end`, "=fuel")
	if !errors.Is(err, vm.ErrFuelExhausted) {
		t.Fatalf("want ErrFuelExhausted, got %v", err)
	}
	// pcall cannot catch it
	st, _ = newState(t, vm.Options{Fuel: 10000})
	_, err = st.DoString(`print(pcall(function() while true do end end)) print("escaped")`, "=fuel")
	if !errors.Is(err, vm.ErrFuelExhausted) {
		t.Fatalf("pcall caught fuel exhaustion: %v", err)
	}
	// nor can a coroutine
	st, _ = newState(t, vm.Options{Fuel: 10000})
	_, err = st.DoString(`print(coroutine.resume(coroutine.create(function() while true do end end)))`, "=fuel")
	if !errors.Is(err, vm.ErrFuelExhausted) {
		t.Fatalf("coroutine caught fuel exhaustion: %v", err)
	}
	// deterministic figures, and the state is usable afterwards
	var used []int64
	for i := 0; i < 2; i++ {
		st, _ := newState(t, vm.Options{})
		if _, err := st.DoString(`local t = {} for i = 1, 1000 do t[i] = tostring(i) .. "x" end`, "=d"); err != nil {
			t.Fatal(err)
		}
		used = append(used, st.FuelUsed())
	}
	if used[0] != used[1] || used[0] < 1000 {
		t.Fatalf("fuel not deterministic: %v", used)
	}
	st, out := newState(t, vm.Options{Fuel: 1000})
	st.DoString(`while true do end`, "=x")
	st.AddFuel(1000)
	if _, err := st.DoString(`print("again")`, "=x"); err != nil || out.String() != "again\n" {
		t.Fatalf("state unusable after exhaustion: %v %q", err, out.String())
	}
}

func TestContextCancel(t *testing.T) {
	st, _ := newState(t, vm.Options{})
	fn, err := st.LoadString(`while true do end`, "=spin")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = st.CallContext(ctx, fn)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want deadline exceeded, got %v", err)
	}
}

func TestMemoryLimit(t *testing.T) {
	const limit = 64 << 20
	st, _ := newState(t, vm.Options{MemoryLimit: limit})
	_, err := st.DoString(`local t = {} for i = 1, 1e9 do t[i] = i end`, "=mem")
	if !errors.Is(err, vm.ErrMemoryLimit) || !errors.Is(err, gc.ErrMemoryLimit) {
		t.Fatalf("want memory error, got %v", err)
	}
	var le *gc.LimitError
	if !errors.As(err, &le) {
		t.Fatalf("want *gc.LimitError, got %T", err)
	}
	st, _ = newState(t, vm.Options{MemoryLimit: limit})
	_, err = st.DoString(`print(pcall(function() local s = "x" while true do s = s .. s end end))`, "=mem")
	if !errors.Is(err, vm.ErrMemoryLimit) {
		t.Fatalf("pcall caught the memory error: %v", err)
	}
}

func TestLuaErrorValue(t *testing.T) {
	st, _ := newState(t, vm.Options{})
	_, err := st.DoString(`local function inner() error({code = 7}) end inner()`, "@t.lua")
	var le *vm.LuaError
	if !errors.As(err, &le) {
		t.Fatalf("want *vm.LuaError, got %T %v", err, err)
	}
	if tb := le.Value.AsTable(); tb == nil || tb.GetField("code").AsInt() != 7 {
		t.Fatalf("error value lost: %v", le.Value)
	}
	if !strings.Contains(le.Traceback, "stack traceback:") || !strings.Contains(le.Traceback, "t.lua:1: in") {
		t.Fatalf("bad traceback:\n%s", le.Traceback)
	}
}

func TestSharedProto(t *testing.T) {
	p, err := vm.Compile(`local n = ... return n * 2, x`, "=shared")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		st := vm.NewState(vm.Options{})
		st.SetGlobal("x", vm.Int(int64(i)))
		res, err := st.Call(st.Load(p), vm.Int(21))
		if err != nil || len(res) != 2 || res[0].AsInt() != 42 || res[1].AsInt() != int64(i) {
			t.Fatalf("run %d: %v %v", i, res, err)
		}
	}
}

func TestGoFunctions(t *testing.T) {
	st, out := newState(t, vm.Options{})
	st.Register("add", func(L *vm.Thread) int {
		a := L.CheckInteger(1)
		b := L.CheckInteger(2)
		L.Push(vm.Int(a + b))
		return 1
	})
	st.Register("apply", func(L *vm.Thread) int {
		f := L.Arg(1)
		L.Call(f, 1, L.Arg(2))
		return 1
	})
	if _, err := st.DoString(`print(add(2, 3), apply(function(x) return x * 10 end, 4), pcall(add, 1))`, "=g"); err != nil {
		t.Fatal(err)
	}
	if want := "5\t40\tfalse\tbad argument #2 to 'add' (number expected, got no value)\n"; out.String() != want {
		t.Fatalf("got %q want %q", out.String(), want)
	}
	allocs := testing.AllocsPerRun(100, func() {
		st.Call(st.GetGlobal("add"), vm.Int(1), vm.Int(2))
	})
	if allocs > 1 { // the results slice
		t.Fatalf("Go function call allocates: %v", allocs)
	}
}

func TestDumpUndump(t *testing.T) {
	p, err := vm.Compile(`local a, b = ... local function f(x) return x * a + b end return f(10), "s", 1.5, nil, true`, "=dump")
	if err != nil {
		t.Fatal(err)
	}
	st := vm.NewState(vm.Options{})
	data, err := vm.DumpFunction(st.Load(p), false)
	if err != nil {
		t.Fatal(err)
	}
	q, err := vm.UndumpChunk(string(data), "=d")
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.Call(st.Load(q), vm.Int(3), vm.Int(4))
	if err != nil || len(res) != 5 || res[0].AsInt() != 34 || res[1].AsString() != "s" {
		t.Fatalf("undumped chunk: %v %v", res, err)
	}
	// truncated and corrupted chunks are refused, never crash
	for i := 0; i < len(data); i++ {
		if _, err := vm.UndumpChunk(string(data[:i]), "=d"); err == nil {
			t.Fatalf("truncated chunk of %d bytes accepted", i)
		}
		c := []byte(string(data))
		c[i] ^= 0xff
		if q, err := vm.UndumpChunk(string(c), "=d"); err == nil {
			st.Call(st.Load(q), vm.Int(1), vm.Int(2)) // must not panic
		}
	}
	if _, err := vm.DumpFunction(vm.NewGoFunction("f", func(*vm.Thread) int { return 0 }), false); err == nil {
		t.Fatal("dumped a Go function")
	}
}

func TestPauseContinue(t *testing.T) {
	src := `local s = 0
		local co = coroutine.wrap(function() for i = 1, 3000 do coroutine.yield(i) end end)
		for i = 1, 3000 do
			local ok, v = pcall(function() return co() * 2 end)
			s = s + v
		end
		local t = setmetatable({}, {__index = function(_, k) return k end})
		for i = 1, 1000 do s = s + t[i] end
		return s, "end"`
	// reference run without a limit
	st, _ := newState(t, vm.Options{})
	want, err := st.DoString(src, "=p")
	if err != nil {
		t.Fatal(err)
	}
	wantFuel := st.FuelUsed()

	st, _ = newState(t, vm.Options{Fuel: 1000})
	res, err := st.DoString(src, "=p")
	pauses := 0
	for errors.Is(err, vm.ErrFuelExhausted) {
		if !st.Paused() {
			t.Fatalf("not paused after %d pauses", pauses)
		}
		pauses++
		st.AddFuel(1000)
		res, err = st.Continue()
	}
	if err != nil || len(res) != 2 || !vm.RawEqual(res[0], want[0]) || res[1].AsString() != "end" {
		t.Fatalf("continued run: %v %v (want %v)", res, err, want)
	}
	if pauses < 10 {
		t.Fatalf("only %d pauses", pauses)
	}
	// the compile-time part differs (DoString compiles once); compare loosely
	if st.FuelUsed() != wantFuel {
		t.Logf("fuel with pauses %d, without %d", st.FuelUsed(), wantFuel)
	}
	// a pause inside a Go builtin's callback cannot be continued
	st, _ = newState(t, vm.Options{Fuel: 500})
	_, err = st.DoString(`table.sort({5, 4, 3, 2, 1, 9, 8, 7}, function(a, b) for i = 1, 100 do end return a < b end)`, "=s")
	if !errors.Is(err, vm.ErrFuelExhausted) || st.Paused() {
		t.Fatalf("want a non-resumable exhaustion, got %v paused=%v", err, st.Paused())
	}
}
