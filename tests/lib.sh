# Shared helpers for the shell tests: TAP output and checks.
# Source it; FEHREST_BIN names the binary under test (default ./fehrest).

FEHREST=${FEHREST_BIN:-./fehrest}
TEST_COUNT=0
TEST_FAILED=0
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/fehrest-sh.XXXXXX")
trap 'rm -rf "$TEST_TMP"' EXIT

# ok NAME COMMAND...: runs COMMAND; prints "ok" or "not ok" with NAME.
ok() {
	name=$1
	shift
	TEST_COUNT=$((TEST_COUNT + 1))
	if "$@"; then
		echo "ok $TEST_COUNT - $name"
	else
		echo "not ok $TEST_COUNT - $name"
		TEST_FAILED=$((TEST_FAILED + 1))
	fi
}

# run ARGS...: runs fehrest, leaving stdout in $OUT, stderr in $ERR and
# the exit status in $STATUS.
run() {
	"$FEHREST" "$@" > "$TEST_TMP/out" 2> "$TEST_TMP/err"
	STATUS=$?
	OUT=$(cat "$TEST_TMP/out")
	ERR=$(cat "$TEST_TMP/err")
}

status_is() { [ "$STATUS" -eq "$1" ] || { echo "# status $STATUS, expected $1; stderr: $ERR"; false; }; }
out_has() { printf '%s\n' "$OUT" | grep -q -- "$1" || { echo "# stdout lacks '$1'"; false; }; }
err_has() { printf '%s\n' "$ERR" | grep -q -- "$1" || { echo "# stderr lacks '$1': $ERR"; false; }; }
out_empty() { [ -z "$OUT" ] || { echo "# stdout not empty"; false; }; }
lines_are() { [ "$(printf '%s\n' "$OUT" | wc -l)" -eq "$1" ] || { echo "# $(printf '%s\n' "$OUT" | wc -l) lines, expected $1"; false; }; }

# sql_json EXPR: evaluates an SQLite expression over the JSON in $OUT,
# bound as j, with the sqlite3 shell.
sql_json() {
	printf '%s' "$OUT" > "$TEST_TMP/json"
	sqlite3 :memory: "SELECT $1 FROM (SELECT readfile('$TEST_TMP/json') AS j)"
}

# no_temporary_files: checks that no import left a temporary catalogue
# (NAME.tmp-PID) in $TEST_TMP.
no_temporary_files() {
	! ls "$TEST_TMP" | grep -q 'tmp-'
}

finish() {
	echo "1..$TEST_COUNT"
	[ "$TEST_FAILED" -eq 0 ]
}
