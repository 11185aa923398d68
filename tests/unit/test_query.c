/*
 * Tests of search query parsing: the FTS5 expression built from what a
 * user types, junk input, and highlighting.
 */
#include "unit.h"

#include <stdio.h>

#include "query.h"
#include "text.h"

struct match_case {
	const char	*input;
	const char	*match;		/* NULL: no expression */
};

static const struct match_case match_cases[] = {
	{ "quant", "\"quant\" *" },
	{ "Quantization", "\"quantization\" *" },
	{ "neural network", "\"neural\" * AND \"network\" *" },
	{ "\"neural network\"", "\"neural network\"" },
	{ "title:ternary", "title : \"ternary\" *" },
	{ "author:salehi", "authors : \"salehi\" *" },
	{ "abstract:\"bit-wise\"", "abstract : \"bit wise\"" },
	{ "multi-level", "\"multi level\" *" },
	{ "deep -binary", "\"deep\" * NOT \"binary\" *" },
	{ "AND", "\"and\" *" },
	{ "OR NOT", "\"or\" * AND \"not\" *" },
	{ "\"", NULL },
	{ "(", NULL },
	{ "*", NULL },
	{ "-", NULL },
	{ "", NULL },
	{ "   ", NULL },
	{ "-binary", NULL },
	{ "a\"b", "\"a\" * AND \"b\"" },
	{ "NEAR(a b)", "\"near a\" * AND \"b\" *" },
	{ "col:umn", "\"col umn\" *" },
	{ "دِهقان", "\"دهقان\" *" },
	{ "دهـقان", "\"دهقان\" *" },
	{ "علي", "\"علی\" *" },
	{ "naïve", "\"naive\" *" },
};

static void
match_expressions(void **state)
{
	const struct match_case	*c;
	struct query		 q;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof match_cases / sizeof *match_cases; i++) {
		c = &match_cases[i];
		query_parse(c->input, &q);
		if (c->match == NULL) {
			if (q.match != NULL)
				fail_msg("'%s': expected no expression, got "
				    "'%s'", c->input, q.match);
		} else if (q.match == NULL || strcmp(q.match, c->match) != 0)
			fail_msg("'%s': expected '%s', got '%s'", c->input,
			    c->match, q.match != NULL ? q.match : "(none)");
		query_free(&q);
	}
}

static void
junk_input_explains(void **state)
{
	struct query	q;

	(void)state;
	query_parse("(*)", &q);
	assert_null(q.match);
	assert_non_null(q.note);
	query_free(&q);
	query_parse("-only", &q);
	assert_null(q.match);
	assert_non_null(q.note);
	query_free(&q);
}

static void
highlight_prefix_words(void **state)
{
	const char		*text = "Multi-level Ternary Quantization, quant.";
	struct text_span	*spans;
	struct query		 q;
	size_t			 n;

	(void)state;
	query_parse("quant", &q);
	n = query_highlight(&q, QUERY_TITLE, text, &spans);
	assert_int_equal(n, 2);
	assert_int_equal(spans[0].start, 20);
	assert_int_equal(spans[0].len, 12);
	assert_int_equal(spans[1].start, 34);
	assert_int_equal(spans[1].len, 5);
	free(spans);
	query_free(&q);
}

static void
highlight_respects_field(void **state)
{
	struct text_span	*spans;
	struct query		 q;

	(void)state;
	query_parse("author:salehi", &q);
	assert_int_equal(query_highlight(&q, QUERY_TITLE, "Salehi", &spans),
	    0);
	free(spans);
	assert_int_equal(query_highlight(&q, QUERY_AUTHORS, "Mostafa Salehi",
	    &spans), 1);
	assert_int_equal(spans[0].start, 8);
	free(spans);
	query_free(&q);
}

static void
highlight_folds_persian(void **state)
{
	/* "مائده دهقان" with a kasra in the query must mark the family name. */
	const char		*text = "مائده دهقان";
	struct text_span	*spans;
	struct query		 q;

	(void)state;
	query_parse("دِهقان", &q);
	assert_int_equal(query_highlight(&q, QUERY_AUTHORS, text, &spans), 1);
	assert_int_equal(spans[0].start, strlen("مائده "));
	assert_int_equal(spans[0].len, strlen("دهقان"));
	free(spans);
	query_free(&q);
}

static void
highlight_skips_excluded(void **state)
{
	struct text_span	*spans;
	struct query		 q;

	(void)state;
	query_parse("deep -binary", &q);
	assert_int_equal(query_highlight(&q, QUERY_ABSTRACT, "binary deep",
	    &spans), 1);
	assert_int_equal(spans[0].start, 7);
	free(spans);
	query_free(&q);
}

/* A word list standing in for the catalogue's: arg is a NULL-ended list. */
static int
fake_terms(void *arg, const char *prefix, size_t max, char ***terms,
    size_t *nterms)
{
	const char	**words = arg;
	size_t		  n = 0, i;

	*terms = calloc(max + 1, sizeof **terms);
	for (i = 0; words[i] != NULL && n <= max; i++) {
		if (strncmp(words[i], prefix, strlen(prefix)) == 0)
			(*terms)[n++] = strdup(words[i]);
	}
	*nterms = n;
	return 0;
}

static void
expand_long_prefixes(void **state)
{
	const char	*words[] = { "neural", "neurally", "neuron", "quantization",
	    "quantized", NULL };
	struct query	 q;

	(void)state;
	query_parse("quantiz title:neura neu", &q);
	query_expand(&q, fake_terms, words);
	assert_string_equal(q.match, "(\"quantization\" OR \"quantized\") AND "
	    "title : (\"neural\" OR \"neurally\") AND \"neu\" *");
	query_free(&q);

	/* A phrase and a prefix with no word stay as they are. */
	query_parse("\"neural network\" zzzz", &q);
	query_expand(&q, fake_terms, words);
	assert_string_equal(q.match, "\"neural network\" AND \"zzzz\" *");
	query_free(&q);
}

static void
expand_keeps_wide_prefixes(void **state)
{
	const char	*many[QUERY_EXPAND_MAX + 3];
	char		 buf[QUERY_EXPAND_MAX + 2][16];
	struct query	 q;
	size_t		 i;

	(void)state;
	for (i = 0; i < QUERY_EXPAND_MAX + 2; i++) {
		snprintf(buf[i], sizeof buf[i], "wordy%03zu", i);
		many[i] = buf[i];
	}
	many[i] = NULL;
	query_parse("wordy", &q);
	query_expand(&q, fake_terms, many);
	assert_string_equal(q.match, "\"wordy\" *");
	query_free(&q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(match_expressions),
		cmocka_unit_test(junk_input_explains),
		cmocka_unit_test(highlight_prefix_words),
		cmocka_unit_test(highlight_respects_field),
		cmocka_unit_test(highlight_folds_persian),
		cmocka_unit_test(highlight_skips_excluded),
		cmocka_unit_test(expand_long_prefixes),
		cmocka_unit_test(expand_keeps_wide_prefixes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
