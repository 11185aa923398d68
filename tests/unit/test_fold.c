/*
 * Unit tests of text_fold(), the folding shared by the full-text index,
 * the query and the duplicate detector, and of its agreement with the
 * index: text_words() on folded text must find the words that SQLite's
 * unicode61 tokenizer (as configured in catalogue.c) finds.
 *
 * Cases marked "text.md" come from tests/data/text-cases.md.
 *
 * With FEHREST_FOLD_BENCH set, test_fold_throughput prints the folding
 * speed in MB/s for ASCII and for mixed Persian and English text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "text.h"

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
} fold_cases[] = {
	/* ASCII and Latin */
	{ "ascii lower", "Hello, World!", "hello, world!" },
	{ "grave accent to apostrophe", "it`s", "it's" },
	{ "naive", "Na\xc3\xafve", "naive" },
	{ "cafe nfc", "caf\xc3\xa9", "cafe" },
	{ "cafe nfd", "cafe\xcc\x81", "cafe" },
	{ "cafe upper", "CAF\xc3\x89", "cafe" },
	{ "mark after long ascii word",
	    "abcdefghijklmnopqrstuvwxyze\xcc\x81",
	    "abcdefghijklmnopqrstuvwxyze" },
	{ "mark after upper ascii", "A\xcc\x8a" "B", "ab" },
	{ "mark on digit", "1\xe2\x83\xa3", "1" },
	{ "mark at start", "\xcc\x81" "ab", "ab" },
	{ "decomposed pairs (text.md 7)",
	    "e\xcc\x80" "a\xcc\x80" "e\xcc\x80" "a\xcc\x80", "eaea" },
	{ "precomposed pair (text.md 7)", "\xc3\xa8\xc3\xa0", "ea" },
	{ "runs across ascii",
	    "\xc3\xa9" "abcdefghijklmnopqrst\xc3\xa8", "eabcdefghijklmnopqrste" },
	{ "sharp s", "Stra\xc3\x9f" "e", "strasse" },
	{ "ligature", "\xef\xac\x81le", "file" },
	{ "roman numeral", "\xe2\x85\xab", "xii" },
	{ "circled digit", "\xe2\x91\xa0", "1" },
	{ "superscript", "x\xc2\xb2", "x2" },
	{ "fullwidth", "\xef\xbc\xa1\xef\xbc\xa2", "ab" },
	{ "dotted capital i", "\xc4\xb0stanbul", "istanbul" },
	{ "o slash", "S\xc3\xb8ren", "soren" },
	{ "capital o slash", "\xc3\x98RSTED", "orsted" },
	{ "ae ligature", "\xc3\x86sop \xc3\xa6ther", "aesop aether" },
	{ "oe ligature", "\xc5\x92uvre c\xc5\x93ur", "oeuvre coeur" },
	{ "capital sharp s", "STRA\xe1\xba\x9e" "E", "strasse" },
	{ "d with stroke", "\xc4\x90or\xc4\x91" "e", "dorde" },
	{ "eth", "\xc3\x90\xc3\xb0", "dd" },
	{ "l with stroke", "\xc5\x81\xc3\xb3" "d\xc5\xba \xc5\x82", "lodz l" },
	{ "thorn", "\xc3\x9eing \xc3\xbe", "thing th" },
	{ "dotless i", "Ayd\xc4\xb1n", "aydin" },
	{ "h with stroke", "\xc4\xa6\xc4\xa7", "hh" },
	{ "t with stroke", "\xc5\xa6\xc5\xa7", "tt" },
	{ "kra", "\xc4\xb8", "k" },
	{ "o slash with accent", "\xc3\xb8\xcc\x81x", "ox" },
	{ "o slash in persian run", "\xd9\x85\xc3\xb8", "\xd9\x85o" },
	{ "no-break space", "a\xc2\xa0" "b", "a b" },
	{ "invalid utf-8 repaired", "caf\xe9", "cafe" },
	/* typography */
	{ "curly double quotes", "\xe2\x80\x9cquoted\xe2\x80\x9d",
	    "\"quoted\"" },
	{ "curly apostrophe", "don\xe2\x80\x99t", "don't" },
	{ "guillemets", "\xc2\xab" "x\xc2\xbb", "\"x\"" },
	{ "dashes", "a\xe2\x80\x93" "b\xe2\x80\x94" "c\xe2\x88\x92" "d",
	    "a-b-c-d" },
	{ "soft hyphen", "hy\xc2\xadphen", "hyphen" },
	/* Greek and Cyrillic */
	{ "greek accents", "\xce\x86\xce\xbb\xcf\x86\xce\xb1",
	    "\xce\xb1\xce\xbb\xcf\x86\xce\xb1" },
	{ "greek final sigma", "\xce\x9f\xce\x94\xce\x9f\xce\xa3",
	    "\xce\xbf\xce\xb4\xce\xbf\xcf\x83" },
	{ "cyrillic short i kept", "\xd0\x99\xd0\xbe\xd0\xb4",
	    "\xd0\xb9\xd0\xbe\xd0\xb4" },
	{ "cyrillic yo kept", "\xd0\x81\xd0\xb6", "\xd1\x91\xd0\xb6" },
	/* Persian and Arabic (text.md 5) */
	{ "harakat", "\xd8\xa8\xd9\x90\xd8\xb3\xd9\x92\xd9\x85\xd9\x90",
	    "\xd8\xa8\xd8\xb3\xd9\x85" },
	{ "zwnj", "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7"
	    "\xd9\x87\xd9\x85",
	    "\xd9\x85\xdb\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85" },
	{ "tatweel", "\xda\xa9\xd9\x80\xd9\x80\xd9\x80\xd8\xaa\xd8\xa7"
	    "\xd8\xa8", "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8" },
	{ "arabic yeh", "\xd8\xb9\xd9\x84\xd9\x8a",
	    "\xd8\xb9\xd9\x84\xdb\x8c" },
	{ "alef maksura", "\xd9\x85\xd9\x88\xd8\xb3\xd9\x89",
	    "\xd9\x85\xd9\x88\xd8\xb3\xdb\x8c" },
	{ "arabic kaf", "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8",
	    "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8" },
	{ "teh marbuta", "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9",
	    "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd9\x87" },
	{ "persian digits", "\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb2", "1402" },
	{ "arabic-indic digits", "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3", "2023" },
	{ "kasra in name", "\xd8\xaf\xd9\x90\xd9\x87\xd9\x82\xd8\xa7\xd9\x86",
	    "\xd8\xaf\xd9\x87\xd9\x82\xd8\xa7\xd9\x86" },
	{ "tatweel in name", "\xd8\xaf\xd9\x87\xd9\x80\xd9\x82\xd8\xa7\xd9\x86",
	    "\xd8\xaf\xd9\x87\xd9\x82\xd8\xa7\xd9\x86" },
	{ "presentation forms", "\xef\xbb\xa3\xef\xba\xaa\xef\xbb\x9d",
	    "\xd9\x85\xd8\xaf\xd9\x84" },
	{ "heh with yeh above", "\xd8\xae\xd8\xa7\xd9\x86\xd9\x87\xd9\x94",
	    "\xd8\xae\xd8\xa7\xd9\x86\xd9\x87" },
	{ "alef with hamza", "\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf",
	    "\xd8\xa7\xd8\xad\xd9\x85\xd8\xaf" },
	{ "mixed persian and latin",
	    "\xd9\x85\xd8\xaf\xd9\x84 LSTM \xd8\xa8\xd8\xb1\xd8\xa7\xdb\x8c",
	    "\xd9\x85\xd8\xaf\xd9\x84 lstm \xd8\xa8\xd8\xb1\xd8\xa7\xdb\x8c" },
	{ "bidi marks dropped", "a\xe2\x80\x8f" "b", "ab" },
	{ "isolates dropped", "a\xe2\x81\xa6" "b\xe2\x81\xa9", "ab" },
	{ "arabic comma", "x\xd8\x8c" "y", "x y" },
	{ "persian decimal separator", "\xdb\xb1\xdb\xb2\xd9\xab\xdb\xb5",
	    "12 5" },
	/* symbols and lone marks */
	{ "emoji to space", "a\xf0\x9f\xa7\xaa" "b", "a b" },
	{ "old emoji to space", "a\xf0\x9f\x98\x80" "b", "a b" },
	{ "new punctuation to space", "a\xe2\xb9\x80" "b", "a b" },
	{ "copyright to space", "\xc2\xa9" "2024", " 2024" },
	{ "zero-width space splits", "a\xe2\x80\x8b" "b", "a b" },
	{ "mark after space dropped", "a \xe0\xa4\xbf", "a " },
	{ "devanagari sign kept", "\xe0\xa4\x95\xe0\xa4\xbf",
	    "\xe0\xa4\x95\xe0\xa4\xbf" },
	/* ideographs become words of their own */
	{ "han", "\xe6\xa9\x9f\xe6\xa2\xb0\xe5\xad\xa6\xe7\xbf\x92",
	    "\xe6\xa9\x9f \xe6\xa2\xb0 \xe5\xad\xa6 \xe7\xbf\x92" },
	{ "latin then han", "AI\xe6\xa9\x9f\xe6\xa2\xb0",
	    "ai \xe6\xa9\x9f \xe6\xa2\xb0" },
	{ "han then latin", "\xe6\xa9\x9f\xe6\xa2\xb0" "AI",
	    "\xe6\xa9\x9f \xe6\xa2\xb0 ai" },
	{ "digits then han", "2024\xe5\xb9\xb4", "2024 \xe5\xb9\xb4" },
	{ "han then long ascii", "\xe5\xb9\xb4" "abcdefghij",
	    "\xe5\xb9\xb4 abcdefghij" },
	{ "halfwidth katakana", "\xef\xbd\xb6\xef\xbe\x80",
	    "\xe3\x82\xab \xe3\x82\xbf" },
	{ "hiragana with dakuten", "\xe3\x81\x8b\xe3\x82\x99\xe3\x81\x8b",
	    "\xe3\x81\x8c \xe3\x81\x8b" },
	{ "han punctuation", "\xe5\xad\xa6\xe3\x80\x82\xe7\xbf\x92",
	    "\xe5\xad\xa6 \xe7\xbf\x92" },
	{ "hangul not split", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
	    "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4" },
	{ "empty", "", "" },
};

static void
test_fold_table(void **state)
{
	char	*got;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof fold_cases / sizeof *fold_cases; i++) {
		got = text_fold(fold_cases[i].s);
		check_string(fold_cases[i].name, got, fold_cases[i].want);
		free(got);
	}
}

/* Folding twice changes nothing. */
static void
test_fold_idempotent(void **state)
{
	char	*once, *twice;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof fold_cases / sizeof *fold_cases; i++) {
		once = text_fold(fold_cases[i].s);
		twice = text_fold(once);
		check_string(fold_cases[i].name, twice, once);
		free(once);
		free(twice);
	}
}

/*
 * The per-code-point table and the slow path fold Latin letters alike.
 * A letter alone takes the table; a combining short stroke overlay
 * (U+0335) after it sends it down the slow path, which drops that
 * accent and composes with no Latin letter.
 */
static void
test_fold_fast_matches_slow(void **state)
{
	char		 alone[8], marked[16], name[32];
	char		*fast, *slow;
	uint32_t	 uc;

	(void)state;
	for (uc = 0xa0; uc <= 0x24f; uc++) {
		alone[0] = (char)(0xc0 | (uc >> 6));
		alone[1] = (char)(0x80 | (uc & 0x3f));
		alone[2] = '\0';
		snprintf(marked, sizeof marked, "%s\xcc\xb5", alone);
		snprintf(name, sizeof name, "U+%04X", (unsigned)uc);
		fast = text_fold(alone);
		slow = text_fold(marked);
		check_string(name, slow, fast);
		free(fast);
		free(slow);
	}
}

/* --- Agreement with the index's tokenizer ------------------------------ */

/* Returns the unicode61 tokens of s joined with "|", allocated. */
static char *
index_tokens(sqlite3 *db, const char *s)
{
	sqlite3_stmt	*st;
	struct buf	 b;

	assert_int_equal(sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "INSERT INTO t(rowid, x) VALUES (1, ?)", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);

	buf_init(&b);
	buf_add(&b, "", 0);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT term FROM v ORDER BY offset", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (b.len > 0)
			buf_addch(&b, '|');
		buf_addstr(&b, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return buf_take(&b);
}

static char *
word_tokens(const char *s)
{
	struct text_span	*words;
	struct buf		 b;
	size_t			 n, i;

	buf_init(&b);
	buf_add(&b, "", 0);
	n = text_words(s, &words);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(&b, '|');
		buf_add(&b, s + words[i].start, words[i].len);
	}
	free(words);
	return buf_take(&b);
}

/*
 * Texts whose folded words the index must split the same way. Scripts
 * whose marks are not Latin accents (Devanagari vowel signs, say) are
 * left out on purpose: unicode61 splits words at such marks and
 * text_words keeps them inside, which FTS5 reconciles by tokenizing each
 * quoted query word again.
 */
static const char *agreement_texts[] = {
	"Identify and assess the relative importance of knowledge",
	"don't stop-words_and a.b, c;d (e) [f] {g} \"h\" x\xc2\xb2 \xe2\x91\xa0",
	"\xc2\xa9 2024 \xe2\x82\xac 5 \xe2\x89\xa4 6 \xf0\x9f\x98\x80x"
	    "\xf0\x9f\xa7\xaa\xf0\x9f\x94\xac",
	"Na\xc3\xafve caf\xc3\xa9 Stra\xc3\x9f" "e \xc4\xb0stanbul \xc3\xb8re",
	"\xd9\x85\xd8\xaf\xd9\x84 LSTM \xd8\xa8\xd8\xb1\xd8\xa7\xdb\x8c 2024 "
	    "\xd8\xaf\xd8\xa7\xd8\xaf\xd9\x87\xe2\x80\x8c\xd9\x87\xd8\xa7 (v2)",
	"\xd8\xa8\xd9\x90\xd8\xb3\xd9\x92\xd9\x85\xd9\x90 \xda\xa9\xd9\x80"
	    "\xd8\xaa\xd8\xa7\xd8\xa8 \xd8\xb9\xd9\x84\xd9\x8a \xdb\xb1\xdb\xb4",
	"\xe6\xa9\x9f\xe6\xa2\xb0\xe5\xad\xa6\xe7\xbf\x92" "AI 2024\xe5\xb9\xb4"
	    "\xe3\x80\x82\xef\xbd\xb6\xef\xbe\x80",
	"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xce\x86\xce\xbb\xcf\x86\xce\xb1 "
	    "\xd0\x99\xd0\xbe\xd0\xb4",
	"a\xee\x80\x80" "b \xe2\x85\xab \xef\xac\x81le",
};

static void
test_words_match_index(void **state)
{
	sqlite3	*db;
	char	*folded, *index, *words;
	size_t	 i;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	/* The tokenizer options are those of the search table in catalogue.c. */
	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(x,"
	    " tokenize='unicode61 remove_diacritics 2');"
	    "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
	    NULL, NULL, NULL), SQLITE_OK);
	for (i = 0; i < sizeof agreement_texts / sizeof *agreement_texts;
	    i++) {
		folded = text_fold(agreement_texts[i]);
		index = index_tokens(db, folded);
		words = word_tokens(folded);
		check_string(agreement_texts[i], words, index);
		free(folded);
		free(index);
		free(words);
	}
	sqlite3_close(db);
}

/* --- Throughput ------------------------------------------------------- */

static double
seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Prints how fast text_fold() folds copies of unit, in MB/s. */
static void
measure(const char *label, const char *unit, size_t total)
{
	struct buf	 b;
	char		*out;
	double		 start, elapsed;
	int		 round;

	buf_init(&b);
	while (b.len < 4096)
		buf_addstr(&b, unit);
	start = seconds();
	for (round = 0; (size_t)round * b.len < total; round++) {
		out = text_fold(buf_str(&b));
		free(out);
	}
	elapsed = seconds() - start;
	print_message("fold %s: %.1f MB/s (%zu bytes a call, %d calls)\n",
	    label, (double)round * (double)b.len / elapsed / 1e6, b.len,
	    round);
	buf_free(&b);
}

static void
test_fold_throughput(void **state)
{
	(void)state;
	if (getenv("FEHREST_FOLD_BENCH") == NULL)
		skip();
	measure("ascii", "The aim of this study is to identify the key "
	    "strategies of knowledge management by ANN. ", 200000000);
	measure("latin accents", "Na\xc3\xafve caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9"
	    " of the \xc3\xa9tude and its r\xc3\xb4le. ", 50000000);
	measure("english with curly quotes", "The physician\xe2\x80\x99s "
	    "\xe2\x80\x9cviewpoint\xe2\x80\x9d \xe2\x80\x94 17.7% of "
	    "patients did not respond to treatment. ", 100000000);
	measure("chinese", "\xe5\x9f\xba\xe4\xba\x8e\xe6\xb7\xb1\xe5\xba"
	    "\xa6\xe5\xad\xa6\xe4\xb9\xa0\xe7\x9a\x84\xe5\x9b\xbe\xe5\x83"
	    "\x8f\xe8\xaf\x86\xe5\x88\xab\xe3\x80\x82", 10000000);
	measure("persian and english", "\xd9\x85\xd8\xaf\xd9\x84 LSTM "
	    "\xd8\xa8\xd8\xb1\xd8\xa7\xdb\x8c \xd9\xbe\xdb\x8c\xd8\xb4\xe2\x80"
	    "\x8c\xd8\xa8\xdb\x8c\xd9\x86\xdb\x8c \xd8\xaf\xd8\xa7\xd8\xaf"
	    "\xd9\x87\xe2\x80\x8c\xd9\x87\xd8\xa7\xdb\x8c \xd8\xb3\xd8\xb1\xdb"
	    "\x8c \xd8\xb2\xd9\x85\xd8\xa7\xd9\x86\xdb\x8c (v2) in 2024. ",
	    50000000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_fold_idempotent),
		cmocka_unit_test(test_fold_fast_matches_slow),
		cmocka_unit_test(test_words_match_index),
		cmocka_unit_test(test_fold_throughput),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
