package gc

import (
	"errors"
	"testing"
)

// fakeCollector reports a fixed live size and counts its calls.
type fakeCollector struct {
	live        int64
	calls       int
	emergencies int
	work        int64
}

func (c *fakeCollector) Work(units int64) { c.work += units }

func (c *fakeCollector) Collect(emergency bool) (int64, int64) {
	c.calls++
	if emergency {
		c.emergencies++
	}
	return c.live, 1
}

func TestPacedCollections(t *testing.T) {
	var h Heap
	c := &fakeCollector{live: 1 << 20}
	if err := h.Charge(1 << 20); err != nil {
		t.Fatal(err)
	}
	h.SetCollector(c)
	// pause 200: the next collection when in use reaches 2 MB
	for h.InUse() < 2<<20-100 {
		if err := h.Charge(100); err != nil {
			t.Fatal(err)
		}
	}
	if c.calls != 0 {
		t.Fatalf("collected %d times before the threshold", c.calls)
	}
	_ = h.Charge(200)
	if c.calls != 1 || h.InUse() != 1<<20+200 {
		t.Fatalf("calls %d, in use %d after passing the threshold", c.calls, h.InUse())
	}
	// pause 400: the next one at 4 MB
	if old := h.SetPause(400); old != DefaultPause {
		t.Errorf("SetPause returned %d", old)
	}
	for h.InUse() < 4<<20-1000 {
		_ = h.Charge(1000)
	}
	if c.calls != 1 {
		t.Fatalf("collected before 4 MB with pause 400")
	}
	// stopped: no paced collections
	h.Stop()
	for i := 0; i < 10000; i++ {
		_ = h.Charge(1000)
	}
	if c.calls != 1 || h.IsRunning() {
		t.Fatalf("collected while stopped")
	}
	h.Restart()
	_ = h.Charge(1)
	if c.calls != 2 {
		t.Fatalf("no collection after restart")
	}
}

func TestMinGrowth(t *testing.T) {
	var h Heap
	c := &fakeCollector{live: 1000}
	h.SetCollector(c)
	h.SetPause(0)
	for i := 0; i < MinGrowth/100-20; i++ {
		_ = h.Charge(100)
	}
	if c.calls != 0 {
		t.Fatalf("pause 0 collected %d times within MinGrowth", c.calls)
	}
}

func TestLimitCollectsFirst(t *testing.T) {
	var h Heap
	h.SetLimit(10 << 20)
	c := &fakeCollector{live: 1 << 20}
	h.SetCollector(c)
	h.Stop() // emergency collections run even when stopped
	for i := 0; i < 100; i++ {
		if err := h.Charge(1 << 20); err != nil {
			t.Fatalf("charge %d failed although the live heap is 1 MB: %v", i, err)
		}
	}
	if c.emergencies == 0 {
		t.Fatal("no emergency collection")
	}
	if h.Stats().Peak > 10<<20 {
		t.Errorf("peak %d over the limit", h.Stats().Peak)
	}
	// a live heap too large: the request fails after collecting
	c.live = 9 << 20
	h.Collect(false)
	err := h.Charge(2 << 20)
	var le *LimitError
	if !errors.Is(err, ErrMemoryLimit) || !errors.As(err, &le) || le.Request != 2<<20 {
		t.Fatalf("got %v", err)
	}
	if h.InUse() != 9<<20 {
		t.Errorf("a refused charge changed in use to %d", h.InUse())
	}
	// a single request over the limit fails without a collection loop
	if err := h.Charge(11 << 20); !errors.Is(err, ErrMemoryLimit) {
		t.Fatalf("got %v", err)
	}
}

func TestStep(t *testing.T) {
	var h Heap
	c := &fakeCollector{live: 100 << 10}
	_ = h.Charge(100 << 10)
	h.SetCollector(c)
	steps := func(kb int64) int {
		n := 1
		for !h.Step(kb) {
			n++
		}
		return n
	}
	n0, n2, n10 := steps(0), steps(2), steps(10)
	if n0 <= 10 || n10 >= n2 || steps(20000) != 1 {
		t.Errorf("steps: %d for 0, %d for 2 KB, %d for 10 KB", n0, n2, n10)
	}
	if old := h.SetStepMul(400); old != DefaultStepMul {
		t.Errorf("SetStepMul returned %d", old)
	}
	if n := steps(2); n >= n2 {
		t.Errorf("a larger step multiplier took %d steps (was %d)", n, n2)
	}
}

func TestNoCollectorNoLimit(t *testing.T) {
	var h Heap
	for i := 0; i < 1000; i++ {
		if err := h.Charge(1 << 30); err != nil {
			t.Fatal(err)
		}
	}
	if h.Collect(false) || h.Step(0) {
		t.Error("collected without a collector")
	}
	h.Release(1 << 40)
	if h.InUse() != 0 {
		t.Errorf("in use %d after releasing everything", h.InUse())
	}
}

func TestWorkReachesCollector(t *testing.T) {
	var h Heap
	h.Work(10) // no collector: dropped
	c := &fakeCollector{}
	h.SetCollector(c)
	h.Work(7)
	h.Work(0)
	h.Work(-3)
	if c.work != 7 {
		t.Errorf("collector got %d units of work, want 7", c.work)
	}
}
