#!/bin/sh
# The detail pane in a real terminal (tmux): optional fields, an article
# with only a teaser, n and N in an expanded abstract, right-to-left
# names in both bidi modes, a monochrome terminal, and the smallest
# usable size.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT
ESC=$(printf '\033')

# A copy of the bundled catalogue, changed with sqlite3 (so this test
# follows the catalogue's schema): article 3 keeps only its teaser and
# article 4 gets a year, a journal and a DOI.
db="$TEST_TMP/changed.db"
cp data/neural-networks.db "$db"
chmod u+w "$db"
sqlite3 "$db" "UPDATE details SET abstract = NULL WHERE id =
    (SELECT id FROM articles WHERE number = 3);
    UPDATE details SET journal = 'Journal of Tests', volume = '12',
    issue = '3', pages = '45-67', doi = '10.1000/test.4' WHERE id =
    (SELECT id FROM articles WHERE number = 4);
    UPDATE articles SET year = 2021 WHERE number = 4;"

tmux_start 100 30
keys "$FEHREST $db" Enter
ok "changed catalogue opens" wait_for " 1/17"
keys j j
ok "teaser-only article says so" wait_for "(only a teaser was published)"
ok "teaser-only article has no More cue" wait_gone "… More"
ok "teaser shown" wait_for "Recent researches on pixel-wise"
keys Enter
ok "Enter on a teaser explains" wait_for "only a teaser of the abstract"
keys j
ok "journal with volume, issue, pages" \
    wait_for "Journal  Journal of Tests 12(3), 45-67"
ok "DOI shown" wait_for "DOI      10.1000/test.4"
ok "year shown" wait_for "Year     2021"
keys q
wait_for "$PROMPT" >/dev/null

# n and N inside the expanded abstract of article 14.
keys C-l
keys "$FEHREST --query sparsity" Enter
ok "sparsity matches 2" wait_for "2 of 17"
keys Enter
ok "Enter expands and focuses the detail" wait_for "detail: j/k scroll"
ok "Enter says less while expanded" wait_for "Enter less"
keys g n
ok "n jumps to a match" wait_for "does’nt take advantage of sparsity"
keys n n n n n n
ok "n past the last match says so" wait_for "no further match"
keys N
ok "N goes back" wait_gone "no further match"
keys q
wait_for "$PROMPT" >/dev/null

# Right-to-left: the Persian name of article 1, shaped and reordered by
# the browser in app mode, as the terminal receives it otherwise.
visual=$("$FEHREST" show 1 --bidi=app | sed -n 's/^Authors .*; //p')
keys C-l
keys "$FEHREST --bidi=app" Enter
ok "bidi app: visual order" wait_for "$visual"
keys q
wait_for "$PROMPT" >/dev/null
keys C-l
keys "$FEHREST --bidi=terminal" Enter
ok "bidi terminal: logical order" wait_for "مائده دهقان"
keys q
wait_for "$PROMPT" >/dev/null

# A terminal without colours still shows the selection and matches.
keys C-l
keys "TERM=vt100 $FEHREST --query quantization" Enter
ok "monochrome: filter works" wait_for "2 of 17"
ok "monochrome: no colour escapes" sh -c "! tmux -u -L $TMUX_SOCKET \
    capture-pane -p -e -t 0 | grep -q '$ESC\[[0-9;]*[34][0-7]m'"
ok "monochrome: selection reversed" sh -c "tmux -u -L $TMUX_SOCKET \
    capture-pane -p -e -t 0 | grep -q '$ESC\[[0-9;]*7m[^ ]*\($ESC\[[0-9;]*m\)* *14 '"
keys q
wait_for "$PROMPT" >/dev/null

# The smallest size that still browses, and one column less.
keys C-l
keys "$FEHREST" Enter
wait_for " 1/17" >/dev/null
resize 20 6
ok "20x6 still browses" wait_for "1/17"
resize 19 6
ok "19x6 is too small" wait_for "too small"
resize 20 6
keys j
ok "20x6 browses again" wait_for "2/17"
resize 100 30
ok "100x30 after small sizes" wait_for " 2/17"
keys q
ok "quit restores the terminal" wait_for "$PROMPT"

tmux_stop
finish
