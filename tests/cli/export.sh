#!/bin/sh
# fehrest export: every format, a query, and round trips through the real
# binary: export the bundled catalogue, import the file into a new
# catalogue, and compare titles, authors and abstracts.
. tests/lib.sh

run export
ok "export exits 0" status_is 0
ok "export is BibTeX by default" [ "$(printf '%s\n' "$OUT" | grep -c '^@article{')" = 17 ]
printf '%s\n' "$OUT" > "$TEST_TMP/all.bib"
ok "bibtool reads the export without errors" \
	sh -c 'bibtool -o /dev/null "$1" 2> "$1.log" && [ ! -s "$1.log" ]' -- "$TEST_TMP/all.bib"
ok "BibTeX keys are unique" \
	[ "$(grep '^@' "$TEST_TMP/all.bib" | sort | uniq -d | wc -l)" = 0 ]

run export quantization --format=ris
ok "export with a query exits 0" status_is 0
ok "export ris ends each record with ER" [ "$(printf '%s\n' "$OUT" | grep -c '^ER  -')" = 2 ]

run export zzqx
ok "export with no match exits 1" status_is 1
run export --format=json
ok "export json is valid" [ "$(sql_json 'json_valid(j)')" = 1 ]
ok "export json uses CSL names" \
	[ "$(sql_json "json_extract(j, '\$[13].author[1].family')")" = ansarmohammadi ]
run export --format=listing
ok "export rejects listing" status_is 2
run export '('
ok "export with a junk query exits 2" status_is 2

# The bundled catalogue as a reference: number, title, authors, abstract.
fields() {
	"$FEHREST" list --catalogue "$1" --format=json > "$TEST_TMP/fields.json"
	sqlite3 :memory: "SELECT json_extract(value, '\$.title') || '|' ||
	    json_extract(value, '\$.authors') || '|' ||
	    json_extract(value, '\$.abstract')
	    FROM json_each(readfile('$TEST_TMP/fields.json'))"
}
fields data/neural-networks.db > "$TEST_TMP/reference"

for format in bibtex ris csv tsv; do
	"$FEHREST" export --format=$format > "$TEST_TMP/all.$format"
	run import --quiet "$TEST_TMP/all.$format" --into "$TEST_TMP/$format.db"
	ok "$format round trip imports" status_is 0
	fields "$TEST_TMP/$format.db" > "$TEST_TMP/$format.fields"
	ok "$format round trip keeps titles, authors, abstracts" \
		cmp -s "$TEST_TMP/reference" "$TEST_TMP/$format.fields"
	run dupes --catalogue "$TEST_TMP/$format.db" --format=csv
	ok "$format round trip keeps the duplicate pair" \
		[ "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" = "14 17 " ]
done

# A Persian record in a RIS file with lone CR line ends: the name with
# the Arabic comma is split, the BibTeX key starts with a letter and
# bibtool reads it, and TSV keeps the two-line abstract on one line.
printf 'TY  - JOUR\rAU  - \330\257\331\207\331\202\330\247\331\206\330\214 \331\205\330\247\330\246\330\257\331\207\rTI  - \330\264\330\250\332\251\331\207\rPY  - 1400\rAB  - one\rtwo\rER  - \r' \
	> "$TEST_TMP/persian.ris"
run import --quiet "$TEST_TMP/persian.ris" --into "$TEST_TMP/persian.db"
ok "import of a RIS file with CR line ends exits 0" status_is 0
run export --catalogue "$TEST_TMP/persian.db"
ok "export key of a Persian record starts with anon" \
	out_has '^@article{anon1400[0-9a-f]\{6\},$'
ok "export splits a name at the Arabic comma" \
	out_has 'author = {دهقان, مائده}'
printf '%s\n' "$OUT" > "$TEST_TMP/persian.bib"
ok "bibtool reads the Persian export without errors" \
	sh -c 'bibtool -o /dev/null "$1" 2> "$1.log" && [ ! -s "$1.log" ]' -- "$TEST_TMP/persian.bib"
run export --catalogue "$TEST_TMP/persian.db" --format=tsv
ok "export tsv writes one line per record" lines_are 2
ok "export tsv joins the abstract's lines" out_has '	one two	'

# BibTeX keys survive a round trip, so documents that cite them still
# work. When two records share a key, the second gets a made-up one.
printf '@article{nunez2021,\n title={Uber Netze},\n author={Nunez, Ana},\n year={2021}\n}\n@article{nunez2021,\n title={Zweite},\n author={Nunez, Ana},\n year={2021}\n}\n' \
    > "$TEST_TMP/keys.bib"
run import --quiet "$TEST_TMP/keys.bib" --into "$TEST_TMP/keys.db"
run export --catalogue "$TEST_TMP/keys.db"
ok "export keeps a BibTeX key" out_has '^@article{nunez2021,$'
ok "export makes up a key for its second use" \
    out_has '^@article{nunez2021zweite,$'

# A key made up for an earlier record never takes a later record's own
# key, in any letter case (BibTeX ignores case), and a key with
# characters bibtool rejects is made up instead.
printf 'TY  - JOUR\nTI  - Deep learning\nAU  - Smith, John\nPY  - 2020\nER  - \n' \
    > "$TEST_TMP/first.ris"
printf '@article{Smith2020Deep, title={Deep twice}, author={Smith, Jim}, year={2020}}\n@article{a:b~t`u, title={Odd key}, author={Roe, R}, year={2001}}\n' \
    > "$TEST_TMP/second.bib"
run import --quiet "$TEST_TMP/first.ris" "$TEST_TMP/second.bib" \
    --into "$TEST_TMP/order.db"
run export --catalogue "$TEST_TMP/order.db"
ok "export: a record keeps its own key" out_has '^@article{Smith2020Deep,$'
ok "export: a made-up key avoids it in any case" \
    out_has '^@article{smith2020deepa,$'
ok "export: an unreadable key is made up" out_has '^@article{roe2001odd,$'
printf '%s\n' "$OUT" > "$TEST_TMP/order.bib"
ok "bibtool reads keys kept and made up without errors" \
	sh -c 'bibtool -o /dev/null "$1" 2> "$1.log" && [ ! -s "$1.log" ]' -- "$TEST_TMP/order.bib"

# Many records with the same made-up base each get a new suffix.
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "TY  - JOUR\nTI  - Same title\nAU  - Doe, Jane\nPY  - 2001\nER  - \n" }' \
    > "$TEST_TMP/same.ris"
run import --quiet "$TEST_TMP/same.ris" --into "$TEST_TMP/same.db"
run export --catalogue "$TEST_TMP/same.db"
ok "3000 records with one base: 3000 keys" \
    [ "$(printf '%s\n' "$OUT" | grep -c '^@article{doe2001same')" = 3000 ]
ok "3000 records with one base: keys unique in any case" \
    [ "$(printf '%s\n' "$OUT" | grep '^@' | sort -f | uniq -di | wc -l)" = 0 ]

finish
