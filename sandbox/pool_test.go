package sandbox

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestPoolTenThousandSandboxesExchangeMessages(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	p, err := Compile(`
local sum = 0
for i = 1, 3 do
  local m = sandbox.receive()
  sum = sum + m.n
  sandbox.send({id = sandbox.id(), n = m.n * 2})
end
return sum`, "=worker")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	exits := 0
	var failed []error
	pool, err := NewPool(p, PoolConfig{Size: n, Config: Config{Limits: Limits{Fuel: 100000, Memory: 1 << 20}},
		MailboxLen: 3 * n,
		OnExit: func(e Exit) {
			mu.Lock()
			defer mu.Unlock()
			exits++
			if e.Err != nil || e.Results[0] != int64(3*e.ID+3) {
				failed = append(failed, e.Err)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	pool.Start()
	defer pool.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for round := 0; round < 3; round++ {
		for id := 0; id < n; id++ {
			if err := pool.Send(id, map[string]any{"n": int64(id + round)}); err != nil {
				t.Fatal(err)
			}
		}
		got := make([]bool, n)
		for k := 0; k < n; k++ {
			m, err := pool.Receive(ctx)
			if err != nil {
				t.Fatal(err)
			}
			tb := m.Value.(*Table)
			id := int(tb.Get("id").(int64))
			if id != m.From || got[id] || tb.Get("n") != int64(2*(id+round)) {
				t.Fatalf("round %d: bad reply %v from %d", round, tb, m.From)
			}
			got[id] = true
		}
	}
	if err := pool.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if exits != n || len(failed) > 0 {
		t.Fatalf("%d exits, failures %v", exits, failed[:min(len(failed), 5)])
	}
	st := pool.Stats()
	if st.Totals.MessagesIn != int64(3*n) || st.Totals.MessagesOut != int64(3*n) || st.Running != 0 {
		t.Fatalf("pool stats %+v", st)
	}
}

func TestPoolRestartPolicies(t *testing.T) {
	p, _ := Compile(`local id = sandbox.id() if id == 0 then error("boom") elseif id == 1 then while true do end end return id`, "=r")
	for _, c := range []struct {
		policy          Policy
		wantExits       int
		wantRestarts    int64
		wantGaveUp      int
		wantSuccessRuns int
	}{
		{Never, 3, 0, 0, 1},
		{OnError, 3 + 2*2, 4, 2, 1}, // 0 and 1 restarted twice then given up; 2 ends once
		{Always, 3 + 3*2, 6, 3, 3},  // all three restarted twice
	} {
		var mu sync.Mutex
		var exits []Exit
		pool, err := NewPool(p, PoolConfig{Size: 3, Restart: c.policy, MaxRestarts: 2, Period: time.Hour,
			Config: Config{Limits: Limits{Fuel: 10000}},
			OnExit: func(e Exit) { mu.Lock(); exits = append(exits, e); mu.Unlock() }})
		if err != nil {
			t.Fatal(err)
		}
		pool.Start()
		if err := pool.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		pool.Close()
		gaveUp, ok := 0, 0
		for _, e := range exits {
			if e.GaveUp {
				gaveUp++
			}
			if e.Err == nil {
				ok++
			}
			switch e.ID {
			case 0:
				var le *LimitError
				if e.Err == nil || errors.As(e.Err, &le) {
					t.Errorf("policy %d: sandbox 0: %v", c.policy, e.Err)
				}
			case 1:
				if !errors.Is(e.Err, ErrFuel) || e.Stats.FuelUsed != 10000 {
					t.Errorf("policy %d: sandbox 1: %v %+v", c.policy, e.Err, e.Stats)
				}
			}
		}
		st := pool.Stats()
		if len(exits) != c.wantExits || st.Restarts != c.wantRestarts || gaveUp != c.wantGaveUp || ok != c.wantSuccessRuns {
			t.Errorf("policy %d: %d exits, %d restarts, %d gave up, %d ok", c.policy, len(exits), st.Restarts, gaveUp, ok)
		}
	}
}

func TestPoolKillDoesNotDisturbOthers(t *testing.T) {
	p, _ := Compile(`if sandbox.id() == 0 then while true do end end
	local m = sandbox.receive() return m`, "=k")
	var mu sync.Mutex
	exits := map[int]Exit{}
	pool, _ := NewPool(p, PoolConfig{Size: 4, Workers: 2, Slice: 1000, Restart: Always,
		Config: Config{Limits: Limits{Fuel: -1}},
		OnExit: func(e Exit) { mu.Lock(); exits[e.ID] = e; mu.Unlock() }})
	pool.Start()
	defer pool.Close()
	pool.Kill(3) // parked or queued: killed either way
	for id := 1; id <= 2; id++ {
		if err := pool.Send(id, int64(id*10)); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(10 * time.Millisecond) // let sandbox 0 spin (not a timed assertion)
	pool.Kill(0)
	// sandboxes 1 and 2 restart (Always) and wait again: kill them to end
	for {
		mu.Lock()
		n := len(exits)
		mu.Unlock()
		if n >= 4 {
			break
		}
		time.Sleep(time.Millisecond)
		mu.Lock()
		_, ok1 := exits[1]
		_, ok2 := exits[2]
		mu.Unlock()
		if ok1 && ok2 {
			pool.Kill(1)
			pool.Kill(2)
		}
	}
	if err := pool.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	e0, e3 := exits[0], exits[3]
	mu.Unlock()
	if !e0.Killed || !errors.Is(e0.Err, ErrCanceled) || !e3.Killed {
		t.Fatalf("killed: %+v %+v", e0, e3)
	}
}
