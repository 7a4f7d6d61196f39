// Command peers runs Lua files on other Go implementations of Lua, so that
// moonfuel can be compared with them: github.com/yuin/gopher-lua (Lua 5.1)
// and github.com/Shopify/go-lua (Lua 5.2). github.com/arnodel/golua (Lua
// 5.4) is left out: the module proxy available here refuses it.
//
// One run:    peers -engine gopher-lua|go-lua script.lua [args...]
// All files:  peers [-timeout 60s] [dir]   (runs every dir/*.lua on both
// engines, each in a child process, and prints times and checksums)
//
// This is a separate module so that the main module does not depend on
// either interpreter.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	golua "github.com/Shopify/go-lua"
	gopher "github.com/yuin/gopher-lua"
)

var engines = []string{"gopher-lua", "go-lua"}

func main() {
	engine := flag.String("engine", "", "run one script on this engine: gopher-lua or go-lua")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit per script (directory mode)")
	flag.Parse()

	if *engine != "" {
		if flag.NArg() < 1 {
			fmt.Fprintln(os.Stderr, "usage: peers -engine NAME script.lua [args...]")
			os.Exit(2)
		}
		if err := runScript(*engine, flag.Arg(0), flag.Args()[1:]); err != nil {
			fmt.Fprintln(os.Stderr, *engine+":", err)
			os.Exit(1)
		}
		return
	}

	dir := "."
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if err := runDir(dir, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(2)
	}
}

// runScript runs one file in this process, turning a panic inside the
// interpreter into an error.
func runScript(engine, path string, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	switch engine {
	case "gopher-lua":
		L := gopher.NewState()
		defer L.Close()
		argt := L.NewTable()
		argt.RawSetInt(0, gopher.LString(path))
		for i, a := range args {
			argt.RawSetInt(i+1, gopher.LString(a))
		}
		L.SetGlobal("arg", argt)
		return L.DoFile(path)
	case "go-lua":
		l := golua.NewState()
		golua.OpenLibraries(l)
		l.NewTable()
		l.PushString(path)
		l.RawSetInt(-2, 0)
		for i, a := range args {
			l.PushString(a)
			l.RawSetInt(-2, i+1)
		}
		l.SetGlobal("arg")
		return golua.DoFile(l, path)
	}
	return fmt.Errorf("unknown engine %q (want gopher-lua or go-lua)", engine)
}

// runDir runs every .lua file in dir on each engine in a child process and
// prints a table of wall times and checksum lines.
func runDir(dir string, timeout time.Duration) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.lua"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no .lua files in %s", dir)
	}
	sort.Strings(files)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("%-14s %-11s %8s  %s\n", "program", "engine", "seconds", "checksum or failure")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".lua")
		for _, e := range engines {
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			cmd := exec.CommandContext(ctx, self, "-engine", e, f)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			err := cmd.Run()
			d := time.Since(start)
			cancel()
			status := checksumLine(out.String())
			switch {
			case errors.Is(ctx.Err(), context.DeadlineExceeded):
				status = "FAILED: timeout"
			case err != nil:
				msg := strings.TrimSpace(errb.String())
				if i := strings.IndexByte(msg, '\n'); i >= 0 {
					msg = msg[:i]
				}
				status = "FAILED: " + msg
			case status == "":
				status = "FAILED: no checksum line"
			}
			fmt.Printf("%-14s %-11s %8.3f  %s\n", name, e, d.Seconds(), status)
		}
	}
	return nil
}

func checksumLine(out string) string {
	s := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "checksum") {
			s = strings.TrimSpace(line)
		}
	}
	return s
}
