// Package conformance checks moonfuel against the reference interpreter.
// It has no API: its tests build cmd/moonfuel once and run it as a user
// would.
//
// TestCorpus runs the differential corpus, every testdata/NAME.lua at the
// repository root, and compares the standard output and exit status with
// testdata/NAME.out (made by scripts/regen-testdata.sh from lua5.3). When
// lua5.3 is installed it is run on every script too, and any difference
// between its output and the .out file fails the test, so expectations
// cannot drift from the reference; without lua5.3 that check is skipped
// with a message.
//
// TestOfficialSuite runs the official Lua 5.3.4 test suite (from
// LUA_TESTS_DIR, by default ../shared/lua-5.3.4-tests beside the
// repository; scripts/fetch-lua-tests.sh downloads it) file by file, the
// way all.lua runs them in user mode (_U: _port, _soft and _nomsg set),
// and then all.lua itself. Files that are expected to pass are listed in
// suiteExpected: a failure of one of those fails the test, the others are
// reported in a per-file table ("go test -v -run OfficialSuite", or in
// the file named by MOONFUEL_SUITE_REPORT). A run of main.lua outside user
// mode, which tests the command line through the shell and starts
// background processes, is reported too ("main.lua(full)"; not expected, as
// it depends on the shell); MOONFUEL_SUITE_MAIN=off leaves it out.
package conformance
