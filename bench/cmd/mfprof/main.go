//go:build mfprof

// Command mfprof runs a Lua file on moonfuel's packages directly, with an
// optional CPU profile, so the VM can be profiled before and apart from the
// command-line interpreter. It is built only with the mfprof tag (it follows
// an API that is still moving, and must never break the root module's
// build):
//
//	go run -tags mfprof ./bench/cmd/mfprof -cpuprofile cpu.out bench/fib.lua 30
//	go tool pprof -top cpu.out
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/moonfuel/moonfuel/stdlib"
	"github.com/moonfuel/moonfuel/vm"
)

func main() {
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	fuel := flag.Int64("fuel", 0, "fuel limit (0: none)")
	repeat := flag.Int("repeat", 1, "run the script this many times, each in a fresh state")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: mfprof [-cpuprofile FILE] [-fuel N] [-repeat N] script.lua [args...]")
		os.Exit(2)
	}
	path := flag.Arg(0)
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	proto, err := vm.Compile(string(src), "@"+path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	for i := 0; i < *repeat; i++ {
		st := vm.NewState(vm.Options{Fuel: *fuel})
		stdlib.OpenBase(st)
		stdlib.OpenString(st)
		stdlib.OpenTable(st)
		stdlib.OpenMath(st)
		stdlib.OpenCoroutine(st)
		argt := st.NewTable(len(flag.Args()), 0)
		argt.Set(vm.Int(0), vm.StringValue(path))
		for j, a := range flag.Args()[1:] {
			argt.Set(vm.Int(int64(j+1)), vm.StringValue(a))
		}
		st.SetGlobal("arg", vm.TableValue(argt))
		start := time.Now()
		_, err := st.Call(st.Load(proto))
		fmt.Fprintf(os.Stderr, "mfprof: %s in %.3fs, fuel used %d\n", path, time.Since(start).Seconds(), st.FuelUsed())
		if err != nil {
			fmt.Fprintln(os.Stderr, "mfprof:", err)
			pprof.StopCPUProfile()
			os.Exit(1)
		}
	}
}
