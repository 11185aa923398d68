/*
 * Tests of search query parsing: the FTS5 expression built from what a
 * user types, junk input, and highlighting.
 */
#include "unit.h"

#include "query.h"
#include "text.h"

struct match_case {
	const char	*input;
	const char	*match;		/* NULL: no expression */
};

static const struct match_case match_cases[] = {
	{ "quant", "\"quant\" *" },
	{ "Quantization", "\"quantization\" *" },
	{ "neural network", "\"neural\" * \"network\" *" },
	{ "\"neural network\"", "\"neural network\"" },
	{ "title:ternary", "title : \"ternary\" *" },
	{ "author:salehi", "authors : \"salehi\" *" },
	{ "abstract:\"bit-wise\"", "abstract : \"bit wise\"" },
	{ "multi-level", "\"multi level\" *" },
	{ "deep -binary", "\"deep\" * NOT \"binary\" *" },
	{ "AND", "\"and\" *" },
	{ "OR NOT", "\"or\" * \"not\" *" },
	{ "\"", NULL },
	{ "(", NULL },
	{ "*", NULL },
	{ "-", NULL },
	{ "", NULL },
	{ "   ", NULL },
	{ "-binary", NULL },
	{ "a\"b", "\"a\" * \"b\"" },
	{ "NEAR(a b)", "\"near a\" * \"b\" *" },
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
