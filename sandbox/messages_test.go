package sandbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestMessagesRoundTrip(t *testing.T) {
	s, err := NewString(`
local total = 0
while true do
  local m = sandbox.receive()
  if m.stop then break end
  total = total + m.n
  sandbox.send({echo = m.n, list = {1, 2, {deep = "x"}}, id = sandbox.id()})
end
return total`, "=echo", Config{ID: 7})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := s.Run(context.Background()); done <- err }()
	ctx := context.Background()
	for i := 1; i <= 10; i++ {
		if err := s.Send(map[string]any{"n": i}); err != nil {
			t.Fatal(err)
		}
		m, err := s.Receive(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tb := m.(*Table)
		if tb.Get("echo") != int64(i) || tb.Get("id") != int64(7) || tb.Get("list").(*Table).Get(3).(*Table).Get("deep") != "x" {
			t.Fatalf("message %d: %#v", i, tb)
		}
	}
	s.Send(map[string]any{"stop": true})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if s.Results()[0] != int64(55) {
		t.Fatalf("total %v", s.Results())
	}
	st := s.Stats()
	if st.MessagesIn != 11 || st.MessagesOut != 10 {
		t.Fatalf("stats %+v", st)
	}
	if err := s.Send(1); !errors.Is(err, ErrClosed) {
		t.Fatalf("send to a finished sandbox: %v", err)
	}
}

func TestWaitingHoldsNoGoroutine(t *testing.T) {
	// driven by Step only: Waiting comes back to the caller, no goroutine
	// is left behind
	s, _ := NewString(`return sandbox.receive() + sandbox.receive()`, "=w", Config{})
	st, err := s.Step(context.Background(), 0)
	if st != Waiting || err != nil {
		t.Fatalf("%v %v", st, err)
	}
	s.Send(int64(40))
	st, _ = s.Step(context.Background(), 0)
	if st != Waiting {
		t.Fatalf("%v", st)
	}
	s.Send(int64(2))
	st, err = s.Step(context.Background(), 0)
	if st != Done || err != nil || s.Results()[0] != int64(42) {
		t.Fatalf("%v %v %v", st, err, s.Results())
	}
}

func TestReceiveTimeout(t *testing.T) {
	res, err, _ := run(t, `return sandbox.receive(0.01), sandbox.receive(0)`, Config{})
	if err != nil || res[0] != nil || res[1] != nil {
		t.Fatalf("%v %v", res, err)
	}
}

func TestSendRefusals(t *testing.T) {
	cases := map[string]string{
		"function": `sandbox.send({f = print})`,
		"cycle":    `local t = {} t.t = t sandbox.send(t)`,
		"deep":     `local t = {} for i = 1, 1e6 do t = {t} end sandbox.send(t)`,
		"thread":   `sandbox.send(coroutine.create(print))`,
		"size":     `sandbox.send(string.rep("x", 2e6))`,
		"dag-bomb": `local t = {} for i = 1, 60 do t = {t, t} end sandbox.send(t)`,
	}
	for name, src := range cases {
		res, err, _ := run(t, "local ok, msg = pcall(function() "+src+" end) return ok, msg", Config{Limits: Limits{Memory: 256 << 20, Fuel: 1e9}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res[0] != false || !strings.Contains(res[1].(string), "sandbox.send") {
			t.Errorf("%s: %v", name, res)
		}
	}
	s, _ := NewString("return 1", "=x", Config{Limits: Limits{MailboxLen: 2}})
	if err := s.Send(func() {}); !errors.Is(err, ErrNotCopyable) {
		t.Errorf("host send of a func: %v", err)
	}
	s.Send(1)
	s.Send(2)
	if err := s.Send(3); !errors.Is(err, ErrMailboxFull) {
		t.Errorf("mailbox: %v", err)
	}
	if err := s.Send(strings.Repeat("x", 2<<20)); !errors.Is(err, ErrMessageSize) {
		t.Errorf("size: %v", err)
	}
}

func TestMessageCopyChargedToReceiver(t *testing.T) {
	s, _ := NewString(`local m = sandbox.receive() return #m`, "=x", Config{Limits: Limits{Memory: 200 << 10}})
	big := make([]any, 20000)
	for i := range big {
		big[i] = int64(i)
	}
	s.Send(big)
	_, err := s.Run(context.Background())
	if !errors.Is(err, ErrMemory) {
		t.Fatalf("expected the memory limit, got %v", err)
	}
}

func TestHostFunctionSuspends(t *testing.T) {
	release := make(chan struct{})
	cfg := Config{Funcs: map[string]HostFunc{
		"fetch": func(ctx context.Context, args []any) ([]any, error) {
			<-release
			return []any{"got " + args[0].(string), int64(len(args))}, nil
		},
		"fail": func(ctx context.Context, args []any) ([]any, error) {
			return nil, errors.New("no such thing")
		},
	}}
	s, _ := NewString(`local a, n = sandbox.fetch("url", 2)
	local ok, err = pcall(sandbox.fail)
	return a, n, ok, err`, "=h", cfg)
	st, _ := s.Step(context.Background(), 0)
	if st != Waiting {
		t.Fatalf("status %v", st)
	}
	close(release)
	res, err := s.Run(context.Background())
	if err != nil || res[0] != "got url" || res[1] != int64(2) || res[2] != false || !strings.Contains(res[3].(string), "no such thing") {
		t.Fatalf("%v %v", res, err)
	}
}

func TestTimeoutWhileWaiting(t *testing.T) {
	s, _ := NewString(`return sandbox.receive()`, "=x", Config{Limits: Limits{Timeout: 20 * time.Millisecond}})
	_, err := s.Run(context.Background())
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v", err)
	}
}

func TestTimeoutRunning(t *testing.T) {
	s, _ := NewString(`while true do end`, "=x", Config{Limits: Limits{Timeout: 20 * time.Millisecond, Fuel: -1}})
	_, err := s.Run(context.Background())
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s, _ = NewString(`while true do end`, "=x", Config{Limits: Limits{Fuel: -1}})
	go func() { time.Sleep(10 * time.Millisecond); cancel() }()
	_, err = s.Run(ctx)
	if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}

// TestSendRefusesHostCycles: a host message that contains itself is
// refused as a cycle, also without depth and size limits (found by
// FuzzMessageCopy: the check recursed until the Go stack overflowed,
// killing the host), and a nil *Table is refused; two slices of one array
// are different tables.
func TestSendRefusesHostCycles(t *testing.T) {
	tab := &Table{}
	tab.Fields = append(tab.Fields, Field{"self", tab})
	list := []any{int64(1), nil}
	list[1] = list
	m := map[string]any{}
	m["m"] = []any{m}
	arr := make([]any, 2)
	s1, s2 := arr[:2], arr[:1]
	arr[0], arr[1] = int64(5), s2
	for _, lim := range []Limits{{}, {MaxMessageDepth: -1, MaxMessageBytes: -1}} {
		for name, msg := range map[string]any{"table": tab, "slice": list, "map": m, "nested": Array(Array(tab))} {
			s, _ := NewString("return 1", "=x", Config{Limits: lim})
			if err := s.Send(msg); !errors.Is(err, ErrNotCopyable) || !strings.Contains(err.Error(), "cycle") {
				t.Errorf("%s (limits %+v): %v", name, lim, err)
			}
		}
		s, _ := NewString("local m = sandbox.receive() return m[1], m[2][1], m[3]", "=x", Config{Limits: lim})
		if err := s.Send(s1); err != nil {
			t.Fatalf("two slices of one array: %v", err)
		}
		if res, err := s.Run(context.Background()); err != nil || res[0] != int64(5) || res[1] != int64(5) || res[2] != nil {
			t.Errorf("two slices of one array: %v %v", res, err)
		}
		if err := s.Send((*Table)(nil)); !errors.Is(err, ErrNotCopyable) {
			t.Errorf("nil *Table: %v", err)
		}
	}
}

// TestMessageDepthCeiling checks that "no depth limit" still refuses
// messages nested past MessageDepthCeiling, from the script and from the
// host, so a copy's Go stack stays bounded.
func TestMessageDepthCeiling(t *testing.T) {
	lim := Limits{MaxMessageDepth: -1, MaxMessageBytes: -1, Memory: 256 << 20}
	if got := lim.resolve().MaxMessageDepth; got != MessageDepthCeiling {
		t.Fatalf("resolved depth %d, want the ceiling %d", got, MessageDepthCeiling)
	}
	src := fmt.Sprintf("local t = {} for i = 1, %d do t = {t} end sandbox.send(t)", MessageDepthCeiling+10)
	s, err := NewString(src, "=deep", Config{Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "nested deeper than") {
		t.Errorf("script sending %d levels: %v", MessageDepthCeiling+10, err)
	}
	var msg any = int64(1)
	for range MessageDepthCeiling + 10 {
		msg = []any{msg}
	}
	s, _ = NewString("return 1", "=x", Config{Limits: lim})
	if err := s.Send(msg); !errors.Is(err, ErrNotCopyable) {
		t.Errorf("host sending %d levels: %v", MessageDepthCeiling+10, err)
	}
}
