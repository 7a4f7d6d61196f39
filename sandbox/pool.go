package sandbox

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/moonfuel/moonfuel/compiler"
)

// Policy says when a pool restarts a sandbox that ended (OTP's restart
// types).
type Policy int

const (
	// Never restarts (OTP temporary).
	Never Policy = iota
	// Always restarts, whether the script failed or returned (permanent).
	Always
	// OnError restarts only after a failure: a Lua error or a limit
	// (transient).
	OnError
)

// PoolConfig configures a pool.
type PoolConfig struct {
	// Size is the number of sandboxes.
	Size int
	// Config is the configuration of every sandbox (ID is set to its
	// index); ConfigFor, when set, gives each its own (limits...).
	Config    Config
	ConfigFor func(id int) Config
	// Restart is the restart policy; MaxRestarts restarts within Period
	// (per sandbox, like OTP's one_for_one intensity) are allowed, one
	// more and the pool gives up on that sandbox. MaxRestarts 0 means 3,
	// Period 0 means 5 seconds.
	Restart     Policy
	MaxRestarts int
	Period      time.Duration
	// Workers is the number of goroutines running sandboxes (default
	// GOMAXPROCS); Slice the fuel a sandbox runs before another gets a
	// turn (default 100,000).
	Workers int
	Slice   int64
	// OnExit is called (from a worker) each time a sandbox ends.
	OnExit func(Exit)
	// MailboxLen bounds the pool's outbox (default 4096).
	MailboxLen int
}

// Exit reports the end of one run of a sandbox.
type Exit struct {
	ID        int
	Err       error // nil when the script returned
	Results   []any
	Stats     Stats
	Restarted bool // a new run was started in its place
	GaveUp    bool // restart intensity exceeded: the sandbox stays down
	Killed    bool
	Restarts  int // restarts of this sandbox so far
}

// Message is a message a pooled sandbox sent to the host.
type Message struct {
	From  int
	Value any
}

// PoolStats are a pool's figures.
type PoolStats struct {
	Totals   Stats // sum over all runs of all sandboxes
	Restarts int64
	Failures int64 // runs that ended with an error
	Running  int   // sandboxes not finished for good
}

// Pool runs many sandboxes of one compiled chunk on a few worker
// goroutines, by fuel slices. A sandbox waiting for a message is parked,
// holding no goroutine. A failing or killed sandbox never disturbs another:
// each has its own state, limits and mailbox.
type Pool struct {
	proto *compiler.Proto
	cfg   PoolConfig
	slots []*slot
	queue chan *slot
	out   chan Message

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	live     int
	past     Stats // statistics of finished runs
	restarts int64
	failures int64
	allDone  chan struct{}
}

// slot is one sandbox of the pool across restarts.
type slot struct {
	id   int
	pool *Pool

	mu       sync.Mutex
	sb       *Sandbox
	parked   bool // waiting, not queued
	woken    bool // woken while running
	killed   bool
	cancel   context.CancelFunc
	restarts []time.Time
	timer    *time.Timer
}

// NewPool makes a pool for the compiled chunk p (compiled once: each
// sandbox instantiates it).
func NewPool(p *compiler.Proto, cfg PoolConfig) (*Pool, error) {
	if cfg.Size <= 0 {
		return nil, errors.New("sandbox: pool size must be positive")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Slice <= 0 {
		cfg.Slice = 100_000
	}
	if cfg.MaxRestarts <= 0 {
		cfg.MaxRestarts = 3
	}
	if cfg.Period <= 0 {
		cfg.Period = 5 * time.Second
	}
	if cfg.MailboxLen <= 0 {
		cfg.MailboxLen = 4096
	}
	pl := &Pool{proto: p, cfg: cfg, queue: make(chan *slot, cfg.Size), out: make(chan Message, cfg.MailboxLen),
		allDone: make(chan struct{})}
	pl.ctx, pl.cancel = context.WithCancel(context.Background())
	pl.slots = make([]*slot, cfg.Size)
	for i := range pl.slots {
		sl := &slot{id: i, pool: pl}
		sb, err := pl.newSandbox(sl)
		if err != nil {
			return nil, fmt.Errorf("sandbox %d: %w", i, err)
		}
		sl.sb = sb
		pl.slots[i] = sl
	}
	pl.live = cfg.Size
	return pl, nil
}

func (pl *Pool) newSandbox(sl *slot) (*Sandbox, error) {
	c := pl.cfg.Config
	if pl.cfg.ConfigFor != nil {
		c = pl.cfg.ConfigFor(sl.id)
	}
	c.ID = sl.id
	if c.OnMessage == nil {
		c.OnMessage = func(s *Sandbox, msg any) error {
			select {
			case pl.out <- Message{From: s.ID(), Value: msg}:
				return nil
			default:
				return fmt.Errorf("%w: the pool's outbox holds %d messages", ErrMailboxFull, cap(pl.out))
			}
		}
	}
	sb, err := New(pl.proto, c)
	if err != nil {
		return nil, err
	}
	sb.onWake = sl.wake
	return sb, nil
}

// Start starts the workers and queues every sandbox.
func (pl *Pool) Start() {
	for i := 0; i < pl.cfg.Workers; i++ {
		pl.wg.Add(1)
		go pl.worker()
	}
	for _, sl := range pl.slots {
		pl.queue <- sl
	}
}

// wake queues a parked sandbox (a message came, a host function ended,
// a timeout passed).
func (sl *slot) wake() {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.parked {
		sl.parked = false
		if sl.timer != nil {
			sl.timer.Stop()
			sl.timer = nil
		}
		sl.pool.queue <- sl
	} else {
		sl.woken = true
	}
}

func (pl *Pool) worker() {
	defer pl.wg.Done()
	for {
		select {
		case <-pl.ctx.Done():
			return
		case sl := <-pl.queue:
			pl.runSlot(sl)
		}
	}
}

// runSlot gives one sandbox a turn.
func (pl *Pool) runSlot(sl *slot) {
	sl.mu.Lock()
	sb := sl.sb
	if sb == nil {
		sl.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(pl.ctx)
	sl.cancel = cancel
	killed := sl.killed
	sl.mu.Unlock()
	if killed {
		cancel()
	}
	status, err := sb.Step(ctx, pl.cfg.Slice)
	cancel()
	sl.mu.Lock()
	sl.cancel = nil
	switch status {
	case Ready:
		sl.mu.Unlock()
		pl.queue <- sl
		return
	case Waiting:
		if sl.woken || sl.killed {
			sl.woken = false
			sl.mu.Unlock()
			pl.queue <- sl
			return
		}
		sl.parked = true
		if d := sb.nextDeadline(); !d.IsZero() {
			sl.timer = time.AfterFunc(time.Until(d), sl.wake)
		}
		sl.mu.Unlock()
		return
	}
	sl.mu.Unlock()
	pl.ended(sl, sb, err)
}

// ended handles the end of a run: report, and restart by policy.
func (pl *Pool) ended(sl *slot, sb *Sandbox, err error) {
	ex := Exit{ID: sl.id, Err: err, Results: sb.Results(), Stats: sb.Stats()}
	sl.mu.Lock()
	ex.Killed = sl.killed
	restart := !sl.killed && (pl.cfg.Restart == Always || (pl.cfg.Restart == OnError && err != nil))
	if restart {
		now := time.Now()
		recent := sl.restarts[:0]
		for _, t := range sl.restarts {
			if now.Sub(t) < pl.cfg.Period {
				recent = append(recent, t)
			}
		}
		sl.restarts = recent
		if len(recent) >= pl.cfg.MaxRestarts {
			restart = false
			ex.GaveUp = true
		} else {
			sl.restarts = append(sl.restarts, now)
		}
	}
	var nsb *Sandbox
	if restart {
		var nerr error
		nsb, nerr = pl.newSandbox(sl)
		if nerr != nil {
			restart = false
			ex.GaveUp = true
		}
	}
	sl.sb = nsb
	ex.Restarted = restart
	ex.Restarts = len(sl.restarts)
	sl.mu.Unlock()

	// report before the pool may be seen as finished
	if pl.cfg.OnExit != nil {
		pl.cfg.OnExit(ex)
	}
	pl.mu.Lock()
	pl.past.Add(ex.Stats)
	if err != nil {
		pl.failures++
	}
	if restart {
		pl.restarts++
	} else {
		pl.live--
		if pl.live == 0 {
			close(pl.allDone)
		}
	}
	pl.mu.Unlock()
	if restart {
		pl.queue <- sl
	}
}

// Send copies msg into sandbox id's mailbox.
func (pl *Pool) Send(id int, msg any) error {
	if id < 0 || id >= len(pl.slots) {
		return fmt.Errorf("sandbox: no sandbox %d", id)
	}
	sl := pl.slots[id]
	sl.mu.Lock()
	sb := sl.sb
	sl.mu.Unlock()
	if sb == nil {
		return ErrClosed
	}
	return sb.Send(msg)
}

// Outbox returns the channel of the messages sandboxes send.
func (pl *Pool) Outbox() <-chan Message { return pl.out }

// Receive returns the next message a sandbox sent.
func (pl *Pool) Receive(ctx context.Context) (Message, error) {
	select {
	case m := <-pl.out:
		return m, nil
	case <-ctx.Done():
		return Message{}, ctx.Err()
	}
}

// Kill stops sandbox id for good (it is not restarted); its Exit has
// Killed set. Other sandboxes are not affected.
func (pl *Pool) Kill(id int) {
	if id < 0 || id >= len(pl.slots) {
		return
	}
	sl := pl.slots[id]
	sl.mu.Lock()
	sl.killed = true
	if sl.cancel != nil {
		sl.cancel()
	}
	sb := sl.sb
	parked := sl.parked
	sl.mu.Unlock()
	if parked && sb != nil {
		sl.wake()
	}
}

// Wait blocks until every sandbox has ended for good, or ctx ends.
func (pl *Pool) Wait(ctx context.Context) error {
	select {
	case <-pl.allDone:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops the workers (running sandboxes are abandoned where they
// are).
func (pl *Pool) Close() {
	pl.cancel()
	pl.wg.Wait()
}

// Stats returns the pool's figures: finished runs plus the current runs
// as of their last turn.
func (pl *Pool) Stats() PoolStats {
	pl.mu.Lock()
	ps := PoolStats{Totals: pl.past, Restarts: pl.restarts, Failures: pl.failures, Running: pl.live}
	pl.mu.Unlock()
	for _, sl := range pl.slots {
		sl.mu.Lock()
		sb := sl.sb
		sl.mu.Unlock()
		if sb != nil && !sb.finishedNow() {
			ps.Totals.Add(sb.Stats())
		}
	}
	return ps
}

// Sandbox returns the current run of sandbox id (nil when it is down).
func (pl *Pool) Sandbox(id int) *Sandbox {
	sl := pl.slots[id]
	sl.mu.Lock()
	defer sl.mu.Unlock()
	return sl.sb
}
