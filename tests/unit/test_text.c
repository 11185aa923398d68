/*
 * Unit tests of the display half of text.h: cluster widths, fitting,
 * truncation, wrapping, sanitising and the word splitter.
 *
 * Expected widths are what tmux 3.3a showed on Debian 12 for the same
 * bytes (cursor column after printing them in a fresh pane). Cases
 * marked "text.md" come from the table of text cases every view must
 * survive, copied into tests/data/text-cases.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Fails with the case name when got differs from want. */
static void
check_string(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", expected \"%s\"", name, got, want);
}

static void
check_int(const char *name, long got, long want)
{
	if (got != want)
		fail_msg("%s: got %ld, expected %ld", name, got, want);
}

/* Returns s repeated n times, allocated. */
static char *
repeat(const char *s, int n)
{
	size_t	 len = strlen(s);
	char	*out;
	int	 i;

	out = malloc(len * (size_t)n + 1);
	assert_non_null(out);
	for (i = 0; i < n; i++)
		memcpy(out + len * (size_t)i, s, len);
	out[len * (size_t)n] = '\0';
	return out;
}

/* --- Widths ----------------------------------------------------------- */

static const struct {
	const char	*name;
	const char	*s;
	int		 width;
} width_cases[] = {
	{ "ascii", "abc", 3 },
	{ "empty", "", 0 },
	{ "cjk wide", "\xe4\xb8\xad\xe6\x96\x87", 4 },
	{ "ideographic space (text.md 9)",
	    "Stefan\xe3\x80\x80M\xc3\xbcller", 14 },
	{ "combining acute", "e\xcc\x81", 1 },
	{ "stacked marks", "e\xcc\x81\xcc\x82\xcc\x83", 1 },
	{ "decomposed pairs (text.md 7)", "e\xcc\x80" "a\xcc\x80", 2 },
	{ "smiley with VS16 as tmux", "\xe2\x98\xba\xef\xb8\x8f", 1 },
	{ "heart with VS16", "\xe2\x9d\xa4\xef\xb8\x8f", 1 },
	{ "family ZWJ sequence",
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7", 2 },
	{ "family of four",
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6", 2 },
	{ "rainbow flag", "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d"
	    "\xf0\x9f\x8c\x88", 1 },
	{ "flag pair", "\xf0\x9f\x87\xae\xf0\x9f\x87\xb7", 2 },
	{ "lone regional indicator", "\xf0\x9f\x87\xae", 1 },
	{ "skin tone as tmux", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 4 },
	{ "keycap", "1\xef\xb8\x8f\xe2\x83\xa3", 1 },
	{ "emoji test tube", "\xf0\x9f\xa7\xaa", 2 },
	{ "zero-width space", "a\xe2\x80\x8b" "b", 2 },
	{ "zwnj", "a\xe2\x80\x8c" "b", 2 },
	{ "heh zwj alef joined by tmux", "\xd9\x87\xe2\x80\x8d\xd8\xa7", 1 },
	{ "hangul jamo", "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 2 },
	{ "devanagari conjunct", "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7", 2 },
	{ "arabic number sign", "\xd8\x80\xd9\xa1", 2 },
	{ "soft hyphen unsanitised", "a\xc2\xad" "b", 3 },
	{ "circled number ten", "\xe3\x89\x88", 2 },
	{ "hexagram", "\xe4\xb7\x80", 2 },
	{ "kannada vowel sign", "\xe0\xb2\x95\xe0\xb2\xbf", 1 },
	{ "persian with zwnj",
	    "\xd8\xaf\xd8\xa7\xd8\xaf\xd9\x87\xe2\x80\x8c\xd9\x87\xd8\xa7", 6 },
	{ "harakat", "\xd8\xa8\xd9\x90\xd8\xb3\xd9\x92\xd9\x85\xd9\x90", 3 },
	{ "presentation forms", "\xef\xbb\xa3\xef\xba\xaa\xef\xbb\x9d", 3 },
	{ "placeholder and ellipsis", TEXT_PLACEHOLDER TEXT_ELLIPSIS, 2 },
	{ "replacement character", "\xef\xbf\xbd", 1 },
	{ "fullwidth latin", "\xef\xbc\xa1\xef\xbc\xa2", 4 },
};

static void
test_width_table(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof width_cases / sizeof *width_cases; i++)
		check_int(width_cases[i].name,
		    text_strwidth(width_cases[i].s), width_cases[i].width);
}

static void
test_width_emoji_title(void **state)
{
	char	*s;

	(void)state;
	s = repeat("\xf0\x9f\xa7\xaa\xf0\x9f\x94\xac", 40);	/* text.md 1 */
	check_int("80 emoji", text_strwidth(s), 160);
	free(s);
}

static void
test_width_stops_at_len(void **state)
{
	(void)state;
	check_int("first cluster only", text_width("\xe4\xb8\xad" "abc", 3),
	    2);
	check_int("embedded nul", text_width("ab\0cd", 5), 2);
}

/* --- Clusters --------------------------------------------------------- */

static const struct {
	const char	*name;
	const char	*s;
	size_t		 len;	/* bytes of the first cluster */
	int		 width;
} cluster_cases[] = {
	{ "ascii letter", "ab", 1, 1 },
	{ "letter and mark", "e\xcc\x81x", 3, 1 },
	{ "crlf", "\r\nx", 2, 0 },
	{ "flag is one cluster", "\xf0\x9f\x87\xae\xf0\x9f\x87\xb7x", 8, 2 },
	{ "three indicators pair the first two",
	    "\xf0\x9f\x87\xae\xf0\x9f\x87\xb7\xf0\x9f\x87\xae", 8, 2 },
	{ "family", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7x", 18, 2 },
	{ "zwj joins next letter", "\xd9\x87\xe2\x80\x8d\xd8\xa7x", 7, 1 },
	{ "zwj before ascii does not join", "a\xe2\x80\x8d" "b", 4, 1 },
	{ "smiley vs16", "\xe2\x98\xba\xef\xb8\x8fx", 6, 1 },
	{ "skin tone", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdx", 8, 4 },
	{ "wide", "\xe4\xb8\xad\xe6\x96\x87", 3, 2 },
	{ "persian letter with zwnj", "\xd9\x87\xe2\x80\x8c\xd9\x87", 5, 1 },
};

static void
test_cluster_table(void **state)
{
	struct text_cluster	c;
	size_t			i, n;

	(void)state;
	for (i = 0; i < sizeof cluster_cases / sizeof *cluster_cases; i++) {
		n = text_next_cluster(cluster_cases[i].s,
		    strlen(cluster_cases[i].s), &c);
		check_int(cluster_cases[i].name, (long)n,
		    (long)cluster_cases[i].len);
		check_int(cluster_cases[i].name, (long)c.len,
		    (long)cluster_cases[i].len);
		check_int(cluster_cases[i].name, c.width,
		    cluster_cases[i].width);
	}
}

static void
test_cluster_end(void **state)
{
	struct text_cluster	c;

	(void)state;
	assert_int_equal(text_next_cluster("", 0, &c), 0);
	assert_int_equal(text_next_cluster("abc", 0, &c), 0);
	assert_int_equal(c.len, 0);
}

/* --- Fitting and truncation ------------------------------------------- */

static const struct {
	const char	*name;
	const char	*s;
	int		 width;
	size_t		 bytes;
	int		 used;
} fit_cases[] = {
	{ "all fits", "abc", 5, 3, 3 },
	{ "cut ascii", "abcdef", 4, 4, 4 },
	{ "wide would straddle", "a\xe4\xb8\xad", 2, 1, 1 },
	{ "wide fits exactly", "a\xe4\xb8\xad", 3, 4, 3 },
	{ "mark kept with base", "e\xcc\x81" "e\xcc\x81", 1, 3, 1 },
	{ "family not split", "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9",
	    2, 1, 1 },
	{ "zero width", "abc", 0, 0, 0 },
};

static void
test_fit_table(void **state)
{
	size_t	i, n;
	int	used;

	(void)state;
	for (i = 0; i < sizeof fit_cases / sizeof *fit_cases; i++) {
		n = text_fit(fit_cases[i].s, strlen(fit_cases[i].s),
		    fit_cases[i].width, &used);
		check_int(fit_cases[i].name, (long)n, (long)fit_cases[i].bytes);
		check_int(fit_cases[i].name, used, fit_cases[i].used);
	}
}

static const struct {
	const char	*name;
	const char	*s;
	int		 width;
	const char	*want;
} truncate_cases[] = {
	{ "fits", "abc", 3, "abc" },
	{ "narrower", "abc", 10, "abc" },
	{ "cut", "abcdef", 4, "abc" TEXT_ELLIPSIS },
	{ "width one", "abc", 1, TEXT_ELLIPSIS },
	{ "width zero", "abc", 0, "" },
	{ "negative width", "abc", -3, "" },
	{ "space before ellipsis dropped", "ab  cd", 4, "ab" TEXT_ELLIPSIS },
	{ "wide cut even", "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87",
	    5, "\xe4\xb8\xad\xe6\x96\x87" TEXT_ELLIPSIS },
	{ "wide cut odd", "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad", 4,
	    "\xe4\xb8\xad" TEXT_ELLIPSIS },
	{ "marks stay", "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    "e\xcc\x81" TEXT_ELLIPSIS },
	{ "family kept whole", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9"
	    "\xe2\x80\x8d\xf0\x9f\x91\xa7" "abc", 3,
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7" TEXT_ELLIPSIS },
	{ "persian", "\xd9\x85\xd8\xaf\xd9\x84 \xd8\xa8\xd8\xb1\xd8\xa7"
	    "\xdb\x8c", 5, "\xd9\x85\xd8\xaf\xd9\x84" TEXT_ELLIPSIS },
};

static void
test_truncate_table(void **state)
{
	char	*got;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof truncate_cases / sizeof *truncate_cases; i++) {
		got = text_truncate(truncate_cases[i].s,
		    truncate_cases[i].width);
		check_string(truncate_cases[i].name, got,
		    truncate_cases[i].want);
		free(got);
	}
}

/* text.md 1: 80 emoji in a 40-column cell end in an ellipsis inside it. */
static void
test_truncate_emoji_title(void **state)
{
	char	*s, *got, *want, *body;

	(void)state;
	s = repeat("\xf0\x9f\xa7\xaa\xf0\x9f\x94\xac", 40);
	got = text_truncate(s, 40);
	/* 39 columns hold 19 emoji (38 columns) and the ellipsis. */
	body = repeat("\xf0\x9f\xa7\xaa\xf0\x9f\x94\xac", 10);
	body[strlen(body) - 4] = '\0';		/* drop the last 🔬 */
	assert_int_equal(asprintf(&want, "%s%s", body, TEXT_ELLIPSIS) > 0, 1);
	check_string("emoji title", got, want);
	check_int("emoji title width", text_strwidth(got), 39);
	free(got);
	got = text_pad(s, 40);
	check_int("padded width", text_strwidth(got), 40);
	free(got);
	free(want);
	free(body);
	free(s);
}

static void
test_pad(void **state)
{
	char	*got;

	(void)state;
	got = text_pad("ab", 4);
	check_string("pad short", got, "ab  ");
	free(got);
	got = text_pad("a\xe4\xb8\xad\xe6\x96\x87", 4);
	check_string("pad after cut", got, "a\xe4\xb8\xad" TEXT_ELLIPSIS);
	free(got);
	got = text_pad("ab\xe4\xb8\xad\xe6\x96\x87", 4);
	check_string("pad after wide cut", got, "ab" TEXT_ELLIPSIS " ");
	free(got);
	got = text_pad("\xe4\xb8\xad", 2);
	check_string("pad exact", got, "\xe4\xb8\xad");
	free(got);
}

/* --- Wrapping --------------------------------------------------------- */

/* Returns the wrapped lines of s joined with "|", allocated. */
static char *
wrap_joined(const char *s, int width)
{
	struct text_line	*lines;
	size_t			 n, i, len = 0;
	char			*out;

	n = text_wrap(s, width, &lines);
	out = malloc(strlen(s) + n + 1);
	assert_non_null(out);
	for (i = 0; i < n; i++) {
		if (i > 0)
			out[len++] = '|';
		memcpy(out + len, s + lines[i].start, lines[i].len);
		len += lines[i].len;
	}
	out[len] = '\0';
	free(lines);
	return out;
}

static const struct {
	const char	*name;
	const char	*s;
	int		 width;
	const char	*want;
} wrap_cases[] = {
	{ "one line", "abc def", 20, "abc def" },
	{ "two words", "hello world", 5, "hello|world" },
	{ "break at last space", "aa bb cc dd", 5, "aa bb|cc dd" },
	{ "spaces past width", "abcde     fgh", 5, "abcde|fgh" },
	{ "leading spaces", "   lead", 10, "lead" },
	{ "trailing spaces", "tail   ", 10, "tail" },
	{ "empty", "", 10, "" },
	{ "only spaces", "    ", 10, "" },
	{ "long word broken", "abcdefghij", 4, "abcd|efgh|ij" },
	{ "short then long", "a xxxxxxxxxxxxxxxxxxxxxxxxx", 10,
	    "a|xxxxxxxxxx|xxxxxxxxxx|xxxxx" },
	{ "hyphen", "well-known words", 6, "well-|known|words" },
	{ "cjk between ideographs",
	    "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
	    "\xe6\x96\x87", 5, "\xe4\xb8\xad\xe6\x96\x87|\xe4\xb8\xad\xe6\x96"
	    "\x87|\xe4\xb8\xad\xe6\x96\x87" },
	{ "wide wider than width", "\xe4\xb8\xad" "a", 1, "\xe4\xb8\xad|a" },
	{ "width zero acts as one", "ab", 0, "a|b" },
	{ "marks not split", "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81" },
	{ "mandatory break", "ab\ncd", 10, "ab|cd" },
	{ "blank line kept", "ab\n\ncd", 10, "ab||cd" },
	{ "crlf", "ab\r\ncd", 10, "ab|cd" },
	{ "ideographic space trimmed", "ab\xe3\x80\x80" "cd", 3, "ab|cd" },
	{ "persian words",
	    "\xd8\xaf\xd8\xa7\xd8\xaf\xd9\x87\xe2\x80\x8c\xd9\x87\xd8\xa7 "
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87"
	    "\xd9\x85", 8,
	    "\xd8\xaf\xd8\xa7\xd8\xaf\xd9\x87\xe2\x80\x8c\xd9\x87\xd8\xa7|"
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87"
	    "\xd9\x85" },
	{ "family not split", "ab\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9",
	    3, "ab|\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9" },
};

static void
test_wrap_table(void **state)
{
	char	*got;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof wrap_cases / sizeof *wrap_cases; i++) {
		got = wrap_joined(wrap_cases[i].s, wrap_cases[i].width);
		check_string(wrap_cases[i].name, got, wrap_cases[i].want);
		free(got);
	}
}

/* text.md 6: one 300-character word in a 20-column pane. */
static void
test_wrap_long_word(void **state)
{
	struct text_line	*lines;
	char			 word[301], joined[301];
	size_t			 n, i, len = 0;

	(void)state;
	for (i = 0; i < 300; i++)
		word[i] = (char)('a' + i % 26);
	word[300] = '\0';
	n = text_wrap(word, 20, &lines);
	assert_int_equal(n, 15);
	for (i = 0; i < n; i++) {
		check_int("piece width", text_width(word + lines[i].start,
		    lines[i].len), 20);
		check_int("piece starts where the last ended",
		    (long)lines[i].start, (long)len);
		memcpy(joined + len, word + lines[i].start, lines[i].len);
		len += lines[i].len;
	}
	joined[len] = '\0';
	assert_string_equal(joined, word);
	free(lines);
}

/* Every line of a wrapped text fits, and no letter is lost. */
static void
test_wrap_keeps_text(void **state)
{
	static const char	*texts[] = {
		"The aim of this study is to identify the key strategies of "
		    "knowledge management by ANN.",
		"\xd9\x85\xd8\xaf\xd9\x84 LSTM \xd8\xa8\xd8\xb1\xd8\xa7\xdb\x8c "
		    "2024 \xd8\xaf\xd8\xa7\xd8\xaf\xd9\x87\xe2\x80\x8c\xd9\x87"
		    "\xd8\xa7 (v2)",
		"\xe6\xb7\xb1\xe5\xba\xa6\xe5\xad\xa6\xe4\xb9\xa0\xe7\x9a\x84"
		    "\xe5\x9b\xbe\xe5\x83\x8f\xe8\xaf\x86\xe5\x88\xab abc",
	};
	struct text_line	*lines;
	size_t			 t, n, i, letters, kept;
	int			 width;

	(void)state;
	for (t = 0; t < sizeof texts / sizeof *texts; t++) {
		for (width = 1; width <= 30; width++) {
			n = text_wrap(texts[t], width, &lines);
			kept = 0;
			for (i = 0; i < n; i++) {
				if (text_width(texts[t] + lines[i].start,
				    lines[i].len) > (width < 2 ? 2 : width))
					fail_msg("text %zu width %d line %zu "
					    "too wide", t, width, i);
				kept += lines[i].len;
			}
			letters = strlen(texts[t]);
			for (i = 0; texts[t][i] != '\0'; i++)
				letters -= texts[t][i] == ' ';
			for (i = 0; i < n; i++) {
				size_t	j;

				for (j = 0; j < lines[i].len; j++)
					kept -= texts[t][lines[i].start + j] ==
					    ' ';
			}
			if (kept != letters)
				fail_msg("text %zu width %d: %zu of %zu bytes "
				    "kept", t, width, kept, letters);
			free(lines);
		}
	}
}

/* --- Sanitising ------------------------------------------------------- */

#define PH	TEXT_PLACEHOLDER

static const struct {
	const char	*name;
	const char	*s;
	const char	*want;
} sanitize_cases[] = {
	{ "plain", "plain text", "plain text" },
	{ "carriage return (text.md 2)",
	    "extend the LINEAR\r over both usages",
	    "extend the LINEAR  over both usages" },
	{ "tabs (text.md 3)", "Tab\tinside\ttitle", "Tab inside title" },
	{ "escapes (text.md 4)",
	    "\x1b[31mRED\x1b[0m \x1b]0;PWNED\a \x1b]52;c;aGk=\a",
	    PH "RED" PH " " PH " " PH },
	{ "osc ended by ST", "a\x1b]0;title\x1b\\b", "a" PH "b" },
	{ "osc ended by C1 ST", "a\x1b]0;title\xc2\x9c" "b", "a" PH "b" },
	{ "osc cancelled by CAN", "a\x1b]0;x\x18" "b", "a" PH "b" },
	{ "osc cut by next escape", "a\x1b]0;x\x1b[1mb", "a" PH PH "b" },
	{ "unterminated osc keeps text", "a\x1b]0;rest", "a" PH "0;rest" },
	{ "dcs", "a\x1bPq#0;1\x1b\\b", "a" PH "b" },
	{ "apc", "a\x1b_Gf=1;x\x1b\\b", "a" PH "b" },
	{ "csi private mode", "a\x1b[?1049hb", "a" PH "b" },
	{ "csi broken by control", "a\x1b[12\nb", "a" PH " b" },
	{ "csi broken by utf-8", "a\x1b[1\xc3\xa9", "a" PH "\xc3\xa9" },
	{ "charset designation", "a\x1b(Bb", "a" PH "b" },
	{ "esc before utf-8 keeps the letter", "\x1b\xc3\xa9", PH "\xc3\xa9" },
	{ "esc at end", "a\x1b", "a" PH },
	{ "bel", "a\ab", "a" PH "b" },
	{ "nul-free c0", "\x01\x02", PH PH },
	{ "del", "a\x7f" "b", "a" PH "b" },
	{ "c1 control", "a\xc2\x85" "b", "a b" },
	{ "c1 csi with parameters", "a\xc2\x9b" "31mb", "a" PH "b" },
	{ "c1 osc", "a\xc2\x9d" "0;t\a" "b", "a" PH "b" },
	{ "other c1", "a\xc2\x8e" "b", "a" PH "b" },
	{ "invalid byte", "caf\xe9", "caf\xef\xbf\xbd" },
	{ "raw c1 byte", "a\x9b" "31m", "a\xef\xbf\xbd" "31m" },
	{ "overlong", "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd" },
	{ "encoded surrogate", "\xed\xa0\x80",
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	{ "bidi override removed", "a\xe2\x80\xae" "b\xe2\x80\xac",
	    "ab" },
	{ "bidi isolates removed", "\xe2\x81\xa6x\xe2\x81\xa9", "x" },
	{ "bidi marks kept", "a\xe2\x80\x8f" "b", "a\xe2\x80\x8f" "b" },
	{ "line separator", "a\xe2\x80\xa8" "b", "a b" },
	{ "soft hyphen removed", "hy\xc2\xadphen", "hyphen" },
	{ "zwj before ascii removed", "a\xe2\x80\x8d" "b", "ab" },
	{ "zwj in family kept",
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" },
	{ "zwnj kept", "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae",
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae" },
	{ "leading mark gets a base", "\xcc\x81x", "\xe2\x97\x8c\xcc\x81x" },
	{ "mark after removed control", "\xe2\x80\xae\xd9\x90",
	    "\xe2\x97\x8c\xd9\x90" },
	{ "mark after space keeps space", "\t\xcc\x81", " \xcc\x81" },
	{ "unassigned code point", "a\xcd\xb8" "b", "a\xef\xbf\xbd" "b" },
	{ "noncharacter", "\xef\xbf\xbe", "\xef\xbf\xbd" },
	{ "private use kept", "\xee\x80\x80", "\xee\x80\x80" },
	{ "decomposed kept (text.md 7)", "e\xcc\x80" "a\xcc\x80",
	    "e\xcc\x80" "a\xcc\x80" },
};

static void
test_sanitize_table(void **state)
{
	char	*got;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof sanitize_cases / sizeof *sanitize_cases; i++) {
		got = text_sanitize(sanitize_cases[i].s);
		check_string(sanitize_cases[i].name, got,
		    sanitize_cases[i].want);
		free(got);
	}
}

/* No byte that a terminal acts on survives, whatever the input. */
static void
test_sanitize_no_controls(void **state)
{
	char		 in[64], *got;
	size_t		 i, j;
	unsigned int	 seed = 1;
	unsigned char	 c;

	(void)state;
	for (i = 0; i < 20000; i++) {
		for (j = 0; j < sizeof in - 1; j++) {
			seed = seed * 1103515245 + 12345;
			c = (unsigned char)(seed >> 16);
			in[j] = (char)(c == 0 ? 'x' : c);
		}
		in[sizeof in - 1] = '\0';
		got = text_sanitize(in);
		if (!text_valid_utf8(got, strlen(got)))
			fail_msg("round %zu: invalid UTF-8 out", i);
		for (j = 0; got[j] != '\0'; j++) {
			c = (unsigned char)got[j];
			if (c < 0x20 || c == 0x7f)
				fail_msg("round %zu: control 0x%02x out", i, c);
			if (c == 0xc2 && (unsigned char)got[j + 1] >= 0x80 &&
			    (unsigned char)got[j + 1] < 0xa0)
				fail_msg("round %zu: C1 control out", i);
		}
		free(got);
	}
}

/* --- Repair and cleaning ---------------------------------------------- */

static void
test_repair(void **state)
{
	char	*got;
	bool	 repaired;

	(void)state;
	got = text_repair_utf8("caf\xe9 \x93q\x94 \x81", 11, &repaired);
	check_string("cp1252", got, "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d "
	    "\xef\xbf\xbd");
	assert_true(repaired);
	free(got);
	got = text_repair_utf8("ok \xc3\xa9", 5, &repaired);
	check_string("valid", got, "ok \xc3\xa9");
	assert_false(repaired);
	free(got);
	assert_int_equal(text_valid_prefix("ab\xff", 3), 2);
}

static void
test_clean_spaces(void **state)
{
	char	*got;

	(void)state;
	got = text_clean_spaces("  a\t\xc2\xa0" "b\xe3\x80\x80\n c  ");
	check_string("spaces", got, "a b c");
	free(got);
	got = text_clean_spaces("cafe\xcc\x81");
	check_string("nfc", got, "caf\xc3\xa9");
	free(got);
}

/* --- Words ------------------------------------------------------------ */

static const struct {
	const char	*name;
	const char	*s;
	const char	*want;	/* words joined with "|" */
} words_cases[] = {
	{ "two words", "hello world", "hello|world" },
	{ "apostrophe splits", "don't", "don|t" },
	{ "underscore splits", "a_b", "a|b" },
	{ "hyphen splits", "well-known", "well|known" },
	{ "digits", "lstm 2024 v2", "lstm|2024|v2" },
	{ "superscript digit", "x\xc2\xb2", "x\xc2\xb2" },
	{ "emoji separate", "\xf0\x9f\x98\x80x\xf0\x9f\x98\x80", "x" },
	{ "symbols separate", "\xc2\xa9 2024", "2024" },
	{ "ideographs one a word",
	    "\xe6\xa9\x9f\xe6\xa2\xb0 ai", "\xe6\xa9\x9f|\xe6\xa2\xb0|ai" },
	{ "ideograph next to latin", "ai\xe6\xa9\x9f", "ai|\xe6\xa9\x9f" },
	{ "hangul stays whole", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
	    "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4" },
	{ "zwnj inside word",
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae \xda\xa9",
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae|\xda\xa9" },
	{ "zwnj does not start a word", "\xe2\x80\x8c" "ab", "ab" },
	{ "mark does not start a word", "\xcc\x81" "ab", "ab" },
	{ "mark inside word", "e\xcc\x81x", "e\xcc\x81x" },
	{ "tatweel inside word", "\xda\xa9\xd9\x80\xd8\xaa",
	    "\xda\xa9\xd9\x80\xd8\xaa" },
	{ "devanagari vowel sign", "\xe0\xa4\x95\xe0\xa4\xbf",
	    "\xe0\xa4\x95\xe0\xa4\xbf" },
	{ "private use", "a\xee\x80\x80" "b", "a\xee\x80\x80" "b" },
	{ "empty", "", "" },
	{ "only punctuation", "-- !", "" },
};

static void
test_words_table(void **state)
{
	struct text_span	*words;
	char			 got[256];
	size_t			 i, n, k, len;

	(void)state;
	for (i = 0; i < sizeof words_cases / sizeof *words_cases; i++) {
		n = text_words(words_cases[i].s, &words);
		len = 0;
		for (k = 0; k < n; k++) {
			if (k > 0)
				got[len++] = '|';
			memcpy(got + len, words_cases[i].s + words[k].start,
			    words[k].len);
			len += words[k].len;
		}
		got[len] = '\0';
		check_string(words_cases[i].name, got, words_cases[i].want);
		free(words);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_table),
		cmocka_unit_test(test_width_emoji_title),
		cmocka_unit_test(test_width_stops_at_len),
		cmocka_unit_test(test_cluster_table),
		cmocka_unit_test(test_cluster_end),
		cmocka_unit_test(test_fit_table),
		cmocka_unit_test(test_truncate_table),
		cmocka_unit_test(test_truncate_emoji_title),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_wrap_table),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_keeps_text),
		cmocka_unit_test(test_sanitize_table),
		cmocka_unit_test(test_sanitize_no_controls),
		cmocka_unit_test(test_repair),
		cmocka_unit_test(test_clean_spaces),
		cmocka_unit_test(test_words_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
