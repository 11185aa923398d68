#!/bin/sh
# Headless checks of the text cases every view must survive
# (tests/data/text-cases.md). A small catalogue is built from a listing
# file whose fields hold the ten cases and imported with the real
# binary. Then the output of list, show and search is checked byte by
# byte.
# Prints TAP ("ok N - name" / "not ok N - name"); exits 1 on a failure.
#
# FEHREST_BIN names the binary (default ./fehrest, run from the source
# tree, where the bundled catalogue is found next to it). Needs GNU grep,
# wc -L (display width by glibc's wcwidth) and iconv.
set -u

BIN=${FEHREST_BIN:-./fehrest}
export LC_ALL=C.UTF-8

n=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fehrest-text.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
}

# check NAME COMMAND...: runs the command and reports its success.
check() {
	name=$1
	shift
	if "$@"; then
		ok "$name"
	else
		not_ok "$name"
	fi
}

contains() {
	grep -F -q -- "$2" "$1"
}

# contains_line TEXT LINE: whether TEXT has LINE as a whole line.
contains_line() {
	printf '%s\n' "$1" | grep -F -x -q -- "$2"
}

contains_text() {
	printf '%s\n' "$1" | grep -F -q -- "$2"
}

# C0 controls other than tab and line feed, and DEL.
no_c0() {
	! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"
}

no_tab() {
	! LC_ALL=C grep -q "$(printf '\t')" "$1"
}

# C1 controls as UTF-8 (U+0080..U+009F).
no_c1() {
	! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}

valid_utf8() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

# The widest line of a file, in terminal columns.
max_width() {
	wc -L < "$1"
}

equals() {
	[ "$1" = "$2" ]
}

at_most() {
	[ "$1" -le "$2" ]
}

# Article numbers printed by a TSV search, separated by spaces.
found() {
	"$BIN" search "$@" --format tsv 2>/dev/null | tail -n +2 | cut -f1 |
	    tr '\n' ' ' | sed 's/ $//'
}

. tests/text-cases-listing
listing=$tmp/text-cases.txt
db=$tmp/text-cases.db
write_text_cases "$listing"

check "import the text cases" \
    "$BIN" import "$listing" --into "$db" --quiet

# --- Nothing a terminal acts on reaches the output ----------------------

"$BIN" list --catalogue "$db" --width 80 > "$tmp/list" 2>&1
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$BIN" show "$i" --catalogue "$db" --width 80
done > "$tmp/show" 2>&1
"$BIN" search escape --catalogue "$db" --width 80 > "$tmp/search" 2>&1
"$BIN" list --catalogue "$db" --format tsv > "$tmp/tsv" 2>&1
for out in list show search tsv; do
	check "$out: no C0 control, ESC, BEL or DEL" no_c0 "$tmp/$out"
	check "$out: no C1 control" no_c1 "$tmp/$out"
	check "$out: valid UTF-8" valid_utf8 "$tmp/$out"
done
for out in list show search; do
	check "$out: no tab" no_tab "$tmp/$out"
done

# --- The cases one by one ------------------------------------------------

ellipsis=$(printf '\342\200\246')

# Case 1: every list row fits the 80 columns. The title column is 45
# wide: 22 emoji (44 columns) and the ellipsis.
check "case 1: list rows fit 80 columns" at_most "$(max_width "$tmp/list")" 80
check "case 1: emoji title truncated with an ellipsis" contains "$tmp/list" \
    " 1  $(printf '\360\237\247\252\360\237\224\254%.0s' $(seq 11))$ellipsis  Ann Smith"

# Cases 2 and 3: the controls became spaces and no text was lost.
check "case 2: carriage return shown as a space" \
    contains "$tmp/show" "Title     extend the LINEAR over both usages"
check "case 3: tabs shown as spaces" \
    contains "$tmp/show" "Title     Tab inside title"
check "case 3: no replacement character" \
    equals "$(grep -c "$(printf '\357\277\275')" "$tmp/show")" 0

# Case 4: each sequence is dropped whole and shown as one placeholder.
ph=$(printf '\342\220\243')
check "case 4: sequences shown as placeholders" \
    contains "$tmp/show" "Abstract  ${ph}RED${ph} ${ph} ${ph}"
check "case 4: window title text not shown" \
    equals "$(grep -c PWNED "$tmp/show")" 0

# Case 5: the plain spellings find the article.
check "case 5: بسم finds the article" \
    equals "$(found 'بسم' --catalogue "$db")" 5
check "case 5: میخواهم finds the article" \
    equals "$(found 'میخواهم' --catalogue "$db")" 5
check "case 5: کتاب finds the article" \
    equals "$(found 'کتاب' --catalogue "$db")" 5
check "case 5: علی with Persian yeh finds the article" \
    equals "$(found 'علی' --catalogue "$db")" 5
check "case 5: text displayed as stored" \
    contains "$tmp/show" "$(printf '\331\205\333\214\342\200\214\330\256')"

# Case 6: in a 30-column output the abstract column is 20 wide.
"$BIN" show 6 --catalogue "$db" --width 30 |
    sed -n '/^Abstract/,$p' | cut -c11- > "$tmp/pieces"
check "case 6: fifteen pieces" equals "$(wc -l < "$tmp/pieces")" 15
check "case 6: pieces 20 columns wide" \
    equals "$(awk '{ print length($0) }' "$tmp/pieces" | sort -u)" 20
check "case 6: nothing lost" equals "$(tr -d '\n' < "$tmp/pieces")" "$word"

# Case 7: the importer stores text in NFC, so each pair is è and à; each
# takes one column, so 22 pairs and the ellipsis fill the 45-column title
# cell. The precomposed spelling finds the article.
check "case 7: pairs one column each" contains "$tmp/list" \
    " 7  $(printf '\303\250\303\240%.0s' $(seq 22))$ellipsis  Ann Smith"
check "case 7: èà finds the article" \
    equals "$(found "$(printf '\303\250\303\240')" --catalogue "$db")" 7

# Case 8: a search that matches nothing exits 1 and prints nothing.
"$BIN" search qweasdfa --catalogue "$db" > "$tmp/none" 2>&1
check "case 8: no match exits 1" equals "$?" 1
check "case 8: no match prints no row" equals "$(wc -l < "$tmp/none")" 0

# Case 9: the author column starts at the same column in every row.
check "case 9: ideographic space shown as a space" contains "$tmp/list" \
    "Stefan M$(printf '\303\274')ller"
sed 's/  Ann Smith$//; s/  Stefan.*$//' "$tmp/list" |
    while IFS= read -r row; do
		printf '%s' "$row" | wc -L
	done | sort -u > "$tmp/starts"
check "case 9: author column aligned" equals "$(wc -l < "$tmp/starts")" 1

# Case 10: with --bidi=app the title is in visual order. The paragraph
# is right-to-left because its first strong letter is Persian. LSTM,
# 2024 and v2 resolve to level 2 and keep reading left to right. The
# brackets surround left-to-right text in a right-to-left context, so
# they take level 1 and are mirrored. The Persian words are reversed
# and take their joined presentation forms. From left to right:
#   "(v2) ";
#   داده‌ها as alef final, heh initial, heh isolated and its ZWNJ,
#     dal isolated, alef isolated, dal isolated;
#   " 2024 ";
#   برای as yeh isolated, alef isolated, reh final, beh initial;
#   " LSTM ";
#   مدل as lam isolated, dal final, meem initial.
vis=$(printf '(v2) \357\272\216\357\273\253\357\273\251\342\200\214\357\272\251\357\272\215\357\272\251 2024 \357\257\274\357\272\215\357\272\256\357\272\221 LSTM \357\273\235\357\272\252\357\273\243')
logical=$(printf '\331\205\330\257\331\204 LSTM \330\250\330\261\330\247\333\214 2024 \330\257\330\247\330\257\331\207\342\200\214\331\207\330\247 (v2)')
# Runs of spaces are squeezed, so that the check passes whether the line
# is aligned left or right.
check "case 10: show --bidi=app in visual order" contains_line \
    "$("$BIN" show 10 --catalogue "$db" --bidi=app --width 100 | tr -s ' ')" \
    "Title $vis"
check "case 10: list --bidi=app in visual order" contains_line \
    "$("$BIN" list --catalogue "$db" --bidi=app --width 100 | tr -s ' ')" \
    "10 $vis Ann Smith"
check "case 10: --bidi=terminal keeps logical order" contains_line \
    "$("$BIN" show 10 --catalogue "$db" --bidi=terminal --width 100)" \
    "Title     $logical"
check "case 10: auto keeps piped output logical" contains_line \
    "$("$BIN" show 10 --catalogue "$db" --width 100)" "Title     $logical"

# --- The bundled catalogue: a Persian name with a kasra or tatweel ------

check "bundled: دهقان finds item 1" equals "$(found 'دهقان')" 1
check "bundled: دِهقان with kasra finds item 1" \
    equals "$(found "$(printf '\330\257\331\220\331\207\331\202\330\247\331\206')")" 1
check "bundled: دهـقان with tatweel finds item 1" \
    equals "$(found "$(printf '\330\257\331\207\331\200\331\202\330\247\331\206')")" 1

# --- Letters without a decomposition fold to ASCII ----------------------

csv=$tmp/letters.csv
printf 'title,author\nOn faith,S\303\270ren Kierkegaard\nBridges,\305\201ukasz \304\220or\304\221evi\304\207\n' > "$csv"
"$BIN" import --quiet "$csv" --into "$tmp/letters.db" 2>/dev/null
check "soren finds Søren" \
    equals "$(found soren --catalogue "$tmp/letters.db")" 1
check "lukasz dordevic finds Łukasz Đorđević" \
    equals "$(found 'lukasz dordevic' --catalogue "$tmp/letters.db")" 2

echo "1..$n"
[ "$failed" -eq 0 ]
