#!/usr/bin/env bash
# Regenerates testdata/NAME.out from the reference interpreter for every
# testdata/NAME.lua (or only for the scripts named on the command line).
#
# Each script runs with the working directory set to testdata/, as
# "lua5.3 NAME.lua", with no arguments and stdin from /dev/null, so chunk
# names in messages read "NAME.lua:LINE:". The .out file holds the script's
# standard output; when the exit status is not 0, one more line
# "# exit status: N" is appended. The conformance harness applies the same
# convention to moonfuel's output (see conformance/corpus_test.go).
#
# Usage: scripts/regen-testdata.sh [NAME.lua ...]
# Environment: LUA names the reference interpreter (default lua5.3).
set -euo pipefail
cd "$(dirname "$0")/../testdata"
lua=${LUA:-lua5.3}
if ! command -v "$lua" >/dev/null 2>&1; then
	echo "regen-testdata: $lua not found (apt-get install lua5.3)" >&2
	exit 1
fi
if [ $# -eq 0 ]; then
	set -- *.lua
fi
for f in "$@"; do
	f=$(basename "$f")
	name=${f%.lua}
	rc=0
	timeout 20 "$lua" "$name.lua" </dev/null >"$name.out" 2>/dev/null || rc=$?
	if [ "$rc" -ne 0 ]; then
		printf '# exit status: %d\n' "$rc" >>"$name.out"
	fi
done
