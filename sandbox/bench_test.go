package sandbox

import (
	"context"
	"runtime"
	"testing"
	"time"
)

// BenchmarkNewSandboxTrivial: a fresh untrusted sandbox from a compiled
// chunk, running a trivial chunk to the end.
func BenchmarkNewSandboxTrivial(b *testing.B) {
	p, err := Compile("return 1 + 1", "=trivial")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		s, err := New(p, Config{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Run(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPoolInvocations: messages round-tripped through a reused pool
// (one sandbox per core, each receiving a request and sending a reply);
// reports invocations per second per core.
func BenchmarkPoolInvocations(b *testing.B) {
	p, err := Compile(`while true do local m = sandbox.receive() sandbox.send(m + 1) end`, "=serve")
	if err != nil {
		b.Fatal(err)
	}
	n := runtime.GOMAXPROCS(0)
	pool, err := NewPool(p, PoolConfig{Size: n, Config: Config{Limits: Limits{Fuel: -1}}, MailboxLen: 1 << 16})
	if err != nil {
		b.Fatal(err)
	}
	pool.Start()
	defer pool.Close()
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	const window = 256 // requests in flight
	sent, got := 0, 0
	for got < b.N {
		for sent < b.N && sent-got < window {
			if err := pool.Send(sent%n, int64(sent)); err != nil {
				b.Fatal(err)
			}
			sent++
		}
		if _, err := pool.Receive(ctx); err != nil {
			b.Fatal(err)
		}
		got++
	}
	el := time.Since(start).Seconds()
	b.ReportMetric(float64(b.N)/el/float64(n), "invocations/s/core")
}

// BenchmarkIdleSandboxMemory: memory held by a sandbox waiting for a
// message (the Go heap per sandbox, and the bytes charged to its state).
func BenchmarkIdleSandboxMemory(b *testing.B) {
	p, err := Compile(`return sandbox.receive()`, "=idle")
	if err != nil {
		b.Fatal(err)
	}
	const n = 1000
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		b.StartTimer()
		boxes := make([]*Sandbox, n)
		for i := range boxes {
			s, err := New(p, Config{})
			if err != nil {
				b.Fatal(err)
			}
			if st, _ := s.Step(context.Background(), 0); st != Waiting {
				b.Fatal("not waiting")
			}
			boxes[i] = s
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&m1)
		b.ReportMetric(float64(m1.HeapAlloc-m0.HeapAlloc)/n, "heapB/idle-sandbox")
		b.ReportMetric(float64(boxes[0].Stats().MemoryInUse), "chargedB/idle-sandbox")
		runtime.KeepAlive(boxes)
		b.StartTimer()
	}
}
