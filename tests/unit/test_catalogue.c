/*
 * Tests of the catalogue layer: schema and version, adding and loading
 * articles, keyset row windows, counts, ranks and transactions.
 */
#include "unit.h"

#include <unistd.h>

#include <sqlite3.h>

#include "catalogue.h"
#include "query.h"
#include "record.h"
#include "strset.h"

static char	 path[512];

/* Creates a catalogue of n articles titled "Article N" at a new path. */
static struct catalogue *
make_catalogue(const char *name, int n)
{
	struct catalogue	*c;
	struct record		 r;
	char			*error = NULL, title[64];
	int			 i;

	snprintf(path, sizeof path, "%s/%s.db", unit_dir(), name);
	unlink(path);
	assert_int_equal(catalogue_open(path, CATALOGUE_WRITE, &c, &error), 0);
	assert_int_equal(catalogue_begin(c, &error), 0);
	for (i = 1; i <= n; i++) {
		record_init(&r);
		snprintf(title, sizeof title, "Article %d %s", i,
		    i % 2 == 0 ? "even quantization" : "odd network");
		record_set(&r.title, title);
		record_set(&r.abstract, "An abstract about naïve café.");
		record_add_author(&r, NULL, "Ada", "Lovelace");
		record_add_author(&r, NULL, "مائده", "دهقان");
		r.year = 2000 + i;
		assert_int_equal(catalogue_add(c, &r, &error), 0);
		assert_int_equal(r.number, i);
		record_clear(&r);
	}
	assert_int_equal(catalogue_commit(c, &error), 0);
	return c;
}

static void
add_and_load(void **state)
{
	struct catalogue	*c;
	struct record		 r;
	char			*error = NULL;
	long			 id;

	(void)state;
	c = make_catalogue("load", 3);
	assert_int_equal(catalogue_total(c), 3);
	assert_int_equal(catalogue_find_number(c, 2, &id, &error), 0);
	record_init(&r);
	assert_int_equal(catalogue_load(c, id, &r, &error), 0);
	assert_string_equal(r.title, "Article 2 even quantization");
	assert_int_equal(r.nauthors, 2);
	assert_string_equal(r.authors[1].name, "مائده دهقان");
	assert_string_equal(r.authors[1].family, "دهقان");
	assert_int_equal(r.year, 2002);
	assert_null(r.doi);
	record_clear(&r);
	assert_int_equal(catalogue_find_number(c, 99, &id, &error), 1);
	assert_int_equal(catalogue_load(c, 9999, &r, &error), 1);
	catalogue_close(c);
}

static void
rows_forward_and_backward(void **state)
{
	struct catalogue_row	 rows[10];
	struct catalogue	*c;
	char			*error = NULL;
	size_t			 n, i;

	(void)state;
	c = make_catalogue("rows", 25);
	assert_int_equal(catalogue_rows(c, NULL, 0, true, 10, rows, &n,
	    &error), 0);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].number, 1);
	assert_int_equal(rows[9].number, 10);
	for (i = 0; i < n; i++)
		catalogue_row_clear(&rows[i]);

	assert_int_equal(catalogue_rows(c, NULL, 20, true, 10, rows, &n,
	    &error), 0);
	assert_int_equal(n, 5);
	assert_int_equal(rows[0].number, 21);
	for (i = 0; i < n; i++)
		catalogue_row_clear(&rows[i]);

	/* Backward rows still come in list order. */
	assert_int_equal(catalogue_rows(c, NULL, 5, false, 10, rows, &n,
	    &error), 0);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].number, 1);
	assert_int_equal(rows[3].number, 4);
	for (i = 0; i < n; i++)
		catalogue_row_clear(&rows[i]);
	catalogue_close(c);
}

static void
match_count_and_rank(void **state)
{
	struct catalogue_row	 rows[30];
	struct catalogue	*c;
	struct query		 q;
	char			*error = NULL;
	size_t			 n, i;
	long			 count, rank;

	(void)state;
	c = make_catalogue("match", 25);
	query_parse("quant", &q);
	assert_int_equal(catalogue_count(c, q.match, 0, &count, &error), 0);
	assert_int_equal(count, 12);
	assert_int_equal(catalogue_count(c, q.match, 5, &count, &error), 0);
	assert_int_equal(count, 5);
	assert_int_equal(catalogue_rows(c, q.match, 0, true, 30, rows, &n,
	    &error), 0);
	assert_int_equal(n, 12);
	for (i = 0; i < n; i++) {
		assert_int_equal(rows[i].number % 2, 0);
		catalogue_row_clear(&rows[i]);
	}
	assert_int_equal(catalogue_rank(c, q.match, 10, 0, &rank, &error), 0);
	assert_int_equal(rank, 4);	/* 2, 4, 6, 8 come before 10 */
	assert_int_equal(catalogue_rank(c, NULL, 10, 0, &rank, &error), 0);
	assert_int_equal(rank, 9);
	query_free(&q);

	/* The index contains folded text, so both spellings of café meet. */
	query_parse("cafe\xcc\x81 NAIVE", &q);
	assert_int_equal(catalogue_count(c, q.match, 0, &count, &error), 0);
	assert_int_equal(count, 25);
	query_free(&q);
	query_parse("author:دهقان", &q);
	assert_int_equal(catalogue_count(c, q.match, 0, &count, &error), 0);
	assert_int_equal(count, 25);
	query_free(&q);
	catalogue_close(c);
}

static void
rollback_keeps_catalogue(void **state)
{
	struct catalogue	*c;
	struct record		 r;
	char			*error = NULL;

	(void)state;
	c = make_catalogue("rollback", 2);
	assert_int_equal(catalogue_begin(c, &error), 0);
	record_init(&r);
	record_set(&r.title, "Never committed");
	assert_int_equal(catalogue_add(c, &r, &error), 0);
	record_clear(&r);
	catalogue_rollback(c);
	catalogue_close(c);
	assert_int_equal(catalogue_open(path, CATALOGUE_READ, &c, &error), 0);
	assert_int_equal(catalogue_total(c), 2);
	catalogue_close(c);
}

static void
wrong_files_rejected(void **state)
{
	struct catalogue	*c;
	sqlite3			*db;
	char			*error = NULL;
	FILE			*fp;

	(void)state;
	assert_int_equal(catalogue_open("/nonexistent/x.db", CATALOGUE_READ,
	    &c, &error), -1);
	assert_non_null(strstr(error, "no such catalogue file"));
	free(error);

	snprintf(path, sizeof path, "%s/text.db", unit_dir());
	fp = fopen(path, "w");
	fputs("this is not a database, just text long enough to look like "
	    "a file header of some kind..................................\n",
	    fp);
	fclose(fp);
	assert_int_equal(catalogue_open(path, CATALOGUE_READ, &c, &error), -1);
	assert_non_null(strstr(error, path));
	free(error);

	snprintf(path, sizeof path, "%s/other.db", unit_dir());
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t(x); PRAGMA user_version = 7", NULL,
	    NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(catalogue_open(path, CATALOGUE_READ, &c, &error), -1);
	assert_non_null(strstr(error, "version 7"));
	free(error);

	snprintf(path, sizeof path, "%s/plain.db", unit_dir());
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(catalogue_open(path, CATALOGUE_WRITE, &c, &error), -1);
	assert_non_null(strstr(error, "not a fehrest catalogue"));
	free(error);
}

static void
schema_version_stored(void **state)
{
	struct catalogue	*c;
	sqlite3_stmt		*st;

	(void)state;
	c = make_catalogue("version", 1);
	assert_int_equal(sqlite3_prepare_v2(catalogue_db(c),
	    "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), CATALOGUE_VERSION);
	sqlite3_finalize(st);
	catalogue_close(c);
}

static int
user_version(struct catalogue *c)
{
	sqlite3_stmt	*st;
	int		 version;

	assert_int_equal(sqlite3_prepare_v2(catalogue_db(c),
	    "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return version;
}

static void
version_1_upgraded_on_write(void **state)
{
	struct catalogue	*c;
	char			*error = NULL, **terms;
	size_t			 n, i;

	(void)state;
	c = make_catalogue("upgrade", 3);
	sqlite3_exec(catalogue_db(c), "DROP TABLE terms; PRAGMA user_version"
	    " = 1", NULL, NULL, NULL);
	catalogue_close(c);

	/* Read-only: still readable, and no word list to expand with. */
	assert_int_equal(catalogue_open(path, CATALOGUE_READ, &c, &error), 0);
	assert_int_equal(catalogue_terms(c, "quant", 8, &terms, &n, &error), 1);
	catalogue_close(c);

	/* A write transaction builds the word list, and a rollback undoes it. */
	assert_int_equal(catalogue_open(path, CATALOGUE_WRITE, &c, &error), 0);
	assert_int_equal(user_version(c), 1);
	assert_int_equal(catalogue_begin(c, &error), 0);
	assert_int_equal(catalogue_terms(c, "quant", 8, &terms, &n, &error), 0);
	assert_int_equal(n, 1);
	free(terms[0]);
	free(terms);
	catalogue_rollback(c);
	assert_int_equal(user_version(c), 1);
	assert_int_equal(catalogue_terms(c, "quant", 8, &terms, &n, &error), 1);

	/* Committed, it stays. */
	assert_int_equal(catalogue_begin(c, &error), 0);
	assert_int_equal(catalogue_commit(c, &error), 0);
	assert_int_equal(user_version(c), 2);
	assert_int_equal(catalogue_terms(c, "quant", 8, &terms, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(terms[0], "quantization");
	for (i = 0; i < n; i++)
		free(terms[i]);
	free(terms);
	catalogue_close(c);
}

static void
terms_listed_by_prefix(void **state)
{
	struct catalogue	*c;
	char			*error = NULL, **terms;
	size_t			 n, i;

	(void)state;
	c = make_catalogue("terms", 2);
	assert_int_equal(catalogue_terms(c, "lovel", 8, &terms, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(terms[0], "lovelace");
	for (i = 0; i < n; i++)
		free(terms[i]);
	free(terms);
	/* Persian words are listed in their folded form. */
	assert_int_equal(catalogue_terms(c, "دهق", 8, &terms, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(terms[0], "دهقان");
	free(terms[0]);
	free(terms);
	catalogue_close(c);
}

/* Returns the NUL-separated words of e joined by spaces, in a static buffer. */
static const char *
entry_words(const struct catalogue_entry *e)
{
	static char	 out[256];
	const char	*w = e->words.data;
	size_t		 i;

	out[0] = '\0';
	for (i = 0; i < e->nwords; i++) {
		if (i > 0)
			strcat(out, " ");
		strcat(out, w);
		w += strlen(w) + 1;
	}
	return out;
}

static void
prepare_lists_new_words_once(void **state)
{
	struct catalogue_entry	 e;
	struct record		 r;
	struct strset		 seen;

	(void)state;
	record_init(&r);
	record_set(&r.title, "Naïve NETWORKS of networks");
	record_set(&r.teaser, "A teaser about the café");
	record_add_author(&r, NULL, "مائده", "دهقان");
	strset_init(&seen);

	catalogue_prepare(&r, &seen, &e);
	assert_string_equal(e.authors, "مائده دهقان");
	assert_string_equal(e.title, "naive networks of networks");
	/* Without an abstract the teaser is indexed. */
	assert_string_equal(e.abstract, "a teaser about the cafe");
	/*
	 * Words of four bytes or more, each once, folded: "of" and "the"
	 * are too short, and the hamza on the yeh of مائده is folded away.
	 */
	assert_string_equal(entry_words(&e),
	    "naive networks مایده دهقان teaser about cafe");
	catalogue_entry_free(&e);

	/* The same words again are all known. */
	catalogue_prepare(&r, &seen, &e);
	assert_int_equal(e.nwords, 0);
	catalogue_entry_free(&e);

	/* Without a set every occurrence is listed. */
	catalogue_prepare(&r, NULL, &e);
	assert_string_equal(entry_words(&e),
	    "naive networks networks مایده دهقان teaser about cafe");
	catalogue_entry_free(&e);

	strset_free(&seen);
	record_clear(&r);
}

/* A word recorded in a rolled-back transaction is recorded again later. */
static void
rollback_forgets_words(void **state)
{
	struct catalogue	*c;
	struct record		 r;
	char			*error = NULL, **terms;
	size_t			 n;
	int			 pass;

	(void)state;
	c = make_catalogue("forget", 1);
	for (pass = 0; pass < 2; pass++) {
		assert_int_equal(catalogue_begin(c, &error), 0);
		record_init(&r);
		record_set(&r.title, "Zyxwords only once");
		assert_int_equal(catalogue_add(c, &r, &error), 0);
		record_clear(&r);
		if (pass == 0)
			catalogue_rollback(c);
		else
			assert_int_equal(catalogue_commit(c, &error), 0);
	}
	assert_int_equal(catalogue_terms(c, "zyxw", 8, &terms, &n, &error),
	    0);
	assert_int_equal(n, 1);
	assert_string_equal(terms[0], "zyxwords");
	free(terms[0]);
	free(terms);
	catalogue_close(c);
}

/*
 * A catalogue indexed under other folding rules is indexed again by the
 * next write transaction, or left as it was by a rollback.
 */
static void
other_fold_version_reindexed(void **state)
{
	struct catalogue	*c;
	char			*error = NULL, **terms;
	size_t			 n;
	long			 count;

	(void)state;
	c = make_catalogue("refold", 3);
	assert_true(catalogue_fold_current(c));
	/* An index built under other rules: here, none at all. */
	assert_int_equal(sqlite3_exec(catalogue_db(c), "INSERT INTO "
	    "search(search) VALUES('delete-all'); DELETE FROM terms; "
	    "UPDATE meta SET value = '0' WHERE key = 'fold'", NULL, NULL,
	    NULL), SQLITE_OK);
	catalogue_close(c);

	assert_int_equal(catalogue_open(path, CATALOGUE_WRITE, &c, &error), 0);
	assert_false(catalogue_fold_current(c));
	assert_int_equal(catalogue_count(c, "\"quantization\"", 0, &count,
	    &error), 0);
	assert_int_equal(count, 0);

	/* A rollback leaves the old index and its version. */
	assert_int_equal(catalogue_begin(c, &error), 0);
	assert_true(catalogue_fold_current(c));
	catalogue_rollback(c);
	assert_false(catalogue_fold_current(c));

	/* A commit keeps the new one. */
	assert_int_equal(catalogue_begin(c, &error), 0);
	assert_int_equal(catalogue_commit(c, &error), 0);
	catalogue_close(c);
	assert_int_equal(catalogue_open(path, CATALOGUE_READ, &c, &error), 0);
	assert_true(catalogue_fold_current(c));
	assert_int_equal(catalogue_count(c, "\"quantization\"", 0, &count,
	    &error), 0);
	assert_int_equal(count, 1);
	assert_int_equal(catalogue_terms(c, "lovel", 8, &terms, &n, &error),
	    0);
	assert_int_equal(n, 1);
	assert_string_equal(terms[0], "lovelace");
	free(terms[0]);
	free(terms);
	catalogue_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_and_load),
		cmocka_unit_test(rows_forward_and_backward),
		cmocka_unit_test(match_count_and_rank),
		cmocka_unit_test(rollback_keeps_catalogue),
		cmocka_unit_test(wrong_files_rejected),
		cmocka_unit_test(schema_version_stored),
		cmocka_unit_test(version_1_upgraded_on_write),
		cmocka_unit_test(terms_listed_by_prefix),
		cmocka_unit_test(prepare_lists_new_words_once),
		cmocka_unit_test(rollback_forgets_words),
		cmocka_unit_test(other_fold_version_reindexed),
	};

	return cmocka_run_group_tests(tests, unit_make_dir, unit_remove_dir);
}
