/*
 * Unit tests of bidi.h: paragraph direction, visual order with mirrored
 * brackets and Arabic presentation forms, the order map that carries
 * highlights to the visual line, and width invariance.
 *
 * Expected visual strings were worked out by hand from UAX #9 and the
 * Arabic joining rules, then checked against the output. The letters
 * are written as UTF-8 escapes, and each macro name gives the word.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bidi.h"
#include "text.h"

/* Logical words, and the visual form of each on its own (reversed, shaped). */
#define SALAM		"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"	/* سلام */
/* meem isolated, alef final, lam medial, seen initial */
#define SALAM_VIS	"\xef\xbb\xa1\xef\xba\x8e\xef\xbb\xa0\xef\xba\xb3"
#define SAL		"\xd8\xb3\xd9\x84"			/* سل */
#define SAL_VIS		"\xef\xbb\x9e\xef\xba\xb3"		/* lam final, seen initial */
#define BISM		"\xd8\xa8\xd9\x90\xd8\xb3\xd9\x92\xd9\x85\xd9\x90"
/* each kasra or sukun stays after its letter: meem final, seen medial, beh initial */
#define BISM_VIS	"\xef\xbb\xa2\xd9\x90\xef\xba\xb4\xd9\x92\xef\xba\x91" \
			"\xd9\x90"
#define IRAN		"\xd8\xa7\xdb\x8c\xd8\xb1\xd8\xa7\xd9\x86"	/* ایران */
#define IRAN_VIS	"\xef\xbb\xa5\xef\xba\x8d\xef\xba\xae\xef\xaf\xbe" \
			"\xef\xba\x8d"
#define ALI_MOHAMMADI	"\xd8\xb9\xd9\x84\xdb\x8c \xd9\x85\xd8\xad\xd9\x85" \
			"\xd8\xaf\xdb\x8c"
#define ALI_MOHAMMADI_VIS "\xef\xaf\xbc\xef\xba\xaa\xef\xbb\xa4\xef\xba\xa4" \
			"\xef\xbb\xa3 \xef\xaf\xbd\xef\xbb\xa0\xef\xbb\x8b"
#define LAM_ALEF	"\xd9\x84\xd8\xa7"
/* no ligature: alef final and lam initial, two cells as in the logical text */
#define LAM_ALEF_VIS	"\xef\xba\x8e\xef\xbb\x9f"
#define KETAB_123	"\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8 \xdb\xb1\xdb\xb2\xdb\xb3"
#define KETAB_123_VIS	"\xdb\xb1\xdb\xb2\xdb\xb3 \xef\xba\x8f\xef\xba\x8e" \
			"\xef\xba\x98\xef\xae\x90"
#define FLAG_IR		"\xf0\x9f\x87\xae\xf0\x9f\x87\xb7"

/*
 * Text case 10: "مدل LSTM برای 2024 داده‌ها (v2)". The first strong
 * letter is Persian, so the paragraph is right-to-left (level 1). LSTM,
 * 2024 (a European number after Arabic letters, so an Arabic number) and
 * v2 get level 2. The spaces and the brackets (a pair around
 * left-to-right text whose context is right-to-left) stay at level 1.
 * Reversing the level-2 runs and then the whole line keeps LSTM, 2024
 * and v2 reading left to right. It puts "(v2)" at the far left with both
 * brackets mirrored, so they still face outwards. Each Persian word is
 * reversed in its joined forms, and the ZWNJ stays after the heh it
 * follows in the logical text.
 */
#define CASE10		"\xd9\x85\xd8\xaf\xd9\x84 LSTM \xd8\xa8\xd8\xb1\xd8\xa7" \
			"\xdb\x8c 2024 \xd8\xaf\xd8\xa7\xd8\xaf\xd9\x87\xe2\x80" \
			"\x8c\xd9\x87\xd8\xa7 (v2)"
#define CASE10_VIS	"(v2) \xef\xba\x8e\xef\xbb\xab\xef\xbb\xa9\xe2\x80\x8c" \
			"\xef\xba\xa9\xef\xba\x8d\xef\xba\xa9 2024 \xef\xaf\xbc" \
			"\xef\xba\x8d\xef\xba\xae\xef\xba\x91 LSTM \xef\xbb\x9d" \
			"\xef\xba\xaa\xef\xbb\xa3"

static void
check_string(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", expected \"%s\"", name, got, want);
}

static const struct {
	const char	*name;
	const char	*s;
	const char	*want;
} visual_cases[] = {
	{ "text case 10", CASE10, CASE10_VIS },
	{ "ltr unchanged", "plain text (v2)", "plain text (v2)" },
	{ "empty", "", "" },
	{ "rtl paragraph with latin", SALAM " world", "world " SALAM_VIS },
	{ "ltr paragraph with persian", "ab " SAL, "ab " SAL_VIS },
	{ "brackets mirrored", "(" SALAM ")", "(" SALAM_VIS ")" },
	{ "marks after their letters", BISM, BISM_VIS },
	{ "flag not reversed", FLAG_IR " " IRAN, FLAG_IR " " IRAN_VIS },
	{ "trailing spaces stay at the end", "abc " SALAM "  ",
	    "abc " SALAM_VIS "  " },
	{ "trailing spaces of rtl line", SALAM "  ", "  " SALAM_VIS },
	{ "english title with persian name",
	    "Analysis of " ALI_MOHAMMADI " (2020)",
	    "Analysis of (2020) " ALI_MOHAMMADI_VIS },
	{ "no lam-alef ligature", LAM_ALEF, LAM_ALEF_VIS },
	{ "persian digits", KETAB_123, KETAB_123_VIS },
};

static void
test_visual_table(void **state)
{
	char	*got;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof visual_cases / sizeof *visual_cases; i++) {
		got = bidi_visual(visual_cases[i].s, strlen(visual_cases[i].s),
		    NULL);
		check_string(visual_cases[i].name, got, visual_cases[i].want);
		free(got);
	}
}

/* A wrapped line takes its paragraph's direction, not its own. */
static void
test_visual_dir(void **state)
{
	char	*got;

	(void)state;
	/* The full stop ends a right-to-left line, so it goes to the left. */
	got = bidi_visual_dir("LSTM 2024.", 10, true, NULL);
	check_string("latin line of rtl paragraph", got, ".LSTM 2024");
	free(got);
	got = bidi_visual_dir("LSTM 2024.", 10, false, NULL);
	check_string("latin line of ltr paragraph", got, "LSTM 2024.");
	free(got);
	got = bidi_visual_dir(SALAM " x", strlen(SALAM " x"), false, NULL);
	check_string("persian line of ltr paragraph", got, SALAM_VIS " x");
	free(got);
}

static const struct {
	const char	*name;
	const char	*s;
	bool		 rtl;
} direction_cases[] = {
	{ "starts with persian", CASE10, true },
	{ "english with persian name", "Analysis of " ALI_MOHAMMADI, false },
	{ "digits before persian", "2024 " SALAM, true },
	{ "bracket before persian", "(" SALAM ")", true },
	{ "latin acronym first", "LSTM " SALAM, false },
	{ "no strong character", "2024 (1)", false },
	{ "empty", "", false },
	{ "hebrew", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", true },
	{ "right-to-left mark", "\xe2\x80\x8f" "abc", true },
	{ "flag is left-to-right", FLAG_IR " " IRAN, false },
};

static void
test_paragraph_direction(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof direction_cases / sizeof *direction_cases;
	    i++) {
		if (bidi_paragraph_rtl(direction_cases[i].s,
		    strlen(direction_cases[i].s)) != direction_cases[i].rtl)
			fail_msg("%s: expected %s", direction_cases[i].name,
			    direction_cases[i].rtl ? "rtl" : "ltr");
	}
}

static void
test_has_rtl(void **state)
{
	(void)state;
	assert_true(bidi_has_rtl(CASE10, strlen(CASE10)));
	assert_true(bidi_has_rtl("x " SALAM, strlen("x " SALAM)));
	assert_false(bidi_has_rtl("plain", 5));
	assert_false(bidi_has_rtl("\xdb\xb1\xdb\xb2", 4));	/* digits only */
	assert_false(bidi_has_rtl("\xef\xbb\xbf", 3));		/* BOM */
	assert_false(bidi_has_rtl("", 0));
}

/*
 * The order map sends every visual byte back to the logical byte it
 * came from: "ab سل" shows as "ab " then lam (logical offset 5) and seen
 * (logical offset 3), three bytes each in presentation form.
 */
static void
test_order_map(void **state)
{
	static const size_t	 want[] = { 0, 1, 2, 5, 5, 5, 3, 3, 3 };
	const char		*s = "ab " SAL;
	char			*got;
	size_t			*order, i;

	(void)state;
	got = bidi_visual(s, strlen(s), &order);
	check_string("visual", got, "ab " SAL_VIS);
	assert_int_equal(strlen(got), sizeof want / sizeof *want);
	for (i = 0; i < sizeof want / sizeof *want; i++)
		assert_int_equal(order[i], want[i]);
	free(got);
	free(order);
}

/* A highlight on the logical word "LSTM" lands on "LSTM" in case 10. */
static void
test_order_map_highlight(void **state)
{
	const char	*s = CASE10, *word;
	char		*got;
	size_t		*order, start, end, i, first = 0, count = 0;

	(void)state;
	word = strstr(s, "LSTM");
	start = (size_t)(word - s);
	end = start + 4;
	got = bidi_visual(s, strlen(s), &order);
	for (i = 0; got[i] != '\0'; i++) {
		if (order[i] >= start && order[i] < end) {
			if (count == 0)
				first = i;
			count++;
		}
	}
	assert_int_equal(count, 4);
	assert_memory_equal(got + first, "LSTM", 4);
	free(got);
	free(order);
}

static void
test_order_map_identity(void **state)
{
	char	*got;
	size_t	*order, i;

	(void)state;
	got = bidi_visual("left", 4, &order);
	check_string("ltr copy", got, "left");
	for (i = 0; i < 4; i++)
		assert_int_equal(order[i], i);
	free(got);
	free(order);
}

/* The visual line has the width of the logical one, cluster for cluster. */
static void
test_width_kept(void **state)
{
	static const char	*lines[] = {
		CASE10, BISM, FLAG_IR " " IRAN, LAM_ALEF " " SALAM,
		"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 " SALAM,
		"e\xcc\x81 \xe4\xb8\xad " SAL, KETAB_123,
	};
	char			*got;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		got = bidi_visual(lines[i], strlen(lines[i]), NULL);
		if (text_strwidth(got) != text_strwidth(lines[i]))
			fail_msg("line %zu: width %d, logical %d", i,
			    text_strwidth(got), text_strwidth(lines[i]));
		free(got);
	}
}

static void
test_mode_names(void **state)
{
	(void)state;
	assert_int_equal(bidi_mode_from_name("auto"), BIDI_AUTO);
	assert_int_equal(bidi_mode_from_name("app"), BIDI_APP);
	assert_int_equal(bidi_mode_from_name("terminal"), BIDI_TERMINAL);
	assert_int_equal(bidi_mode_from_name("rtl"), -1);
	assert_int_equal(bidi_resolve(BIDI_APP), BIDI_APP);
	assert_int_equal(bidi_resolve(BIDI_TERMINAL), BIDI_TERMINAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visual_table),
		cmocka_unit_test(test_visual_dir),
		cmocka_unit_test(test_paragraph_direction),
		cmocka_unit_test(test_has_rtl),
		cmocka_unit_test(test_order_map),
		cmocka_unit_test(test_order_map_highlight),
		cmocka_unit_test(test_order_map_identity),
		cmocka_unit_test(test_width_kept),
		cmocka_unit_test(test_mode_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
