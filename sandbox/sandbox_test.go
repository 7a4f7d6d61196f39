package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/moonfuel/moonfuel/vm"
)

func run(t *testing.T, src string, cfg Config) ([]any, error, *Sandbox) {
	t.Helper()
	s, err := NewString(src, "=test", cfg)
	if err != nil {
		t.Fatalf("NewString: %v", err)
	}
	res, err := s.Run(context.Background())
	return res, err, s
}

func TestRunResults(t *testing.T) {
	res, err, _ := run(t, `return 1, 2.5, "x", true, nil, {1, 2, k = {z = 1}}`, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 6 || res[0] != int64(1) || res[1] != 2.5 || res[2] != "x" || res[3] != true || res[4] != nil {
		t.Fatalf("results %#v", res)
	}
	tb := res[5].(*Table)
	if tb.Get(1) != int64(1) || tb.Get("k").(*Table).Get("z") != int64(1) {
		t.Fatalf("table %#v", tb)
	}
}

func TestUntrustedProfileAllowlist(t *testing.T) {
	src := `
local absent = {"io", "debug", "package", "require", "dofile", "loadfile", "string.dump",
  "os.exit", "os.execute", "os.getenv", "os.remove", "os.rename", "os.tmpname", "os.setlocale"}
local out = {}
for _, name in ipairs(absent) do
  local v = _G
  for part in name:gmatch("[^.]+") do v = v and v[part] end
  if v ~= nil then out[#out + 1] = name end
end
return table.concat(out, ",")`
	res, err, _ := run(t, src, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if res[0] != "" {
		t.Fatalf("present but should be absent: %v", res[0])
	}
	// the full profile has them
	res, err, _ = run(t, `return io ~= nil and require ~= nil and string.dump ~= nil and os.getenv ~= nil`, Config{Profile: Full})
	if err != nil || res[0] != true {
		t.Fatalf("full profile: %v %v", res, err)
	}
}

func TestUntrustedGlobalsExactly(t *testing.T) {
	res, err, _ := run(t, `local t = {} for k in pairs(_G) do t[#t+1] = k end table.sort(t) return table.concat(t, " ")`, Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := "_G _VERSION assert collectgarbage coroutine error getmetatable ipairs load math next os pairs pcall print rawequal rawget rawlen rawset sandbox select setmetatable string table tonumber tostring type utf8 xpcall"
	if res[0] != want {
		t.Fatalf("globals:\n got %v\nwant %v", res[0], want)
	}
}

func TestLoadRestrictions(t *testing.T) {
	cases := []struct{ src, want string }{
		{`return select(2, pcall(load, "return 1"))`, "explicit environment"},
		{`return (load("return x", "c", "t", {x = 42}))()`, "42"},
		{`local f, msg = load("\27Lua", "b", "b", {}) return msg`, "mode is 'b'"},
		{`local f, msg = load("\27LuaS", "b", "bt", {}) return msg`, "binary chunks are refused"},
		{`return select(2, pcall(collectgarbage, "collect"))`, "invalid option 'collect'"},
		{`return type(collectgarbage("count"))`, "number"},
		{`return (load("return print", "c", "t", {}))() == nil`, "true"},
	}
	for _, c := range cases {
		res, err, _ := run(t, c.src, Config{})
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := fmt.Sprint(res[0]); !strings.Contains(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.src, got, c.want)
		}
	}
	if _, err := Compile("\x1bLuaS", "=x"); !errors.Is(err, ErrBytecode) {
		t.Errorf("Compile of a binary chunk: %v", err)
	}
}

func TestPrintGoesToHostWriter(t *testing.T) {
	var b bytes.Buffer
	_, err, _ := run(t, `print("hello", 1, nil)`, Config{Stdout: &b})
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != "hello\t1\tnil\n" {
		t.Fatalf("printed %q", b.String())
	}
}

func TestStringMetatableIsPerSandbox(t *testing.T) {
	_, err, _ := run(t, `getmetatable("").__index.upper = function() return "pwned" end
	string.rep = nil
	getmetatable("").__index = {len = function() return -1 end}`, Config{})
	if err != nil {
		t.Fatal(err)
	}
	res, err, _ := run(t, `return ("abc"):upper(), string.rep("a", 2), ("x"):len()`, Config{})
	if err != nil || res[0] != "ABC" || res[1] != "aa" || res[2] != int64(1) {
		t.Fatalf("another sandbox saw the change: %v %v", res, err)
	}
}

func TestLimitErrors(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		lim   Limits
		want  error
		where string
	}{
		{"fuel", "local x = 0\nwhile true do x = x + 1 end", Limits{Fuel: 10000}, ErrFuel, "test:2"},
		{"fuel-pcall", "while true do pcall(function() while true do end end) end", Limits{Fuel: 10000}, ErrFuel, "test:1"},
		{"memory", "local t = {}\nfor i = 1, 1e9 do t[i] = {} end", Limits{Memory: 1 << 20}, ErrMemory, "test:2"},
		{"stack", "local function f(n) return 1 + f(n + 1) end\nreturn pcall(f, 1)", Limits{MaxDepth: 100}, ErrStack, "test:1"},
		{"string", "return pcall(string.rep, 'x', 1e6)", Limits{MaxStringSize: 1000}, ErrStringSize, ""},
		{"callback", "local t = setmetatable({}, {__tostring = function(t) return tostring(t) end})\nreturn pcall(tostring, t)", Limits{MaxCallbackDepth: 10}, ErrCallback, "test:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err, _ := run(t, c.src, Config{Limits: c.lim})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			var le *LimitError
			if !errors.As(err, &le) || le.Max == 0 {
				t.Fatalf("not a *LimitError with figures: %#v", err)
			}
			if c.where != "" && le.Where != c.where {
				t.Errorf("where = %q, want %q (%v)", le.Where, c.where, err)
			}
		})
	}
	// the vm's sentinels match too
	_, err, _ := run(t, "while true do end", Config{Limits: Limits{Fuel: 100}})
	if !errors.Is(err, vm.ErrFuelExhausted) {
		t.Errorf("errors.Is(err, vm.ErrFuelExhausted) false: %v", err)
	}
}
