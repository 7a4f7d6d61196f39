// Command meterbench measures how well fuel bounds time: it runs each Lua
// script of a corpus in a sandbox until a fixed amount of fuel is spent (or
// the script ends or hits another limit), and reports the wall-clock
// nanoseconds per unit of fuel of each, the median, the worst and the ratio
// of the worst to the median. The design's goal (DESIGN.md §6) is a ratio
// under 10: no script may buy much more time per unit of fuel than the
// median one.
//
//	meterbench [-fuel N] [-mem SIZE] [-runs N] [-max RATIO] [dir|file.lua]...
//
// The default corpus is sandbox/testdata/meter and sandbox/testdata/adversarial.
// With -max, the exit status is 1 when the ratio passes it. Each script is
// run -runs times and its fastest run kept, to reduce noise.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/moonfuel/moonfuel/sandbox"
)

type result struct {
	name    string
	fuel    int64
	ns      float64
	outcome string
}

func main() {
	fuel := flag.Int64("fuel", 20_000_000, "fuel per script")
	mem := flag.Int64("mem", 64<<20, "memory limit per script (bytes)")
	runs := flag.Int("runs", 3, "runs per script (the fastest is kept)")
	maxRatio := flag.Float64("max", 0, "fail when worst/median ns per fuel passes this (0: report only)")
	minFuel := flag.Int64("minfuel", 100_000, "ignore scripts that stop before spending this much fuel")
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"sandbox/testdata/meter", "sandbox/testdata/adversarial"}
	}
	var files []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".lua") {
			files = append(files, p)
			continue
		}
		m, err := filepath.Glob(filepath.Join(p, "*.lua"))
		if err != nil || len(m) == 0 {
			fmt.Fprintf(os.Stderr, "meterbench: no scripts in %s\n", p)
			os.Exit(2)
		}
		files = append(files, m...)
	}
	var results []result
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "meterbench:", err)
			os.Exit(2)
		}
		p, err := sandbox.Compile(string(src), "@"+filepath.Base(f))
		if err != nil {
			fmt.Fprintf(os.Stderr, "meterbench: %s: %v\n", f, err)
			continue
		}
		best := result{name: strings.TrimSuffix(filepath.Base(f), ".lua")}
		for r := 0; r < *runs; r++ {
			s, err := sandbox.New(p, sandbox.Config{
				Limits:    sandbox.Limits{Fuel: *fuel, Memory: *mem, Timeout: time.Minute},
				OnMessage: func(*sandbox.Sandbox, any) error { return nil },
			})
			if err != nil {
				fmt.Fprintf(os.Stderr, "meterbench: %s: %v\n", f, err)
				os.Exit(2)
			}
			start := time.Now()
			_, err = s.Run(context.Background())
			el := time.Since(start)
			used := s.Stats().FuelUsed
			out := "ok"
			if err != nil {
				out = err.Error()
				if len(out) > 60 {
					out = out[:60] + "..."
				}
			}
			ns := float64(el.Nanoseconds()) / float64(max(used, 1))
			if r == 0 || ns < best.ns {
				best.ns, best.fuel, best.outcome = ns, used, out
			}
		}
		results = append(results, best)
	}
	var counted []result
	for _, r := range results {
		if r.fuel >= *minFuel {
			counted = append(counted, r)
		}
	}
	if len(counted) == 0 {
		fmt.Fprintln(os.Stderr, "meterbench: no script spent enough fuel to measure")
		os.Exit(2)
	}
	sort.Slice(counted, func(i, j int) bool { return counted[i].ns < counted[j].ns })
	median := counted[len(counted)/2].ns
	worst := counted[len(counted)-1]
	fmt.Printf("%-34s %12s %10s %8s  %s\n", "script", "fuel", "ns/fuel", "x median", "outcome")
	for _, r := range counted {
		fmt.Printf("%-34s %12d %10.2f %8.2f  %s\n", r.name, r.fuel, r.ns, r.ns/median, r.outcome)
	}
	fmt.Printf("\n%d scripts measured (%d skipped: under %d fuel); median %.2f ns/fuel; worst %s %.2f ns/fuel; ratio %.2f\n",
		len(counted), len(results)-len(counted), *minFuel, median, worst.name, worst.ns, worst.ns/median)
	if *maxRatio > 0 && worst.ns/median > *maxRatio {
		fmt.Printf("FAIL: ratio above %.1f\n", *maxRatio)
		os.Exit(1)
	}
}
