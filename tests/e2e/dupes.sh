#!/bin/sh
# Duplicates in the browser (tmux), at 80x24 and 160x48. Checks the
# mark on articles 14 and 17 only, the duplicates view with its one
# cluster, the side-by-side comparison with the differing words
# highlighted, going to an article from it, and u showing one article
# per cluster.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT

# The cache of clusters goes to a directory of this test only.
export XDG_STATE_HOME="$TEST_TMP/state"
ESC=$(printf '\033')
MARK='≡'

# The numbers of the list rows that carry the duplicate mark.
marked_numbers() {
	screen | awk '/──/ { exit } { print }' |
	    sed -n "s/^$MARK *\([0-9][0-9]*\) .*/\1/p" | tr '\n' ' '
}

# styled WORD: succeeds when WORD on the screen directly follows an SGR
# sequence that sets a colour, reverse or underline, and prints the
# sequence for a comparison of styles.
styled() {
	screen -e | grep -o -- "\($ESC\[[0-9;]*m\)\+$1" | head -1 |
	    sed "s/$1\$//" | grep -q "\[\([0-9;]*;\)\{0,1\}\(4\|7\|3[0-7]\|4[0-7]\)m" || {
		echo "# '$1' is not highlighted:"
		screen -e | grep -- "$1" | sed -n '1,2s/^/# |/p' | cat -v
		false
	}
}

# style_of WORD: prints the SGR sequences right before WORD.
style_of() {
	screen -e | grep -o -- "\($ESC\[[0-9;]*m\)\+$1" | head -1 |
	    sed "s/$1\$//"
}

different_styles() {
	a=$(style_of "$1")
	b=$(style_of "$2")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" != "$b" ] || {
		echo "# styles of '$1' and '$2' do not differ:" \
		    "$(printf '%s / %s' "$a" "$b" | cat -v)"
		false
	}
}

run_at() {
	cols=$1
	lines=$2
	size="${cols}x$lines"

	tmux_start "$cols" "$lines"
	keys "env XDG_STATE_HOME=$XDG_STATE_HOME $FEHREST" Enter
	ok "$size: browser starts" wait_for " 1/17"
	keys G
	ok "$size: marks appear" wait_for "$MARK"
	ok "$size: only 14 and 17 marked" [ "$(marked_numbers)" = "14 17 " ]
	ok "$size: no finding message once done" \
	    wait_gone "finding duplicates"

	keys D
	ok "$size: D opens the duplicates view" wait_for "Duplicates: 1 cluster"
	ok "$size: the cluster lists 14 and 17" wait_for "1  14, 17       2     80  Multi"
	ok "$size: the columns have heads" \
	    wait_for "#  articles  size  score  title"
	ok "$size: exactly one cluster" \
	    [ "$(screen | grep -c '^ *[0-9][0-9]*  [0-9]')" -eq 1 ]

	keys Enter
	ok "$size: Enter compares the pair" wait_for "article 14"
	ok "$size: both articles shown" wait_for "article 17"
	ok "$size: legend shown" wait_for "case or accents only"
	ok "$size: dropped given name highlighted" styled Seyed
	ok "$size: case-only title word highlighted" styled Ternary
	ok "$size: case and word changes look different" \
	    different_styles Ternary Seyed
	keys G
	ok "$size: reasons shown at the end" wait_for "reasons"
	ok "$size: reason text shown" wait_for "14 and 17:"
	keys g
	keys j j j j j j j j j j j j j j j j j j j j
	ok "$size: does’nt in the abstract" wait_for "does’nt"
	# The contraction is highlighted whole, not from its apostrophe.
	ok "$size: does’nt highlighted" styled "does’nt"
	ok "$size: 'not' on the other side highlighted" styled not

	keys Escape
	ok "$size: Esc returns to the clusters" wait_for "Duplicates: 1 cluster"
	keys Enter
	keys Tab
	keys Enter
	ok "$size: Enter goes to 17 in the list" wait_for " 17/17"

	keys u
	ok "$size: u hides the duplicates" wait_for "duplicates hidden"
	ok "$size: 16 articles with 17 hidden" wait_for " 16/16"
	ok "$size: 17 is no longer listed" \
	    sh -c "! tmux -u -L $TMUX_SOCKET capture-pane -p -t 0 |
	    grep -q '^. *17 Multi'"
	keys g
	ok "$size: g goes to 1 of 16" wait_for " 1/16"
	keys u
	ok "$size: u shows all again" wait_gone "duplicates hidden"
	ok "$size: 17 articles again" wait_for " 1/17"

	keys q
	ok "$size: q quits" wait_for "$PROMPT"
	tmux_stop
}

run_at 80 24
run_at 160 48

# Without colour the mark is still a glyph, drawn bold.
tmux_start 80 24
keys "NO_COLOR=1 $FEHREST" Enter
keys G
ok "NO_COLOR: marks appear" wait_for "$MARK"
ok "NO_COLOR: mark drawn bold" sh -c "tmux -u -L $TMUX_SOCKET \
    capture-pane -p -e -t 0 | grep -q '$ESC\[1m$MARK'"
keys q
tmux_stop

ok "clusters cached in XDG_STATE_HOME" \
    sh -c "ls '$XDG_STATE_HOME'/fehrest/dupes-* >/dev/null"

finish
