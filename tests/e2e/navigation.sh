#!/bin/sh
# Moving around the browser: going to an article by number (14G and
# :14), the selection when a filter leaves it out, the help screen
# wrapped and scrolled on a small terminal, the status line's key hints
# when space is short, the abstract filling a tall detail pane, and a
# missing catalogue reported before a missing terminal.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT

# The catalogue is opened before the terminal is looked at.
run "$TEST_TMP/nonexist.db" < /dev/null
ok "missing catalogue without terminal: exit 2" status_is 2
ok "missing catalogue: names the file" err_has "nonexist.db"
ok "missing catalogue: not about the terminal" \
    sh -c "! grep -q 'needs a terminal' '$TEST_TMP/err'"

tmux_start 80 24
keys "$FEHREST" Enter
wait_for " 1/17" >/dev/null

keys 1 4 G
ok "14G goes to article 14" wait_for " 14/17"
ok "14G selects 14 in the list" wait_for "Multi-level ternary"
keys :
ok ": asks for a number" wait_for "go to article number:"
keys 5 Enter
ok ":5 Enter goes to article 5" wait_for " 5/17"
keys 9 9 G
ok "99G says there is no such article" \
    wait_for "no article 99 in this catalogue"
ok "99G leaves the selection" wait_for " 5/17"

# Article 14 is not about fuzzy inference: the first match is chosen.
keys 1 4 G
wait_for " 14/17" >/dev/null
keys /
tm send-keys -t 0 -l fuzzy
wait_for "2 of 17" >/dev/null
keys Enter
ok "filter selects the first match" wait_for " 1/2"
ok "first match is article 2" \
    sh -c "tmux -u -L $TMUX_SOCKET capture-pane -p -t 0 |
    grep -q 'Title    Comparing A Hybridization'"
keys 1 4 G
ok "14G outside the filter says so" \
    wait_for "article 14 is filtered out; Esc clears the filter"
ok "selection stays in the filter" wait_for " 1/2"
keys Escape
wait_gone "/fuzzy" >/dev/null

# An article that still matches stays selected.
keys 1 7 G
wait_for " 17/17" >/dev/null
keys /
tm send-keys -t 0 -l quantization
wait_for "2 of 17" >/dev/null
keys Enter
ok "filter keeps a matching selection" wait_for " 2/2"
keys Escape

# A long filter leaves room for the quit and help hints.
keys /
tm send-keys -t 0 -l "ternary quantization sparsity computation embedded"
keys Enter
ok "long filter: quit hint kept" wait_for "q quit"
ok "long filter: help hint kept" wait_for "? help"
keys Escape

keys '?'
ok "help lists NUMBER G" wait_for "NUMBER G"
keys q
keys q
wait_for "$PROMPT" >/dev/null

# 60x15: the hints and the help screen.
tmux_stop
sleep 0.2
tmux_start 60 15
keys "$FEHREST" Enter
wait_for " 1/17" >/dev/null
ok "60 columns: quit hint kept" wait_for "q quit"
ok "60 columns: help hint kept" wait_for "? help"
keys '?'
wait_for "List and detail" >/dev/null
ok "help wraps a long description" press_until ".tsv or .json)" j
ok "help wraps under the description column" \
    sh -c "tmux -u -L $TMUX_SOCKET capture-pane -p -t 0 |
    grep -qE '^ {10,}[^ ].*\.tsv or \.json\)'"
ok "PgDn scrolls to the search syntax" \
    press_until "leave out articles" PageDown
keys g
ok "g scrolls back to the top" wait_for "List and detail"
keys q q
wait_for "$PROMPT" >/dev/null
tmux_stop

# A tall stacked detail pane: at 100x30 article 14's abstract takes
# the ten rows left under its fields, and the cue still follows.
tmux_stop
sleep 0.2
tmux_start 100 30
keys "$FEHREST" Enter
wait_for " 1/17" >/dev/null
keys 1 4 G
wait_for " 14/17" >/dev/null
ok "tall pane: abstract fills the pane" \
    wait_for "by pruning the parameters of the DNNs"
ok "tall pane: More cue when text remains" wait_for "… More"
ok "tall pane: cue on the pane's last row" \
    [ "$(screen | grep -n '… More' | cut -d: -f1)" = 29 ]
keys q
wait_for "$PROMPT" >/dev/null
tmux_stop

finish
