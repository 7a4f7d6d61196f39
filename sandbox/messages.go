package sandbox

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/moonfuel/moonfuel/compiler"
	"github.com/moonfuel/moonfuel/vm"
)

// The sandbox module, as scripts see it:
//
//	sandbox.send(v)            copy v to the host (errors if v cannot be copied
//	                           or the host's mailbox is full)
//	sandbox.receive([timeout]) the next message from the host, waiting for it
//	                           (at most timeout seconds; nil when it passes)
//	sandbox.id()               the sandbox's Config.ID
//	sandbox.<name>(...)        host functions (Config.Funcs)
//
// Waiting does not hold a goroutine: the builtin asks the vm to suspend the
// run at the next instruction (the state is paused, Step returns Waiting)
// and the Lua wrapper below asks again when the run goes on.

// preludeSource wraps the Go builtins that may suspend.
const preludeSource = `
local try_receive, call_host, fetch_host = ...
local function finish(ok, ...)
  if ok == false then return finish(fetch_host()) end
  return ...
end
local function receive(timeout)
  local ok, v = try_receive(timeout, false)
  while ok == false do ok, v = try_receive(timeout, true) end
  return v
end
local function host(name)
  return function(...) return finish(call_host(name, ...)) end
end
return receive, host
`

var (
	preludeOnce  sync.Once
	preludeProto *compiler.Proto
)

func prelude() *compiler.Proto {
	preludeOnce.Do(func() {
		p, err := vm.Compile(preludeSource, "=sandbox")
		if err != nil {
			panic("sandbox: prelude: " + err.Error())
		}
		preludeProto = p
	})
	return preludeProto
}

// openSandboxLib registers the sandbox module.
func (s *Sandbox) openSandboxLib() {
	st := s.st
	t := st.NewLib("sandbox", []vm.Reg{
		{Name: "send", Fn: s.luaSend},
		{Name: "id", Fn: func(L *vm.Thread) int { L.Push(vm.Int(int64(s.cfg.ID))); return 1 }},
	})
	res, err := st.Call(st.Load(prelude()),
		vm.NewGoFunction("sandbox.receive", s.luaTryReceive),
		vm.NewGoFunction("sandbox.call", s.luaCallHost),
		vm.NewGoFunction("sandbox.call", s.luaFetchHost))
	if err != nil {
		panic(err)
	}
	t.SetField("receive", res[0])
	names := make([]string, 0, len(s.cfg.Funcs))
	for n := range s.cfg.Funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		r, err := st.Call(res[1], st.NewString(n))
		if err != nil {
			panic(err)
		}
		t.SetField(n, r[0])
	}
}

func (s *Sandbox) copyLimits() *copyState {
	return &copyState{max: s.lim.MaxMessageBytes, maxDepth: s.lim.MaxMessageDepth}
}

// luaSend is sandbox.send(v).
func (s *Sandbox) luaSend(L *vm.Thread) int {
	v := L.CheckAny(1)
	L.ChargeFuel(vm.CostMessage)
	msg, err := fromLua(L, v, s.copyLimits())
	if err != nil {
		L.Errorf("sandbox.send: %v", err)
	}
	if h := s.cfg.OnMessage; h != nil {
		if err := h(s, msg); err != nil {
			L.Errorf("sandbox.send: %v", err)
		}
	} else {
		s.mu.Lock()
		full := len(s.outq) >= s.lim.MailboxLen
		if !full {
			s.outq = append(s.outq, msg)
		}
		s.mu.Unlock()
		if full {
			L.Errorf("sandbox.send: %v (the host's mailbox holds %d messages)", ErrMailboxFull, s.lim.MailboxLen)
		}
		select {
		case s.outNote <- struct{}{}:
		default:
		}
	}
	s.mu.Lock()
	s.msgsOut++
	s.mu.Unlock()
	return 0
}

// luaTryReceive returns true and a message, nil when the timeout passed,
// or false after asking to suspend (the wrapper calls again when the run
// goes on).
func (s *Sandbox) luaTryReceive(L *vm.Thread) int {
	retry := L.Arg(2).AsBool()
	s.mu.Lock()
	if len(s.inbox) > 0 {
		msg := s.inbox[0]
		s.inbox[0] = nil
		s.inbox = s.inbox[1:]
		s.msgsIn++
		s.mu.Unlock()
		s.waitMsg, s.waitDeadline, s.msgTimedOut = false, time.Time{}, false
		L.ChargeFuel(vm.CostMessage)
		L.Push(vm.True)
		L.Push(toLua(L, msg))
		return 2
	}
	s.mu.Unlock()
	if !retry {
		s.waitDeadline = time.Time{}
		if !L.Arg(1).IsNil() {
			secs := L.CheckNumber(1)
			if secs <= 0 || s.cfg.Deterministic {
				L.Push(vm.Nil)
				return 1
			}
			s.waitDeadline = time.Now().Add(time.Duration(secs * float64(time.Second)))
		}
	} else if !s.waitDeadline.IsZero() && !time.Now().Before(s.waitDeadline) {
		s.waitMsg, s.waitDeadline = false, time.Time{}
		L.Push(vm.Nil)
		return 1
	}
	if !L.CanSuspend() {
		L.Errorf("sandbox.receive: cannot wait inside a callback from a Go builtin")
	}
	s.waitMsg = true
	L.RequestSuspend()
	L.Push(vm.False)
	return 1
}

// asyncCall is a host function running while the script waits.
type asyncCall struct {
	done    bool
	results []any
	err     error
}

// luaCallHost starts host function name with the copied arguments and
// suspends the script.
func (s *Sandbox) luaCallHost(L *vm.Thread) int {
	name := L.CheckString(1)
	fn := s.cfg.Funcs[name]
	n := L.NArgs()
	args := make([]any, 0, n-1)
	c := s.copyLimits()
	for i := 2; i <= n; i++ {
		a, err := fromLua(L, L.Arg(i), c)
		if err != nil {
			L.Errorf("sandbox.%s: argument #%d: %v", name, i-1, err)
		}
		args = append(args, a)
	}
	if !L.CanSuspend() {
		L.Errorf("sandbox.%s: cannot wait inside a callback from a Go builtin", name)
	}
	call := &asyncCall{}
	s.mu.Lock()
	s.async = call
	s.mu.Unlock()
	deadline, finished := s.deadline, s.finishedChan()
	go func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		if !deadline.IsZero() {
			ctx, cancel = context.WithDeadline(ctx, deadline)
			defer cancel()
		}
		go func() {
			select {
			case <-finished:
				cancel()
			case <-ctx.Done():
			}
		}()
		res, err := safeCall(fn, ctx, args)
		if err == nil {
			for _, r := range res {
				if err = checkHost(r, s.copyLimits()); err != nil {
					err = fmt.Errorf("result: %w", err)
					break
				}
			}
		}
		s.mu.Lock()
		call.done, call.results, call.err = true, res, err
		s.mu.Unlock()
		s.Wake()
	}()
	L.RequestSuspend()
	L.Push(vm.False)
	return 1
}

func safeCall(fn HostFunc, ctx context.Context, args []any) (res []any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("host function panicked: %v", r)
		}
	}()
	return fn(ctx, args)
}

// luaFetchHost returns true and the results of the host function, or
// false after asking to suspend again.
func (s *Sandbox) luaFetchHost(L *vm.Thread) int {
	s.mu.Lock()
	call := s.async
	if call == nil || !call.done {
		s.mu.Unlock()
		L.RequestSuspend()
		L.Push(vm.False)
		return 1
	}
	s.async = nil
	s.mu.Unlock()
	if call.err != nil {
		L.Errorf("%v", call.err)
	}
	L.Push(vm.True)
	L.CheckStack(len(call.results))
	for _, r := range call.results {
		L.Push(toLua(L, r))
	}
	return 1 + len(call.results)
}

// Wake makes a Waiting sandbox's Wait return (Send and host functions call
// it).
func (s *Sandbox) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
	if s.onWake != nil {
		s.onWake()
	}
}

// Send copies msg into the sandbox's mailbox. It fails with ErrMailboxFull,
// ErrMessageSize, ErrNotCopyable or ErrClosed.
func (s *Sandbox) Send(msg any) error {
	if err := checkHost(msg, s.copyLimits()); err != nil {
		return err
	}
	s.mu.Lock()
	if s.isFinished() {
		s.mu.Unlock()
		return ErrClosed
	}
	if len(s.inbox) >= s.lim.MailboxLen {
		s.mu.Unlock()
		return fmt.Errorf("%w: %d messages wait", ErrMailboxFull, len(s.inbox))
	}
	s.inbox = append(s.inbox, msg)
	s.mu.Unlock()
	s.Wake()
	return nil
}

func (s *Sandbox) isFinished() bool {
	select {
	case <-s.finishedLocked():
		return true
	default:
		return false
	}
}

// finishedChan returns the channel closed when the script ends.
func (s *Sandbox) finishedChan() chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.finished
}

func (s *Sandbox) finishedLocked() chan struct{} { return s.finished }

// finishedNow reports whether the script has ended (safe from any
// goroutine).
func (s *Sandbox) finishedNow() bool {
	select {
	case <-s.finishedChan():
		return true
	default:
		return false
	}
}

// Receive returns the script's next message (sandbox.send), waiting until
// one comes, the script ends (ErrClosed) or ctx ends. Messages go to
// Config.OnMessage instead when it is set.
func (s *Sandbox) Receive(ctx context.Context) (any, error) {
	for {
		s.mu.Lock()
		if len(s.outq) > 0 {
			m := s.outq[0]
			s.outq[0] = nil
			s.outq = s.outq[1:]
			s.mu.Unlock()
			return m, nil
		}
		fin := s.finished
		s.mu.Unlock()
		select {
		case <-s.outNote:
		case <-fin:
			s.mu.Lock()
			n := len(s.outq)
			s.mu.Unlock()
			if n == 0 {
				return nil, ErrClosed
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
