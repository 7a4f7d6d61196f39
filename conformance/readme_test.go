package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeEmbedding checks that the embedding example in README.md is
// examples/embed/main.go word for word (that program is compiled, vetted
// and run by its own test).
func TestReadmeEmbedding(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := os.ReadFile(filepath.Join(repoRoot, "examples", "embed", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```go\n"+string(prog)+"```\n") {
		t.Error("README.md's Go example differs from examples/embed/main.go: copy the program into the README's ```go block")
	}
}
