package cstdio

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFormats(t *testing.T) {
	f := New(strings.NewReader("ab\ncd\n\nlast"), nil, nil, nil, BufFull)
	if c := f.Getc(); c != 'a' {
		t.Fatalf("Getc = %c", c)
	}
	f.Ungetc('a')
	line, nl := f.ReadLine(nil, false, 0)
	if string(line) != "ab" || !nl {
		t.Errorf("ReadLine = %q, %v", line, nl)
	}
	line, nl = f.ReadLine(nil, true, 0)
	if string(line) != "cd\n" || !nl {
		t.Errorf("ReadLine keep = %q, %v", line, nl)
	}
	line, nl = f.ReadLine(nil, false, 0)
	if string(line) != "" || !nl {
		t.Errorf("empty line = %q, %v", line, nl)
	}
	line, nl = f.ReadLine(nil, false, 2)
	if string(line) != "la" || nl {
		t.Errorf("limited ReadLine = %q, %v", line, nl)
	}
	f.Ungetc('a')
	f.Ungetc('l')
	if got := f.Read(nil, 2); string(got) != "la" {
		t.Errorf("Read = %q", got)
	}
	if got := f.Read(nil, 100); string(got) != "st" || !f.EOF() {
		t.Errorf("Read to EOF = %q, eof %v", got, f.EOF())
	}
	if c := f.Getc(); c != EOF {
		t.Errorf("Getc at EOF = %d", c)
	}
}

func TestDirectionErrors(t *testing.T) {
	ro := New(strings.NewReader("x"), nil, nil, nil, BufFull)
	if err := ro.WriteString("y"); err == nil {
		t.Error("write to a read-only stream succeeded")
	}
	var buf bytes.Buffer
	wo := New(nil, &buf, nil, nil, BufFull)
	if c := wo.Getc(); c != EOF || wo.Err() == nil {
		t.Error("read from a write-only stream succeeded")
	}
	wo.ClearErr()
	if wo.Err() != nil {
		t.Error("ClearErr left the error")
	}
}

func TestBuffering(t *testing.T) {
	var buf bytes.Buffer
	f := New(nil, &buf, nil, nil, BufFull)
	f.WriteString("abc")
	if buf.Len() != 0 {
		t.Error("full buffering wrote early")
	}
	f.Flush()
	if buf.String() != "abc" {
		t.Errorf("after Flush: %q", buf.String())
	}
	f.SetVBuf(BufLine, 0)
	f.WriteString("x")
	f.WriteString("y\nz")
	if buf.String() != "abcxy\nz" {
		t.Errorf("line buffering: %q", buf.String())
	}
	f.SetVBuf(BufNone, 0)
	f.WriteString("!")
	if buf.String() != "abcxy\nz!" {
		t.Errorf("no buffering: %q", buf.String())
	}
}

func TestReadWriteSeek(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	osf, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f := NewFile(osf, true, true)
	f.WriteString("hello world")
	if pos, err := f.Seek(0, io.SeekStart); pos != 0 || err != nil {
		t.Fatalf("Seek = %d, %v", pos, err)
	}
	if got := f.Read(nil, 5); string(got) != "hello" {
		t.Errorf("Read = %q", got)
	}
	if pos, _ := f.Seek(0, io.SeekCurrent); pos != 5 {
		t.Errorf("position after read = %d", pos)
	}
	f.WriteString("_") // switching to output without a seek keeps the position
	if pos, _ := f.Seek(0, io.SeekEnd); pos != 11 {
		t.Errorf("end = %d", pos)
	}
	f.Seek(0, io.SeekStart)
	if got := f.Read(nil, 100); string(got) != "hello_world" {
		t.Errorf("content = %q", got)
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
}
