package compiler

import "fmt"

// compiler holds the state shared by all functions of one chunk (Lua's
// LexState and Dyndata).
type compiler struct {
	source  string
	chunkID string
	// line approximates the line of the last token consumed by a one-pass
	// parser at the point code is emitted (Lua's lastline).
	line int
	// actvar lists the declared locals of all open functions, as indexes
	// into their function's LocVars.
	actvar []int
	kcache map[constKey]int // constant -> index in the function that added it last
	// strs interns the chunk's string constants: every prototype of the
	// chunk holds the same Go string for equal constants, so the VM's
	// table lookups with constant keys match by pointer
	strs   map[string]string
	gotos  []labelDesc // pending (and resolved, until compacted) gotos of all open functions
	labels []labelDesc // active labels of all open functions
	// indexes of gotos and labels by name, in increasing order
	gotosByName  map[string][]int
	labelsByName map[string][]int
}

// labelDesc describes a pending goto or an active label.
type labelDesc struct {
	name    string
	pc      int // the goto's jump, or the label's position
	line    int
	nactvar int  // active locals at that point
	done    bool // a resolved goto
}

// funcState is the state of a function being compiled (Lua's FuncState).
type funcState struct {
	f          *Proto
	prev       *funcState
	c          *compiler
	bl         *blockCnt
	lastTarget int // pc of the last jump target
	jpc        int // jumps pending to the next instruction
	freeReg    int
	nactvar    int
	firstLocal int         // index of the function's first local in c.actvar
	tails      map[int]int // jump list head -> a known member near its tail
}

// blockCnt is a lexical block being compiled.
type blockCnt struct {
	previous   *blockCnt
	firstLabel int
	firstGoto  int
	nactvar    int  // active locals outside the block
	upval      bool // some local of the block is captured as an upvalue
	isLoop     bool
}

func (c *compiler) touch(line int) {
	if line > c.line {
		c.line = line
	}
}

func (c *compiler) syntaxError(msg string, line int) {
	panic(bailout{&Error{ChunkID: c.chunkID, Line: line, Msg: msg}})
}

func (c *compiler) openFunc(prev *funcState, lineDefined int) *funcState {
	fs := &funcState{
		f:          &Proto{Source: c.source, LineDefined: lineDefined, MaxStackSize: 2},
		prev:       prev,
		c:          c,
		lastTarget: 0,
		jpc:        noJump,
		firstLocal: len(c.actvar),
	}
	fs.enterBlock(&blockCnt{}, false)
	return fs
}

// closeFunc emits the final return and checks pending gotos; gotoLine is the
// line reported for an undefined label.
func (fs *funcState) closeFunc(gotoLine int) {
	fs.ret(0, 0)
	fs.leaveBlock(gotoLine)
	fs.tails = nil
	// cap every slice, so that appending to a shared prototype's slices
	// can never write into another's view
	f := fs.f
	f.Code = f.Code[:len(f.Code):len(f.Code)]
	f.LineInfo = f.LineInfo[:len(f.LineInfo):len(f.LineInfo)]
	f.Constants = f.Constants[:len(f.Constants):len(f.Constants)]
	f.Protos = f.Protos[:len(f.Protos):len(f.Protos)]
	f.Upvalues = f.Upvalues[:len(f.Upvalues):len(f.Upvalues)]
	f.LocVars = f.LocVars[:len(f.LocVars):len(f.LocVars)]
}

// ---------------------------------------------------------------------------
// Limits

func (fs *funcState) errorLimit(limit int, what string) {
	where := "main function"
	if fs.f.LineDefined != 0 {
		where = fmt.Sprintf("function at line %d", fs.f.LineDefined)
	}
	fs.c.syntaxError(fmt.Sprintf("too many %s (limit is %d) in %s", what, limit, where), fs.c.line)
}

func (fs *funcState) checkLimit(v, limit int, what string) {
	if v > limit {
		fs.errorLimit(limit, what)
	}
}

// ---------------------------------------------------------------------------
// Variables

func (fs *funcState) locVar(i int) *LocVar {
	return &fs.f.LocVars[fs.c.actvar[fs.firstLocal+i]]
}

func (fs *funcState) newLocalVar(name string) {
	fs.newLocalVarAt(name, fs.c.line)
}

// newLocalVarAt declares a local; line is where a limit error is reported.
func (fs *funcState) newLocalVarAt(name string, line int) {
	c := fs.c
	if len(c.actvar)+1-fs.firstLocal > MaxLocals {
		saved := c.line
		c.line = line
		fs.errorLimit(MaxLocals, "local variables")
		c.line = saved
	}
	fs.f.LocVars = append(fs.f.LocVars, LocVar{Name: name})
	c.actvar = append(c.actvar, len(fs.f.LocVars)-1)
}

func (fs *funcState) adjustLocalVars(n int) {
	fs.nactvar += n
	for ; n > 0; n-- {
		fs.locVar(fs.nactvar - n).StartPC = fs.pc()
	}
}

func (fs *funcState) removeVars(toLevel int) {
	n := fs.nactvar - toLevel
	for fs.nactvar > toLevel {
		fs.nactvar--
		fs.locVar(fs.nactvar).EndPC = fs.pc()
	}
	fs.c.actvar = fs.c.actvar[:len(fs.c.actvar)-n]
}

func (fs *funcState) searchVar(name string) int {
	for i := fs.nactvar - 1; i >= 0; i-- {
		if fs.locVar(i).Name == name {
			return i
		}
	}
	return -1
}

func (fs *funcState) markUpval(level int) {
	bl := fs.bl
	for bl.nactvar > level {
		bl = bl.previous
	}
	bl.upval = true
}

func (fs *funcState) searchUpvalue(name string) int {
	for i, u := range fs.f.Upvalues {
		if u.Name == name {
			return i
		}
	}
	return -1
}

func (fs *funcState) newUpvalue(name string, v *expDesc) int {
	fs.checkLimit(len(fs.f.Upvalues)+1, MaxUpvalues, "upvalues")
	fs.f.Upvalues = append(fs.f.Upvalues, UpvalDesc{Name: name, InStack: v.k == kLocal, Index: v.info})
	return len(fs.f.Upvalues) - 1
}

func singleVarAux(fs *funcState, name string, v *expDesc, base bool) {
	if fs == nil {
		*v = newExp(kVoid, 0)
		return
	}
	if r := fs.searchVar(name); r >= 0 {
		*v = newExp(kLocal, r)
		if !base {
			fs.markUpval(r)
		}
		return
	}
	idx := fs.searchUpvalue(name)
	if idx < 0 {
		singleVarAux(fs.prev, name, v, false)
		if v.k == kVoid {
			return
		}
		idx = fs.newUpvalue(name, v)
	}
	*v = newExp(kUpval, idx)
}

func (fs *funcState) singleVar(name string, v *expDesc) {
	singleVarAux(fs, name, v, true)
	if v.k == kVoid {
		singleVarAux(fs, "_ENV", v, true)
		k := newExp(kK, fs.stringK(name))
		fs.indexed(v, &k)
	}
}

// ---------------------------------------------------------------------------
// Blocks, gotos and labels

func (fs *funcState) enterBlock(bl *blockCnt, isLoop bool) {
	bl.isLoop = isLoop
	bl.nactvar = fs.nactvar
	bl.firstLabel = len(fs.c.labels)
	bl.firstGoto = len(fs.c.gotos)
	bl.upval = false
	bl.previous = fs.bl
	fs.bl = bl
}

// leaveBlock closes the current block; line is the line reported for an
// undefined goto when this is the function's outermost block.
func (fs *funcState) leaveBlock(line int) {
	bl := fs.bl
	c := fs.c
	if bl.previous != nil && bl.upval {
		j := fs.jump()
		fs.patchClose(j, bl.nactvar)
		fs.patchToHere(j)
	}
	if bl.isLoop {
		fs.breakLabel()
	}
	fs.bl = bl.previous
	fs.removeVars(bl.nactvar)
	fs.freeReg = fs.nactvar
	for i := len(c.labels) - 1; i >= bl.firstLabel; i-- {
		name := c.labels[i].name
		st := c.labelsByName[name]
		c.labelsByName[name] = st[:len(st)-1]
	}
	c.labels = c.labels[:bl.firstLabel]
	if bl.previous != nil {
		fs.moveGotosOut(bl)
	} else {
		for i := bl.firstGoto; i < len(c.gotos); i++ {
			if !c.gotos[i].done {
				fs.undefGoto(&c.gotos[i], line)
			}
		}
	}
	c.compactGotos(bl.firstGoto)
}

// compactGotos drops the resolved gotos from index first on, keeping the
// by-name index in step.
func (c *compiler) compactGotos(first int) {
	for i := len(c.gotos) - 1; i >= first; i-- {
		name := c.gotos[i].name
		if st := c.gotosByName[name]; len(st) > 0 && st[len(st)-1] == i {
			c.gotosByName[name] = st[:len(st)-1]
		}
	}
	j := first
	for i := first; i < len(c.gotos); i++ {
		if c.gotos[i].done {
			continue
		}
		c.gotos[j] = c.gotos[i]
		c.gotosByName[c.gotos[j].name] = append(c.gotosByName[c.gotos[j].name], j)
		j++
	}
	c.gotos = c.gotos[:j]
}

func (fs *funcState) undefGoto(gt *labelDesc, line int) {
	var msg string
	if gt.name == "break" {
		msg = fmt.Sprintf("<%s> at line %d not inside a loop", gt.name, gt.line)
	} else {
		msg = fmt.Sprintf("no visible label '%s' for <goto> at line %d", gt.name, gt.line)
	}
	fs.c.syntaxError(msg, line)
}

// moveGotosOut makes the pending gotos of a closed block pending gotos of
// the enclosing one, closing the ones that a visible label resolves.
func (fs *funcState) moveGotosOut(bl *blockCnt) {
	c := fs.c
	for i := bl.firstGoto; i < len(c.gotos); i++ {
		gt := &c.gotos[i]
		if gt.done {
			continue
		}
		if gt.nactvar > bl.nactvar {
			if bl.upval {
				fs.patchClose(gt.pc, bl.nactvar)
			}
			gt.nactvar = bl.nactvar
		}
		fs.findLabel(i)
	}
}

// blockLabel returns the index of the label called name in the current
// block, or -1.
func (fs *funcState) blockLabel(name string) int {
	st := fs.c.labelsByName[name]
	if n := len(st); n > 0 && st[n-1] >= fs.bl.firstLabel {
		return st[n-1]
	}
	return -1
}

// findLabel tries to resolve pending goto g with a label of the current
// block.
func (fs *funcState) findLabel(g int) bool {
	c := fs.c
	bl := fs.bl
	gt := &c.gotos[g]
	i := fs.blockLabel(gt.name)
	if i < 0 {
		return false
	}
	lb := &c.labels[i]
	if gt.nactvar > lb.nactvar && (bl.upval || len(c.labels) > bl.firstLabel) {
		fs.patchClose(gt.pc, lb.nactvar)
	}
	fs.closeGoto(g, lb)
	return true
}

func (fs *funcState) closeGoto(g int, lb *labelDesc) {
	c := fs.c
	gt := &c.gotos[g]
	if gt.nactvar < lb.nactvar {
		vname := fs.locVar(gt.nactvar).Name
		c.syntaxError(fmt.Sprintf("<goto %s> at line %d jumps into the scope of local '%s'",
			gt.name, gt.line, vname), c.line)
	}
	fs.patchList(gt.pc, lb.pc)
	gt.done = true
}

func (fs *funcState) newGoto(name string, line, pc int) int {
	c := fs.c
	c.gotos = append(c.gotos, labelDesc{name: name, line: line, pc: pc, nactvar: fs.nactvar})
	g := len(c.gotos) - 1
	c.gotosByName[name] = append(c.gotosByName[name], g)
	return g
}

func (fs *funcState) newLabel(name string, line, pc int) int {
	c := fs.c
	c.labels = append(c.labels, labelDesc{name: name, line: line, pc: pc, nactvar: fs.nactvar})
	l := len(c.labels) - 1
	c.labelsByName[name] = append(c.labelsByName[name], l)
	return l
}

// findGotos resolves the pending gotos of the current block that match
// label l.
func (fs *funcState) findGotos(l int) {
	c := fs.c
	name := c.labels[l].name
	st := c.gotosByName[name]
	k := len(st)
	for k > 0 && st[k-1] >= fs.bl.firstGoto {
		k--
	}
	for _, g := range st[k:] {
		if !c.gotos[g].done {
			fs.closeGoto(g, &c.labels[l])
		}
	}
	c.gotosByName[name] = st[:k]
}

func (fs *funcState) breakLabel() {
	l := fs.newLabel("break", 0, fs.pc())
	fs.findGotos(l)
}

func (fs *funcState) gotoStat(name string, line, pc int) {
	g := fs.newGoto(name, line, pc)
	fs.findLabel(g)
}

func (fs *funcState) checkRepeated(name string) {
	if i := fs.blockLabel(name); i >= 0 {
		fs.c.syntaxError(fmt.Sprintf("label '%s' already defined on line %d", name, fs.c.labels[i].line), fs.c.line)
	}
}
