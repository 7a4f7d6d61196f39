package conformance

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// corpusKnownFailures lists corpus scripts that moonfuel does not pass
// yet, with the reason. They still run: a failure is reported as a skip
// (never counted as a pass) and a listed script that passes is reported so
// that it can be removed from the list. Keep it short and shrinking.
var corpusKnownFailures = map[string]string{}

// The .out convention, shared with scripts/regen-testdata.sh: a script runs
// in testdata/ as "interpreter NAME.lua"; its expected output is its
// standard output followed, when the exit status is not 0, by the line
// "# exit status: N".
func normalizedOutput(r result) string {
	out := string(r.stdout)
	if r.exit != 0 {
		out += fmt.Sprintf("# exit status: %d\n", r.exit)
	}
	return out
}

// corpusStats collects the outcome of every script for the summary.
type corpusStats struct {
	mu                             sync.Mutex
	passed, failed, known, nowPass []string
}

func (s *corpusStats) add(list *[]string, name string) {
	s.mu.Lock()
	*list = append(*list, name)
	s.mu.Unlock()
}

// TestCorpus runs every testdata/*.lua with moonfuel and compares with the
// .out file; with lua5.3 installed it also checks that the .out file is
// what lua5.3 prints.
func TestCorpus(t *testing.T) {
	needBinary(t)
	dir := filepath.Join(repoRoot, "testdata")
	scripts, err := filepath.Glob(filepath.Join(dir, "*.lua"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in %s (%v)", dir, err)
	}
	sort.Strings(scripts)
	timeout := envDuration(t, "MOONFUEL_SCRIPT_TIMEOUT", 10*time.Second)
	lua, err := exec.LookPath("lua5.3")
	if err != nil {
		t.Log("lua5.3 is not installed: the differential check of .out files against the reference is skipped (apt-get install lua5.3)")
		lua = ""
	}
	for name := range corpusKnownFailures {
		if _, err := os.Stat(filepath.Join(dir, name+".lua")); err != nil {
			t.Errorf("corpusKnownFailures lists %s, which is not in testdata", name)
		}
	}

	var stats corpusStats
	t.Run("scripts", func(t *testing.T) {
		for _, path := range scripts {
			file := filepath.Base(path)
			name := strings.TrimSuffix(file, ".lua")
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				want, err := os.ReadFile(filepath.Join(dir, name+".out"))
				if err != nil {
					stats.add(&stats.failed, name)
					t.Fatalf("missing expected output: %v (run scripts/regen-testdata.sh %s)", err, file)
				}
				if lua != "" {
					ref := runProgram(t, timeout, dir, lua, file)
					if got := normalizedOutput(ref); ref.err != nil || ref.timedOut || got != string(want) {
						t.Errorf("%s.out differs from what lua5.3 prints now; regenerate it with scripts/regen-testdata.sh %s\n%s",
							name, file, describeDiff(string(want), got, ref))
					}
				}
				r := runProgram(t, timeout, dir, moonfuelBin, file)
				got := normalizedOutput(r)
				ok := r.err == nil && !r.timedOut && got == string(want)
				reason, known := corpusKnownFailures[name]
				switch {
				case ok && known:
					stats.add(&stats.nowPass, name)
					t.Logf("%s passes now: remove it from corpusKnownFailures", name)
				case ok:
					stats.add(&stats.passed, name)
				case known:
					stats.add(&stats.known, name)
					t.Skipf("known failure (%s):\n%s", reason, describeDiff(string(want), got, r))
				default:
					stats.add(&stats.failed, name)
					t.Errorf("moonfuel's output differs from %s.out:\n%s", name, describeDiff(string(want), got, r))
				}
			})
		}
	})
	t.Logf("corpus: %d scripts run, %d passed, %d failed, %d known failures (not counted as passed)",
		len(stats.passed)+len(stats.nowPass)+len(stats.failed)+len(stats.known), len(stats.passed)+len(stats.nowPass), len(stats.failed), len(stats.known))
	if len(stats.failed) > 0 {
		sort.Strings(stats.failed)
		t.Logf("failed: %s", strings.Join(stats.failed, " "))
	}
	if len(stats.nowPass) > 0 {
		sort.Strings(stats.nowPass)
		t.Logf("known failures that pass now (remove them from corpusKnownFailures): %s", strings.Join(stats.nowPass, " "))
	}
}

// describeDiff explains how got differs from want: the first differing
// line with some context, and what the interpreter wrote on stderr.
func describeDiff(want, got string, r result) string {
	var b strings.Builder
	switch {
	case r.err != nil:
		fmt.Fprintf(&b, "could not run: %v\n", r.err)
	case r.timedOut:
		b.WriteString("timed out (killed)\n")
	}
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w == g && i < len(wl) && i < len(gl) {
			continue
		}
		fmt.Fprintf(&b, "first difference at line %d:\n", i+1)
		for j := max(0, i-2); j < i; j++ {
			fmt.Fprintf(&b, "        %q\n", wl[j])
		}
		if i < len(wl) {
			fmt.Fprintf(&b, "  want: %q\n", w)
		} else {
			b.WriteString("  want: (end of output)\n")
		}
		if i < len(gl) {
			fmt.Fprintf(&b, "  got:  %q\n", g)
		} else {
			b.WriteString("  got:  (end of output)\n")
		}
		break
	}
	if s := strings.TrimSpace(string(r.stderr)); s != "" {
		fmt.Fprintf(&b, "stderr:\n%s\n", shorten(s, 2000))
	}
	return b.String()
}
