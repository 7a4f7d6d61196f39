package stdlib

import "testing"

func TestTableSmoke(t *testing.T) {
	libCases(t, []struct{ src, want string }{
		{`print(table.concat({1, 2, "x"}, ","))`, "1,2,x\n"},
		{`local t = {5, 3, 1, 4, 2} table.sort(t) print(table.concat(t, " "))`, "1 2 3 4 5\n"},
	})
}
