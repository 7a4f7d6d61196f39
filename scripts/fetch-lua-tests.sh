#!/usr/bin/env bash
# Downloads the official Lua 5.3.4 test suite from lua.org and unpacks it
# where the conformance tests look for it by default: ../shared/lua-5.3.4-tests
# beside the repository (or into the directory given as the first argument;
# point LUA_TESTS_DIR at it).
#
# Usage: scripts/fetch-lua-tests.sh [DIR]   (LUA_TESTS_URL overrides the URL)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-"$root/../shared/lua-5.3.4-tests"}
url=${LUA_TESTS_URL:-https://www.lua.org/tests/lua-5.3.4-tests.tar.gz}
if [ -f "$dest/all.lua" ]; then
	echo "fetch-lua-tests: $dest already holds the suite"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-lua-tests: downloading $url"
if command -v curl >/dev/null 2>&1; then
	curl -fsSL -o "$tmp/tests.tar.gz" "$url"
else
	wget -q -O "$tmp/tests.tar.gz" "$url"
fi
tar -xzf "$tmp/tests.tar.gz" -C "$tmp"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$tmp/lua-5.3.4-tests" "$dest"
echo "fetch-lua-tests: unpacked into $dest"
if [ "$dest" != "$root/../shared/lua-5.3.4-tests" ]; then
	echo "fetch-lua-tests: run the tests with LUA_TESTS_DIR=$dest go test ./conformance"
fi
