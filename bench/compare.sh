#!/usr/bin/env bash
# Runs the Lua programs in bench/ on moonfuel, lua5.3 (and luajit -joff when
# installed, and with --peers gopher-lua and go-lua), checks that checksums
# agree and prints a table of median times and ratios to lua5.3.
#
# usage: bench/compare.sh [--peers] [-n RUNS] [--only fib,nbody] [--timeout 60s]
#                         [--fuel N] [--no-meter] [--no-moonfuel] [--args "..."]
# Every option other than --peers and --no-moonfuel is passed to
# bench/cmd/compare (see `go run ./bench/cmd/compare -h`).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

peers=0
moon=1
pass=()
for a in "$@"; do
	case "$a" in
	--peers | -peers) peers=1 ;;
	--no-moonfuel | -no-moonfuel) moon=0 ;;
	*) pass+=("$a") ;;
	esac
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/compare" ./bench/cmd/compare || {
	echo "compare.sh: cannot build bench/cmd/compare" >&2
	exit 2
}

opts=(-dir "$root/bench")
if [ "$moon" = 1 ]; then
	if go build -o "$tmp/moonfuel" ./cmd/moonfuel 2>"$tmp/build.log"; then
		opts+=(-moonfuel "$tmp/moonfuel")
	elif go build -tags mfprof -o "$tmp/mfprof" ./bench/cmd/mfprof 2>>"$tmp/build.log"; then
		# No command-line interpreter yet: run the same packages through
		# bench/cmd/mfprof, which takes the same -fuel flag.
		echo "compare.sh: ./cmd/moonfuel does not build; using bench/cmd/mfprof instead" >&2
		opts+=(-moonfuel "$tmp/mfprof")
	else
		echo "compare.sh: moonfuel does not build yet; its columns are marked n/a" >&2
		sed 's/^/  /' "$tmp/build.log" | head -5 >&2
		opts+=(-moonfuel-note "does not build: $(head -1 "$tmp/build.log")")
	fi
else
	opts+=(-moonfuel-note "skipped (--no-moonfuel)")
fi

if [ "$peers" = 1 ]; then
	if (cd bench/peers && go build -o "$tmp/peers" .) 2>"$tmp/peers.log"; then
		opts+=(-peers "$tmp/peers")
	else
		echo "compare.sh: cannot build bench/peers; peer columns skipped" >&2
		sed 's/^/  /' "$tmp/peers.log" | head -5 >&2
	fi
fi

"$tmp/compare" "${opts[@]}" "${pass[@]}"
