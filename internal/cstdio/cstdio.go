// Package cstdio emulates the parts of C's stdio FILE that Lua's io
// library relies on: buffered reading with one character of push-back,
// buffered writing in the three setvbuf modes, switching between reading
// and writing on one stream, seeking with buffered data accounted for, and
// sticky error and end-of-file indicators.
package cstdio

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"syscall"
	"unsafe"
)

// Buffering modes, as setvbuf's _IONBF, _IOLBF and _IOFBF.
const (
	BufNone = iota
	BufLine
	BufFull
)

// DefaultBufSize is the buffer size of a fully buffered stream (BUFSIZ).
const DefaultBufSize = 8192

// EOF is what Getc returns at end of file or on error.
const EOF = -1

// File is a stdio-like stream over an operating-system file, a pipe or any
// reader/writer. A File is not safe for concurrent use.
type File struct {
	r  io.Reader
	w  io.Writer
	s  io.Seeker // nil when the stream cannot seek
	c  io.Closer // nil when Close has nothing to release
	rd bool      // opened for reading
	wr bool      // opened for writing

	rbuf       []byte
	rpos, rend int

	wbuf    []byte
	mode    int
	bufSize int

	eof    bool
	err    error
	closed bool
}

// New makes a stream. r and w may be nil for a write-only or read-only
// stream; s and c may be nil. mode is the initial buffering mode.
func New(r io.Reader, w io.Writer, s io.Seeker, c io.Closer, mode int) *File {
	return &File{r: r, w: w, s: s, c: c, rd: r != nil, wr: w != nil, mode: mode, bufSize: DefaultBufSize}
}

// NewFile makes a stream over f, readable and writable as given.
func NewFile(f interface {
	io.ReadWriteSeeker
	io.Closer
}, readable, writable bool) *File {
	fl := &File{s: f, c: f, rd: readable, wr: writable, mode: BufFull, bufSize: DefaultBufSize}
	fl.r, fl.w = f, f
	return fl
}

// Err returns the stream's sticky error (ferror), or nil.
func (f *File) Err() error { return f.err }

// EOF reports the end-of-file indicator (feof).
func (f *File) EOF() bool { return f.eof }

// ClearErr resets the error and end-of-file indicators (clearerr).
func (f *File) ClearErr() { f.err, f.eof = nil, false }

// errBadF is what operations against the stream's direction fail with.
var errBadF = syscall.EBADF

// startRead prepares for input: pending output is written first.
func (f *File) startRead() bool {
	if !f.rd {
		f.err = errBadF
		return false
	}
	if len(f.wbuf) > 0 {
		if err := f.flushWrite(); err != nil {
			return false
		}
	}
	return true
}

// fill reads more input into the buffer; false at end of file or error.
func (f *File) fill() bool {
	if f.rbuf == nil {
		f.rbuf = make([]byte, DefaultBufSize)
	}
	f.rpos, f.rend = 0, 0
	for {
		n, err := f.r.Read(f.rbuf)
		if n > 0 {
			f.rend = n
			return true
		}
		if err == io.EOF {
			f.eof = true
			return false
		}
		if err != nil {
			f.err = err
			return false
		}
	}
}

// Getc reads one byte, or returns EOF.
func (f *File) Getc() int {
	if f.rpos < f.rend {
		c := f.rbuf[f.rpos]
		f.rpos++
		return int(c)
	}
	if !f.startRead() || !f.fill() {
		return EOF
	}
	c := f.rbuf[f.rpos]
	f.rpos++
	return int(c)
}

// Ungetc pushes back the byte c just read (c == EOF does nothing).
func (f *File) Ungetc(c int) {
	if c == EOF {
		return
	}
	if f.rpos > 0 {
		f.rpos--
		f.rbuf[f.rpos] = byte(c)
		return
	}
	// Nothing was read through the buffer: make room at the front.
	nb := make([]byte, len(f.rbuf)+1)
	nb[0] = byte(c)
	copy(nb[1:], f.rbuf[f.rpos:f.rend])
	f.rend = f.rend - f.rpos + 1
	f.rpos = 0
	f.rbuf = nb
	f.eof = false
}

// Read reads up to n bytes, appending them to dst (fread). It stops early
// only at end of file or on error.
func (f *File) Read(dst []byte, n int) []byte {
	for n > 0 {
		if f.rpos == f.rend {
			if !f.startRead() || !f.fill() {
				break
			}
		}
		k := min(n, f.rend-f.rpos)
		dst = append(dst, f.rbuf[f.rpos:f.rpos+k]...)
		f.rpos += k
		n -= k
	}
	return dst
}

// ReadLine appends the bytes up to the next newline (kept when keepNL) and
// reports whether a newline was found. It appends at most limit bytes
// before the newline (limit <= 0: no limit), so that callers can pay for a
// long line piece by piece.
func (f *File) ReadLine(dst []byte, keepNL bool, limit int) ([]byte, bool) {
	n := 0
	for limit <= 0 || n < limit {
		if f.rpos == f.rend {
			if !f.startRead() || !f.fill() {
				return dst, false
			}
		}
		chunk := f.rbuf[f.rpos:f.rend]
		if limit > 0 && len(chunk) > limit-n {
			chunk = chunk[:limit-n]
		}
		if i := bytes.IndexByte(chunk, '\n'); i >= 0 {
			dst = append(dst, chunk[:i]...)
			if keepNL {
				dst = append(dst, '\n')
			}
			f.rpos += i + 1
			return dst, true
		}
		dst = append(dst, chunk...)
		f.rpos += len(chunk)
		n += len(chunk)
	}
	return dst, false
}

// Buffered returns the number of bytes read ahead and not yet consumed.
func (f *File) Buffered() int { return f.rend - f.rpos }

// Write writes p (fwrite), buffering it as the mode says.
func (f *File) Write(p []byte) error {
	return f.WriteString(unsafe.String(unsafe.SliceData(p), len(p)))
}

// WriteString is Write for a string (it does not copy s but into the
// buffer).
func (f *File) WriteString(p string) error {
	if !f.wr {
		f.err = errBadF
		return f.err
	}
	if f.rpos < f.rend {
		// switching from input to output: give back what was read ahead
		if err := f.dropReadAhead(); err != nil {
			return err
		}
	}
	if f.mode == BufNone {
		if err := f.flushWrite(); err != nil {
			return err
		}
		return f.writeOut(unsafe.Slice(unsafe.StringData(p), len(p))) // writers do not modify p
	}
	f.wbuf = append(f.wbuf, p...)
	switch {
	case len(f.wbuf) >= f.bufSize:
		return f.flushWrite()
	case f.mode == BufLine && strings.IndexByte(p, '\n') >= 0:
		return f.flushWrite()
	}
	return nil
}

func (f *File) writeOut(p []byte) error {
	for len(p) > 0 {
		n, err := f.w.Write(p)
		p = p[n:]
		if err != nil {
			f.err = err
			return err
		}
		if n == 0 {
			f.err = io.ErrShortWrite
			return f.err
		}
	}
	return nil
}

func (f *File) flushWrite() error {
	if len(f.wbuf) == 0 {
		return nil
	}
	err := f.writeOut(f.wbuf)
	f.wbuf = f.wbuf[:0]
	return err
}

// dropReadAhead discards buffered input, moving the file position back so
// that it matches what was consumed.
func (f *File) dropReadAhead() error {
	unread := f.rend - f.rpos
	f.rpos, f.rend = 0, 0
	if unread > 0 && f.s != nil {
		if _, err := f.s.Seek(int64(-unread), io.SeekCurrent); err != nil && !errors.Is(err, syscall.ESPIPE) {
			f.err = err
			return err
		}
	}
	return nil
}

// Flush writes buffered output (fflush).
func (f *File) Flush() error {
	if err := f.flushWrite(); err != nil {
		return err
	}
	return nil
}

// Seek moves the stream position (fseek followed by ftell) and returns the
// new position. Buffered output is written and read-ahead discarded.
func (f *File) Seek(offset int64, whence int) (int64, error) {
	if f.s == nil {
		return 0, syscall.ESPIPE
	}
	if err := f.flushWrite(); err != nil {
		return 0, err
	}
	if whence == io.SeekCurrent {
		offset -= int64(f.rend - f.rpos)
	}
	pos, err := f.s.Seek(offset, whence)
	if err != nil {
		return 0, err
	}
	f.rpos, f.rend = 0, 0
	f.eof = false
	return pos, nil
}

// SetVBuf changes the buffering mode and, when size > 0, the buffer size.
// Pending output is written first.
func (f *File) SetVBuf(mode, size int) error {
	if err := f.flushWrite(); err != nil {
		return err
	}
	f.mode = mode
	if size > 0 {
		f.bufSize = size
	} else {
		f.bufSize = DefaultBufSize
	}
	return nil
}

// Close flushes the stream and closes what is under it. Closing a closed
// stream does nothing.
func (f *File) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	err := f.flushWrite()
	if f.c != nil {
		if cerr := f.c.Close(); err == nil {
			err = cerr
		}
	}
	f.rbuf, f.wbuf = nil, nil
	f.rpos, f.rend = 0, 0
	return err
}
