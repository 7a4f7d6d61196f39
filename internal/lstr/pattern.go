package lstr

import (
	"errors"
	"strconv"
	"strings"
)

// MaxCaptures is the maximum number of captures in a pattern (LUA_MAXCAPTURES).
const MaxCaptures = 32

// MaxCCalls is the maximum recursion depth of the matcher (MAXCCALLS); a
// pattern that needs more fails with "pattern too complex". It also bounds
// the Go stack the matcher uses.
const MaxCCalls = 200

// Specials are the bytes that make a pattern more than a plain string.
const Specials = "^$*+?.([%-"

// capture lengths with a special meaning.
const (
	capUnfinished = -1
	capPosition   = -2
)

// ErrBudget is returned by the matcher when its step budget runs out before
// the match is decided. The caller is expected to treat it as fuel
// exhaustion.
var ErrBudget = errors.New("pattern matching step budget exhausted")

// Errors of malformed patterns, word for word as the reference raises them.
var (
	errTooComplex     = msgError("pattern too complex")
	errEndsWithEsc    = msgError("malformed pattern (ends with '%')")
	errMissingBracket = msgError("malformed pattern (missing ']')")
	errMissingBArgs   = msgError("malformed pattern (missing arguments to '%b')")
	errFrontier       = msgError("missing '[' after '%f' in pattern")
	errTooManyCaps    = msgError("too many captures")
	errInvalidPatCap  = msgError("invalid pattern capture")
	errUnfinishedCap  = msgError("unfinished capture")
	errReplEsc        = msgError("invalid use of '%' in replacement string")
)

func errCaptureIndex(l int) error {
	return msgError("invalid capture index %" + strconv.Itoa(l))
}

// matchAbort carries an error out of the recursive matcher.
type matchAbort struct{ err error }

type capture struct {
	init int // offset in src
	len  int // length, capUnfinished or capPosition
}

// Matcher matches one Lua pattern against one subject string. The zero value
// is not ready for use; call Reset first. A Matcher does not allocate while
// matching and may be reused.
//
// Every elementary operation of the matcher (one call of the recursive
// matcher, one byte tested against a single-character class, one byte
// compared by a back-reference or scanned by %b) is a step. Steps are taken
// from a budget; when the budget is exhausted the match stops with
// ErrBudget. Steps reports how many steps were used since Reset, so that the
// caller can charge fuel in proportion to the work.
type Matcher struct {
	src      string
	pat      string
	level    int
	depth    int
	fuel     int64 // remaining budget
	steps    int64 // steps charged since Reset
	reported int64 // steps already passed to the refueler
	refuel   Refueler
	caps     [MaxCaptures]capture
}

// Refueler is asked for more steps when a Matcher's budget runs out, so
// that a caller can pay for matching as it goes instead of reserving a
// budget up front.
type Refueler interface {
	// Refuel receives the number of steps used since the previous call
	// (or since Reset) and returns a new budget. It may panic to abort
	// the match (the panic goes through the matcher unchanged); a result
	// <= 0 stops the match with ErrBudget.
	Refuel(used int64) int64
}

// NoBudget is a budget that never runs out in practice.
const NoBudget = int64(1) << 62

// Reset prepares m to match pattern pat against src with a budget of
// budget steps.
func (m *Matcher) Reset(src, pat string, budget int64) {
	m.src = src
	m.pat = pat
	m.level = 0
	m.depth = MaxCCalls
	m.fuel = budget
	m.steps = 0
	m.reported = 0
}

// SetRefueler installs r (nil: none), which is asked for more steps when
// the budget runs out.
func (m *Matcher) SetRefueler(r Refueler) { m.refuel = r }

// Unreported returns the steps used since the last call of the refueler
// (or of Unreported) and marks them as reported.
func (m *Matcher) Unreported() int64 {
	n := m.steps - m.reported
	m.reported = m.steps
	return n
}

// Steps returns the number of steps used since Reset.
func (m *Matcher) Steps() int64 { return m.steps }

// Budget returns the remaining step budget.
func (m *Matcher) Budget() int64 { return m.fuel }

// SetBudget replaces the remaining step budget.
func (m *Matcher) SetBudget(n int64) { m.fuel = n }

// Src returns the subject string.
func (m *Matcher) Src() string { return m.src }

// charge takes n steps from the budget.
func (m *Matcher) charge(n int64) {
	m.steps += n
	m.fuel -= n
	if m.fuel < 0 {
		m.outOfBudget()
	}
}

func (m *Matcher) outOfBudget() {
	if m.refuel != nil {
		if more := m.refuel.Refuel(m.Unreported()); more > 0 {
			m.fuel = more
			return
		}
	}
	panic(matchAbort{ErrBudget})
}

func fail(err error) { panic(matchAbort{err}) }

// recoverMatch turns a matcher abort into an error.
func recoverMatch(err *error) {
	if r := recover(); r != nil {
		a, ok := r.(matchAbort)
		if !ok {
			panic(r)
		}
		*err = a.err
	}
}

// MatchAt tries to match the pattern, starting at pattern offset p, at
// subject offset s (one attempt, no scanning). It returns the end offset of
// the match. Captures are available through Capture afterwards.
func (m *Matcher) MatchAt(s, p int) (end int, ok bool, err error) {
	defer recoverMatch(&err)
	m.level = 0
	m.depth = MaxCCalls
	e := m.match(s, p)
	return e, e >= 0, nil
}

// Find searches the subject for the pattern from offset init (0-based,
// 0 <= init <= len(src)), as string.find and string.match do: a leading '^'
// anchors the match at init. It returns the offsets of the match.
func (m *Matcher) Find(init int) (start, end int, ok bool, err error) {
	defer recoverMatch(&err)
	p := 0
	anchor := len(m.pat) > 0 && m.pat[0] == '^'
	if anchor {
		p = 1
	}
	for s := init; ; s++ {
		m.level = 0
		m.depth = MaxCCalls
		if e := m.match(s, p); e >= 0 {
			return s, e, true, nil
		}
		if s >= len(m.src) || anchor {
			return 0, 0, false, nil
		}
	}
}

// NumCaptures returns the number of values a successful match produces
// (push_captures): the number of captures, or 1 for the whole match when
// the pattern has none and whole is true.
func (m *Matcher) NumCaptures(whole bool) int {
	if m.level == 0 && whole {
		return 1
	}
	return m.level
}

// Capture returns capture i (0-based) of the last successful match whose
// whole extent is s..e. If the pattern has no captures, capture 0 is the
// whole match. A position capture has pos set and its value is start+1.
func (m *Matcher) Capture(i, s, e int) (start, end int, pos bool, err error) {
	if i >= m.level {
		if i != 0 {
			return 0, 0, false, errCaptureIndex(i + 1)
		}
		return s, e, false, nil
	}
	c := m.caps[i]
	switch c.len {
	case capUnfinished:
		return 0, 0, false, errUnfinishedCap
	case capPosition:
		return c.init, c.init, true, nil
	}
	return c.init, c.init + c.len, false, nil
}

// AppendRepl appends to dst the replacement string repl of string.gsub for
// the match s..e: "%0" is the whole match, "%1".."%9" the captures
// (position captures as decimal integers) and "%%" a single '%'.
func (m *Matcher) AppendRepl(dst []byte, repl string, s, e int) ([]byte, error) {
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '%' {
			dst = append(dst, c)
			continue
		}
		i++
		var d byte
		if i < len(repl) {
			d = repl[i]
		}
		switch {
		case d == '%':
			dst = append(dst, '%')
		case !IsDigit(d):
			return dst, errReplEsc
		case d == '0':
			dst = append(dst, m.src[s:e]...)
		default:
			cs, ce, pos, err := m.Capture(int(d-'1'), s, e)
			if err != nil {
				return dst, err
			}
			if pos {
				dst = strconv.AppendInt(dst, int64(cs)+1, 10)
			} else {
				dst = append(dst, m.src[cs:ce]...)
			}
		}
	}
	return dst, nil
}

// pc returns the pattern byte at i, or 0 past the end (like C's
// terminating NUL).
func (m *Matcher) pc(i int) byte {
	if i < len(m.pat) {
		return m.pat[i]
	}
	return 0
}

// classEnd returns the offset just after the single-character class at p.
func (m *Matcher) classEnd(p int) int {
	pat := m.pat
	c := pat[p]
	p++
	switch c {
	case '%':
		if p >= len(pat) {
			fail(errEndsWithEsc)
		}
		return p + 1
	case '[':
		if p < len(pat) && pat[p] == '^' {
			p++
		}
		for { // look for a ']'
			if p >= len(pat) {
				fail(errMissingBracket)
			}
			c := pat[p]
			p++
			if c == '%' && p < len(pat) {
				p++ // skip escapes (e.g. '%]')
			}
			if p >= len(pat) {
				fail(errMissingBracket)
			}
			if pat[p] == ']' {
				return p + 1
			}
		}
	}
	return p
}

// classBits maps the letter of a class escape ("%a", "%S"...) to the ctype
// bits it tests, with classNeg set for the upper-case complements and
// classZero for the deprecated "%z" (the NUL byte); 0 for other bytes.
var classBits [256]uint16

const (
	classNeg  = 1 << 15
	classZero = 1 << 14
)

func init() {
	for _, e := range []struct {
		l    byte
		bits uint16
	}{{'a', cAlpha}, {'c', cCntrl}, {'d', cDigit}, {'g', cGraph}, {'l', cLower},
		{'p', cPunct}, {'s', cSpace}, {'u', cUpper}, {'w', cAlpha | cDigit},
		{'x', cXDigit}, {'z', classZero}} {
		classBits[e.l] = e.bits
		classBits[e.l-('a'-'A')] = e.bits | classNeg
	}
}

// matchClass reports whether c belongs to the class %cl.
func matchClass(c, cl byte) bool {
	bits := classBits[cl]
	if bits == 0 {
		return cl == c
	}
	var res bool
	if bits&classZero != 0 {
		res = c == 0
	} else {
		res = ctype[c]&bits != 0
	}
	return res != (bits&classNeg != 0)
}

// matchBracketClass reports whether c belongs to the set whose '[' is at p
// and whose ']' is at ec.
func (m *Matcher) matchBracketClass(c byte, p, ec int) bool {
	pat := m.pat
	sig := true
	if pat[p+1] == '^' {
		sig = false
		p++ // skip the '^'
	}
	for p++; p < ec; p++ {
		if pat[p] == '%' {
			p++
			if matchClass(c, pat[p]) {
				return sig
			}
		} else if pat[p+1] == '-' && p+2 < ec {
			p += 2
			if pat[p-2] <= c && c <= pat[p] {
				return sig
			}
		} else if pat[p] == c {
			return sig
		}
	}
	return !sig
}

// singleMatch reports whether the byte at s matches the class p..ep.
func (m *Matcher) singleMatch(s, p, ep int) bool {
	if s >= len(m.src) {
		return false
	}
	c := m.src[s]
	switch m.pat[p] {
	case '.':
		return true
	case '%':
		return matchClass(c, m.pat[p+1])
	case '[':
		// a set costs in proportion to its length
		m.charge(int64((ep - p) >> 3))
		return m.matchBracketClass(c, p, ep-1)
	default:
		return m.pat[p] == c
	}
}

func (m *Matcher) matchBalance(s, p int) int {
	if p >= len(m.pat)-1 {
		fail(errMissingBArgs)
	}
	if s >= len(m.src) || m.src[s] != m.pat[p] {
		return -1
	}
	b, e := m.pat[p], m.pat[p+1]
	cont := 1
	start := s
	for s++; s < len(m.src); s++ {
		c := m.src[s]
		if c == e {
			cont--
			if cont == 0 {
				m.charge(int64(s - start))
				return s + 1
			}
		} else if c == b {
			cont++
		}
	}
	m.charge(int64(s - start))
	return -1
}

func (m *Matcher) maxExpand(s, p, ep int) int {
	i := 0
	for m.singleMatch(s+i, p, ep) {
		m.charge(1)
		i++
	}
	// keep trying to match with the maximum repetitions
	for ; i >= 0; i-- {
		if r := m.match(s+i, ep+1); r >= 0 {
			return r
		}
	}
	return -1
}

func (m *Matcher) minExpand(s, p, ep int) int {
	for {
		if r := m.match(s, ep+1); r >= 0 {
			return r
		}
		if !m.singleMatch(s, p, ep) {
			return -1
		}
		m.charge(1)
		s++ // try with one more repetition
	}
}

func (m *Matcher) startCapture(s, p, what int) int {
	if m.level >= MaxCaptures {
		fail(errTooManyCaps)
	}
	m.caps[m.level] = capture{s, what}
	m.level++
	r := m.match(s, p)
	if r < 0 {
		m.level-- // undo capture
	}
	return r
}

func (m *Matcher) endCapture(s, p int) int {
	l := m.captureToClose()
	m.caps[l].len = s - m.caps[l].init // close capture
	r := m.match(s, p)
	if r < 0 {
		m.caps[l].len = capUnfinished // undo capture
	}
	return r
}

func (m *Matcher) captureToClose() int {
	for l := m.level - 1; l >= 0; l-- {
		if m.caps[l].len == capUnfinished {
			return l
		}
	}
	fail(errInvalidPatCap)
	return 0
}

func (m *Matcher) checkCapture(l byte) int {
	i := int(l) - '1'
	if i < 0 || i >= m.level || m.caps[i].len == capUnfinished {
		fail(errCaptureIndex(i + 1))
	}
	return i
}

func (m *Matcher) matchCapture(s int, l byte) int {
	i := m.checkCapture(l)
	c := m.caps[i]
	n := c.len
	if n == capPosition {
		return -1 // the reference compares with a huge unsigned length
	}
	m.charge(int64(n))
	if len(m.src)-s >= n && m.src[c.init:c.init+n] == m.src[s:s+n] {
		return s + n
	}
	return -1
}

// match matches the pattern from offset p at subject offset s and returns
// the end of the match, or -1.
func (m *Matcher) match(s, p int) int {
	if m.depth == 0 {
		fail(errTooComplex)
	}
	m.depth--
	pat := m.pat
	for p < len(pat) {
		m.charge(1)
		switch pat[p] {
		case '(':
			if m.pc(p+1) == ')' {
				s = m.startCapture(s, p+2, capPosition)
			} else {
				s = m.startCapture(s, p+1, capUnfinished)
			}
			goto done
		case ')':
			s = m.endCapture(s, p+1)
			goto done
		case '$':
			if p+1 == len(pat) {
				if s != len(m.src) {
					s = -1
				}
				goto done
			}
		case '%':
			switch m.pc(p + 1) {
			case 'b':
				s = m.matchBalance(s, p+2)
				if s >= 0 {
					p += 4
					continue
				}
				goto done
			case 'f':
				p += 2
				if m.pc(p) != '[' {
					fail(errFrontier)
				}
				ep := m.classEnd(p)
				var prev, cur byte
				if s > 0 {
					prev = m.src[s-1]
				}
				if s < len(m.src) {
					cur = m.src[s]
				}
				m.charge(int64((ep - p) >> 3))
				if !m.matchBracketClass(prev, p, ep-1) && m.matchBracketClass(cur, p, ep-1) {
					p = ep
					continue
				}
				s = -1
				goto done
			case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
				s = m.matchCapture(s, pat[p+1])
				if s >= 0 {
					p += 2
					continue
				}
				goto done
			}
		}
		// default: a single-character class, perhaps with a quantifier
		{
			ep := m.classEnd(p)
			var q byte
			if ep < len(pat) {
				q = pat[ep]
			}
			if !m.singleMatch(s, p, ep) {
				if q == '*' || q == '?' || q == '-' { // accept empty?
					p = ep + 1
					continue
				}
				s = -1 // '+' or no suffix
				goto done
			}
			// matched once
			switch q {
			case '?':
				if r := m.match(s+1, ep+1); r >= 0 {
					s = r
					goto done
				}
				p = ep + 1
				continue
			case '+':
				s = m.maxExpand(s+1, p, ep)
			case '*':
				s = m.maxExpand(s, p, ep)
			case '-':
				s = m.minExpand(s, p, ep)
			default:
				s++
				p = ep
				continue
			}
			goto done
		}
	}
done:
	m.depth++
	return s
}

// HasSpecials reports whether pat contains any pattern special byte; a
// pattern without them can be searched for as a plain string.
func HasSpecials(pat string) bool {
	return strings.ContainsAny(pat, Specials)
}

// Iter iterates over the successive matches of a pattern in a subject as
// string.gmatch and string.gsub do: an empty match immediately after the
// previous match is skipped.
type Iter struct {
	M         Matcher
	pos       int // next position to try
	lastMatch int
	p         int // pattern start (after a '^' anchor for gsub)
	anchor    bool
	done      bool
}

// ResetGmatch prepares the iterator for string.gmatch: '^' is not an
// anchor.
func (it *Iter) ResetGmatch(src, pat string, budget int64) {
	it.M.Reset(src, pat, budget)
	it.pos, it.lastMatch, it.p, it.anchor, it.done = 0, -1, 0, false, false
}

// ResetGsub prepares the iterator for string.gsub: a leading '^' anchors
// the (only) match at the start of the subject.
func (it *Iter) ResetGsub(src, pat string, budget int64) {
	it.M.Reset(src, pat, budget)
	it.pos, it.lastMatch, it.p, it.anchor, it.done = 0, -1, 0, false, false
	if len(pat) > 0 && pat[0] == '^' {
		it.p, it.anchor = 1, true
	}
}

// SetPos sets the position of the next attempt (used when string.gmatch
// resumes).
func (it *Iter) SetPos(pos, lastMatch int) { it.pos, it.lastMatch = pos, lastMatch }

// Pos returns the position of the next attempt and the end of the last
// match (-1 if none).
func (it *Iter) Pos() (pos, lastMatch int) { return it.pos, it.lastMatch }

// Next finds the next match and returns its offsets; the subject bytes
// before s that were not part of an earlier match are unmatched text.
// ok is false when there are no more matches.
func (it *Iter) Next() (s, e int, ok bool, err error) {
	defer recoverMatch(&err)
	m := &it.M
	for !it.done && it.pos <= len(m.src) {
		src := it.pos
		m.level = 0
		m.depth = MaxCCalls
		e := m.match(src, it.p)
		if it.anchor {
			it.done = true
		}
		if e >= 0 && e != it.lastMatch {
			it.pos, it.lastMatch = e, e
			return src, e, true, nil
		}
		it.pos++
	}
	it.done = true
	return 0, 0, false, nil
}

// ReplLen returns the length of the replacement AppendRepl would produce
// for repl and the match s..e, so that the caller can pay for it first.
func (m *Matcher) ReplLen(repl string, s, e int) (int, error) {
	n := 0
	for i := 0; i < len(repl); i++ {
		if repl[i] != '%' {
			n++
			continue
		}
		i++
		var d byte
		if i < len(repl) {
			d = repl[i]
		}
		switch {
		case d == '%':
			n++
		case !IsDigit(d):
			return 0, errReplEsc
		case d == '0':
			n += e - s
		default:
			cs, ce, pos, err := m.Capture(int(d-'1'), s, e)
			if err != nil {
				return 0, err
			}
			if pos {
				var tmp [20]byte
				n += len(strconv.AppendInt(tmp[:0], int64(cs)+1, 10))
			} else {
				n += ce - cs
			}
		}
	}
	return n, nil
}
