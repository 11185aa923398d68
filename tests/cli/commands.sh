#!/bin/sh
# The headless commands on the bundled catalogue: every format and every
# exit status.
. tests/lib.sh

run list --format=tsv
ok "list tsv exits 0" status_is 0
ok "list tsv has header and 17 rows" lines_are 18
ok "list tsv header" out_has '^number	title	authors	year$'
ok "list tsv rows start with numbers" \
	[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 " ]

run list --format=json
ok "list json exits 0" status_is 0
ok "list json is valid" [ "$(sql_json 'json_valid(j)')" = 1 ]
ok "list json has 17 objects" [ "$(sql_json 'json_array_length(j)')" = 17 ]
ok "list json item 1 has the Persian author" \
	[ "$(sql_json "json_extract(j, '\$[0].authors[2]')")" = "مائده دهقان" ]

run list -w 60
ok "list text exits 0" status_is 0
ok "list text has 17 lines" lines_are 17
ok "list text fits 60 columns" sh -c "! printf '%s\n' \"\$1\" | LC_ALL=C.UTF-8 awk 'length(\$0) > 60 { bad = 1 } END { exit bad }' || false" -- "$OUT"
ok "list text cuts with an ellipsis" out_has '…'

run show 14 --format=json
ok "show json exits 0" status_is 0
ok "show 14 has three authors" [ "$(sql_json "json_array_length(json_extract(j, '\$[0].authors'))")" = 3 ]
ok "show 14 second author" [ "$(sql_json "json_extract(j, '\$[0].authors[1]')")" = "Seyed Ali ansarmohammadi" ]
ok "show 14 abstract end" [ "$(sql_json "substr(json_extract(j, '\$[0].abstract'), -34)")" = "basic multi-level binary networks." ]
ok "show 14 number" [ "$(sql_json "json_extract(j, '\$[0].number')")" = 14 ]

run show 14
ok "show text exits 0" status_is 0
ok "show text has the title" out_has 'Multi-level ternary quantization'
ok "show text has the abstract's last words" out_has 'binary networks\.'

run show 14 --format=tsv
ok "show tsv has header and a row" lines_are 2
ok "show tsv row starts with the number" out_has '^14	'

run search quantization
ok "search quantization exits 0" status_is 0
ok "search quantization finds 14 and 17" \
	[ "$(printf '%s\n' "$OUT" | awk '{ print $1 }' | tr '\n' ' ')" = "14 17 " ]
run search quant --format=tsv
ok "search by prefix finds 14 and 17" \
	[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" = "14 17 " ]
run search '"ternary quantization"' --format=tsv
ok "search phrase" [ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" = "14 17 " ]
run search 'title:forest' --format=tsv
ok "search title field" [ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1)" = 10 ]
run search 'author:salehi' --format=tsv
ok "search author field" [ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | tr '\n' ' ')" = "14 17 " ]
run search دهقان --format=tsv
ok "search Persian family name finds item 1" [ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1)" = 1 ]
run search QUANTIZATION SPARSITY --format=json
ok "search json is valid" [ "$(sql_json 'json_array_length(j)')" = 2 ]

run search zzqx
ok "search zzqx exits 1" status_is 1
ok "search zzqx prints nothing" out_empty
run search zzqx --format=json
ok "search json with no match is []" [ "$OUT" = "[]" ]

for junk in '"' '(' '*' '-' 'AND' 'NOT' 'OR (' '"unclosed phrase' 'NEAR(' '^'; do
	run search "$junk"
	ok "search '$junk' does not crash" [ "$STATUS" -le 2 ]
done
run search '('
ok "search punctuation only exits 2" status_is 2
ok "search punctuation only explains" err_has 'no words'

run list --catalogue /nonexistent.db
ok "missing catalogue exits 2" status_is 2
ok "missing catalogue names the path" err_has '/nonexistent.db'
ok "missing catalogue prints nothing on stdout" out_empty

run show 99
ok "show unknown number exits 1" status_is 1
ok "show unknown number explains" err_has 'no article'
run show abc
ok "show non-number exits 2" status_is 2
run show
ok "show without number exits 2" status_is 2

run frobnicate
ok "unknown command exits 2" status_is 2
run list --format=yaml
ok "unknown format exits 2" status_is 2
ok "unknown format names it" err_has 'yaml'
run list --format=bibtex
ok "list rejects export formats" status_is 2

# A Persian first author: " et al." stays after the name, left to right.
printf '1 - A title\n\331\205\330\247\330\246\330\257\331\207\302\240\330\257\331\207\331\202\330\247\331\206 Alan\302\240Turing Ada\302\240Lovelace\nT More\nThe abstract. Manuscript profile\n' > "$TEST_TMP/persian.txt"
"$FEHREST" import --quiet "$TEST_TMP/persian.txt" --into "$TEST_TMP/persian.db"
run list --catalogue "$TEST_TMP/persian.db" -w 60 --bidi=terminal
ok "Persian first author then et al." out_has 'مائده دهقان et al\.$'
run list --catalogue "$TEST_TMP/persian.db" -w 60 --bidi=app
ok "et al. stays left to right under --bidi=app" out_has ' et al\.$'

run --help
ok "help exits 0" status_is 0
ok "help documents --bidi" out_has '--bidi'
ok "help lists the commands" out_has 'dupes'
run --version
ok "version exits 0" status_is 0
ok "version prints the name" out_has '^fehrest [0-9]'

# For a catalogue whose index another version of fehrest built (other
# folding rules), search prints a note, and the next import builds the
# index again.
"$FEHREST" import -q data/neural-networks-listing.txt --into "$TEST_TMP/refold.db"
sqlite3 "$TEST_TMP/refold.db" "INSERT INTO search(search) VALUES('delete-all');
    UPDATE meta SET value = '0' WHERE key = 'fold'"
run search --catalogue "$TEST_TMP/refold.db" quantization
ok "stale index: says so" err_has 'built by another version of fehrest'
ok "stale index: finds nothing yet" status_is 1
printf 'TY  - JOUR\nTI  - One more\nER  - \n' > "$TEST_TMP/one.ris"
run import -q "$TEST_TMP/one.ris" --into "$TEST_TMP/refold.db"
ok "stale index: import exits 0" status_is 0
run search --catalogue "$TEST_TMP/refold.db" quantization --format=tsv
ok "stale index: rebuilt by the import" lines_are 3
ok "stale index: no note once rebuilt" [ -z "$ERR" ]

finish
