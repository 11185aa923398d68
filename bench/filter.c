/*
 * filter: times what the browser does on each keystroke of a search.
 *
 *   filter [-r RUNS] [-n ROWS] [-k CAP] DB TEXT...
 *
 * Each TEXT is typed one character at a time into an empty filter, or,
 * when it starts with '+', after the previous TEXT (so "neural" "+ net"
 * types "neural", then " net" after it). After every keystroke
 * the driver makes the calls the browser makes: it parses the filter
 * (query_parse), fetches the first screenful of matching rows
 * (catalogue_rows, ROWS rows, default 50) and counts the matches up to
 * CAP (catalogue_count, default 10,000, shown as "10,000+"). Each of
 * the RUNS runs (default 20) opens the catalogue anew, so SQLite's page
 * cache starts empty as in a newly started browser while the system's
 * file cache stays warm, and types every TEXT in turn.
 *
 * Timings come from clock_gettime(CLOCK_MONOTONIC). The output is
 * Markdown: one table row per keystroke with the median, 95th
 * percentile (nearest rank) and maximum in milliseconds, then the same
 * over all keystrokes, the time to open the catalogue and fetch its
 * first screenful, and the peak resident memory of the process.
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
#include "xmalloc.h"

/* One keystroke: the filter text after it and its samples. */
struct key {
	char	*text;
	double	*total;		/* milliseconds per run: parse, rows, count */
	double	*rows;
	double	*count;
	size_t	 nrows;		/* rows fetched, from the last run */
	long	 matches;	/* capped count, from the last run */
};

struct options {
	int	 runs;
	size_t	 screen;	/* rows in a screenful */
	long	 cap;
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

/* Makes the calls of one keystroke and stores its timings as run r. */
static void
press(struct catalogue *c, struct key *k, int r, const struct options *o,
    struct catalogue_row *rows)
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
	k->total[r] = t2 - t0;
	k->nrows = n;
	k->matches = count;
}

/* Returns the keystrokes of typing every text, in order. */
static struct key *
make_keys(char **texts, int ntexts, int runs, size_t *nkeys)
{
	struct key	*keys = NULL;
	char		*text = NULL, *previous = NULL;
	size_t		 n = 0, len, i, from;
	int		 t;

	for (t = 0; t < ntexts; t++) {
		if (texts[t][0] == '+' && previous != NULL) {
			text = xasprintf("%s%s", previous, texts[t] + 1);
			from = strlen(previous) + 1;
		} else {
			text = xstrdup(texts[t]);
			from = 1;
		}
		len = strlen(text);
		for (i = from; i <= len; i++) {
			/* A UTF-8 continuation byte is part of the same key. */
			if (i < len && ((unsigned char)text[i] & 0xc0) == 0x80)
				continue;
			keys = xreallocarray(keys, n + 1, sizeof *keys);
			keys[n].text = xstrndup(text, i);
			keys[n].total = xcalloc((size_t)runs, sizeof(double));
			keys[n].rows = xcalloc((size_t)runs, sizeof(double));
			keys[n].count = xcalloc((size_t)runs, sizeof(double));
			n++;
		}
		free(previous);
		previous = text;
	}
	free(previous);
	*nkeys = n;
	return keys;
}

/* Times opening the catalogue and fetching its first screenful. */
static double
first_screen(const char *path, const struct options *o,
    struct catalogue_row *rows)
{
	struct catalogue	*c;
	double			 t0, t1;
	char			*error;
	long			 count;
	size_t			 n;

	t0 = now_ms();
	c = open_or_die(path);
	if (catalogue_rows(c, NULL, 0, true, o->screen, rows, &n,
	    &error) != 0)
		fatal("first rows: %s", error);
	if (catalogue_count(c, NULL, o->cap, &count, &error) != 0)
		fatal("total: %s", error);
	t1 = now_ms();
	clear_rows(rows, n);
	catalogue_close(c);
	return t1 - t0;
}

static void
print_row(const char *label, double *v, size_t n, const char *rows,
    const char *count)
{
	double	median, p95, max;

	median = percentile(v, n, 50);
	p95 = percentile(v, n, 95);
	max = v[n - 1];
	printf("| %s | %s | %s | %.2f | %.2f | %.2f |\n", label, rows, count,
	    median, p95, max);
}

static void
report(struct key *keys, size_t nkeys, const struct options *o,
    double *opening)
{
	double		*all;
	struct rusage	 ru;
	char		 label[300], rows[32], count[32];
	size_t		 i, n = 0;

	printf("| Filter after the keystroke | Rows | Count | Median ms "
	    "| p95 ms | Max ms |\n");
	printf("|---|---:|---:|---:|---:|---:|\n");
	all = xcalloc(nkeys * (size_t)o->runs, sizeof *all);
	for (i = 0; i < nkeys; i++) {
		memcpy(all + n, keys[i].total, (size_t)o->runs * sizeof *all);
		n += (size_t)o->runs;
		snprintf(label, sizeof label, "`%s`", keys[i].text);
		snprintf(rows, sizeof rows, "%zu", keys[i].nrows);
		format_count(keys[i].matches, o->cap > 0 &&
		    keys[i].matches >= o->cap, count, sizeof count);
		print_row(label, keys[i].total, (size_t)o->runs, rows, count);
	}
	print_row("**every keystroke**", all, n, "", "");
	print_row("open and first screenful, no filter", opening,
	    (size_t)o->runs, "", "");
	free(all);
	getrusage(RUSAGE_SELF, &ru);
	printf("\nRuns: %d. Rows per screenful: %zu. Count cap: %ld. "
	    "Peak resident memory of the driver: %.1f MiB.\n", o->runs,
	    o->screen, o->cap, (double)ru.ru_maxrss / 1024);
}

/* Prints the time split between fetching rows and counting. */
static void
report_split(struct key *keys, size_t nkeys, const struct options *o)
{
	size_t	i;

	printf("\n| Filter | Rows median ms | Rows p95 ms | Count median ms "
	    "| Count p95 ms |\n");
	printf("|---|---:|---:|---:|---:|\n");
	for (i = 0; i < nkeys; i++) {
		printf("| `%s` | %.2f | %.2f | %.2f | %.2f |\n", keys[i].text,
		    percentile(keys[i].rows, (size_t)o->runs, 50),
		    percentile(keys[i].rows, (size_t)o->runs, 95),
		    percentile(keys[i].count, (size_t)o->runs, 50),
		    percentile(keys[i].count, (size_t)o->runs, 95));
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: filter [-r RUNS] [-n ROWS] [-k CAP] DB "
	    "TEXT...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct options		 o = { 20, 50, 10000 };
	struct catalogue_row	*rows;
	struct catalogue	*c;
	struct key		*keys;
	double			*opening;
	size_t			 nkeys, i;
	int			 ch, r;

	while ((ch = getopt(argc, argv, "r:n:k:")) != -1) {
		switch (ch) {
		case 'r':
			o.runs = atoi(optarg);
			break;
		case 'n':
			o.screen = (size_t)atol(optarg);
			break;
		case 'k':
			o.cap = atol(optarg);
			break;
		default:
			usage();
		}
	}
	if (o.runs < 1 || o.screen < 1 || o.cap < 0 || argc - optind < 2)
		usage();

	keys = make_keys(argv + optind + 1, argc - optind - 1, o.runs, &nkeys);
	rows = xcalloc(o.screen, sizeof *rows);
	opening = xcalloc((size_t)o.runs, sizeof *opening);
	for (r = 0; r < o.runs; r++) {
		opening[r] = first_screen(argv[optind], &o, rows);
		c = open_or_die(argv[optind]);
		for (i = 0; i < nkeys; i++)
			press(c, &keys[i], r, &o, rows);
		catalogue_close(c);
	}
	report(keys, nkeys, &o, opening);
	report_split(keys, nkeys, &o);

	for (i = 0; i < nkeys; i++) {
		free(keys[i].text);
		free(keys[i].total);
		free(keys[i].rows);
		free(keys[i].count);
	}
	free(keys);
	free(rows);
	free(opening);
	return 0;
}
