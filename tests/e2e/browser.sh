#!/bin/sh
# The browser in a real terminal (tmux), at 80x24 and at 160x48: every
# article reachable, search with highlighted matches, the abstract's
# "More" cue, resizing down to 10x3 and back, Ctrl-Z and fg, the help
# screen, and quitting back to the shell with the terminal restored.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT

"$FEHREST" list --format=tsv | tail -n +2 > "$TEST_TMP/titles"
ESC=$(printf '\033')

# The numbers shown in the list rows: in the first columns of each line
# above the rule under the list (stacked), or on the left (side by side).
list_numbers() {
	screen | awk '/──/ { exit } { print substr($0, 1, 8) }' |
	    sed -n 's/^. *\([0-9][0-9]*\) .*/\1/p' | tr '\n' ' '
}

# highlighted WORD [NEXT]: succeeds when WORD on the screen directly
# follows a bold, reverse or colour attribute (and is followed by the
# text NEXT after any attribute changes).
highlighted() {
	# An SGR sequence whose last parameter is bold, reverse or a colour.
	sgr="$ESC\[\([0-9;]*;\)\{0,1\}\(1\|7\|3[0-7]\|4[0-7]\)m"
	next=
	if [ $# -gt 1 ]; then
		next="\($ESC\[[0-9;]*m\)*$2"
	fi
	screen -e | grep -q -- "$sgr$1$next" || {
		echo "# '$1' is not highlighted:"
		screen -e | grep -- "$1" | sed -n '1,3s/^/# |/p' | cat -v
		false
	}
}

# Walks down the list and checks that each article comes into view.
walk_list() {
	n=0
	while IFS='	' read -r number title rest; do
		n=$((n + 1))
		if [ $n -gt 1 ]; then
			keys j
		fi
		wait_for " $n/17" || return 1
		prefix=$(printf '%s' "$title" | cut -c1-20)
		screen | grep -qF -- "$prefix" || {
			echo "# article $number '$prefix' not on the screen"
			return 1
		}
	done < "$TEST_TMP/titles"
}

run_at() {
	cols=$1
	lines=$2
	size="${cols}x$lines"

	tmux_start "$cols" "$lines"
	keys "$FEHREST" Enter
	ok "$size: browser starts on article 1" wait_for " 1/17"
	ok "$size: status shows the keys" wait_for "? help"
	ok "$size: alternate screen on" \
	    [ "$(tm display-message -p -t 0 '#{alternate_on}')" = 1 ]

	ok "$size: all 17 articles reachable" walk_list
	keys g
	ok "$size: g goes back to the first" wait_for " 1/17"

	keys /
	tm send-keys -t 0 -l quantization
	ok "$size: search counts 2 of 17" wait_for "2 of 17"
	ok "$size: search leaves 14 and 17" \
	    [ "$(list_numbers)" = "14 17 " ]
	ok "$size: title match highlighted" highlighted quantization
	ok "$size: title match highlighted in 17" highlighted Quantization
	keys Enter
	ok "$size: Enter keeps the filter" wait_for "/quantization: 2 of 17"
	ok "$size: selection on 14 of the filter" wait_for " 1/2"

	ok "$size: abstract shows the More cue" wait_for "… More"
	ok "$size: shortened abstract hides its end" \
	    sh -c "! tmux -u -L $TMUX_SOCKET capture-pane -p -t 0 |
	    grep -qF 'basic multi-level binary networks.'"
	keys Enter
	ok "$size: Enter expands the abstract" wait_gone "… More"
	keys End
	ok "$size: last sentence shown after expanding" \
	    wait_for "compared to the basic multi-level binary networks."
	ok "$size: abstract match highlighted" highlighted quantization -aware
	keys m
	ok "$size: m collapses the abstract" wait_for "… More"

	keys Escape
	ok "$size: Esc clears the filter, selection stays on 14" \
	    wait_for " 14/17"
	ok "$size: list shows every article again" wait_gone "/quantization"

	resize 10 3
	ok "$size: 10x3 says too small" wait_for "too small"
	resize "$cols" "$lines"
	ok "$size: back to full size" wait_for " 14/17"
	ok "$size: detail back after resize" wait_for "Multi-level ternary"
	ok "$size: list back after resize" wait_for "17 Multi-Level Ternary"

	keys C-z
	ok "$size: Ctrl-Z returns to the shell" wait_for "$PROMPT"
	ok "$size: Ctrl-Z leaves the alternate screen" alternate_off
	type_line fg
	ok "$size: fg brings the browser back" wait_for " 14/17"
	ok "$size: fg redraws the list" wait_for "17 Multi-Level Ternary"

	keys '?'
	ok "$size: ? opens the help" wait_for "List and detail"
	ok "$size: help lists the quit key" wait_for "quit"
	keys q
	ok "$size: q closes the help" wait_for " 14/17"

	keys q
	ok "$size: q quits to the shell" wait_for "$PROMPT"
	ok "$size: terminal restored" alternate_off
	type_line 'echo status=$?'
	ok "$size: exit status 0" wait_for "status=0"
	tmux_stop
}

run_at 80 24
run_at 160 48

finish
