package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Set up by TestMain.
var (
	moonfuelBin string // path of the freshly built cmd/moonfuel
	buildErr    error  // why it could not be built
	repoRoot    string // the repository's root directory
)

func TestMain(m *testing.M) {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
	repoRoot = filepath.Dir(wd)
	dir, err := os.MkdirTemp("", "moonfuel-conformance-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
	moonfuelBin, buildErr = buildMoonfuel(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildMoonfuel builds cmd/moonfuel into dir.
func buildMoonfuel(dir string) (string, error) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		gocmd = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	bin := filepath.Join(dir, "moonfuel")
	cmd := exec.Command(gocmd, "build", "-o", bin, "./cmd/moonfuel")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/moonfuel: %v\n%s", err, out)
	}
	return bin, nil
}

var declareOnce sync.Once

// declareInputs stats every Go and Lua file of the module, which makes
// them inputs of this test for go test's cache: the binary under test is
// built by a child process, so without this a change to the interpreter
// would not invalidate a cached result. (It runs inside a test: go test
// records the files a test consults only while tests run.)
func declareInputs() {
	filepath.WalkDir(repoRoot, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name := d.Name(); path != repoRoot && (strings.HasPrefix(name, ".") || name == "bench") {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(path); ext == ".go" || ext == ".lua" || ext == ".out" || path == filepath.Join(repoRoot, "go.mod") {
			os.Stat(path)
		}
		return nil
	})
}

// needBinary stops the test when cmd/moonfuel did not build.
func needBinary(t *testing.T) {
	t.Helper()
	declareOnce.Do(declareInputs)
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// envDuration reads a time.Duration from the environment variable name.
func envDuration(t *testing.T, name string, def time.Duration) time.Duration {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		t.Fatalf("%s=%q: want a positive duration such as 30s", name, s)
	}
	return d
}

// result is what one run of an interpreter produced.
type result struct {
	stdout, stderr []byte
	exit           int  // exit status; -1 when killed
	timedOut       bool // killed after the timeout
	err            error
}

// runProgram runs prog with args in dir, with an empty standard input and
// an environment without LUA_* variables, killing it (and anything it
// started) after timeout.
func runProgram(t *testing.T, timeout time.Duration, dir, prog string, args ...string) result {
	t.Helper()
	// stay inside the test binary's own deadline
	if dl, ok := t.Deadline(); ok {
		if left := time.Until(dl) - 5*time.Second; left < timeout {
			timeout = max(left, time.Second)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Dir = dir
	cmd.Stdin = nil
	cmd.Env = cleanEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	setProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	err := cmd.Run()
	r := result{stdout: stdout.Bytes(), stderr: stderr.Bytes(), exit: cmd.ProcessState.ExitCode()}
	if ctx.Err() == context.DeadlineExceeded {
		r.timedOut = true
		r.exit = -1
		return r
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		r.err = err
	}
	return r
}

// cleanEnv is the process environment without the variables that change
// what a Lua interpreter does (LUA_INIT, LUA_PATH...).
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "LUA_") {
			env = append(env, kv)
		}
	}
	return env
}

// firstLine returns the first non-empty line of b, shortened.
func firstLine(b []byte) string {
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return shorten(l, 120)
		}
	}
	return ""
}

// lastLine returns the last non-empty line of b, shortened.
func lastLine(b []byte) string {
	lines := strings.Split(string(b), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return shorten(l, 120)
		}
	}
	return ""
}

func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
