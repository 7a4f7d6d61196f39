package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// determinismScripts are run for the determinism tests: the slice script,
// a script reading the seeded generator and the virtual clock, and the
// adversarial scripts that stop on fuel or memory (stop points included).
func determinismScripts(t testing.TB) map[string]string {
	m := map[string]string{
		"slices": sliceScript,
		"random_clock": `local t = {}
for i = 1, 1000 do t[#t + 1] = math.random(1, 1000) end
local s = 0 for i = 1, 1e5 do s = s + i end
return table.concat(t, ",", 1, 20), os.time(), os.clock(), os.date("!%Y-%m-%d %H:%M:%S")`,
		"gc_churn": `local keep = {} for i = 1, 2e5 do local t = {i, tostring(i)} if i % 100 == 0 then keep[#keep + 1] = t end end
return #keep, collectgarbage("count")`,
	}
	for _, name := range []string{"table_hash_growth", "string_doubling_memory", "finalizer_infinite", "pattern_backtracking", "coroutine_million_garbage", "closures_growth"} {
		data, err := os.ReadFile(filepath.Join("testdata/adversarial", name+".lua"))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = string(data)
	}
	return m
}

// fingerprint runs a script deterministically and describes its outcome
// and figures.
func fingerprint(t testing.TB, name, src string) string {
	var out bytes.Buffer
	s, err := NewString(src, "="+name, Config{Deterministic: true, Seed: 42, Stdout: &out,
		Limits: Limits{Fuel: 3_000_000, Memory: 8 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Run(context.Background())
	st := s.Stats()
	return fmt.Sprintf("results=%v err=%v out=%q fuel=%d instr=%d inuse=%d live=%d peak=%d allocs=%d bytes=%d gcs=%d",
		res, err, out.String(), st.FuelUsed, st.Instructions, st.MemoryInUse, st.MemoryLive, st.MemoryPeak,
		st.Allocations, st.Allocated, st.Collections)
}

func fingerprints(t testing.TB) map[string]string {
	fp := map[string]string{}
	for name, src := range determinismScripts(t) {
		fp[name] = fingerprint(t, name, src)
	}
	return fp
}

// TestDeterminismChild prints the fingerprints for TestDeterminism when
// run as its child process.
func TestDeterminismChild(t *testing.T) {
	if os.Getenv("MOONFUEL_DETERMINISM_CHILD") != "1" {
		t.Skip("run by TestDeterminism in a child process")
	}
	json.NewEncoder(os.Stdout).Encode(fingerprints(t))
}

// TestDeterminism: the same script, input, limits and seed give the same
// fuel, memory figures, results and stop point across runs and across
// processes.
func TestDeterminism(t *testing.T) {
	a := fingerprints(t)
	b := fingerprints(t)
	for name := range a {
		if a[name] != b[name] {
			t.Errorf("%s differs between runs:\n%s\n%s", name, a[name], b[name])
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDeterminismChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "MOONFUEL_DETERMINISM_CHILD=1")
	outb, err := cmd.Output()
	if err != nil {
		t.Fatalf("child process: %v", err)
	}
	// the child's output ends with the test framework's PASS line
	var c map[string]string
	dec := json.NewDecoder(bytes.NewReader(outb))
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("child output %q: %v", outb, err)
	}
	for name := range a {
		if a[name] != c[name] {
			t.Errorf("%s differs in another process:\n%s\n%s", name, a[name], c[name])
		}
	}
	if testing.Verbose() {
		for name, f := range a {
			t.Logf("%s: %s", name, f)
		}
	}
}
