#!/bin/sh
# The browser's terminal handling: refusing terminals it cannot use,
# --once and --query, NO_COLOR, the query line's editing keys and
# history, mouse clicks and the wheel, focus and n, and restoring the
# terminal on SIGTERM and Ctrl-C.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT
ESC=$(printf '\033')

# Without a terminal: stdin is /dev/null here.
run < /dev/null
ok "no terminal: exit 2" status_is 2
ok "no terminal: points to fehrest list" err_has "fehrest list"
ok "no terminal: names standard input" err_has "standard input"

# mouse BUTTON ROW COLUMN: sends an X10 mouse report (1-based cells);
# BUTTON is 0 for a left press, 3 for a release, 64/65 for the wheel.
mouse() {
	tm send-keys -t 0 -H 1b 5b 4d "$(printf '%x' $((32 + $1)))" \
	    "$(printf '%x' $((32 + $3)))" "$(printf '%x' $((32 + $2)))"
}

# line_of TEXT: the 1-based line of the pane that shows TEXT.
line_of() {
	screen | grep -nF -- "$1" | head -1 | cut -d: -f1
}

tmux_start 80 24

type_line "TERM=dumb $FEHREST; echo status=\$?"
ok "TERM=dumb: exit 2" wait_for "status=2"
ok "TERM=dumb: says why" wait_for "cannot move the cursor"
keys C-l
type_line "TERM=no-such-terminal $FEHREST; echo status=\$?"
ok "unknown TERM: exit 2" wait_for "status=2"
ok "unknown TERM: names it" wait_for "'no-such-terminal' is unknown"
keys C-l
type_line "$FEHREST | cat; echo status=\$?"
ok "stdout a pipe: refused" wait_for "standard output is not one"
keys C-l

type_line "$FEHREST --once --query quantization; echo status=\$?"
ok "--once exits 0" wait_for "status=0"
ok "--once restores the terminal" alternate_off
keys C-l

# The filter given with --query, and NO_COLOR.
type_line "NO_COLOR=1 $FEHREST --query quantization"
ok "--query filters" wait_for "/quantization: 2 of 17"
ok "NO_COLOR: no colour escapes" sh -c "! tmux -u -L $TMUX_SOCKET \
    capture-pane -p -e -t 0 | grep -q '$ESC\[[0-9;]*[34][0-7]m'"
ok "NO_COLOR: selection still reversed" sh -c "tmux -u -L $TMUX_SOCKET \
    capture-pane -p -e -t 0 | grep -q '$ESC\[[0-9;]*7m[^ ]*\($ESC\[[0-9;]*m\)* *14 '"
keys q
ok "quit after --query" wait_for "$PROMPT"

# Editing the query line.
keys "$FEHREST" Enter
wait_for " 1/17" >/dev/null
keys /
tm send-keys -t 0 -l "quantizatio"
ok "typing filters" wait_for "2 of 17"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace BSpace
ok "Backspace to empty shows every article" wait_for "type words to filter"
tm send-keys -t 0 -l "nets deep"
ok "two words" wait_for "/nets deep"
keys C-w
ok "Ctrl-W deletes the last word" wait_for "/nets "
keys C-u
ok "Ctrl-U clears the line" wait_gone "/nets"
tm send-keys -t 0 -l "uant"
keys Home
tm send-keys -t 0 -l "q"
ok "Home then typing inserts at the start" wait_for "/quant"
keys End Left Left Delete
ok "Delete removes under the cursor" wait_for "/quat"
keys C-u
tm send-keys -t 0 -l "zzzzqx"
ok "no matches" wait_for "no matches"
keys C-u
tm send-keys -t 0 -l '"'
ok "junk input shows the note" wait_for "no words to search for"
keys C-u
tm send-keys -t 0 -l "ternary"
ok "ternary matches 2" wait_for "2 of 17"
keys Enter
ok "Enter keeps the filter" wait_for "/ternary: 2 of 17"
keys /
keys C-u
tm send-keys -t 0 -l "sparsity"
keys Up
ok "Up recalls the previous query" wait_for "/ternary"
keys Down
ok "Down returns to the draft" wait_for "/sparsity"
keys Escape
ok "Esc clears the filter at once" wait_for " 14/17"
ok "Esc closes the query line" wait_for "? help"

# Focus, n and the abstract.
keys g
wait_for " 1/17" >/dev/null
keys n
ok "n in the list selects the next article" wait_for " 2/17"
keys N
ok "N selects the previous article" wait_for " 1/17"
keys Tab
ok "Tab focuses the detail" wait_for "detail: j/k scroll"
keys j
ok "j in the detail keeps the selection" wait_for " 1/17"
keys Tab
ok "Tab focuses the list again" wait_for "Tab: focus the detail"

# The mouse: the list starts on line 1.
mouse 0 3 10
mouse 3 3 10
ok "click selects the third row" wait_for " 3/17"
mouse 65 3 10
ok "wheel down moves three rows" wait_for " 6/17"
mouse 64 3 10
ok "wheel up moves back" wait_for " 3/17"
wait_for "… More" >/dev/null
cue=$(line_of "… More")
mouse 0 "$cue" 3
mouse 3 "$cue" 3
ok "click on the cue expands the abstract" wait_gone "… More"

# Leaving by signal restores the terminal.
keys q
wait_for "$PROMPT" >/dev/null
keys C-l
type_line "$FEHREST; echo status=\$?"
wait_for " 1/17" >/dev/null
shell_pid=$(tm display-message -p -t 0 '#{pane_pid}')
browser_pid=$(ps -o pid= --ppid "$shell_pid" | tr -d ' ')
ok "SIGTERM: browser found" [ -n "$browser_pid" ]
kill -TERM $browser_pid
ok "SIGTERM: exit status 143" wait_for "status=143"
ok "SIGTERM: terminal restored" alternate_off
keys C-l
keys "$FEHREST" Enter
wait_for " 1/17" >/dev/null
keys C-c
wait_for "$PROMPT" >/dev/null
# bash drops the rest of a command line stopped by Ctrl-C, so the status
# is asked for on a line of its own.
type_line 'echo status=$?'
ok "Ctrl-C: exit status 130" wait_for "status=130"
ok "Ctrl-C: terminal restored" alternate_off

tmux_stop
finish
