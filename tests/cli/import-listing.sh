#!/bin/sh
# Importing journal listings: a new catalogue, an existing one, the
# bundled one (refused), and malformed pages that must change nothing.
. tests/lib.sh

db="$TEST_TMP/mine.db"
listing=data/neural-networks-listing.txt

run import "$listing" --into "$db"
ok "import into a new catalogue exits 0" status_is 0
ok "import reports the count" err_has 'imported 17 records'
ok "import says where it judged a byline" err_has 'item 14: judged the boundary'
run list --catalogue "$db" --format=tsv
ok "imported catalogue lists 17 rows" lines_are 18
ok "no temporary file is left" [ -z "$(ls "$TEST_TMP" | grep tmp-)" ]

run import --quiet "$listing" --into "$db"
ok "import into an existing catalogue exits 0" status_is 0
ok "quiet import prints nothing" [ -z "$ERR" ]
run list --catalogue "$db" --format=tsv
ok "second import appends 17 more" lines_are 35

run import "$listing" --into data/neural-networks.db
ok "import into the bundled catalogue exits 2" status_is 2
ok "import into the bundled catalogue explains" err_has 'read-only'

run import "$listing"
ok "import without --into exits 2" status_is 2
ok "import without --into explains" err_has '\-\-into'

cp "$db" "$TEST_TMP/before.db"

# Each malformed page must fail with FILE:LINE and change nothing.
bad() {
	name=$1
	line=$2
	file="$TEST_TMP/$name.txt"
	shift 2
	# The rest is a printf format for the file's content.
	printf "$@" > "$file"
	run import "$file" --into "$db"
	ok "$name: exits 2" status_is 2
	ok "$name: names file and line" err_has "$file:$line:"
	ok "$name: catalogue unchanged" cmp -s "$db" "$TEST_TMP/before.db"
	run import "$file" --into "$TEST_TMP/new-$name.db"
	ok "$name: no new catalogue left behind" [ ! -e "$TEST_TMP/new-$name.db" ]
}

bad no-abstract 3 '1 - A title\nAda\302\240Lovelace\nA teaser More\n'
bad truncated 2 '1 - A title\nAda\302\240Lovelace\n'
bad invalid-utf8 3 '1 - A title\nAda\302\240Lovelace\nA te\377ser More\nAbs Manuscript profile\n'
bad empty 1 ''
bad other-format 1 'Dear editor,\nplease find attached our paper.\n'

# A good file followed by a bad one: the whole import is undone.
printf '1 - A title\nAda\302\240Lovelace\n' > "$TEST_TMP/cut.txt"
run import "$listing" "$TEST_TMP/cut.txt" --into "$db"
ok "good then bad file exits 2" status_is 2
ok "good then bad file changes nothing" cmp -s "$db" "$TEST_TMP/before.db"

run import /nonexistent/listing.txt --into "$db"
ok "missing input file exits 2" status_is 2
ok "missing input file is named" err_has '/nonexistent/listing.txt'

finish
