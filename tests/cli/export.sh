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

finish
