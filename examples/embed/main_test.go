package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	want := "chunk loaded\n" +
		"hello, moon (42)\n" +
		"lua error: oops:1: attempt to index a nil value (local 't')\n" +
		"out of fuel: true\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
