package cerrno

import (
	"os"
	"syscall"
	"testing"
)

func TestDescribe(t *testing.T) {
	_, err := os.Open("/nonexistent/file")
	n, msg := Describe(err)
	if n != syscall.ENOENT || msg != "No such file or directory" {
		t.Errorf("got %d %q", n, msg)
	}
	if got := Strerror(syscall.ENOTEMPTY); got != "Directory not empty" {
		t.Errorf("ENOTEMPTY: %q", got)
	}
	if got := Strerror(syscall.EHOSTUNREACH); got != "No route to host" {
		t.Errorf("fallback: %q", got)
	}
}
