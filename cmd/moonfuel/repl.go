package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/moonfuel/moonfuel/vm"
)

// repl is lua.c's doREPL: read a line, try it as "return line" (so that an
// expression prints its values), else as a statement, reading more lines
// while the statement is incomplete (its syntax error ends in "<eof>").
// Values are printed with the global print. Errors are reported without the
// program name and the loop goes on; exhaustion of a limit ends it.
func (in *interp) repl() int {
	r := bufio.NewReader(in.e.stdin)
	old := in.progname
	in.progname = ""
	defer func() { in.progname = old }()
	for {
		fn, err, ok := in.loadLine(r)
		if !ok {
			break
		}
		var res []vm.Value
		if err == nil {
			res, err = in.call(fn)
		}
		if err == nil && len(res) > 0 {
			_, err = in.callRaw(in.st.GetGlobal("print"), res...)
			if err != nil && !vm.IsExhaustion(err) {
				err = fmt.Errorf("error calling 'print' (%s)", err.Error())
			}
		}
		if err == errUnfinished {
			continue
		}
		if err != nil {
			if code := in.report(err); code == exitFuel || code == exitMemory {
				return code
			}
		}
	}
	fmt.Fprintln(in.e.stdout)
	return exitOK
}

// loadLine reads and compiles one entry. ok is false at the end of input.
func (in *interp) loadLine(r *bufio.Reader) (fn vm.Value, err error, ok bool) {
	line, ok := in.readLine(r, true)
	if !ok {
		return vm.Nil, nil, false
	}
	if strings.HasPrefix(line, "=") { // Lua 5.2 style "=expr"
		line = "return " + line[1:]
	}
	if fn, err := in.loadString("return "+line, "=stdin"); err == nil {
		return fn, nil, true
	}
	for {
		fn, err = in.loadString(line, "=stdin")
		if err == nil || !incomplete(err) {
			return fn, err, true
		}
		more, ok := in.readLine(r, false)
		if !ok {
			// like lua.c, drop an unfinished statement at the end of input
			return vm.Nil, errUnfinished, true
		}
		line += "\n" + more
	}
}

// errUnfinished stands for a statement cut short by the end of input.
var errUnfinished = errors.New("unfinished statement")

// incomplete reports whether a syntax error means the input ended too soon.
func incomplete(err error) bool {
	if vm.IsExhaustion(err) {
		return false
	}
	return strings.HasSuffix(err.Error(), "<eof>")
}

// readLine prints the prompt (_PROMPT or "> " for a first line, _PROMPT2
// or ">> " for a continuation) and reads a line without its newline.
func (in *interp) readLine(r *bufio.Reader, first bool) (string, bool) {
	prompt, global := "> ", "_PROMPT"
	if !first {
		prompt, global = ">> ", "_PROMPT2"
	}
	if v := in.st.GetGlobal(global); !v.IsNil() {
		if s, ok := in.st.MainThread().ToString(v); ok {
			prompt = s
		}
	}
	io.WriteString(in.e.stdout, prompt)
	line, err := r.ReadString('\n')
	if err != nil && line == "" {
		return "", false
	}
	return strings.TrimSuffix(line, "\n"), true
}
