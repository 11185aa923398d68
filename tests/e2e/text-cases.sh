#!/bin/sh
# The text cases every view must survive (tests/data/text-cases.md), in
# the browser: a catalogue of the ten cases, opened with --bidi=app in an
# 80x24 tmux pane, and what the screen shows after each step.
. tests/lib.sh
. tests/e2e/tmux-lib
. tests/text-cases-listing

export LC_ALL=C.UTF-8
listing=$TEST_TMP/text-cases.txt
db=$TEST_TMP/text-cases.db
write_text_cases "$listing"
"$FEHREST" import --quiet "$listing" --into "$db"
# The importer turns every kind of space into a plain one, so the
# ideographic space of case 9 is written into the catalogue directly to
# reach the screen as it is.
wide_name=$(printf 'Stefan\343\200\200M\303\274ller')
sqlite3 "$db" "UPDATE articles SET authors = '$wide_name' WHERE number = 9;
    UPDATE people SET name = '$wide_name'
    WHERE article_id = (SELECT id FROM articles WHERE number = 9)"

# line N: prints line N of the pane.
line() {
	screen | sed -n "${1}p"
}

# has_line N TEXT: whether line N of the pane contains TEXT.
has_line() {
	line "$1" | grep -F -q -- "$2" || {
		echo "# line $1 lacks '$2': $(line "$1")"
		false
	}
}

# no_wide_lines: no line of the pane is wider than the pane (80).
no_wide_lines() {
	[ "$(screen | wc -L)" -le 80 ] || {
		echo "# a line is $(screen | wc -L) columns wide"
		false
	}
}

# column_of TEXT: the display column where TEXT starts on the first line
# of the pane that contains it.
column_of() {
	screen | grep -F -m 1 -- "$1" | sed "s/$1.*//" | wc -L
}

# shows TEXT: whether the pane contains TEXT now.
shows() {
	screen | grep -F -q -- "$1" || { echo "# the pane lacks '$1'"; false; }
}

tmux_start 80 24
keys "$FEHREST --bidi=app $db" Enter
ok "the text cases open" wait_for "Nothing special"

# Case 1: forty pairs of emoji, two columns each, cut inside the list.
ok "case 1: emoji title ends with an ellipsis" has_line 1 "…  Ann Smith"
ok "case 1: the author column is intact" has_line 1 "Ann Smith"
ok "case 1: nothing is drawn past the pane" no_wide_lines

# Cases 2 and 3: a carriage return and tabs become spaces on one line.
ok "case 2: one line with the author after it" \
	has_line 2 "extend the LINEAR over both usages"
ok "case 2: author column not overwritten" has_line 2 "Ann Smith"
ok "case 3: tabs shown as spaces" has_line 3 "Tab inside title"
ok "case 3: no replacement character" \
	sh -c '! tmux -u -L "$1" capture-pane -p -t 0 | grep -q "$(printf "\357\277\275")"' \
	-- "$TMUX_SOCKET"

# Case 4: the escape sequences of the abstract are shown inert.
title_before=$(tm display -p -t 0 '#{pane_title}')
keys 4 G
ok "case 4: the abstract shows" wait_for "RED"
ok "case 4: sequences shown as placeholders" \
	sh -c 'tmux -u -L "$1" capture-pane -p -t 0 | grep -F -q "␣RED␣"' -- "$TMUX_SOCKET"
ok "case 4: the window title is unchanged" \
	[ "$(tm display -p -t 0 '#{pane_title}')" = "$title_before" ]
ok "case 4: nothing reached the clipboard" [ -z "$(tm list-buffers)" ]
ok "case 4: RED is not drawn in red" \
	sh -c '! tmux -u -L "$1" capture-pane -p -e -t 0 | grep -q "31mRED"' -- "$TMUX_SOCKET"

# Case 5: each folded spelling finds the Persian abstract (article 5).
for query in بسم میخواهم کتاب علی; do
	keys /
	tm send-keys -t 0 -l "$query"
	ok "case 5: '$query' finds one article" wait_for "1 of 10"
	ok "case 5: '$query' finds article 5" has_line 1 "Persian folding"
	keys Escape
	wait_for "1/10" >/dev/null || wait_for "/10" >/dev/null
done

# Case 7: decomposed accents, one column a pair; no stray marks after
# paging down and up again.
keys 7 G
wait_for "Decomposed accents." >/dev/null
before=$(screen)
keys NPage
sleep 0.3
keys PPage
sleep 0.3
keys 7 G
wait_for "Decomposed accents." >/dev/null
ok "case 7: the screen is the same after PgDn and PgUp" \
	[ "$(screen)" = "$before" ]
ok "case 7: accents cut inside the list" shows "èàèà…  Ann Smith"

# Case 9: the ideographic space takes two columns; the author columns
# of rows 8 and 9 start at the same place.
keys 9 G
wait_for "Ideographic space." >/dev/null
ok "case 9: authors aligned after the ideographic space" \
	[ "$(column_of 'Stefan')" = "$(column_of 'Ann Smith')" ]
# "Stefan", the two-column space and "Müller" take 6 + 2 + 6 columns.
ok "case 9: the ideographic space counts as two columns" \
	[ "$(screen | grep -F -m 1 Stefan | sed 's/ *$//' | wc -L)" = \
	    "$(($(column_of 'Stefan') + 14))" ]

# Case 10: with --bidi=app the Persian title is in visual order, as the
# headless output shows it, with the parenthesis the right way.
visual=$("$FEHREST" show 10 --catalogue "$db" --bidi=app |
    sed -n 's/^Title *//p')
keys 1 0 G
ok "case 10: the title reads in visual order" wait_for "$visual"
ok "case 10: the parenthesis faces the right way" wait_for "(v2)"

# Case 8: a search with no match, then keys that must do no harm.
keys /
tm send-keys -t 0 -l qweasdfa
ok "case 8: no matches is shown" wait_for "no matches"
keys Enter j k G Enter n N
sleep 0.3
ok "case 8: the browser keeps running" wait_for "qweasdfa"
keys Escape
wait_for "/10" >/dev/null

# Case 6: a 300-letter word in a pane 20 columns wide is cut into pieces
# that fit it (the pane keeps a column of margin on each side), and
# nothing is lost.
resize 20 24
keys 6 G
keys Enter
ok "case 6: the first piece shows" wait_for "abcdefghijklmnop"
ok "case 6: the pieces fit the pane" [ "$(screen | wc -L)" -le 20 ]
ok "case 6: no letter is lost" \
	sh -c 'tmux -u -L "$1" capture-pane -p -t 0 | tr -d " \n" |
	    grep -q "$2"' -- "$TMUX_SOCKET" "$(printf 'abcdefghijklmnopqrstuvwxyzABCD%.0s' 1 2 3)"
resize 80 24

keys q
ok "q quits to the shell" wait_for "$PROMPT"
tmux_stop
finish
