package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// suiteExpected lists the official test files that moonfuel passes: the
// one place to record progress. A listed file that fails is a regression
// and fails the test; the others are only reported. Add files here as
// they start passing.
var suiteExpected = []string{
	"api.lua", // in user mode only checks that the C API tests are skipped
	"attrib.lua",
	"big.lua",
	"bitwise.lua",
	"calls.lua",
	"closure.lua",
	"code.lua", // in user mode only checks that the opcode tests are skipped
	"constructs.lua",
	"coroutine.lua",
	"db.lua",
	"errors.lua",
	"events.lua",
	"files.lua",
	"gc.lua",
	"goto.lua",
	"literals.lua",
	"locals.lua",
	"main.lua", // in user mode (_port) returns at once
	"math.lua",
	"nextvar.lua",
	"pm.lua",
	"sort.lua",
	"strings.lua",
	"tpack.lua",
	"utf8.lua",
	"vararg.lua",
	"verybig.lua",
	"all.lua", // with _U=true, must print "final OK !!!"
}

// suiteDone is printed by the driver after a file returns, so that a file
// that stops early without an error is not taken for a pass.
const suiteDone = "@@moonfuel-suite: finished"

// suitePrelude sets up a file's run as all.lua does in user mode (_U):
// the non-portable, long and message-printing tests are off, there is no
// T (internal testing) module and no global debug, and the random
// generator has all.lua's seed. Message is all.lua's helper, quiet under
// _nomsg.
const suitePrelude = `_U = true; _soft = true; _port = true; _nomsg = true
_G._ARG = arg
T = nil
debug = nil
math.randomseed(0)
function Message(m) end
`

// suiteRunners gives the Lua code that runs a file after the prelude, for
// the files all.lua treats specially: it checks some files' results, and
// runs big.lua inside a coroutine (only when not _soft, so here with
// _soft off, or it would just return). Other files run with dofile. (all.lua
// runs most files from string.dump'ed binary chunks; moonfuel loads them
// from source.)
var suiteRunners = map[string]string{
	"big.lua": `_soft = false
local f = coroutine.wrap(assert(loadfile('big.lua')))
assert(f() == 'b')
assert(f() == 'a')`,
	"calls.lua":   `assert(dofile('calls.lua') == deep and deep)`,
	"attrib.lua":  `assert(dofile('attrib.lua') == 27)`,
	"locals.lua":  `assert(dofile('locals.lua') == 5)`,
	"events.lua":  `assert(dofile('events.lua') == 12)`,
	"verybig.lua": `assert(dofile('verybig.lua') == 10)`,
	"gc.lua":      `assert(loadfile('gc.lua'))()`,
}

// suiteEntry is the outcome of one file.
type suiteEntry struct {
	file   string
	pass   bool
	detail string // for failures: the error message or the last line reached
	took   time.Duration
}

// suiteDir returns the official suite's directory, or "" when absent.
func suiteDir() (string, string) {
	dir := os.Getenv("LUA_TESTS_DIR")
	if dir == "" {
		dir = filepath.Join(repoRoot, "..", "shared", "lua-5.3.4-tests")
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "all.lua")); err != nil {
		return "", dir
	}
	return dir, dir
}

// TestOfficialSuite runs each file of the official Lua 5.3.4 test suite,
// then all.lua, and reports "N passed, M failed" with a per-file table.
func TestOfficialSuite(t *testing.T) {
	needBinary(t)
	dir, looked := suiteDir()
	if dir == "" {
		t.Skipf("official Lua 5.3.4 test suite not found at %s: set LUA_TESTS_DIR or run scripts/fetch-lua-tests.sh (nothing was run, nothing counted as passed)", looked)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.lua"))
	var names []string
	for _, f := range files {
		if b := filepath.Base(f); b != "all.lua" {
			names = append(names, b)
		}
	}
	sort.Strings(names)
	expected := map[string]bool{}
	for _, f := range suiteExpected {
		expected[f] = true
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("suiteExpected lists %s, which is not in %s", f, dir)
		}
	}
	timeout := envDuration(t, "MOONFUEL_SUITE_TIMEOUT", 30*time.Second)

	var mu sync.Mutex
	var entries []suiteEntry
	record := func(t *testing.T, e suiteEntry) {
		mu.Lock()
		entries = append(entries, e)
		mu.Unlock()
		switch {
		case e.pass:
		case expected[e.file]:
			t.Errorf("%s is expected to pass (suiteExpected) but failed: %s", e.file, e.detail)
		default:
			t.Logf("%s fails (not yet expected to pass): %s", e.file, e.detail)
		}
	}
	t.Run("files", func(t *testing.T) {
		for _, name := range names {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				code, ok := suiteRunners[name]
				if !ok {
					code = fmt.Sprintf("dofile(%q)", name)
				}
				driver := suitePrelude + code + "\nprint(" + fmt.Sprintf("%q", suiteDone+" "+name) + ")\n"
				start := time.Now()
				r := runProgram(t, timeout, dir, moonfuelBin, "-e", driver)
				e := suiteEntry{file: name, took: time.Since(start)}
				e.pass = r.err == nil && !r.timedOut && r.exit == 0 &&
					strings.Contains(string(r.stdout), suiteDone+" "+name)
				e.detail = failureDetail(r, timeout)
				record(t, e)
			})
		}
		if os.Getenv("MOONFUEL_SUITE_MAIN") != "off" {
			// main.lua outside user mode: it drives cmd/moonfuel through the
			// shell (options, LUA_INIT, the REPL, Ctrl-C) and starts
			// background processes. It is reported in the table but not
			// expected (a shell or terminal that differs from this
			// machine's must not fail the build); MOONFUEL_SUITE_MAIN=off
			// leaves it out.
			t.Run("main.lua(full)", func(t *testing.T) {
				t.Parallel()
				driver := strings.Replace(suitePrelude, "_port = true", "_port = false", 1) +
					"dofile('main.lua')\nprint(" + fmt.Sprintf("%q", suiteDone+" main.lua") + ")\n"
				start := time.Now()
				r := runProgram(t, timeout, dir, moonfuelBin, "-e", driver)
				e := suiteEntry{file: "main.lua(full)", took: time.Since(start)}
				e.pass = r.err == nil && !r.timedOut && r.exit == 0 &&
					strings.Contains(string(r.stdout), suiteDone+" main.lua")
				e.detail = failureDetail(r, timeout)
				record(t, e)
			})
		}
		t.Run("all.lua", func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			r := runProgram(t, 2*timeout, dir, moonfuelBin, "-e", "_U=true", "all.lua")
			e := suiteEntry{file: "all.lua", took: time.Since(start)}
			e.pass = r.err == nil && !r.timedOut && r.exit == 0 &&
				strings.Contains(string(r.stdout), "final OK !!!")
			e.detail = failureDetail(r, 2*timeout)
			record(t, e)
		})
	})

	sort.Slice(entries, func(i, j int) bool {
		if (entries[i].file == "all.lua") != (entries[j].file == "all.lua") {
			return entries[j].file == "all.lua"
		}
		return entries[i].file < entries[j].file
	})
	passed := 0
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %-6s %7s  %s\n", "file", "status", "time", "last line reached / error")
	for _, e := range entries {
		status, detail := "FAIL", e.detail
		if e.pass {
			status, detail = "ok", ""
			passed++
		}
		if expected[e.file] {
			status += "*"
		}
		fmt.Fprintf(&b, "%-14s %-6s %6.2fs  %s\n", e.file, status, e.took.Seconds(), detail)
	}
	summary := fmt.Sprintf("official suite (%s): %d passed, %d failed (* = expected to pass)\n%s",
		dir, passed, len(entries)-passed, b.String())
	t.Log(summary)
	if path := os.Getenv("MOONFUEL_SUITE_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(summary), 0o644); err != nil {
			t.Errorf("writing MOONFUEL_SUITE_REPORT: %v", err)
		}
	}
}

// errorLine finds the interpreter's error report in stderr (the line that
// starts, possibly after progress output such as gc.lua's dots, with the
// program name) and returns it without the program name; else the first
// line.
func errorLine(stderr []byte) string {
	prefix := moonfuelBin + ": "
	for _, l := range strings.Split(string(stderr), "\n") {
		if i := strings.Index(l, prefix); i >= 0 {
			return shorten(strings.TrimSpace(l[i+len(prefix):]), 120)
		}
	}
	return firstLine(stderr)
}

// failureDetail says how far a failed run got: its error message, or on a
// timeout or a silent failure the last line it printed.
func failureDetail(r result, timeout time.Duration) string {
	switch {
	case r.err != nil:
		return "could not run: " + r.err.Error()
	case r.timedOut:
		return fmt.Sprintf("timeout after %v; last output: %s", timeout, lastLine(r.stdout))
	case r.exit != 0:
		if msg := errorLine(r.stderr); msg != "" {
			return msg
		}
		return fmt.Sprintf("exit status %d; last output: %s", r.exit, lastLine(r.stdout))
	}
	return "no completion mark; last output: " + lastLine(r.stdout)
}
