#!/bin/sh
# fehrest dupes: the bundled pair, every format, exit statuses and the
# per-user cache.
. tests/lib.sh

export XDG_STATE_HOME="$TEST_TMP/state"

run dupes --format=csv
ok "dupes exits 0 with clusters" status_is 0
ok "dupes csv has a header and two rows" lines_are 3
ok "dupes csv header" out_has '^cluster,number,source_id,score,title$'
ok "dupes finds exactly 14 and 17" \
	[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1,2 | tr '\n' ' ')" = "1,14 1,17 " ]
ok "dupes writes a cache under XDG_STATE_HOME" \
	[ -n "$(ls "$XDG_STATE_HOME/fehrest/" 2>/dev/null)" ]

run dupes
ok "dupes text exits 0" status_is 0
ok "dupes text gives reasons" out_has 'title: same after case folding'
ok "dupes text names the dropped given name" out_has 'dropped given name'

run dupes --format=tsv
ok "dupes tsv rows start with the cluster" \
	[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1,2 | tr '\t\n' ', ')" = "1,14 1,17 " ]

run dupes --format=json
ok "dupes json is valid" [ "$(sql_json 'json_valid(j)')" = 1 ]
ok "dupes json has one cluster" [ "$(sql_json 'json_array_length(j)')" = 1 ]
ok "dupes json has two records" \
	[ "$(sql_json "json_array_length(json_extract(j, '\$[0].records'))")" = 2 ]

# A catalogue without duplicates exits 1.
printf '1 - A title\nAda\302\240Lovelace\nA teaser More\nThe abstract. Manuscript profile\n2 - Another paper entirely\nAlan\302\240Turing\nT More\nComputing machinery. Manuscript profile\n' > "$TEST_TMP/two.txt"
"$FEHREST" import --quiet "$TEST_TMP/two.txt" --into "$TEST_TMP/two.db"
run dupes --catalogue "$TEST_TMP/two.db"
ok "dupes with no clusters exits 1" status_is 1
ok "dupes with no clusters prints nothing" out_empty

# Importing the bundled listing makes 14 and 17 appear: the cache follows.
"$FEHREST" import --quiet data/neural-networks-listing.txt --into "$TEST_TMP/two.db"
run dupes --catalogue "$TEST_TMP/two.db" --format=csv
ok "dupes recomputes after the catalogue changes" \
	[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" = "16 19 " ]

run dupes --catalogue /nonexistent.db
ok "dupes on a missing catalogue exits 2" status_is 2
run dupes --format=bibtex
ok "dupes rejects bibtex" status_is 2

# Fields empty in both records are named as such, and a short abstract
# is reported as too short, not as missing.
run dupes --format=json
ok "dupes names fields missing on both sides" \
    out_has 'not compared, missing on both sides: year, doi'
printf 'title,authors,year,journal,abstract\nA study of nets,Ana Silva,2021,J,Short abstract about nets.\nA study of nets,Ana Silva,2021,,Short abstract about nets and more.\n' \
    > "$TEST_TMP/short.csv"
"$FEHREST" import -q "$TEST_TMP/short.csv" --into "$TEST_TMP/short.db"
run dupes --catalogue "$TEST_TMP/short.db" --format=json
ok "dupes: a short abstract is too short, not missing" \
    out_has 'abstract: too short to compare'
ok "dupes: a field on one side only is named so" \
    out_has 'missing on one side: journal;'
ok "dupes: the abstract is not called missing" \
    sh -c '! printf "%s\n" "$1" | grep -q "missing on [a-z ]*:[a-z, ]*abstract"' -- "$OUT"

# An unwritable state directory costs only time.
XDG_STATE_HOME=/proc/none run dupes --format=csv
ok "dupes works without a writable state directory" status_is 0

finish
