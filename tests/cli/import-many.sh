#!/bin/sh
# Imports of many records, which pass from the parsing thread to the
# adding one in batches. Every record must arrive once and in order, and
# every indexed word must be listed once. A failure on either side, early
# or late, must leave the catalogue as it was.
. tests/lib.sh

# many N [BAD]: writes N CSV records. Record BAD, if given, has no title.
# Each record has a word of its own, "zqN", to find it by.
many() {
	awk -v n="$1" -v bad="${2:-0}" 'BEGIN {
		print "title,authors,year,abstract"
		for (i = 1; i <= n; i++) {
			title = (i == bad) ? "" : "Article " i " zq" i
			printf "%s,Author %d,2001,Words about zq%d and the rest\n", \
			    title, i, i
		}
	}'
}

db="$TEST_TMP/many.db"
many 5000 > "$TEST_TMP/many.csv"
run import -q "$TEST_TMP/many.csv" --into "$db"
ok "5000 records: exits 0" status_is 0
ok "5000 records: all stored" \
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM articles')" = 5000 ]
ok "5000 records: stored in file order" \
    [ "$(sqlite3 "$db" "SELECT count(*) FROM articles
    WHERE title = 'Article ' || id || ' zq' || id")" = 5000 ]
ok "5000 records: every detail row belongs to its article" \
    [ "$(sqlite3 "$db" "SELECT count(*) FROM details d JOIN articles a
    ON a.id = d.id WHERE d.abstract LIKE '% zq' || a.id || ' %'")" = 5000 ]
# Words of four bytes or more are listed: article, author, about, words
# and rest. So are zqN for N of 10 and up, and N itself from 1000 up.
words=$((5 + (5000 - 9) + (5000 - 999)))
ok "5000 records: each indexed word listed once" \
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM terms')" = $words ]
run search --catalogue "$db" --format=tsv zq4999
ok "5000 records: the last record is found by its word" \
    out_has '^4999	Article 4999 zq4999'
run search --catalogue "$db" --format=tsv zq123
ok "5000 records: a long prefix finds its 11 words" lines_are 12

cp "$db" "$TEST_TMP/before.db"
count_is() {
	[ "$(sqlite3 "$db" 'SELECT count(*) FROM articles')" = "$1" ] ||
		{ echo "# $(sqlite3 "$db" 'SELECT count(*) FROM articles') articles, expected $1"; false; }
}

# A bad record late in a file fails the import after thousands of
# records have been added; none of them stays.
many 6000 5500 > "$TEST_TMP/bad-late.csv"
run import -q "$TEST_TMP/bad-late.csv" --into "$db"
ok "bad record at 5500: exits 2" status_is 2
ok "bad record at 5500: names its line" err_has 'bad-late.csv:5501:'
ok "bad record at 5500: nothing added" count_is 5000
ok "bad record at 5500: catalogue unchanged" \
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM terms')" = $words ]

many 6000 3 > "$TEST_TMP/bad-early.csv"
run import -q "$TEST_TMP/bad-early.csv" --into "$db"
ok "bad record at 3: exits 2" status_is 2
ok "bad record at 3: names its line" err_has 'bad-early.csv:4:'
ok "bad record at 3: nothing added" count_is 5000

# With --skip-invalid the rest of the file goes in.
run import -q --skip-invalid "$TEST_TMP/bad-late.csv" --into "$db"
ok "skip-invalid over 6000 records: exits 0" status_is 0
ok "skip-invalid over 6000 records: 5999 added" count_is 10999
cp "$TEST_TMP/before.db" "$db"

# A failure on the adding side, while the parsing thread is ahead of it:
# a trigger refuses one article deep into the file.
sqlite3 "$db" "CREATE TRIGGER refuse BEFORE INSERT ON articles
    WHEN NEW.title = 'Article 4000 zq4000'
    BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
cp "$db" "$TEST_TMP/trigger.db"
many 6000 > "$TEST_TMP/refused.csv"
run import -q "$TEST_TMP/refused.csv" --into "$db"
ok "refused article: exits 2" status_is 2
ok "refused article: says why" err_has 'refused by a test trigger'
ok "refused article: nothing added" count_is 5000
ok "refused article: file unchanged" cmp -s "$db" "$TEST_TMP/trigger.db"

# The same failure in the second of two files: the first file's records
# go too.
many 100 > "$TEST_TMP/small.csv"
run import -q "$TEST_TMP/small.csv" "$TEST_TMP/refused.csv" --into "$db"
ok "refused article in a second file: exits 2" status_is 2
ok "refused article in a second file: nothing added" count_is 5000

finish
