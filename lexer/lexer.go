// Package lexer owns the lexical analysis of Lua 5.3 source: tokens,
// numerals (converted with internal/luanum), short strings with all their
// escapes, long brackets, comments and line counting, with the reference
// interpreter's error messages word for word. It also owns the display
// form of chunk names (ChunkID) used by every "chunkname:line:" message.
//
// The lexer works directly on the source string: names, numerals and
// strings without escapes are substrings of it, so scanning allocates only
// for strings that contain escapes or carriage returns.
package lexer

import (
	"strconv"
	"strings"

	"github.com/moonfuel/moonfuel/internal/luanum"
)

// Item is one token with its value and position.
type Item struct {
	Tok Token
	// Line is the line where the token ends (Lua's current line while the
	// token is the current one; it differs from the starting line only for
	// long strings spanning lines).
	Line int
	// Str is the name of a Name and the value of a String.
	Str string
	// Int is the value of an Int, and the byte of an Other.
	Int int64
	// Num is the value of a Float.
	Num float64

	start, end int  // source span of the token
	quote      byte // String: the delimiter ('"' or '\''), or 0 for long strings
	sep        int  // long String: the number of '=' of its brackets
}

// Error is a lexical or syntax error, whose Error method returns the
// message exactly as Lua 5.3 prints it: "chunkid:line: msg near token".
type Error struct {
	// ChunkID is the chunk name in display form (see ChunkID).
	ChunkID string
	// Line is the line Lua reports.
	Line int
	// Msg is the message proper, such as "unfinished string" or
	// "'=' expected".
	Msg string
	// Near is the offending token as Lua quotes it ("'x'", "<eof>"), or
	// empty when Lua names no token.
	Near string
}

// Error returns the message as Lua formats it.
func (e *Error) Error() string {
	s := e.ChunkID + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	if e.Near != "" {
		s += " near " + e.Near
	}
	return s
}

// Lexer turns Lua source into tokens. The current token is in Cur; Next
// advances and Lookahead peeks one token further.
type Lexer struct {
	// Cur is the current token (valid after a successful Next).
	Cur Item

	src      string
	pos      int // offset of the next unread byte
	line     int // current line
	chunkID  string
	ahead    Item
	hasAhead bool
	buf      []byte // Lua's token buffer, for strings with escapes
}

// New returns a lexer for src, a chunk named chunkname (as given to load:
// "@file", "=name" or the source itself; see ChunkID). Call Next to read
// the first token.
func New(src, chunkname string) *Lexer {
	return &Lexer{src: src, line: 1, chunkID: ChunkID(chunkname)}
}

// ChunkID returns the display name of the chunk being scanned.
func (lx *Lexer) ChunkID() string { return lx.chunkID }

// Line returns Lua's current line number: the line where the last token
// read (the current one, or the lookahead) ends.
func (lx *Lexer) Line() int { return lx.line }

// Next reads the next token into lx.Cur. On a lexical error it returns an
// *Error, and the lexer must not be used further.
func (lx *Lexer) Next() error {
	if lx.hasAhead {
		lx.Cur = lx.ahead
		lx.hasAhead = false
		return nil
	}
	return lx.scan(&lx.Cur)
}

// Lookahead reads the token after the current one without consuming it
// and returns its kind (Lua's luaX_lookahead).
func (lx *Lexer) Lookahead() (Token, error) {
	if !lx.hasAhead {
		if err := lx.scan(&lx.ahead); err != nil {
			return EOF, err
		}
		lx.hasAhead = true
	}
	return lx.ahead.Tok, nil
}

// Near returns the text Lua shows for token it in messages ("near
// 'x'"): the token's own text for names, numerals and strings (with their
// delimiters and resolved escapes), its spelling for keywords and symbols,
// "<eof>" at the end.
func (lx *Lexer) Near(it *Item) string {
	switch it.Tok {
	case Name, Int, Float:
		return "'" + lx.src[it.start:it.end] + "'"
	case String:
		if it.quote != 0 {
			q := string(it.quote)
			return quoteC(q + it.Str + q)
		}
		eq := strings.Repeat("=", it.sep)
		return quoteC("[" + eq + "[" + it.Str + "]" + eq + "]")
	case Other:
		if it.Int == 0 {
			return "" // Lua's token 0: the message names no token
		}
		return charText(byte(it.Int))
	}
	return it.Tok.Quoted()
}

// quoteC quotes s as Lua's "'%s'" does: C strings end at the first NUL.
func quoteC(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	return "'" + s + "'"
}

// charText quotes a single byte as luaX_token2str does.
func charText(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return "'" + string(rune(c)) + "'"
	}
	return "'<\\" + strconv.Itoa(int(c)) + ">'"
}

// SyntaxError builds an error at Lua's current line with the given message
// and near text (as Near returns it; empty for none).
func (lx *Lexer) SyntaxError(msg, near string) *Error {
	return &Error{ChunkID: lx.chunkID, Line: lx.line, Msg: msg, Near: near}
}

func (lx *Lexer) errBuf(msg string) *Error {
	return lx.SyntaxError(msg, quoteC(string(lx.buf)))
}

func (lx *Lexer) errSpan(msg string, start int) *Error {
	return lx.SyntaxError(msg, "'"+lx.src[start:lx.pos]+"'")
}

// cur returns the current byte, or -1 at the end of the source.
func (lx *Lexer) cur() int {
	if lx.pos < len(lx.src) {
		return int(lx.src[lx.pos])
	}
	return -1
}

func isNewline(c int) bool { return c == '\n' || c == '\r' }

func isAlpha(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func isAlnum(c int) bool { return isAlpha(c) || isDigit(c) }

func isXDigit(c int) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isSpace(c int) bool { return c == ' ' || c >= '\t' && c <= '\r' }

func hexValue(c int) int {
	switch {
	case isDigit(c):
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// incLine skips a newline sequence ("\n", "\r", "\n\r" or "\r\n") at the
// current position and counts one line.
func (lx *Lexer) incLine() {
	old := lx.src[lx.pos]
	lx.pos++
	if c := lx.cur(); isNewline(c) && byte(c) != old {
		lx.pos++
	}
	lx.line++
}

// scan reads one token into it.
func (lx *Lexer) scan(it *Item) error {
	src := lx.src
	for {
		if lx.pos >= len(src) {
			*it = Item{Tok: EOF, Line: lx.line, start: lx.pos, end: lx.pos}
			return nil
		}
		start := lx.pos
		c := src[lx.pos]
		tok := EOF
		switch c {
		case '\n', '\r':
			lx.incLine()
			continue
		case ' ', '\f', '\t', '\v':
			lx.pos++
			continue
		case '-':
			lx.pos++
			if lx.cur() != '-' {
				tok = Minus
				break
			}
			lx.pos++
			if lx.cur() == '[' {
				if sep := lx.skipSep(); sep >= 0 {
					if _, err := lx.readLongString(sep, false); err != nil {
						return err
					}
					continue
				}
			}
			for lx.pos < len(src) && src[lx.pos] != '\n' && src[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		case '[':
			sep := lx.skipSep()
			if sep >= 0 {
				s, err := lx.readLongString(sep, true)
				if err != nil {
					return err
				}
				*it = Item{Tok: String, Line: lx.line, Str: s, start: start, end: lx.pos, sep: sep}
				return nil
			}
			if sep != -1 {
				return lx.errSpan("invalid long string delimiter", start)
			}
			tok = LBracket
		case '=':
			lx.pos++
			tok = Assign
			if lx.cur() == '=' {
				lx.pos++
				tok = Eq
			}
		case '<':
			lx.pos++
			tok = Lt
			switch lx.cur() {
			case '=':
				lx.pos++
				tok = Le
			case '<':
				lx.pos++
				tok = Shl
			}
		case '>':
			lx.pos++
			tok = Gt
			switch lx.cur() {
			case '=':
				lx.pos++
				tok = Ge
			case '>':
				lx.pos++
				tok = Shr
			}
		case '/':
			lx.pos++
			tok = Slash
			if lx.cur() == '/' {
				lx.pos++
				tok = DSlash
			}
		case '~':
			lx.pos++
			tok = Tilde
			if lx.cur() == '=' {
				lx.pos++
				tok = Ne
			}
		case ':':
			lx.pos++
			tok = Colon
			if lx.cur() == ':' {
				lx.pos++
				tok = DColon
			}
		case '"', '\'':
			s, err := lx.readString(c)
			if err != nil {
				return err
			}
			*it = Item{Tok: String, Line: lx.line, Str: s, start: start, end: lx.pos, quote: c}
			return nil
		case '.':
			lx.pos++
			tok = Dot
			if lx.cur() == '.' {
				lx.pos++
				tok = Concat
				if lx.cur() == '.' {
					lx.pos++
					tok = Dots
				}
			} else if isDigit(lx.cur()) {
				return lx.readNumeral(it, start)
			}
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return lx.readNumeral(it, start)
		case '+':
			lx.pos++
			tok = Plus
		case '*':
			lx.pos++
			tok = Star
		case '%':
			lx.pos++
			tok = Percent
		case '^':
			lx.pos++
			tok = Caret
		case '#':
			lx.pos++
			tok = Hash
		case '&':
			lx.pos++
			tok = Amp
		case '|':
			lx.pos++
			tok = Pipe
		case '(':
			lx.pos++
			tok = LParen
		case ')':
			lx.pos++
			tok = RParen
		case '{':
			lx.pos++
			tok = LBrace
		case '}':
			lx.pos++
			tok = RBrace
		case ']':
			lx.pos++
			tok = RBracket
		case ';':
			lx.pos++
			tok = Semi
		case ',':
			lx.pos++
			tok = Comma
		default:
			if isAlpha(int(c)) {
				p := lx.pos + 1
				for p < len(src) && isAlnum(int(src[p])) {
					p++
				}
				lx.pos = p
				name := src[start:p]
				*it = Item{Tok: keyword(name), Line: lx.line, Str: name, start: start, end: p}
				return nil
			}
			lx.pos++
			*it = Item{Tok: Other, Line: lx.line, Int: int64(c), start: start, end: lx.pos}
			return nil
		}
		*it = Item{Tok: tok, Line: lx.line, start: start, end: lx.pos}
		return nil
	}
}

// skipSep reads a long bracket opening or closing ("[==[" or "]==]")
// starting at the current '[' or ']': it returns the number of '=' when the
// bracket is complete (the position is then on the second bracket), -1
// when there is no '=' and no second bracket, and -(n+1) for n '=' without
// the second bracket (Lua's skip_sep).
func (lx *Lexer) skipSep() int {
	s := lx.src[lx.pos]
	lx.pos++
	count := 0
	for lx.pos < len(lx.src) && lx.src[lx.pos] == '=' {
		lx.pos++
		count++
	}
	if lx.pos < len(lx.src) && lx.src[lx.pos] == s {
		return count
	}
	return -count - 1
}

// readLongString reads a long string or comment whose opening bracket
// has sep '=' signs; the position is on its second '['. Newline sequences
// inside become "\n", and a newline right after the opening bracket is
// skipped.
func (lx *Lexer) readLongString(sep int, isString bool) (string, error) {
	startLine := lx.line
	lx.pos++ // second '['
	if isNewline(lx.cur()) {
		lx.incLine()
	}
	src := lx.src
	begin := lx.pos
	hasCR := false
	for {
		if lx.pos >= len(src) {
			what := "comment"
			if isString {
				what = "string"
			}
			return "", lx.SyntaxError("unfinished long "+what+" (starting at line "+strconv.Itoa(startLine)+")", "<eof>")
		}
		switch src[lx.pos] {
		case ']':
			end := lx.pos
			if lx.skipSep() == sep {
				lx.pos++ // second ']'
				if !isString {
					return "", nil
				}
				if !hasCR {
					return src[begin:end], nil
				}
				return normalizeNewlines(src[begin:end]), nil
			}
		case '\n', '\r':
			if src[lx.pos] == '\r' || lx.pos+1 < len(src) && src[lx.pos+1] == '\r' {
				hasCR = true
			}
			lx.incLine()
		default:
			lx.pos++
		}
	}
}

// normalizeNewlines replaces each newline sequence ("\n", "\r", "\r\n",
// "\n\r") of s by "\n".
func normalizeNewlines(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\r' {
			if i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\r') && s[i+1] != c {
				i++
			}
			c = '\n'
		}
		b = append(b, c)
	}
	return string(b)
}

// readString reads a short string delimited by del, starting at the
// opening delimiter.
func (lx *Lexer) readString(del byte) (string, error) {
	src := lx.src
	// Fast path: no escapes before the closing delimiter.
	for p := lx.pos + 1; p < len(src); p++ {
		c := src[p]
		if c == del {
			s := src[lx.pos+1 : p]
			lx.pos = p + 1
			return s, nil
		}
		if c == '\\' || c == '\n' || c == '\r' {
			break
		}
	}
	// Slow path: emulate Lua's buffer, which error messages show.
	lx.buf = append(lx.buf[:0], del)
	lx.pos++
	for {
		c := lx.cur()
		switch c {
		case int(del):
			lx.pos++
			return string(lx.buf[1:]), nil
		case -1:
			return "", lx.SyntaxError("unfinished string", "<eof>")
		case '\n', '\r':
			return "", lx.errBuf("unfinished string")
		case '\\':
			lx.buf = append(lx.buf, '\\')
			lx.pos++
			e := lx.cur()
			var r byte
			switch e {
			case 'a':
				r = '\a'
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			case 'v':
				r = '\v'
			case '\\', '"', '\'':
				r = byte(e)
			case 'x':
				v, err := lx.readHexEscape()
				if err != nil {
					return "", err
				}
				lx.buf[len(lx.buf)-1] = v
				lx.pos++
				continue
			case 'u':
				if err := lx.readUTF8Escape(); err != nil {
					return "", err
				}
				continue
			case '\n', '\r':
				lx.incLine()
				lx.buf[len(lx.buf)-1] = '\n'
				continue
			case -1:
				continue // the loop reports the unfinished string
			case 'z':
				lx.buf = lx.buf[:len(lx.buf)-1]
				lx.pos++
				for c := lx.cur(); isSpace(c); c = lx.cur() {
					if isNewline(c) {
						lx.incLine()
					} else {
						lx.pos++
					}
				}
				continue
			default:
				if !isDigit(e) {
					return "", lx.escError("invalid escape sequence")
				}
				v, err := lx.readDecimalEscape()
				if err != nil {
					return "", err
				}
				lx.buf[len(lx.buf)-1] = v
				continue
			}
			lx.buf[len(lx.buf)-1] = r
			lx.pos++
		default:
			lx.buf = append(lx.buf, byte(c))
			lx.pos++
		}
	}
}

// escError reports an escape error: like Lua's esccheck, it adds the
// current character to the buffer shown in the message.
func (lx *Lexer) escError(msg string) error {
	if c := lx.cur(); c >= 0 {
		lx.buf = append(lx.buf, byte(c))
		lx.pos++
	}
	return lx.errBuf(msg)
}

// getHexa saves the current character, advances and reads one hexadecimal
// digit (Lua's gethexa).
func (lx *Lexer) getHexa() (int, error) {
	lx.buf = append(lx.buf, lx.src[lx.pos])
	lx.pos++
	c := lx.cur()
	if !isXDigit(c) {
		return 0, lx.escError("hexadecimal digit expected")
	}
	return hexValue(c), nil
}

// readHexEscape reads the two digits of "\xXX", the position being on the
// 'x'; it leaves the position on the second digit, and the buffer with
// '\\' as its last byte.
func (lx *Lexer) readHexEscape() (byte, error) {
	h1, err := lx.getHexa()
	if err != nil {
		return 0, err
	}
	h2, err := lx.getHexa()
	if err != nil {
		return 0, err
	}
	lx.buf = lx.buf[:len(lx.buf)-2]
	return byte(h1<<4 | h2), nil
}

// readDecimalEscape reads up to three decimal digits; the buffer ends
// with the escape's '\\'.
func (lx *Lexer) readDecimalEscape() (byte, error) {
	r := 0
	i := 0
	for ; i < 3 && isDigit(lx.cur()); i++ {
		r = 10*r + lx.cur() - '0'
		lx.buf = append(lx.buf, lx.src[lx.pos])
		lx.pos++
	}
	if r > 255 {
		return 0, lx.escError("decimal escape too large")
	}
	lx.buf = lx.buf[:len(lx.buf)-i]
	return byte(r), nil
}

// readUTF8Escape reads "\u{XXX}", the position being on the 'u' and the
// buffer ending with '\\', and replaces the '\\' with the UTF-8 encoding.
func (lx *Lexer) readUTF8Escape() error {
	lx.buf = append(lx.buf, 'u')
	lx.pos++
	if lx.cur() != '{' {
		return lx.escError("missing '{'")
	}
	r, err := lx.getHexa()
	if err != nil {
		return err
	}
	n := 4 // '\\', 'u', '{' and the first digit
	for {
		lx.buf = append(lx.buf, lx.src[lx.pos])
		lx.pos++
		c := lx.cur()
		if !isXDigit(c) {
			break
		}
		n++
		if r > 0x10FFFF>>4 {
			return lx.escError("UTF-8 value too large")
		}
		r = r<<4 | hexValue(c)
	}
	if lx.cur() != '}' {
		return lx.escError("missing '}'")
	}
	lx.pos++
	lx.buf = appendUTF8(lx.buf[:len(lx.buf)-n], uint32(r))
	return nil
}

// appendUTF8 appends the UTF-8 encoding of x as Lua's luaO_utf8esc does
// (surrogates included).
func appendUTF8(b []byte, x uint32) []byte {
	switch {
	case x < 0x80:
		return append(b, byte(x))
	case x < 0x800:
		return append(b, byte(0xC0|x>>6), byte(0x80|x&0x3F))
	case x < 0x10000:
		return append(b, byte(0xE0|x>>12), byte(0x80|(x>>6)&0x3F), byte(0x80|x&0x3F))
	}
	return append(b, byte(0xF0|x>>18), byte(0x80|(x>>12)&0x3F), byte(0x80|(x>>6)&0x3F), byte(0x80|x&0x3F))
}

// readNumeral reads a numeral starting at start (a digit, or a '.'
// followed by a digit) as Lua's read_numeral does, then converts it.
func (lx *Lexer) readNumeral(it *Item, start int) error {
	src := lx.src
	p := lx.pos
	e1, e2 := byte('e'), byte('E')
	if src[p] == '0' && p+1 < len(src) && (src[p+1] == 'x' || src[p+1] == 'X') {
		e1, e2 = 'p', 'P'
		p += 2
	} else {
		p++
	}
	for p < len(src) {
		c := src[p]
		if c == e1 || c == e2 {
			p++
			if p < len(src) && (src[p] == '+' || src[p] == '-') {
				p++
			}
			if p >= len(src) {
				break
			}
			c = src[p]
		}
		if isXDigit(int(c)) || c == '.' {
			p++
		} else {
			break
		}
	}
	lx.pos = p
	text := src[start:p]
	i, f, isInt, ok := luanum.ParseNumber(text)
	if !ok {
		return lx.errSpan("malformed number", start)
	}
	if isInt {
		*it = Item{Tok: Int, Line: lx.line, Int: i, start: start, end: p}
	} else {
		*it = Item{Tok: Float, Line: lx.line, Num: f, start: start, end: p}
	}
	return nil
}

// ChunkID returns the display form of a chunk name, as Lua's luaO_chunkid
// computes it for messages (LUA_IDSIZE 60): "=name" gives "name" and
// "@file" gives "file" (truncated, "..." then the end of the file name
// when too long); any other source gives [string "first line..."].
func ChunkID(source string) string {
	const idSize = 60
	if i := strings.IndexByte(source, 0); i >= 0 {
		source = source[:i]
	}
	l := len(source)
	if l > 0 && source[0] == '=' {
		if l <= idSize {
			return source[1:]
		}
		return source[1:idSize]
	}
	if l > 0 && source[0] == '@' {
		if l <= idSize {
			return source[1:]
		}
		const keep = idSize - 3 - 1 // "..." and the C terminator
		return "..." + source[l-keep:]
	}
	const avail = idSize - len(`[string "..."]`) - 1
	nl := strings.IndexByte(source, '\n')
	if l < avail && nl < 0 {
		return `[string "` + source + `"]`
	}
	if nl >= 0 {
		l = nl
	}
	if l > avail {
		l = avail
	}
	return `[string "` + source[:l] + `..."]`
}

// SkipFileHeader returns the source of a file as Lua's loader sees it: a
// UTF-8 byte order mark is removed and, when the first line starts with
// '#' (a Unix "#!" line), that line is removed but its newline kept, so
// that line numbers do not change. Load functions for files (not load
// with a string) apply it before lexing.
func SkipFileHeader(src string) string {
	src = strings.TrimPrefix(src, "\xEF\xBB\xBF")
	if len(src) > 0 && src[0] == '#' {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			return src[i:]
		}
		return "\n"
	}
	return src
}
