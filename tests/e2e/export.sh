#!/bin/sh
# Export from the browser (tmux). Space marks articles, and e writes
# them (or with none marked the whole filtered list) to a file named at
# the prompt, in the format of its extension. An existing file is kept
# unless the answer is y.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT

export XDG_STATE_HOME="$TEST_TMP/state"
OUTDIR="$TEST_TMP/out"
mkdir -p "$OUTDIR"

entries() {
	grep -c '^@' "$1"
}

count_is() {
	[ "$(entries "$1")" -eq "$2" ] || {
		echo "# $1 has $(entries "$1") entries, expected $2"
		false
	}
}

tmux_start 100 30
keys "env XDG_STATE_HOME=$XDG_STATE_HOME $FEHREST" Enter
ok "browser starts" wait_for " 1/17"

keys Space j Space
ok "Space marks two articles" wait_for "2 marked"
ok "mark shown on the first" \
    sh -c "tmux -u -L $TMUX_SOCKET capture-pane -p -t 0 | grep -q '^ \* *1 Identify'"
ok "mark shown on the second" \
    sh -c "tmux -u -L $TMUX_SOCKET capture-pane -p -t 0 | grep -q '^ \* *2 Comparing'"
keys e
ok "e opens the prompt" wait_for "export 2 marked articles to"
tm send-keys -t 0 -l "$OUTDIR/two.bib"
keys Enter
ok "status reports the export" wait_for "wrote 2 articles"
ok "file has exactly 2 entries" count_is "$OUTDIR/two.bib" 2
ok "first entry is article 1" grep -q "Identify and assess" "$OUTDIR/two.bib"
ok "second entry is article 2" grep -q "Hybridization" "$OUTDIR/two.bib"
ok "no temporary file left" \
    sh -c "! ls -A '$OUTDIR' | grep -q fehrest-export"

keys e
tm send-keys -t 0 -l "$OUTDIR/two.bib"
keys Enter
ok "existing file asks first" wait_for "exists; replace it? (y/n)"
keys n
ok "n keeps the file" wait_for "is kept"

keys Space k Space
ok "Space again unmarks" wait_gone "marked"

keys /
tm send-keys -t 0 -l quantization
keys Enter
ok "filter applied" wait_for "/quantization: 2 of 17"
keys e
ok "prompt names the list" wait_for "export the 2 articles of the list"
tm send-keys -t 0 -l "$OUTDIR/two.bib"
keys Enter
wait_for "replace it?" >/dev/null
keys y
ok "y replaces the file" wait_for "wrote 2 articles"
ok "filtered export has 2 entries" count_is "$OUTDIR/two.bib" 2
ok "filtered export holds 14" grep -q "Multi-level ternary" "$OUTDIR/two.bib"
ok "filtered export holds 17" grep -q "Multi-Level Ternary" "$OUTDIR/two.bib"

keys Escape
wait_gone "/quantization" >/dev/null
keys e
tm send-keys -t 0 -l "$OUTDIR/all.ris"
keys Enter
ok "RIS export of all articles" wait_for "wrote 17 articles"
ok "RIS file has 17 records" \
    [ "$(grep -c '^TY  - ' "$OUTDIR/all.ris")" -eq 17 ]

keys e
tm send-keys -t 0 -l "$TEST_TMP/missing/x.bib"
keys Enter
ok "unwritable directory reported" wait_for "cannot create a file"

keys q
ok "q quits" wait_for "$PROMPT"
finish
