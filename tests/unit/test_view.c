/*
 * Tests of the view model: the window of rows fetched around the
 * selection, moving and paging at both ends, the selection following
 * its article across filter changes, positions and counts, and an
 * interrupted filter leaving the view as it was.
 *
 * Each test builds its own catalogue of numbered articles in a
 * temporary directory. Article i has id i; its title contains "gamma" when
 * i is a multiple of 3, else "delta", and "rare" only for article 50.
 */
#include "unit.h"

#include <unistd.h>

#include "catalogue.h"
#include "view.h"

#define ARTICLES	200
#define HEIGHT		5

static struct catalogue *
make_catalogue(const char *name, int n)
{
	struct catalogue	*c;
	struct record		 r;
	char			*error = NULL, title[96], path[512];
	int			 i;

	snprintf(path, sizeof path, "%s/%s.db", unit_dir(), name);
	unlink(path);
	assert_int_equal(catalogue_open(path, CATALOGUE_WRITE, &c, &error), 0);
	assert_int_equal(catalogue_begin(c, &error), 0);
	for (i = 1; i <= n; i++) {
		record_init(&r);
		snprintf(title, sizeof title, "Study %d of %s%s", i,
		    i % 3 == 0 ? "gamma" : "delta", i == 50 ? " rare" : "");
		record_set(&r.title, title);
		record_set(&r.abstract, "An abstract.");
		record_add_author(&r, NULL, "Ada", "Lovelace");
		assert_int_equal(catalogue_add(c, &r, &error), 0);
		record_clear(&r);
	}
	assert_int_equal(catalogue_commit(c, &error), 0);
	return c;
}

static long
selected_id(const struct view *v)
{
	const struct view_row	*row = view_selected(v);

	return row != NULL ? row->row.id : 0;
}

/* Returns the selection's position, finding it first if unknown. */
static long
position(struct view *v)
{
	char	*error = NULL;

	assert_int_equal(view_update_position(v, &error), 0);
	assert_true(v->position.known);
	return v->position.value;
}

/* Checks the invariants view.c promises after every call. */
static void
check_invariants(const struct view *v)
{
	size_t	i;

	if (v->nrows == 0)
		return;
	assert_true(v->selected < v->nrows);
	assert_true(v->top <= v->selected);
	assert_true(v->selected < v->top + (size_t)v->height);
	for (i = 1; i < v->nrows; i++)
		assert_true(v->rows[i - 1].row.id < v->rows[i].row.id);
}

static void
open_selects_first(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("open", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(selected_id(&v), 1);
	assert_true(v.position.known);
	assert_int_equal(v.position.value, 1);
	assert_true(v.count.known);
	assert_int_equal(v.count.value, ARTICLES);
	assert_true(v.at_start);
	assert_false(v.at_end);
	assert_non_null(view_line(&v, HEIGHT - 1));
	assert_int_equal(view_line(&v, HEIGHT - 1)->row.id, HEIGHT);
	check_invariants(&v);
	view_close(&v);
	catalogue_close(c);
}

static void
move_through_whole_list(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;
	int			 i;

	(void)state;
	c = make_catalogue("walk", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	for (i = 2; i <= ARTICLES; i++) {
		assert_int_equal(view_move(&v, 1, &error), 0);
		assert_int_equal(selected_id(&v), i);
		assert_int_equal(position(&v), i);
		check_invariants(&v);
	}
	/* The window was trimmed on the way instead of growing. */
	assert_true(v.nrows < ARTICLES / 2);
	assert_true(v.at_end);
	assert_false(v.at_start);

	assert_int_equal(view_move(&v, 1, &error), 0);
	assert_int_equal(selected_id(&v), ARTICLES);
	assert_int_equal(position(&v), ARTICLES);

	for (i = ARTICLES - 1; i >= 1; i--) {
		assert_int_equal(view_move(&v, -1, &error), 0);
		assert_int_equal(selected_id(&v), i);
		assert_int_equal(position(&v), i);
		check_invariants(&v);
	}
	assert_int_equal(view_move(&v, -1, &error), 0);
	assert_int_equal(selected_id(&v), 1);
	assert_int_equal(position(&v), 1);
	view_close(&v);
	catalogue_close(c);
}

static void
end_and_home_jump(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("jump", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_int_equal(selected_id(&v), ARTICLES);
	assert_int_equal(position(&v), ARTICLES);
	assert_true(v.at_end);
	/* The pane is filled up to the last row. */
	assert_int_equal(view_line(&v, 0)->row.id, ARTICLES - HEIGHT + 1);
	assert_null(view_line(&v, HEIGHT));
	check_invariants(&v);

	assert_int_equal(view_home(&v, &error), 0);
	assert_int_equal(selected_id(&v), 1);
	assert_int_equal(position(&v), 1);
	assert_int_equal(view_line(&v, 0)->row.id, 1);
	check_invariants(&v);
	view_close(&v);
	catalogue_close(c);
}

static void
page_moves_screen(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("page", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_move(&v, 2, &error), 0);
	assert_int_equal(view_page(&v, HEIGHT, &error), 0);
	assert_int_equal(selected_id(&v), 3 + HEIGHT);
	assert_int_equal(view_line(&v, 0)->row.id, 1 + HEIGHT);
	assert_int_equal(position(&v), 3 + HEIGHT);
	check_invariants(&v);

	/* Far beyond the window: more rows are fetched. */
	assert_int_equal(view_page(&v, 100, &error), 0);
	assert_int_equal(selected_id(&v), 103 + HEIGHT);
	assert_int_equal(position(&v), 103 + HEIGHT);
	check_invariants(&v);

	assert_int_equal(view_page(&v, -1000, &error), 0);
	assert_int_equal(selected_id(&v), 1);
	assert_int_equal(view_line(&v, 0)->row.id, 1);
	assert_int_equal(position(&v), 1);
	check_invariants(&v);

	assert_int_equal(view_page(&v, 1000, &error), 0);
	assert_int_equal(selected_id(&v), ARTICLES);
	assert_int_equal(view_line(&v, HEIGHT - 1)->row.id, ARTICLES);
	check_invariants(&v);
	view_close(&v);
	catalogue_close(c);
}

static void
select_line_by_row(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("line", 3);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_select_line(&v, 2, &error), 0);
	assert_int_equal(selected_id(&v), 3);
	assert_int_equal(position(&v), 3);
	/* Below the last row nothing changes. */
	assert_int_equal(view_select_line(&v, 4, &error), 1);
	assert_int_equal(selected_id(&v), 3);
	view_close(&v);
	catalogue_close(c);
}

static void
filter_keeps_matching_selection(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("keep", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_page(&v, 89, &error), 0);
	assert_int_equal(selected_id(&v), 90);

	assert_int_equal(view_set_filter(&v, "gam", &error), 0);
	assert_int_equal(selected_id(&v), 90);
	/* 3, 6, ..., 90: the 30th match. */
	assert_int_equal(position(&v), 30);
	assert_string_equal(view_filter(&v), "gam");
	assert_non_null(view_query(&v));
	check_invariants(&v);

	assert_int_equal(view_update_count(&v, &error), 0);
	assert_int_equal(v.count.value, ARTICLES / 3);
	assert_false(v.count.capped);
	view_close(&v);
	catalogue_close(c);
}

/* An article the new filter leaves out gives way to the first match,
   not to the nearest one after it. */
static void
filter_selects_first_match(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("next", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_page(&v, 90, &error), 0);
	assert_int_equal(selected_id(&v), 91);

	assert_int_equal(view_set_filter(&v, "gamma", &error), 0);
	assert_int_equal(selected_id(&v), 3);
	assert_int_equal(position(&v), 1);
	assert_int_equal(v.top, 0);

	/* Clearing the filter keeps the article and finds its place. */
	assert_int_equal(view_set_filter(&v, "", &error), 0);
	assert_null(view_query(&v));
	assert_int_equal(selected_id(&v), 3);
	assert_int_equal(position(&v), 3);
	assert_int_equal(v.count.value, ARTICLES);
	check_invariants(&v);
	view_close(&v);
	catalogue_close(c);
}

static void
select_number_in_filter(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("number", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_select_number(&v, 75, &error), 0);
	assert_int_equal(selected_id(&v), 75);
	assert_int_equal(position(&v), 75);
	check_invariants(&v);

	assert_int_equal(view_select_number(&v, ARTICLES + 1, &error), 1);
	assert_int_equal(selected_id(&v), 75);

	/* With a filter, an article it leaves out is not selected. */
	assert_int_equal(view_set_filter(&v, "gamma", &error), 0);
	assert_int_equal(selected_id(&v), 75);
	assert_int_equal(view_select_number(&v, 76, &error), 2);
	assert_int_equal(selected_id(&v), 75);
	assert_int_equal(view_select_number(&v, 6, &error), 0);
	assert_int_equal(selected_id(&v), 6);
	assert_int_equal(position(&v), 2);
	check_invariants(&v);
	view_close(&v);
	catalogue_close(c);
}

static void
filter_past_last_match(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("past", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_int_equal(view_set_filter(&v, "rare", &error), 0);
	assert_int_equal(selected_id(&v), 50);
	assert_int_equal(position(&v), 1);
	assert_true(v.at_start);
	assert_true(v.at_end);
	assert_int_equal(view_update_count(&v, &error), 0);
	assert_int_equal(v.count.value, 1);
	view_close(&v);
	catalogue_close(c);
}

static void
filter_without_matches(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("none", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_move(&v, 41, &error), 0);
	assert_int_equal(view_set_filter(&v, "nothingmatches", &error), 0);
	assert_null(view_selected(&v));
	assert_null(view_line(&v, 0));
	assert_int_equal(v.nrows, 0);
	assert_int_equal(view_update_count(&v, &error), 0);
	assert_int_equal(v.count.value, 0);
	assert_int_equal(view_move(&v, 1, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_null(view_selected(&v));

	/* The article selected before the empty result comes back. */
	assert_int_equal(view_set_filter(&v, "", &error), 0);
	assert_int_equal(selected_id(&v), 42);
	assert_int_equal(position(&v), 42);
	view_close(&v);
	catalogue_close(c);
}

static void
filter_without_words(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("words", 10);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_set_filter(&v, "\"", &error), 0);
	assert_null(view_query(&v));
	assert_non_null(view_note(&v));
	assert_int_equal(selected_id(&v), 1);
	assert_int_equal(v.count.value, 10);
	view_close(&v);
	catalogue_close(c);
}

static int
always_interrupt(void *arg)
{
	(void)arg;
	return 1;
}

static void
interrupted_filter_keeps_view(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	/* A pane of 500 rows makes the filter fetch over 1,000 rows, which
	   takes enough query steps for the progress check to run. */
	c = make_catalogue("interrupt", 3000);
	assert_int_equal(view_open(&v, c, 500, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_int_equal(view_move(&v, -10, &error), 0);
	assert_int_equal(position(&v), 2990);
	catalogue_set_progress(c, always_interrupt, NULL);
	assert_int_equal(view_set_filter(&v, "delta", &error), -1);
	assert_true(catalogue_interrupted(c));
	free(error);
	error = NULL;
	catalogue_set_progress(c, NULL, NULL);

	assert_string_equal(view_filter(&v), "");
	assert_null(view_query(&v));
	assert_int_equal(selected_id(&v), 2990);
	assert_int_equal(position(&v), 2990);
	check_invariants(&v);

	/* Trying again without the interruption works. */
	assert_int_equal(view_set_filter(&v, "delta", &error), 0);
	assert_int_equal(selected_id(&v), 2990);
	view_close(&v);
	catalogue_close(c);
}

static void
interrupted_counts_stay_unknown(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	/* Counting 2,000 matches, and the 1,993 before article 2990, takes
	   many query steps. */
	c = make_catalogue("counts", 3000);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_int_equal(view_move(&v, -10, &error), 0);
	assert_int_equal(view_set_filter(&v, "delta", &error), 0);
	assert_false(v.count.known);
	assert_false(v.position.known);

	catalogue_set_progress(c, always_interrupt, NULL);
	assert_int_equal(view_update_count(&v, &error), -1);
	assert_true(catalogue_interrupted(c));
	free(error);
	error = NULL;
	assert_false(v.count.known);
	assert_int_equal(view_update_position(&v, &error), -1);
	assert_true(catalogue_interrupted(c));
	free(error);
	error = NULL;
	assert_false(v.position.known);
	catalogue_set_progress(c, NULL, NULL);

	/* 2990 is the 1994th article that is not a multiple of 3. */
	assert_int_equal(view_update_count(&v, &error), 0);
	assert_int_equal(v.count.value, 2000);
	assert_false(v.count.capped);
	assert_int_equal(position(&v), 1994);
	view_close(&v);
	catalogue_close(c);
}

static void
height_change_keeps_selection(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("height", ARTICLES);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_move(&v, 20, &error), 0);
	assert_int_equal(view_set_height(&v, 1, &error), 0);
	assert_int_equal(view_line(&v, 0)->row.id, 21);
	assert_int_equal(view_set_height(&v, 100, &error), 0);
	assert_int_equal(selected_id(&v), 21);
	assert_non_null(view_line(&v, 99));
	check_invariants(&v);

	/* Growing at the end of the list fills the pane from above. */
	assert_int_equal(view_set_height(&v, HEIGHT, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_int_equal(view_set_height(&v, 100, &error), 0);
	assert_int_equal(selected_id(&v), ARTICLES);
	assert_non_null(view_line(&v, 99));
	assert_int_equal(view_line(&v, 99)->row.id, ARTICLES);
	assert_int_equal(view_line(&v, 0)->row.id, ARTICLES - 99);
	check_invariants(&v);
	view_close(&v);
	catalogue_close(c);
}

static void
empty_catalogue_has_no_rows(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("empty", 0);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_null(view_selected(&v));
	assert_null(view_line(&v, 0));
	assert_int_equal(v.count.value, 0);
	assert_false(v.position.known);
	assert_int_equal(view_move(&v, 1, &error), 0);
	assert_int_equal(view_page(&v, -3, &error), 0);
	assert_int_equal(view_end(&v, &error), 0);
	assert_int_equal(view_home(&v, &error), 0);
	assert_int_equal(view_set_filter(&v, "gamma", &error), 0);
	assert_null(view_selected(&v));
	assert_null(view_article(&v, &error));
	view_close(&v);
	catalogue_close(c);
}

static bool
multiple_of_seven(void *arg, long id)
{
	(void)arg;
	return id % 7 == 0;
}

static void
marker_flags_rows(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("marker", 20);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	view_set_marker(&v, multiple_of_seven, NULL);
	assert_int_equal(view_set_filter(&v, "study", &error), 0);
	assert_false(view_line(&v, 5)->duplicate);
	assert_true(view_line(&v, 6)->duplicate);
	view_close(&v);
	catalogue_close(c);
}

static void
article_loads_selection(void **state)
{
	struct catalogue	*c;
	struct view		 v;
	const struct record	*r;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("article", 5);
	assert_int_equal(view_open(&v, c, HEIGHT, &error), 0);
	assert_int_equal(view_move(&v, 3, &error), 0);
	r = view_article(&v, &error);
	assert_non_null(r);
	assert_int_equal(r->number, 4);
	assert_string_equal(r->title, "Study 4 of delta");
	assert_string_equal(r->abstract, "An abstract.");
	view_close(&v);
	catalogue_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_selects_first),
		cmocka_unit_test(move_through_whole_list),
		cmocka_unit_test(end_and_home_jump),
		cmocka_unit_test(page_moves_screen),
		cmocka_unit_test(select_line_by_row),
		cmocka_unit_test(filter_keeps_matching_selection),
		cmocka_unit_test(filter_selects_first_match),
		cmocka_unit_test(select_number_in_filter),
		cmocka_unit_test(filter_past_last_match),
		cmocka_unit_test(filter_without_matches),
		cmocka_unit_test(filter_without_words),
		cmocka_unit_test(interrupted_filter_keeps_view),
		cmocka_unit_test(interrupted_counts_stay_unknown),
		cmocka_unit_test(height_change_keeps_selection),
		cmocka_unit_test(empty_catalogue_has_no_rows),
		cmocka_unit_test(marker_flags_rows),
		cmocka_unit_test(article_loads_selection),
	};

	return cmocka_run_group_tests(tests, unit_make_dir, unit_remove_dir);
}
