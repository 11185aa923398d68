/*
 * Tests of catalogue_set_hidden(): hidden ids are left out of the rows,
 * the counts and the ranks, with and without a search, also on a
 * catalogue opened read-only, and showing them again restores all.
 */
#include "unit.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "query.h"
#include "record.h"

static char	 path[512];

/*
 * Creates a read-only catalogue of 10 articles, "Article N even" or
 * "Article N odd", and opens it for reading; article N has id N.
 */
static struct catalogue *
open_catalogue(const char *name)
{
	struct catalogue	*c;
	struct record		 r;
	char			*error = NULL, title[64];
	int			 i;

	snprintf(path, sizeof path, "%s/%s.db", unit_dir(), name);
	assert_int_equal(catalogue_open(path, CATALOGUE_WRITE, &c, &error), 0);
	assert_int_equal(catalogue_begin(c, &error), 0);
	for (i = 1; i <= 10; i++) {
		record_init(&r);
		snprintf(title, sizeof title, "Article %d %s", i,
		    i % 2 == 0 ? "even" : "odd");
		record_set(&r.title, title);
		assert_int_equal(catalogue_add(c, &r, &error), 0);
		record_clear(&r);
	}
	assert_int_equal(catalogue_commit(c, &error), 0);
	catalogue_close(c);
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(catalogue_open(path, CATALOGUE_READ, &c, &error), 0);
	return c;
}

/* Fetches up to 20 rows from from_id and returns their ids as "1 3 5". */
static char *
row_ids(struct catalogue *c, const char *match, long from_id, bool forward)
{
	struct catalogue_row	 rows[20];
	static char		 out[256];
	char			*error = NULL;
	size_t			 n, i, len = 0;

	assert_int_equal(catalogue_rows(c, match, from_id, forward, 20, rows,
	    &n, &error), 0);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%ld",
		    i > 0 ? " " : "", rows[i].id);
		catalogue_row_clear(&rows[i]);
	}
	return out;
}

static void
hidden_rows_left_out(void **state)
{
	struct catalogue	*c;
	const long		 hide[] = { 4, 2, 9, 99 };
	char			*error = NULL;

	(void)state;
	c = open_catalogue("rows");
	assert_int_equal(catalogue_set_hidden(c, hide, 4, &error), 0);
	assert_string_equal(row_ids(c, NULL, 0, true), "1 3 5 6 7 8 10");
	assert_string_equal(row_ids(c, NULL, LONG_MAX, false),
	    "1 3 5 6 7 8 10");
	assert_string_equal(row_ids(c, NULL, 3, true), "5 6 7 8 10");
	assert_string_equal(row_ids(c, NULL, 10, false), "1 3 5 6 7 8");

	assert_int_equal(catalogue_set_hidden(c, NULL, 0, &error), 0);
	assert_string_equal(row_ids(c, NULL, 0, true),
	    "1 2 3 4 5 6 7 8 9 10");
	catalogue_close(c);
}

static void
hidden_matches_left_out(void **state)
{
	struct catalogue	*c;
	struct query		 q;
	const long		 hide[] = { 4, 2, 9 };
	char			*error = NULL;

	(void)state;
	c = open_catalogue("match");
	query_parse("even", &q);
	assert_int_equal(catalogue_set_hidden(c, hide, 3, &error), 0);
	assert_string_equal(row_ids(c, q.match, 0, true), "6 8 10");
	assert_string_equal(row_ids(c, q.match, LONG_MAX, false), "6 8 10");
	assert_string_equal(row_ids(c, q.match, 6, true), "8 10");
	assert_string_equal(row_ids(c, q.match, 8, false), "6");
	query_free(&q);
	catalogue_close(c);
}

static void
hidden_counts_and_ranks(void **state)
{
	struct catalogue	*c;
	struct query		 q;
	const long		 hide[] = { 2, 4, 9, 99 };
	char			*error = NULL;
	long			 n;

	(void)state;
	c = open_catalogue("count");
	query_parse("even", &q);
	assert_int_equal(catalogue_set_hidden(c, hide, 4, &error), 0);

	/* 99 is not in the catalogue, so three of the ten are hidden. */
	assert_int_equal(catalogue_count(c, NULL, 0, &n, &error), 0);
	assert_int_equal(n, 7);
	assert_int_equal(catalogue_count(c, NULL, 5, &n, &error), 0);
	assert_int_equal(n, 5);
	assert_int_equal(catalogue_total(c), 10);
	assert_int_equal(catalogue_count(c, q.match, 0, &n, &error), 0);
	assert_int_equal(n, 3);
	assert_int_equal(catalogue_count(c, q.match, 2, &n, &error), 0);
	assert_int_equal(n, 2);

	assert_int_equal(catalogue_rank(c, NULL, 5, 0, &n, &error), 0);
	assert_int_equal(n, 2);
	assert_int_equal(catalogue_rank(c, NULL, 10, 0, &n, &error), 0);
	assert_int_equal(n, 6);
	assert_int_equal(catalogue_rank(c, q.match, 10, 0, &n, &error), 0);
	assert_int_equal(n, 2);

	assert_int_equal(catalogue_set_hidden(c, NULL, 0, &error), 0);
	assert_int_equal(catalogue_count(c, q.match, 0, &n, &error), 0);
	assert_int_equal(n, 5);
	assert_int_equal(catalogue_rank(c, NULL, 10, 0, &n, &error), 0);
	assert_int_equal(n, 9);
	query_free(&q);
	catalogue_close(c);
}

static void
hidden_set_replaced(void **state)
{
	struct catalogue	*c;
	const long		 first[] = { 1, 2, 3 }, second[] = { 10 };
	char			*error = NULL;
	long			 n;

	(void)state;
	c = open_catalogue("replace");
	assert_int_equal(catalogue_set_hidden(c, first, 3, &error), 0);
	assert_int_equal(catalogue_set_hidden(c, second, 1, &error), 0);
	assert_string_equal(row_ids(c, NULL, 0, true), "1 2 3 4 5 6 7 8 9");
	assert_int_equal(catalogue_count(c, NULL, 0, &n, &error), 0);
	assert_int_equal(n, 9);
	catalogue_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hidden_rows_left_out),
		cmocka_unit_test(hidden_matches_left_out),
		cmocka_unit_test(hidden_counts_and_ranks),
		cmocka_unit_test(hidden_set_replaced),
	};

	return cmocka_run_group_tests(tests, unit_make_dir, unit_remove_dir);
}
