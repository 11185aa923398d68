/*
 * filter: times what the browser does on each keystroke of a search.
 *
 *   filter [-c] [-r RUNS] [-n ROWS] DB TEXT...
 *
 * Each TEXT is typed one character at a time into an empty filter, or,
 * when it starts with '+', after the previous TEXT (so "neural" "+ net"
 * types "neural", then " net" after it). After every keystroke the
 * driver makes the calls the browser's event loop makes, in its order.
 * For the first draw, view_set_filter() parses the filter and fetches
 * the window of rows around the selected article, and view_article()
 * loads the selected article for the detail pane: that is the time to
 * the updated list. Then, before the second draw, view_update_count()
 * counts the matches up to VIEW_COUNT_CAP (shown as "10,000+") and
 * view_update_position() finds the selection's position: that adds up
 * to the time to the updated list and count. The view shows ROWS rows
 * (default 47, the list pane of a terminal of 50 lines).
 *
 * With -c the driver calls the catalogue directly instead, as the
 * simplest browser would: query_parse() and the first ROWS matching
 * rows (catalogue_rows) for the list, then the capped count
 * (catalogue_count). The difference between the two is the view's own
 * cost.
 *
 * Each of the RUNS runs (default 20) opens the catalogue anew and types
 * every TEXT in turn. SQLite's page cache so starts empty, as in a
 * newly started browser, while the system's file cache stays warm. The
 * filter is cleared, untimed, before each TEXT that does not start
 * with '+'.
 *
 * Timings come from clock_gettime(CLOCK_MONOTONIC). The output is
 * Markdown: one table row per keystroke with the median and 95th
 * percentile (nearest rank) to the list, and the median, 95th
 * percentile and maximum to the list and count, in milliseconds. Then
 * come the same over all keystrokes, the time to open the catalogue and
 * show its first screen, and the peak resident memory of the process.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "catalogue.h"
#include "query.h"
#include "view.h"
#include "xmalloc.h"

/* One keystroke: the filter text after it and its samples. */
struct key {
	char	*text;
	bool	 clear;		/* the filter is cleared before this key */
	double	*total;		/* milliseconds per run, the sum of: */
	double	*rows;		/* the rows */
	double	*article;	/* the selected article (view only) */
	double	*count;		/* the capped count (and position, view only) */
	double	*list;		/* rows plus article: the time to the list */
	size_t	 nrows;		/* rows on screen, from the last run */
	long	 matches;	/* capped count, from the last run */
};

struct options {
	int	 runs;
	size_t	 screen;	/* rows in a screenful */
	long	 cap;
	bool	 direct;	/* call the catalogue, not the view */
};

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
compare_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Returns the p-th percentile (nearest rank) of v[0..n), sorting v. */
static double
percentile(double *v, size_t n, double p)
{
	size_t	rank;

	qsort(v, n, sizeof *v, compare_double);
	rank = (size_t)(p / 100 * (double)n + 0.999999);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

/* Formats a count the way the browser shows it: "1,234" or "10,000+". */
static void
format_count(long n, bool capped, char *out, size_t size)
{
	char	digits[32];
	size_t	len, i, o = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%ld", n);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	if (capped && o + 1 < size)
		out[o++] = '+';
	out[o] = '\0';
}

static struct catalogue *
open_or_die(const char *path)
{
	struct catalogue	*c;
	char			*error;

	if (catalogue_open(path, CATALOGUE_READ, &c, &error) != 0)
		fatal("%s", error);
	return c;
}

static void
clear_rows(struct catalogue_row *rows, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		catalogue_row_clear(&rows[i]);
}

/* Makes the catalogue calls of one keystroke and stores run r. */
static void
press_direct(struct catalogue *c, struct key *k, int r,
    const struct options *o, struct catalogue_row *rows)
{
	struct query	 q;
	double		 t0, t1, t2;
	char		*error;
	long		 count = 0;
	size_t		 n = 0;

	t0 = now_ms();
	query_parse(k->text, &q);
	if (catalogue_rows(c, q.match, 0, true, o->screen, rows, &n,
	    &error) != 0)
		fatal("rows for '%s': %s", k->text, error);
	t1 = now_ms();
	if (catalogue_count(c, q.match, o->cap, &count, &error) != 0)
		fatal("count for '%s': %s", k->text, error);
	t2 = now_ms();
	query_free(&q);
	clear_rows(rows, n);
	k->rows[r] = t1 - t0;
	k->count[r] = t2 - t1;
	k->article[r] = 0;
	k->list[r] = t1 - t0;
	k->total[r] = t2 - t0;
	k->nrows = n;
	k->matches = count;
}

/* Makes the view calls of one keystroke and stores run r. */
static void
press_view(struct view *v, struct key *k, int r)
{
	double	 t0, t1, t2, t3;
	char	*error = NULL;
	int	 line;

	t0 = now_ms();
	if (view_set_filter(v, k->text, &error) != 0)
		fatal("filter '%s': %s", k->text, error);
	t1 = now_ms();
	if (view_selected(v) != NULL && view_article(v, &error) == NULL)
		fatal("article for '%s': %s", k->text, error);
	t2 = now_ms();
	if (view_update_count(v, &error) != 0 ||
	    view_update_position(v, &error) != 0)
		fatal("count for '%s': %s", k->text, error);
	t3 = now_ms();
	k->rows[r] = t1 - t0;
	k->article[r] = t2 - t1;
	k->list[r] = t2 - t0;
	k->count[r] = t3 - t2;
	k->total[r] = t3 - t0;
	for (line = 0; line < v->height && view_line(v, line) != NULL; line++)
		;
	k->nrows = (size_t)line;
	k->matches = v->count.value;
}

/* Returns the keystrokes of typing every text, in order. */
static struct key *
make_keys(char **texts, int ntexts, int runs, size_t *nkeys)
{
	struct key	*keys = NULL;
	char		*text = NULL, *previous = NULL;
	size_t		 n = 0, len, i, from;
	bool		 clear;
	int		 t;

	for (t = 0; t < ntexts; t++) {
		if (texts[t][0] == '+' && previous != NULL) {
			text = xasprintf("%s%s", previous, texts[t] + 1);
			from = strlen(previous) + 1;
			clear = false;
		} else {
			text = xstrdup(texts[t]);
			from = 1;
			clear = t > 0;
		}
		len = strlen(text);
		for (i = from; i <= len; i++) {
			/* A UTF-8 continuation byte is part of the same key. */
			if (i < len && ((unsigned char)text[i] & 0xc0) == 0x80)
				continue;
			keys = xreallocarray(keys, n + 1, sizeof *keys);
			keys[n].text = xstrndup(text, i);
			keys[n].clear = clear;
			keys[n].total = xcalloc((size_t)runs, sizeof(double));
			keys[n].rows = xcalloc((size_t)runs, sizeof(double));
			keys[n].count = xcalloc((size_t)runs, sizeof(double));
			keys[n].article = xcalloc((size_t)runs,
			    sizeof(double));
			keys[n].list = xcalloc((size_t)runs, sizeof(double));
			clear = false;
			n++;
		}
		free(previous);
		previous = text;
	}
	free(previous);
	*nkeys = n;
	return keys;
}

/*
 * Times opening the catalogue and getting what its first screen shows:
 * the rows, the count and, through the view, the first article.
 */
static double
first_screen(const char *path, const struct options *o,
    struct catalogue_row *rows)
{
	struct catalogue	*c;
	struct view		 v;
	double			 t0, t1;
	char			*error;
	long			 count;
	size_t			 n;

	t0 = now_ms();
	c = open_or_die(path);
	if (o->direct) {
		if (catalogue_rows(c, NULL, 0, true, o->screen, rows, &n,
		    &error) != 0)
			fatal("first rows: %s", error);
		if (catalogue_count(c, NULL, o->cap, &count, &error) != 0)
			fatal("total: %s", error);
		t1 = now_ms();
		clear_rows(rows, n);
	} else {
		if (view_open(&v, c, (int)o->screen, &error) != 0 ||
		    (view_selected(&v) != NULL &&
		    view_article(&v, &error) == NULL) ||
		    view_update_count(&v, &error) != 0 ||
		    view_update_position(&v, &error) != 0)
			fatal("first screen: %s", error);
		t1 = now_ms();
		view_close(&v);
	}
	catalogue_close(c);
	return t1 - t0;
}

/* Prints one table row: list median and p95, then total median, p95, max. */
static void
print_row(const char *label, double *list, double *total, size_t n,
    const char *rows, const char *count)
{
	double	list_median, list_p95, median, p95;

	list_median = percentile(list, n, 50);
	list_p95 = percentile(list, n, 95);
	median = percentile(total, n, 50);
	p95 = percentile(total, n, 95);
	printf("| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", label,
	    rows, count, list_median, list_p95, median, p95, total[n - 1]);
}

static void
report(struct key *keys, size_t nkeys, const struct options *o,
    double *opening)
{
	double		*all, *all_list;
	struct rusage	 ru;
	char		 label[300], rows[32], count[32];
	size_t		 i, n = 0, runs = (size_t)o->runs;

	printf("| Filter after the keystroke | Rows | Count | To the list: "
	    "median | p95 | To list and count: median | p95 | max |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
	all = xcalloc(nkeys * runs, sizeof *all);
	all_list = xcalloc(nkeys * runs, sizeof *all_list);
	for (i = 0; i < nkeys; i++) {
		memcpy(all + n, keys[i].total, runs * sizeof *all);
		memcpy(all_list + n, keys[i].list, runs * sizeof *all_list);
		n += runs;
		snprintf(label, sizeof label, "`%s`", keys[i].text);
		snprintf(rows, sizeof rows, "%zu", keys[i].nrows);
		format_count(keys[i].matches, o->cap > 0 &&
		    keys[i].matches >= o->cap, count, sizeof count);
		print_row(label, keys[i].list, keys[i].total, runs, rows,
		    count);
	}
	print_row("**every keystroke**", all_list, all, n, "", "");
	print_row("open and first screen, no filter", opening, opening, runs,
	    "", "");
	free(all);
	free(all_list);
	getrusage(RUSAGE_SELF, &ru);
	printf("\nCalls: %s. Runs: %d. Rows on screen: %zu. Count cap: "
	    "%ld. Peak resident memory of the driver: %.1f MiB.\n",
	    o->direct ? "catalogue" : "view", o->runs, o->screen, o->cap,
	    (double)ru.ru_maxrss / 1024);
}

/* Prints how each keystroke's time divides between the calls. */
static void
report_split(struct key *keys, size_t nkeys, const struct options *o)
{
	size_t	i, n = (size_t)o->runs;

	printf("\n| Filter | Rows median ms | Rows p95 ms | Article median "
	    "ms | Article p95 ms | Count median ms | Count p95 ms |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|\n");
	for (i = 0; i < nkeys; i++) {
		printf("| `%s` | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
		    keys[i].text, percentile(keys[i].rows, n, 50),
		    percentile(keys[i].rows, n, 95),
		    percentile(keys[i].article, n, 50),
		    percentile(keys[i].article, n, 95),
		    percentile(keys[i].count, n, 50),
		    percentile(keys[i].count, n, 95));
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: filter [-c] [-r RUNS] [-n ROWS] DB TEXT...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct options		 o = { 20, 47, VIEW_COUNT_CAP, false };
	struct catalogue_row	*rows;
	struct catalogue	*c;
	struct view		 v;
	struct key		*keys;
	double			*opening;
	size_t			 nkeys, i;
	char			*error;
	int			 ch, r;

	while ((ch = getopt(argc, argv, "cr:n:")) != -1) {
		switch (ch) {
		case 'c':
			o.direct = true;
			break;
		case 'r':
			o.runs = atoi(optarg);
			break;
		case 'n':
			o.screen = (size_t)atol(optarg);
			break;
		default:
			usage();
		}
	}
	if (o.runs < 1 || o.screen < 1 || o.screen > INT_MAX ||
	    argc - optind < 2)
		usage();

	keys = make_keys(argv + optind + 1, argc - optind - 1, o.runs, &nkeys);
	rows = xcalloc(o.screen, sizeof *rows);
	opening = xcalloc((size_t)o.runs, sizeof *opening);
	for (r = 0; r < o.runs; r++) {
		opening[r] = first_screen(argv[optind], &o, rows);
		c = open_or_die(argv[optind]);
		if (!o.direct && view_open(&v, c, (int)o.screen, &error) != 0)
			fatal("%s", error);
		for (i = 0; i < nkeys; i++) {
			if (o.direct)
				press_direct(c, &keys[i], r, &o, rows);
			else {
				if (keys[i].clear &&
				    view_set_filter(&v, "", &error) != 0)
					fatal("clearing the filter: %s", error);
				press_view(&v, &keys[i], r);
			}
		}
		if (!o.direct)
			view_close(&v);
		catalogue_close(c);
	}
	report(keys, nkeys, &o, opening);
	report_split(keys, nkeys, &o);

	for (i = 0; i < nkeys; i++) {
		free(keys[i].text);
		free(keys[i].total);
		free(keys[i].rows);
		free(keys[i].count);
		free(keys[i].article);
		free(keys[i].list);
	}
	free(keys);
	free(rows);
	free(opening);
	return 0;
}
