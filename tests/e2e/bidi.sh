#!/bin/sh
# Right-to-left text and emoji in the browser under --bidi=app: fields
# right-aligned in their column and reordered with the field's
# direction, "et al." after a Persian name, the query line reordered and
# shaped with the cursor on the right cell, an emoji ZWJ sequence in one
# cell, and VTE switched to explicit bidi mode.
. tests/lib.sh
. tests/e2e/tmux-lib

trap 'tmux_stop; rm -rf "$TEST_TMP"' EXIT
ESC=$(printf '\033')

# Written for this test; the Persian name is the one in
# tests/data/sample.ris.
ris="$TEST_TMP/rtl.ris"
db="$TEST_TMP/rtl.db"
cat > "$ris" <<'RIS'
TY  - JOUR
AU  - دهقان, مائده
AU  - Shafiei Nikabadi, Mohsen
TI  - مدیریت دانش
PY  - 2019
AB  - این پژوهش راهبردهای مدیریت دانش را در سازمان های دولتی بررسی کرده و اهمیت نسبی آن ها را با روش تحلیل سلسله مراتبی اندازه گیری کرده است.
ER  - 

TY  - JOUR
AU  - Smith, John
TI  - Families 👩‍👩‍👧 in emoji
PY  - 2020
ER  - 
RIS
"$FEHREST" import "$ris" --into "$db" --quiet

# has_line REGEX: succeeds when a line of the pane matches the extended
# regular expression.
has_line() {
	screen | grep -qE -- "$1" || {
		echo "# no line matches '$1'; the pane shows:"
		screen | sed 's/^/# |/'
		false
	}
}

cursor_x() {
	tm display-message -p -t 0 '#{cursor_x}'
}

tmux_start 100 30
keys "$FEHREST --bidi=app $db" Enter
wait_for " 1/2" >/dev/null

# The list at 100 columns: the title column ends at column 70, two
# columns of space, then the authors column of 28 columns.
ok "list: Persian title right-aligned in its column" \
    has_line '^   1 {50,}ﺶﻧﺍﺩ ﺖﯾﺮﯾﺪﻣ  '
ok "list: Persian name then et al., right-aligned" \
    has_line 'ﺶﻧﺍﺩ ﺖﯾﺮﯾﺪﻣ {12}ﻥﺎﻘﻫﺩ ﻩﺪﺋﺎﻣ et al\.$'
ok "list: left-to-right title stays on the left" \
    has_line '^   2 Families 👩‍👩‍👧 in emoji'
ok "detail: Persian title right-aligned" \
    has_line '^ Title {30,}ﺶﻧﺍﺩ ﺖﯾﺮﯾﺪﻣ$'
ok "detail: authors right-aligned" \
    has_line '^ Authors {30,}Mohsen Shafiei Nikabadi ;ﻥﺎﻘﻫﺩ ﻩﺪﺋﺎﻣ$'
ok "detail: last abstract line right-aligned" \
    has_line '^ {20,}\.ﺖﺳﺍ ﻩﺩﺮﮐ ﯼﺮﯿﮔ'

keys j
ok "emoji ZWJ sequence drawn whole" wait_for "Title    Families 👩‍👩‍👧 in emoji"

keys /
tm send-keys -t 0 -l "دهقان"
ok "query line reordered and shaped" wait_for "/ﻥﺎﻘﻫﺩ"
ok "cursor after the query at its end" [ "$(cursor_x)" = 6 ]
keys Left
sleep 0.3
# The cursor is before the last letter, which is drawn leftmost.
ok "cursor on the last letter's cell" [ "$(cursor_x)" = 1 ]
keys Escape q
ok "quit" wait_for "$PROMPT"
tmux_stop

# VTE reorders on its own unless told not to; only VTE is told.
VTE_VERSION=7000 TERM=xterm "$FEHREST" --once --bidi=app "$db" \
    > "$TEST_TMP/vte" 2>&1 < /dev/null
ok "VTE: explicit bidi mode at start" grep -q "$ESC\[8l" "$TEST_TMP/vte"
ok "VTE: implicit bidi mode at exit" grep -q "$ESC\[8h" "$TEST_TMP/vte"
TERM=xterm "$FEHREST" --once --bidi=app "$db" > "$TEST_TMP/plain" 2>&1 \
    < /dev/null
ok "not VTE: no bidi mode sequence" sh -c "! grep -q '$ESC\[8[lh]' \
    '$TEST_TMP/plain'"
VTE_VERSION=7000 TERM=xterm "$FEHREST" --once --bidi=terminal "$db" \
    > "$TEST_TMP/term" 2>&1 < /dev/null
ok "bidi=terminal: VTE keeps its reordering" sh -c "! grep -q \
    '$ESC\[8[lh]' '$TEST_TMP/term'"

finish
