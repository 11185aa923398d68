#!/bin/sh
# Imports stopped part-way through: by a file size limit, by a signal, by
# a closed stderr. Each must leave the catalogue as it was, with no
# journal or temporary file beside it, and report what happened.
. tests/lib.sh

# ris N FILE: writes N valid RIS records with an author and an abstract.
ris() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "TY  - JOUR\nTI  - Title %d about words\nAU  - Doe, Jane\nAB  - lorem ipsum dolor sit amet %d\nER  - \n", i, i
	}' > "$2"
}

# left_alone NAME: checks that $db equals $before and has no journal.
left_alone() {
	ok "$1: catalogue unchanged" cmp -s "$db" "$before"
	ok "$1: no journal left" [ ! -e "$db-journal" ]
}

db="$TEST_TMP/mine.db"
before="$TEST_TMP/before.db"
printf 'TY  - JOUR\nTI  - A good record\nPY  - 2001\nER  - \n' > "$TEST_TMP/one.ris"
run import -q "$TEST_TMP/one.ris" --into "$db"
ok "setup catalogue imports" status_is 0
cp "$db" "$before"
ris 20000 "$TEST_TMP/big.ris"

# A file size limit fails a write in the middle of the transaction
# (SIGXFSZ is ignored, so the write fails instead of killing fehrest).
# The limit is in blocks of 512 bytes: 1 MB, far less than the import
# needs.
limited() {
	(ulimit -f 2000 && exec "$FEHREST" "$@") \
	    > "$TEST_TMP/out" 2> "$TEST_TMP/err"
	STATUS=$?
	ERR=$(cat "$TEST_TMP/err")
}
limited import "$TEST_TMP/big.ris" --into "$db"
ok "size limit: exits 2" status_is 2
ok "size limit: says the write failed" err_has 'failed: disk I/O error'
ok "size limit: says what to check" err_has 'ulimit -f'
ok "size limit: says the catalogue is unchanged" err_has 'mine.db is unchanged'
left_alone "size limit"

limited import "$TEST_TMP/big.ris" --into "$TEST_TMP/new.db"
ok "size limit, new catalogue: exits 2" status_is 2
ok "size limit, new catalogue: message names it" err_has 'new.db: storing'
ok "size limit, new catalogue: no temporary name shown" \
    sh -c '! printf "%s\n" "$1" | grep -q "tmp-"' -- "$ERR"
ok "size limit, new catalogue: not created" [ ! -e "$TEST_TMP/new.db" ]
ok "size limit, new catalogue: no temporary file" no_temporary_files

# A catalogue already larger than the limit cannot even be rolled back
# under it, so the journal stays. Every command reports it until the
# limit is lifted, and none is killed, because SIGXFSZ is ignored.
big_db="$TEST_TMP/big.db"
"$FEHREST" import -q "$TEST_TMP/big.ris" --into "$big_db"
cp "$big_db" "$TEST_TMP/big-before.db"
sed 's/Title/Other/' "$TEST_TMP/big.ris" > "$TEST_TMP/other.ris"
limited import "$TEST_TMP/other.ris" --into "$big_db"
ok "journal left: exits 2" status_is 2
ok "journal left: says so" err_has 'keeps a journal of the failed import'
ok "journal left: says what to do" err_has 'raise the file size limit'
limited search --catalogue "$big_db" words
ok "journal left, search under the limit: exits 2, not killed" status_is 2
ok "journal left, search under the limit: explains" \
    err_has 'interrupted write left'
run search --catalogue "$big_db" words
ok "journal left, search without the limit: exits 0" status_is 0
ok "journal left, search without the limit: rolled back" \
    cmp -s "$big_db" "$TEST_TMP/big-before.db"
ok "journal left, search without the limit: journal gone" \
    [ ! -e "$big_db-journal" ]
rm -f "$TEST_TMP"/big*.db "$TEST_TMP/other.ris"

# A name given with --name is set inside the same transaction.
limited import --name "Renamed" "$TEST_TMP/big.ris" --into "$db"
ok "size limit with --name: exits 2" status_is 2
left_alone "size limit with --name"

# A closed stderr (a pipe to head) does not kill the import half-way: it
# finishes, and commits.
{ "$FEHREST" import --skip-invalid "$TEST_TMP/big.ris" --into "$db" 2>&1
    echo $? > "$TEST_TMP/pipe-status"; } | head -c 1 > /dev/null
ok "closed stderr: exits 0" [ "$(cat "$TEST_TMP/pipe-status")" = 0 ]
ok "closed stderr: every record imported" \
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM articles')" = 20001 ]
ok "closed stderr: no journal left" [ ! -e "$db-journal" ]
cp "$before" "$db"

# SIGQUIT stops an import like Ctrl-C does. The file takes a few seconds
# to import, and a run that finishes first is skipped.
ris 400000 "$TEST_TMP/bigger.ris"
for sig in QUIT TERM; do
	timeout -s $sig 1 "$FEHREST" import -q "$TEST_TMP/bigger.ris" \
	    --into "$db" 2> "$TEST_TMP/err"
	if [ $? -eq 0 ]; then
		TEST_COUNT=$((TEST_COUNT + 1))
		echo "ok $TEST_COUNT - SIG$sig # SKIP finished within 1 s"
		cp "$before" "$db"
		continue
	fi
	ERR=$(cat "$TEST_TMP/err")
	ok "SIG$sig: says it was interrupted" err_has 'interrupted'
	left_alone "SIG$sig"
done
rm -f "$TEST_TMP/bigger.ris"

# Ctrl-C is seen while the parser only skips invalid records and hands
# nothing on. A whole run is timed first; when it takes less than 0.8 s
# the interrupt cannot land in time, and the check is skipped.
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "TY  - JOUR\nAB  - no title\nER  - \n" }' \
    > "$TEST_TMP/invalid.ris"
start=$(date +%s%N)
run import -q --skip-invalid "$TEST_TMP/invalid.ris" --into "$db"
took=$((($(date +%s%N) - start) / 1000000))
ok "all skipped: exits 2" status_is 2
ok "all skipped: says how many" \
    err_has 'all 2000000 were invalid and skipped'
left_alone "all skipped"
if [ $took -lt 800 ]; then
	TEST_COUNT=$((TEST_COUNT + 1))
	echo "ok $TEST_COUNT - interrupt while skipping # SKIP a whole run takes $took ms"
else
	start=$(date +%s%N)
	timeout -s INT 0.3 "$FEHREST" import --skip-invalid \
	    "$TEST_TMP/invalid.ris" --into "$db" 2> "$TEST_TMP/err"
	STATUS=$?
	stopped=$((($(date +%s%N) - start) / 1000000))
	ERR=$(cat "$TEST_TMP/err")
	ok "interrupt while skipping: exits non-zero" [ $STATUS -ne 0 ]
	# Not a benchmark: a run that ignored the interrupt would take as
	# long as the whole run.
	ok "interrupt while skipping: stops before the end" \
	    [ $stopped -lt $((took - 200)) ]
	ok "interrupt while skipping: says it was interrupted" \
	    err_has 'the import was interrupted'
	left_alone "interrupt while skipping"
fi

# Skipped records: the first twenty of a file are named and the rest are
# counted. No message advises passing --skip-invalid again.
{
	printf 'TY  - JOUR\nTI  - Kept\nER  - \n'
	i=0
	while [ $i -lt 30 ]; do
		printf 'TY  - JOUR\nAB  - no title\nER  - \n'
		i=$((i + 1))
	done
} > "$TEST_TMP/thirty.ris"
run import --skip-invalid "$TEST_TMP/thirty.ris" --into "$db"
ok "30 skipped: exits 0" status_is 0
ok "30 skipped: 20 named" \
    [ "$(printf '%s\n' "$ERR" | grep -c 'fehrest: skipped .*thirty.ris:')" = 20 ]
ok "30 skipped: the rest announced once" \
    [ "$(printf '%s\n' "$ERR" | grep -c 'more invalid records skipped')" = 1 ]
ok "30 skipped: counted" err_has 'thirty.ris: skipped 30 invalid records'
ok "30 skipped: summary" err_has 'skipped 30 invalid records, reported above'
ok "30 skipped: no advice to pass --skip-invalid" \
    sh -c '! printf "%s\n" "$1" | grep -q "pass --skip-invalid"' -- "$ERR"
cp "$before" "$db"

# A target that is not a regular file is rejected before it is opened,
# so SQLite creates no journal beside it.
mkfifo "$TEST_TMP/fifo"
run import -q "$TEST_TMP/one.ris" --into "$TEST_TMP/fifo"
ok "FIFO target: exits 2" status_is 2
ok "FIFO target: explains" err_has 'not a regular file'
ok "FIFO target: no journal" [ ! -e "$TEST_TMP/fifo-journal" ]
run import -q "$TEST_TMP/one.ris" --into "$TEST_TMP"
ok "directory target: exits 2" status_is 2
ok "directory target: explains" err_has 'not a regular file'

# A new catalogue in a missing directory: the message names it, not the
# temporary file, and gives what to check.
run import -q "$TEST_TMP/one.ris" --into "$TEST_TMP/no-such-dir/x.db"
ok "missing directory: exits 2" status_is 2
ok "missing directory: names the target" err_has 'no-such-dir/x.db: cannot open'
ok "missing directory: no temporary name shown" \
    sh -c '! printf "%s\n" "$1" | grep -q "tmp-"' -- "$ERR"
ok "missing directory: says what to check" err_has 'directory exists'

run import -q --name '' "$TEST_TMP/one.ris" --into "$db"
ok "empty --name: exits 2" status_is 2
ok "empty --name: explains" err_has '\-\-name is empty'
left_alone "empty --name"

# A failed import into a catalogue of schema version 1 leaves it at
# version 1: the word list it would get is part of the transaction.
sqlite3 "$db" 'DROP TABLE terms; PRAGMA user_version = 1; VACUUM'
cp "$db" "$before"
printf 'TY  - JOUR\nER  - \n' > "$TEST_TMP/bad.ris"
run import -q "$TEST_TMP/bad.ris" --into "$db"
ok "version 1, failed import: exits 2" status_is 2
left_alone "version 1, failed import"
run import -q "$TEST_TMP/one.ris" --into "$db"
ok "version 1, good import: upgraded" \
    [ "$(sqlite3 "$db" 'PRAGMA user_version')" = 2 ]

finish
