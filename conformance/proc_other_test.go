//go:build !unix

package conformance

import "os/exec"

// setProcessGroup does nothing where process groups do not exist: a
// timeout kills the interpreter only.
func setProcessGroup(cmd *exec.Cmd) {}
