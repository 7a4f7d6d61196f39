// Package cerrno turns Go errors from the operating system into what C
// code reports: the errno number and glibc's strerror text, which Lua's io
// and os libraries put in their error results ("No such file or
// directory", 2).
package cerrno

import (
	"errors"
	"strconv"
	"syscall"
)

// glibc's messages, where they differ from Go's lower-case ones.
var messages = map[syscall.Errno]string{
	syscall.EPERM:        "Operation not permitted",
	syscall.ENOENT:       "No such file or directory",
	syscall.ESRCH:        "No such process",
	syscall.EINTR:        "Interrupted system call",
	syscall.EIO:          "Input/output error",
	syscall.ENXIO:        "No such device or address",
	syscall.E2BIG:        "Argument list too long",
	syscall.ENOEXEC:      "Exec format error",
	syscall.EBADF:        "Bad file descriptor",
	syscall.ECHILD:       "No child processes",
	syscall.EAGAIN:       "Resource temporarily unavailable",
	syscall.ENOMEM:       "Cannot allocate memory",
	syscall.EACCES:       "Permission denied",
	syscall.EFAULT:       "Bad address",
	syscall.ENOTBLK:      "Block device required",
	syscall.EBUSY:        "Device or resource busy",
	syscall.EEXIST:       "File exists",
	syscall.EXDEV:        "Invalid cross-device link",
	syscall.ENODEV:       "No such device",
	syscall.ENOTDIR:      "Not a directory",
	syscall.EISDIR:       "Is a directory",
	syscall.EINVAL:       "Invalid argument",
	syscall.ENFILE:       "Too many open files in system",
	syscall.EMFILE:       "Too many open files",
	syscall.ENOTTY:       "Inappropriate ioctl for device",
	syscall.ETXTBSY:      "Text file busy",
	syscall.EFBIG:        "File too large",
	syscall.ENOSPC:       "No space left on device",
	syscall.ESPIPE:       "Illegal seek",
	syscall.EROFS:        "Read-only file system",
	syscall.EMLINK:       "Too many links",
	syscall.EPIPE:        "Broken pipe",
	syscall.EDOM:         "Numerical argument out of domain",
	syscall.ERANGE:       "Numerical result out of range",
	syscall.EDEADLK:      "Resource deadlock avoided",
	syscall.ENAMETOOLONG: "File name too long",
	syscall.ENOLCK:       "No locks available",
	syscall.ENOSYS:       "Function not implemented",
	syscall.ENOTEMPTY:    "Directory not empty",
	syscall.ELOOP:        "Too many levels of symbolic links",
}

// Strerror returns glibc's message for errno n.
func Strerror(n syscall.Errno) string {
	if m, ok := messages[n]; ok {
		return m
	}
	s := n.Error()
	if s == "" || s[0] == 'e' && len(s) > 6 && s[:6] == "errno " {
		return "Unknown error " + strconv.Itoa(int(n))
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	return s
}

// Errno extracts the errno from err (wrapped *PathError, *LinkError,
// *SyscallError...). Errors that carry none map to EIO, as an unexplained
// I/O failure would in C.
func Errno(err error) syscall.Errno {
	var n syscall.Errno
	if errors.As(err, &n) {
		return n
	}
	return syscall.EIO
}

// Describe returns the errno and glibc message for err.
func Describe(err error) (syscall.Errno, string) {
	n := Errno(err)
	return n, Strerror(n)
}
