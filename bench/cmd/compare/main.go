// Command compare runs the Lua programs in bench/ on several interpreters,
// checks that their checksum lines agree with the reference lua5.3, and
// prints a table of median wall times and ratios to lua5.3.
//
// It is normally started by bench/compare.sh, which builds the moonfuel
// binary (and, with -peers, the peers binary) first and passes their paths.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// engine is one way of running a Lua file.
type engine struct {
	name string   // column name
	cmd  []string // command; the script path is appended
	ref  bool     // the reference all others are compared with
	base string   // for a "metering on" engine: the engine it is compared to
	note string   // why the engine is unavailable, if it is
}

// result is one run of one program on one engine.
type result struct {
	dur      time.Duration // wall time
	cpu      time.Duration // user + system time of the child process
	checksum string
	err      string // empty when the run succeeded
}

func main() {
	var (
		runs      = flag.Int("n", 3, "runs per program and engine")
		dir       = flag.String("dir", "bench", "directory holding the .lua programs")
		only      = flag.String("only", "", "comma-separated program names to run (default: all)")
		luaBin    = flag.String("lua", "lua5.3", "reference interpreter")
		luajitBin = flag.String("luajit", "luajit", "LuaJIT binary; used with -joff when it exists")
		moonBin   = flag.String("moonfuel", "", "moonfuel binary (empty: skip moonfuel)")
		moonNote  = flag.String("moonfuel-note", "", "why moonfuel is unavailable (shown in the table)")
		fuel      = flag.String("fuel", "1000000000000000", "fuel limit for the metering-on column")
		noMeter   = flag.Bool("no-meter", false, "skip the moonfuel metering-on column")
		peersBin  = flag.String("peers", "", "peers binary (gopher-lua, go-lua); empty: skip peers")
		timeout   = flag.Duration("timeout", 60*time.Second, "time limit for one run")
		args      = flag.String("args", "", "extra arguments passed to every program (e.g. a size)")
		quick     = flag.Bool("quick", false, "use small sizes (about 1/10 of the defaults) for a smoke test")
		metric    = flag.String("metric", "both", "what the table shows: wall, cpu (user+system time of the process) or both (two tables)")
	)
	flag.Parse()

	progs, err := listPrograms(*dir, *only)
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(2)
	}

	engines := []*engine{{name: "lua5.3", cmd: []string{*luaBin}, ref: true}}
	if _, err := exec.LookPath(*luaBin); err != nil {
		fmt.Fprintf(os.Stderr, "compare: reference %q not found\n", *luaBin)
		os.Exit(2)
	}
	if p, err := exec.LookPath(*luajitBin); err == nil {
		engines = append(engines, &engine{name: "luajit-joff", cmd: []string{p, "-joff"}})
	}
	if *moonBin != "" {
		engines = append(engines, &engine{name: "moonfuel", cmd: []string{*moonBin}})
		if !*noMeter {
			engines = append(engines, &engine{name: "moonfuel+fuel", cmd: []string{*moonBin, "-fuel", *fuel}, base: "moonfuel"})
		}
	} else {
		note := *moonNote
		if note == "" {
			note = "not built"
		}
		engines = append(engines, &engine{name: "moonfuel", note: note})
	}
	if *peersBin != "" {
		engines = append(engines,
			&engine{name: "gopher-lua", cmd: []string{*peersBin, "-engine", "gopher-lua"}},
			&engine{name: "go-lua", cmd: []string{*peersBin, "-engine", "go-lua"}},
		)
	}

	var extra []string
	if *args != "" {
		extra = strings.Fields(*args)
	}

	// results[prog][engine] holds the runs of that pair.
	results := make(map[string]map[string][]result)
	for _, p := range progs {
		results[p] = make(map[string][]result)
		path := filepath.Join(*dir, p+".lua")
		for r := 0; r < *runs; r++ {
			// Alternate engines within each round so that drift in machine
			// load spreads over all of them.
			for _, e := range engines {
				if e.note != "" {
					continue
				}
				// Stop repeating an engine that already failed on this program.
				if prev := results[p][e.name]; len(prev) > 0 && prev[0].err != "" {
					continue
				}
				pargs := extra
				if *quick && len(extra) == 0 {
					pargs = strings.Fields(quickArgs[p])
				}
				res := runOnce(e, path, pargs, *timeout)
				results[p][e.name] = append(results[p][e.name], res)
				status := "ok"
				if res.err != "" {
					status = res.err
				}
				fmt.Fprintf(os.Stderr, "%-13s %-14s run %d: %6.3fs wall %6.3fs cpu  %s\n", p, e.name, r+1, res.dur.Seconds(), res.cpu.Seconds(), firstLine(status))
			}
		}
	}

	switch *metric {
	case "wall", "cpu":
		printTable(os.Stdout, progs, engines, results, *runs, *metric, true)
	default:
		printTable(os.Stdout, progs, engines, results, *runs, "wall", false)
		fmt.Println()
		printTable(os.Stdout, progs, engines, results, *runs, "cpu", true)
	}
}

// quickArgs are program arguments for -quick: roughly a tenth of the work
// of the defaults.
var quickArgs = map[string]string{
	"binarytrees":  "12",
	"closures":     "5000",
	"coroutines":   "200000",
	"fannkuch":     "8 4",
	"fib":          "31",
	"mandelbrot":   "380",
	"nbody":        "70000",
	"oop":          "80000",
	"sorting":      "3",
	"spectralnorm": "240",
	"strings":      "2500",
	"tables":       "130",
	"textproc":     "20",
}

func listPrograms(dir, only string) ([]string, error) {
	if only != "" {
		var ps []string
		for _, p := range strings.Split(only, ",") {
			p = strings.TrimSuffix(strings.TrimSpace(p), ".lua")
			if p == "" {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, p+".lua")); err != nil {
				return nil, err
			}
			ps = append(ps, p)
		}
		return ps, nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.lua"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .lua files in %s", dir)
	}
	var ps []string
	for _, f := range files {
		ps = append(ps, strings.TrimSuffix(filepath.Base(f), ".lua"))
	}
	sort.Strings(ps)
	return ps, nil
}

func runOnce(e *engine, path string, extra []string, timeout time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	argv := append(append(append([]string{}, e.cmd[1:]...), path), extra...)
	cmd := exec.CommandContext(ctx, e.cmd[0], argv...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	dur := time.Since(start)
	res := result{dur: dur}
	if cmd.ProcessState != nil {
		res.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		res.err = fmt.Sprintf("timeout after %s", timeout)
	case err != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		res.err = "error: " + msg
	}
	for _, line := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(line, "checksum") {
			res.checksum = strings.TrimSpace(line)
		}
	}
	if res.err == "" && res.checksum == "" {
		res.err = "error: no checksum line in output"
	}
	return res
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 100 {
		s = s[:100] + "..."
	}
	return s
}

func median(rs []result, metric string) time.Duration {
	ds := make([]time.Duration, len(rs))
	for i, r := range rs {
		ds[i] = r.dur
		if metric == "cpu" {
			ds[i] = r.cpu
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	n := len(ds)
	if n%2 == 1 {
		return ds[n/2]
	}
	return (ds[n/2-1] + ds[n/2]) / 2
}

// cell describes one program on one engine after all runs.
type cell struct {
	ok     bool
	med    time.Duration
	status string // "error", "mismatch", "timeout", "n/a"
	detail string
}

func summarize(rs []result, ref, metric string) cell {
	if len(rs) == 0 {
		return cell{status: "n/a"}
	}
	for _, r := range rs {
		if r.err != "" {
			if strings.HasPrefix(r.err, "timeout") {
				return cell{status: "timeout", detail: r.err}
			}
			return cell{status: "error", detail: strings.TrimPrefix(r.err, "error: ")}
		}
		if ref != "" && r.checksum != ref {
			return cell{status: "mismatch", detail: fmt.Sprintf("got %q, want %q", r.checksum, ref)}
		}
	}
	return cell{ok: true, med: median(rs, metric)}
}

func printTable(w *os.File, progs []string, engines []*engine, results map[string]map[string][]result, runs int, metric string, withNotes bool) {
	// Header: the reference time, then for every other engine its time and
	// its ratio to the reference; metering-on engines also get a ratio to
	// their unmetered base.
	hdr := []string{"program", "lua5.3 s"}
	for _, e := range engines {
		if e.ref {
			continue
		}
		hdr = append(hdr, e.name+" s", "x lua5.3")
		if e.base != "" {
			hdr = append(hdr, "x "+e.base)
		}
	}
	var rows [][]string
	logs := make(map[string][]float64) // ratio logs per column for geometric means
	var notes []string

	for _, p := range progs {
		refCell := summarize(results[p]["lua5.3"], "", metric)
		refSum := ""
		if refCell.ok {
			refSum = results[p]["lua5.3"][0].checksum
		}
		row := []string{p, fmtCell(refCell)}
		if !refCell.ok {
			notes = append(notes, fmt.Sprintf("%s on lua5.3: %s", p, firstLine(refCell.detail)))
		}
		cells := make(map[string]cell)
		for _, e := range engines {
			if e.ref {
				continue
			}
			var c cell
			if e.note != "" {
				c = cell{status: "n/a"}
			} else {
				c = summarize(results[p][e.name], refSum, metric)
				if !c.ok && c.status != "n/a" {
					notes = append(notes, fmt.Sprintf("%s on %s: %s: %s", p, e.name, c.status, firstLine(c.detail)))
				}
			}
			cells[e.name] = c
			row = append(row, fmtCell(c))
			if c.ok && refCell.ok {
				r := c.med.Seconds() / refCell.med.Seconds()
				row = append(row, fmt.Sprintf("%.2f", r))
				logs[e.name] = append(logs[e.name], math.Log(r))
			} else {
				row = append(row, "-")
			}
			if e.base != "" {
				b := cells[e.base]
				if c.ok && b.ok {
					r := c.med.Seconds() / b.med.Seconds()
					row = append(row, fmt.Sprintf("%.2f", r))
					logs[e.name+"/base"] = append(logs[e.name+"/base"], math.Log(r))
				} else {
					row = append(row, "-")
				}
			}
		}
		rows = append(rows, row)
	}

	geo := []string{"geomean", ""}
	for _, e := range engines {
		if e.ref {
			continue
		}
		geo = append(geo, "", geomean(logs[e.name], len(progs)))
		if e.base != "" {
			geo = append(geo, geomean(logs[e.name+"/base"], len(progs)))
		}
	}
	rows = append(rows, geo)

	what := "wall time"
	if metric == "cpu" {
		what = "CPU time (user+system)"
	}
	fmt.Fprintf(w, "%s in seconds, median of %d run(s); ratios are engine/lua5.3 (lower is faster)\n\n", what, runs)
	writeMarkdown(w, hdr, rows)
	if !withNotes {
		return
	}
	for _, e := range engines {
		if e.note != "" {
			fmt.Fprintf(w, "\n%s: %s\n", e.name, e.note)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "\nnot run to completion:")
		for _, n := range notes {
			fmt.Fprintln(w, "  -", n)
		}
	}
}

func geomean(logs []float64, total int) string {
	if len(logs) == 0 {
		return "-"
	}
	s := 0.0
	for _, l := range logs {
		s += l
	}
	g := fmt.Sprintf("%.2f", math.Exp(s/float64(len(logs))))
	if len(logs) < total {
		g += fmt.Sprintf(" (%d/%d)", len(logs), total)
	}
	return g
}

func fmtCell(c cell) string {
	if c.ok {
		return fmt.Sprintf("%.3f", c.med.Seconds())
	}
	return c.status
}

func writeMarkdown(w *os.File, hdr []string, rows [][]string) {
	width := make([]int, len(hdr))
	for i, h := range hdr {
		width[i] = len(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if len(c) > width[i] {
				width[i] = len(c)
			}
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		b.WriteString("|")
		for i, c := range cells {
			if i == 0 {
				fmt.Fprintf(&b, " %-*s |", width[i], c)
			} else {
				fmt.Fprintf(&b, " %*s |", width[i], c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
	line(hdr)
	sep := make([]string, len(hdr))
	for i := range sep {
		if i == 0 {
			sep[i] = strings.Repeat("-", width[i])
		} else {
			sep[i] = strings.Repeat("-", width[i]-1) + ":"
		}
	}
	var b strings.Builder
	b.WriteString("|")
	for _, s := range sep {
		fmt.Fprintf(&b, " %s |", s)
	}
	fmt.Fprintln(w, b.String())
	for _, r := range rows {
		line(r)
	}
}
