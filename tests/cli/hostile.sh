#!/bin/sh
# Hostile input: malformed and adversarial import files, catalogues with
# escape sequences and invalid UTF-8 in their fields, damaged catalogue
# files and search syntax attacks. Every input is written here into
# $TEST_TMP.
. tests/lib.sh

ESC=$(printf '\033')
BEL=$(printf '\007')

# Runs fehrest with a time limit, so that a hang fails the test instead
# of the whole run. Leaves the results in OUT, ERR and STATUS as run does.
run_limited() {
	timeout 20 "$FEHREST" "$@" > "$TEST_TMP/out" 2> "$TEST_TMP/err"
	STATUS=$?
	OUT=$(cat "$TEST_TMP/out")
	ERR=$(cat "$TEST_TMP/err")
}

# Bytes a terminal acts on: ESC, BEL, other C0 controls but tab and line
# feed, DEL, C1 controls in UTF-8 (C2 80..C2 9F) and the bidi embedding,
# override and isolate characters (U+202A..U+202E, U+2066..U+2069).
no_terminal_controls() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"; then
		echo "# $1 has a C0 control, ESC or DEL"
		return 1
	fi
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; then
		echo "# $1 has a C1 control"
		return 1
	fi
	if LC_ALL=C grep -q "$(printf '\342\200[\252-\256]\|\342\201[\246-\251]')" "$1"; then
		echo "# $1 has a bidi control"
		return 1
	fi
	return 0
}

json_is_valid() {
	[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$1'))")" = 1 ]
}

# A catalogue to import into, and a copy of it to compare with.
good="$TEST_TMP/good.ris"
printf 'TY  - JOUR\nTI  - A good record\nPY  - 2001\nER  - \n' > "$good"
db="$TEST_TMP/mine.db"
run import -q "$good" --into "$db"
ok "setup catalogue imports" status_is 0
cp "$db" "$TEST_TMP/before.db"

# ---- Import: every failure changes nothing and names FILE:LINE ----

# fails NAME LINE FORMAT: the file written by printf FORMAT must fail
# with NAME:LINE: in the message, leave the catalogue byte-identical
# and create no new catalogue and no temporary file.
fails() {
	name=$1
	line=$2
	file="$TEST_TMP/$name"
	printf "$3" > "$file"
	run_limited import "$file" --into "$db"
	ok "$name: exits 2" status_is 2
	ok "$name: names file and line" err_has "$file:$line:"
	ok "$name: catalogue unchanged" cmp -s "$db" "$TEST_TMP/before.db"
	run_limited import "$file" --into "$TEST_TMP/new.db"
	ok "$name: no new catalogue" [ ! -e "$TEST_TMP/new.db" ]
	ok "$name: no temporary file" no_temporary_files
}

fails unbalanced-quote.csv 2 'title,year\n"never closed,2001\n'
fails no-title-column.csv 1 'name,year\nx,2001\n'
fails unclosed-entry.bib 1 '@article{k,\n title={Unclosed\n'
fails backslash-at-eof.bib 1 '@article{k, title={x}, note={\\'
fails latex-at-eof.bib 1 '@article{k, title={ends with \\textbf'
fails no-er.ris 1 'TY  - JOUR\nTI  - No end\n'
fails empty-title.ris 1 'TY  - JOUR\nTI  -\nAU  -\nER  -\n'
fails undefined-string.bib 1 '@string{a = b}\n@article{k, title=a}\n'
fails self-string.bib 1 '@string{a = a # a}\n@article{k, title=a}\n'

# A macro that doubles 39 times would expand to 5 TiB.
bomb="$TEST_TMP/bomb.bib"
{
	echo '@string{s0 = "xxxxxxxxxx"}'
	i=1
	while [ $i -lt 40 ]; do
		echo "@string{s$i = s$((i - 1)) # s$((i - 1))}"
		i=$((i + 1))
	done
	echo '@article{k, title=s39, year=2001}'
} > "$bomb"
run_limited import "$bomb" --into "$db"
ok "string bomb: exits 2" status_is 2
ok "string bomb: names the macro and line" err_has "bomb.bib:23: the macro 's21'"
ok "string bomb: catalogue unchanged" cmp -s "$db" "$TEST_TMP/before.db"
ok "string bomb: no temporary file" no_temporary_files

# 100,000 nested braces are read, not rejected or overflowing the stack.
awk 'BEGIN { printf "@article{k, title={"; for (i = 0; i < 100000; i++)
	printf "{"; printf "deep"; for (i = 0; i < 100000; i++) printf "}";
	print "}, year=2001}" }' > "$TEST_TMP/deep.bib"
run_limited import -q "$TEST_TMP/deep.bib" --into "$TEST_TMP/deep.db"
ok "deep braces import" status_is 0
run show 1 --catalogue "$TEST_TMP/deep.db" --format=tsv
ok "deep braces title" out_has '^1	deep	'

# Special files are refused at once, without reading or waiting.
mkdir "$TEST_TMP/dir"
mkfifo "$TEST_TMP/fifo"
for special in /dev/zero /dev/null "$TEST_TMP/dir" "$TEST_TMP/fifo"; do
	run_limited import "$special" --into "$TEST_TMP/special.db"
	ok "import $special exits 2" status_is 2
	ok "import $special says not a regular file" \
	    err_has 'not a regular file'
done
ok "special files leave no catalogue" [ ! -e "$TEST_TMP/special.db" ]
: > "$TEST_TMP/empty.bib"
run_limited import "$TEST_TMP/empty.bib" --into "$TEST_TMP/empty.db"
ok "empty file exits 2" status_is 2
ok "empty file names file and line" err_has 'empty.bib:1: the file is empty'

# A file cut short while it is read gives an error, not SIGBUS.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "@article{k%d, title={Title %d about words}, year=2001}\n", i, i }' \
    > "$TEST_TMP/shrinking.bib"
"$FEHREST" import -q "$TEST_TMP/shrinking.bib" --into "$TEST_TMP/shrinking.db" \
    2> /dev/null &
importer=$!
sleep 0.2
: > "$TEST_TMP/shrinking.bib"
wait $importer
ok "input truncated while read: no crash" [ $? -le 2 ]
rm -f "$TEST_TMP"/shrinking.*

# /proc files report size 0 but have content.
run_limited import /proc/self/status --into "$TEST_TMP/proc.db"
ok "/proc file is read, not called empty" err_has 'could not be recognised'

# Skipping entries that each run to the end of the file stops after a
# limit instead of rescanning the rest of the file for every entry.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "@article{k%d, title={Open %d\n", i, i }' \
    > "$TEST_TMP/open.bib"
run_limited import -q --skip-invalid "$TEST_TMP/open.bib" --into "$TEST_TMP/open.db"
ok "many open entries: exits 2 in time" status_is 2
ok "many open entries: says why" err_has 'open.bib:101: more than 100 entries run to the end'
rm -f "$TEST_TMP"/open.*

# NUL bytes inside a field keep the text after them.
printf 'title,year\na\000b,2001\n' > "$TEST_TMP/nul.csv"
run_limited import "$TEST_TMP/nul.csv" --into "$TEST_TMP/nul.db"
ok "NUL in CSV imports" status_is 0
ok "NUL in CSV is reported with its line" err_has 'nul.csv: 1 fields contained NUL bytes.*line 2'
ok "NUL in CSV keeps the rest of the title" \
    [ "$(sqlite3 "$TEST_TMP/nul.db" 'SELECT hex(title) FROM articles')" = 61EFBFBD62 ]
printf 'TY  - JOUR\nTI  - a\000b\nER  - \n' > "$TEST_TMP/nul.ris"
run_limited import -q "$TEST_TMP/nul.ris" --into "$TEST_TMP/nul-ris.db"
ok "NUL in RIS keeps the rest of the title" \
    [ "$(sqlite3 "$TEST_TMP/nul-ris.db" 'SELECT hex(title) FROM articles')" = 61EFBFBD62 ]

# Messages that quote the input must not pass its escape sequences on.
printf '@article{k%s]0;PWNED%s, title={x} year=2001}\n' "$ESC" "$BEL" \
    > "$TEST_TMP/esc-key.bib"
printf 'title,year\nx,%s[2J%s]52;c;eA==%s\n' "$ESC" "$ESC" "$BEL" \
    > "$TEST_TMP/esc-year.csv"
printf 'TY  - JOUR\nTI  - x\nPY  - %s[5mX\nER  - \n' "$ESC" \
    > "$TEST_TMP/esc-year.ris"
for f in esc-key.bib esc-year.csv esc-year.ris; do
	run_limited import "$TEST_TMP/$f" --into "$TEST_TMP/esc.db"
	ok "$f: exits 2" status_is 2
	ok "$f: message has no escape" no_terminal_controls "$TEST_TMP/err"
	run_limited import --skip-invalid "$TEST_TMP/$f" --into "$TEST_TMP/esc.db"
	ok "$f: skip note has no escape" no_terminal_controls "$TEST_TMP/err"
done

# A RIS record quoted in a CSV field does not turn the file into RIS.
printf 'title,abstract,year\nFirst,"quoting\nTY  - JOUR\nTI  - Fake\nER  - \n",2001\nSecond,x,2002\n' \
    > "$TEST_TMP/ris-in.csv"
run_limited import -q "$TEST_TMP/ris-in.csv" --into "$TEST_TMP/ris-in.db"
ok "RIS lines in a CSV field: imports" status_is 0
ok "RIS lines in a CSV field: both rows" [ "$(sqlite3 "$TEST_TMP/ris-in.db" \
    'SELECT group_concat(title) FROM articles')" = First,Second ]

# Semicolons separate the columns of many spreadsheet exports.
printf 'title;authors;year\n"a, b";Smith, J;2001\n' > "$TEST_TMP/semi.csv"
run_limited import -q "$TEST_TMP/semi.csv" --into "$TEST_TMP/semi.db"
ok "semicolon CSV: imports" status_is 0
ok "semicolon CSV: title" [ "$(sqlite3 "$TEST_TMP/semi.db" \
    'SELECT title FROM articles')" = 'a, b' ]

# 10,000 unknown columns go to the extra fields in linear time: this
# file took about 20 s when each column searched the ones before it.
awk 'BEGIN { printf "title"; for (c = 0; c < 10000; c++) printf ",c%d", c
	print ""; for (r = 0; r < 200; r++) { printf "T%d", r
	for (c = 0; c < 10000; c++) printf ",v"; print "" } }' > "$TEST_TMP/wide.csv"
run_limited import -q "$TEST_TMP/wide.csv" --into "$TEST_TMP/wide.db"
ok "10,000 columns import in time" status_is 0
ok "10,000 columns kept" [ "$(sqlite3 "$TEST_TMP/wide.db" \
    "SELECT json_extract(extra, '\$.c9999') FROM details LIMIT 1")" = v ]
rm -f "$TEST_TMP"/wide.*

# A file that yields no records gets a message.
printf 'no records here\n' > "$TEST_TMP/nothing.txt"
run_limited import "$TEST_TMP/nothing.txt" --format ris --into "$TEST_TMP/nothing.db"
ok "no records: warns" err_has 'nothing.txt: no records found as ris'

# A file name with an escape sequence is not echoed raw in the notes.
evil="$TEST_TMP/evil${ESC}]0;T${BEL}.csv"
printf 'title,year\nA,\3772001\n' > "$evil"
run_limited import "$evil" --into "$TEST_TMP/evil.db"
ok "escape in a file name: imports" status_is 0
ok "escape in a file name: note has no escape" \
    sh -c '! printf "%s\n" "$1" | grep "Windows-1252" | grep -q "$2"' -- "$ERR" "$ESC"

# The note names the first line with a repaired field, even when the
# reader takes the authors (line 3) before the title (line 2).
printf 'TY  - JOUR\nTI  - Caf\351\nAU  - M\374ller, Hans\nER  - \n' \
    > "$TEST_TMP/repaired.ris"
run_limited import "$TEST_TMP/repaired.ris" --into "$TEST_TMP/repaired.db"
ok "repaired fields: imports" status_is 0
ok "repaired fields: first line is the title's" \
    err_has '2 fields were not valid UTF-8.*the first at line 2$'

# A failed import into an existing empty file must leave it empty.
: > "$TEST_TMP/zero.db"
run_limited import "$TEST_TMP/unbalanced-quote.csv" --into "$TEST_TMP/zero.db"
ok "import into empty file: exits 2" status_is 2
ok "import into empty file: file stays empty" [ ! -s "$TEST_TMP/zero.db" ]

# ---- Export: what is written reads back the same ----

rt="$TEST_TMP/rt.db"
cp "$db" "$rt"
sqlite3 "$rt" "
INSERT INTO articles(id, number, title, authors, year)
    VALUES (10, 10, 'Unbalanced { brace', 'Doe, Jane', 2001),
    (11, 11, 'Title with }{ reversed braces', 'Doe, Jane', 2001),
    (12, 12, 'Multi' || char(10) || 'ER  - ' || char(10) || 'TY  - JOUR',
    'Doe, Jane', 2001);
INSERT INTO details(id, doi, pages, abstract) VALUES
    (10, '10.1/x{', '1--2', 'abstract {'),
    (11, '10.1/y', '5-7', 'Line' || char(10) || 'ER  - ' || char(10) ||
    'after'),
    (12, NULL, NULL, NULL);
INSERT INTO people(article_id, position, name, given, family)
    VALUES (10, 0, 'Jane Doe}', 'Jane', 'Doe}'),
    (11, 0, 'Jane Doe', 'Jane', 'Doe'), (12, 0, 'Jane Doe', 'Jane', 'Doe');
INSERT INTO search(rowid, title, authors, abstract) VALUES
    (10, 'x', 'x', 'x'), (11, 'x', 'x', 'x'), (12, 'x', 'x', 'x');"

run export --catalogue "$rt" --format=bibtex
printf '%s\n' "$OUT" > "$TEST_TMP/rt.bib"
run_limited import -q "$TEST_TMP/rt.bib" --into "$TEST_TMP/rt-bib.db"
ok "unbalanced braces: BibTeX export reads back" status_is 0
ok "unbalanced braces: title kept" [ "$(sqlite3 "$TEST_TMP/rt-bib.db" \
    "SELECT count(*) FROM articles WHERE title = 'Unbalanced { brace'")" = 1 ]
ok "unbalanced braces: family name kept" [ "$(sqlite3 "$TEST_TMP/rt-bib.db" \
    "SELECT family FROM people WHERE family LIKE 'Doe%' ORDER BY article_id LIMIT 1")" = 'Doe}' ]
ok "reversed braces: title kept" [ "$(sqlite3 "$TEST_TMP/rt-bib.db" \
    "SELECT count(*) FROM articles WHERE title = 'Title with }{ reversed braces'")" = 1 ]

run export --catalogue "$rt" --format=ris
printf '%s\n' "$OUT" > "$TEST_TMP/rt.ris"
ok "RIS export has one ER per record" \
    [ "$(grep -c '^ER  -' "$TEST_TMP/rt.ris")" = 4 ]
run_limited import -q "$TEST_TMP/rt.ris" --into "$TEST_TMP/rt-ris.db"
ok "tag lines in values: RIS export reads back" status_is 0
ok "tag lines in values: four records" \
    [ "$(sqlite3 "$TEST_TMP/rt-ris.db" 'SELECT count(*) FROM articles')" = 4 ]
ok "BibTeX page range: RIS end page" grep -q '^EP  - 2$' "$TEST_TMP/rt.ris"

# ---- Output of hostile field values ----

hv="$TEST_TMP/hostile.db"
cp "$db" "$hv"
# Each value goes to the title, the authors, an author, the abstract,
# the journal and the citation key.
n=100
for value in \
    "'A' || char(27) || '[31mRED' || char(27) || '[0m'" \
    "'B' || char(27) || ']0;PWNED' || char(7)" \
    "'C' || char(27) || ']52;c;ZWNobw==' || char(7)" \
    "'D' || char(27) || 'P1\$r0m' || char(27) || '\\'" \
    "'E' || char(1) || char(8) || char(11) || char(12) || char(127)" \
    "'F' || char(133) || char(155) || '31m' || char(157) || '0;x' || char(156)" \
    "'G' || char(8238) || 'evil' || char(8236) || char(8294) || char(8297)" \
    "'H' || char(27)" \
    "'I' || char(27) || ']0;never terminated'" \
    "'J' || printf('%.1000c', char(769))" \
    "'K line1' || char(10) || 'line2' || char(13) || 'line3' || char(9) || 'x'" \
    "CAST(x'4cff20c0af20eda08020e2' AS TEXT)" \
    "'M' || printf('%.200000c', 'x')"; do
	sqlite3 "$hv" "
INSERT INTO articles(id, number, title, authors, year)
    VALUES ($n, $n, $value, $value, 2001);
INSERT INTO details(id, abstract, journal, source_id)
    VALUES ($n, $value, $value, $value);
INSERT INTO people(article_id, position, name) VALUES ($n, 0, $value);
INSERT INTO search(rowid, title, authors, abstract)
    VALUES ($n, 'hostile', 'hostile', 'hostile');"
	n=$((n + 1))
done
rows=$((n - 100 + 1))

run list --catalogue "$hv" -w 80
printf '%s\n' "$OUT" > "$TEST_TMP/list.txt"
ok "list text exits 0" status_is 0
ok "list text has one line per article" lines_are $rows
ok "list text has no terminal controls" no_terminal_controls "$TEST_TMP/list.txt"
run search hostile --catalogue "$hv" --bidi=app -w 80
printf '%s\n' "$OUT" > "$TEST_TMP/search.txt"
ok "search text, bidi app, has no terminal controls" \
    no_terminal_controls "$TEST_TMP/search.txt"
run list --catalogue "$hv" --format=tsv
printf '%s\n' "$OUT" > "$TEST_TMP/list.tsv"
ok "list tsv has one line per article" lines_are $((rows + 1))
ok "list tsv has no terminal controls" no_terminal_controls "$TEST_TMP/list.tsv"
run list --catalogue "$hv" --format=json
printf '%s\n' "$OUT" > "$TEST_TMP/list.json"
ok "list json is valid" json_is_valid "$TEST_TMP/list.json"
ok "list json keeps the escape, escaped" \
    [ "$(sql_json "json_extract(j, '\$[1].title')")" = "A${ESC}[31mRED${ESC}[0m" ]
ok "list json escapes C1 controls" no_terminal_controls "$TEST_TMP/list.json"

n=100
while [ $n -lt $((100 + rows - 1)) ]; do
	run show $n --catalogue "$hv" -w 60
	printf '%s\n' "$OUT" > "$TEST_TMP/show.txt"
	ok "show $n text has no terminal controls" \
	    no_terminal_controls "$TEST_TMP/show.txt"
	run show $n --catalogue "$hv" --format=tsv
	ok "show $n tsv has header and one row" lines_are 2
	run show $n --catalogue "$hv" --format=json
	printf '%s\n' "$OUT" > "$TEST_TMP/show.json"
	ok "show $n json is valid" json_is_valid "$TEST_TMP/show.json"
	n=$((n + 1))
done

# Two copies of one article whose citation keys contain escape sequences.
printf '@article{k1%s]0;PWN%sx, title={Deep learning for things},
 author={Smith, John}, year=2001, journal={J}, doi={10.1/abc}}
@article{k2%s[2J, title={Deep learning for things},
 author={Smith, John}, year=2001, journal={J}, doi={10.1/abc}}\n' \
    "$ESC" "$BEL" "$ESC" > "$TEST_TMP/dupes.bib"
run import -q "$TEST_TMP/dupes.bib" --into "$TEST_TMP/dupes.db"
export XDG_STATE_HOME="$TEST_TMP/state"
run dupes --catalogue "$TEST_TMP/dupes.db"
printf '%s\n' "$OUT" > "$TEST_TMP/dupes.txt"
ok "dupes text exits 0" status_is 0
ok "dupes text has no terminal controls" \
    no_terminal_controls "$TEST_TMP/dupes.txt"
run dupes --catalogue "$TEST_TMP/dupes.db" --format=tsv
printf '%s\n' "$OUT" > "$TEST_TMP/dupes.tsv"
ok "dupes tsv has no terminal controls" no_terminal_controls "$TEST_TMP/dupes.tsv"

# A citation key with a tab and line breaks must not add members or
# reasons to the cached clusters. The UPDATE does not change the
# catalogue's generation, so the cache starts afresh.
export XDG_STATE_HOME="$TEST_TMP/state2"
sqlite3 "$TEST_TMP/dupes.db" "UPDATE details SET source_id = 'X' || char(9) ||
    'T' || char(10) || 'reason' || char(9) || 'INJECTED' || char(10) ||
    'member' || char(9) || '1' || char(9) || '999' || char(9) || 'Y'
    WHERE id = 1"
run dupes --catalogue "$TEST_TMP/dupes.db" --format=tsv
first=$OUT
run dupes --catalogue "$TEST_TMP/dupes.db" --format=tsv
ok "dupes from the cache match the first run" [ "$OUT" = "$first" ]

# ---- Search syntax attacks ----

bundled=data/neural-networks.db
for q in '"' 'NEAR(' '^' '*' ':' 'col:' 'AND OR NOT' 'title:' 'title:"' \
    '"unbalanced' '(a' 'a)' '{title}: x' 'rowid:1' 'search:x' \
    'title:title:x' "'" '\' 'a"b"c' 'NEAR(a b, 5)' '-"' '""'; do
	run_limited search "$q" --catalogue "$bundled"
	ok "search '$q' exits 0, 1 or 2" [ "$STATUS" -le 2 ]
	ok "search '$q' prints no SQL error" \
	    sh -c '! printf "%s\n" "$1" | grep -qi "fts5\|sql\|syntax"' -- "$ERR"
done
run_limited search - --catalogue "$bundled"
ok "search - alone exits 2" status_is 2
run_limited search title: --catalogue "$bundled"
ok "search title: alone exits 2" status_is 2
ok "search title: alone says what to give" err_has 'give a word'
run_limited search zzqx --catalogue "$bundled"
ok "search with no match exits 1" status_is 1
words=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "w%d ", i }')
run_limited search "$words" --catalogue "$bundled"
ok "search of 10,000 words exits 1" status_is 1

# ---- Damaged catalogue files ----

head -c 4096 "$bundled" > "$TEST_TMP/truncated.db"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "junk%d ", i }' \
    > "$TEST_TMP/random.db"
sqlite3 "$TEST_TMP/other.db" 'CREATE TABLE articles(x); INSERT INTO articles VALUES (1);'
cp "$bundled" "$TEST_TMP/version.db"
chmod u+w "$TEST_TMP/version.db"
sqlite3 "$TEST_TMP/version.db" 'PRAGMA user_version = 99'
: > "$TEST_TMP/zero-length.db"
for f in truncated random other version zero-length; do
	for cmd in list 'search neural' 'show 1' dupes export; do
		# $cmd is split into the command and its argument on purpose.
		run_limited $cmd --catalogue "$TEST_TMP/$f.db"
		ok "$f catalogue: $cmd exits 2" status_is 2
		ok "$f catalogue: $cmd names the file" err_has "$f.db"
	done
done

sqlite3 "$TEST_TMP/schema-only.db" 'CREATE TABLE foo(x); PRAGMA user_version = 1;'
run_limited list --catalogue "$TEST_TMP/schema-only.db"
ok "catalogue without tables: exits 2" status_is 2
ok "catalogue without tables: no SQL error text" \
    sh -c '! printf "%s\n" "$1" | grep -q "no such table"' -- "$ERR"

cp "$bundled" "$TEST_TMP/no-people.db"
chmod u+w "$TEST_TMP/no-people.db"
sqlite3 "$TEST_TMP/no-people.db" 'DROP TABLE people'
run_limited show 1 --catalogue "$TEST_TMP/no-people.db"
ok "catalogue without people: show exits 2" status_is 2

# A catalogue locked by another process is not called damaged.
cp "$db" "$TEST_TMP/locked.db"
(echo 'BEGIN EXCLUSIVE;'; sleep 4; echo 'COMMIT;') |
    sqlite3 "$TEST_TMP/locked.db" > /dev/null &
locker=$!
sleep 1
run_limited list --catalogue "$TEST_TMP/locked.db"
wait $locker
ok "locked catalogue: exits 2" status_is 2
ok "locked catalogue: not called 'not an SQLite database'" \
    sh -c '! printf "%s\n" "$1" | grep -q "not an SQLite database"' -- "$ERR"

# An import stopped by Ctrl-C must leave the catalogue readable and as
# it was. The file is large enough to take a few seconds to import.
awk 'BEGIN { for (i = 0; i < 400000; i++) printf "TY  - JOUR\nTI  - Title %d about words\nAB  - lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\nER  - \n", i }' \
    > "$TEST_TMP/big.ris"
cp "$db" "$TEST_TMP/interrupted.db"
timeout -s INT 1 "$FEHREST" import -q "$TEST_TMP/big.ris" \
    --into "$TEST_TMP/interrupted.db" 2> /dev/null
if [ $? -eq 0 ]; then
	TEST_COUNT=$((TEST_COUNT + 1))
	echo "ok $TEST_COUNT - interrupted import # SKIP finished within 1 s"
else
	run list --catalogue "$TEST_TMP/interrupted.db" --format=tsv
	ok "interrupted import: catalogue still lists" status_is 0
	ok "interrupted import: only the one article before" lines_are 2
fi
rm -f "$TEST_TMP"/big.ris "$TEST_TMP"/interrupted.db*

# Catalogue paths are file names, not URIs: '?', '#' and '%' are
# ordinary characters, and a leading // is no URI authority.
mkdir "$TEST_TMP/uri"
cp "$db" "$TEST_TMP/uri/a"
cp "$db" "$TEST_TMP/uri/before"
run_limited import -q "$good" --into "$TEST_TMP/uri/a?b.db"
ok "path with '?': other file untouched" \
    cmp -s "$TEST_TMP/uri/a" "$TEST_TMP/uri/before"
ok "path with '?': catalogue created" [ -f "$TEST_TMP/uri/a?b.db" ]
cp "$db" "$TEST_TMP/uri/x%41.db"
run_limited list --catalogue "$TEST_TMP/uri/x%41.db"
ok "path with '%': opens that file" status_is 0
run_limited list --catalogue "/$db"
ok "path starting with //: opens" status_is 0

# Two imports that create the same catalogue at once keep both sets of
# records, or one of them fails; neither may vanish after exit 0.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "TY  - JOUR\nTI  - A %d\nER  - \n", i }' \
    > "$TEST_TMP/race-a.ris"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "TY  - JOUR\nTI  - B %d\nER  - \n", i }' \
    > "$TEST_TMP/race-b.ris"
("$FEHREST" import -q "$TEST_TMP/race-a.ris" --into "$TEST_TMP/race.db";
    echo $? > "$TEST_TMP/race-a.status") &
("$FEHREST" import -q "$TEST_TMP/race-b.ris" --into "$TEST_TMP/race.db";
    echo $? > "$TEST_TMP/race-b.status") &
wait
expected=0
[ "$(cat "$TEST_TMP/race-a.status")" = 0 ] && expected=$((expected + 20000))
[ "$(cat "$TEST_TMP/race-b.status")" = 0 ] && expected=$((expected + 20000))
ok "concurrent creation: every successful import kept" \
    [ "$(sqlite3 "$TEST_TMP/race.db" 'SELECT count(*) FROM articles')" = $expected ]
rm -f "$TEST_TMP"/race*

# Article numbers stay unique next to the largest possible number.
cp "$db" "$TEST_TMP/max.db"
sqlite3 "$TEST_TMP/max.db" "INSERT INTO articles(id, number, title, authors)
    VALUES (50, 9223372036854775807, 'max', 'a')"
run_limited import -q "$good" "$good" --into "$TEST_TMP/max.db"
ok "import next to the largest number exits 0" status_is 0
ok "import next to the largest number keeps numbers unique" \
    [ "$(sqlite3 "$TEST_TMP/max.db" \
    'SELECT count(DISTINCT number) = count(*) FROM articles')" = 1 ]

# Text width far beyond any terminal is refused, not multiplied.
run_limited list -w 99999999999 --format=tsv
ok "width past INT_MAX exits 2" status_is 2

finish
