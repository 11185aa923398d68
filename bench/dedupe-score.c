/*
 * dedupe-score: measures duplicate detection on a labelled set.
 *
 *   dedupe-score [-v] [-m] [-l LABEL] DIR
 *
 * DIR contains either records.csv and clusters.csv (one line per duplicate
 * cluster, record ids joined by ';') or pairs.json (cases of two records
 * with expected_duplicate). The records are read with the CSV importer,
 * dupes_find() runs on them, and one Markdown table row is printed with
 * the three measures the field reports:
 *
 *  - record counting: each predicted cluster keeps its first record and
 *    removes the others. A removed record is a true positive when a
 *    member of its gold cluster is kept, a false positive when none is
 *    (its work is lost). Sensitivity = TP / (TP + FN) over the records
 *    the gold clusters remove, specificity = TN / (TN + FP) over the
 *    records they keep.
 *  - pairwise precision, recall and F1 over the pairs inside predicted
 *    clusters against the pairs inside gold clusters;
 *  - the time dupes_find() took and the peak resident memory.
 *
 * -v lists every predicted pair that no gold cluster holds, with the
 * reasons; -m lists the gold pairs that were not found. -g N times the
 * search on N synthetic records instead (see score_scale()). For pairs.json
 * the row counts cases decided as labelled, and -v lists the others.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "dupes.h"
#include "import.h"
#include "record.h"
#include "xmalloc.h"

struct set {
	struct record	*records;
	size_t		 n, cap;
	long		*gold;		/* gold cluster of each record, -1 if none */
};

static bool	verbose, missed;

static char *
read_file(const char *path, size_t *len)
{
	struct buf	 b;
	FILE		*fp;
	char		 chunk[65536];
	size_t		 n;

	fp = fopen(path, "rb");
	if (fp == NULL)
		fatal("cannot open %s: %s", path, strerror(errno));
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	if (b.data == NULL)
		buf_addstr(&b, "");
	return buf_take(&b);
}

static int
keep_record(struct record *r, void *arg)
{
	struct set	*s = arg;

	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->records = xreallocarray(s->records, s->cap, sizeof *s->records);
	}
	/* Take the fields over; the reader then clears an empty record. */
	s->records[s->n++] = *r;
	record_init(r);
	return 0;
}

static void
load_records(struct set *s, const char *dir)
{
	struct import_context	 ctx;
	char			*path, *data, *error;
	size_t			 len;

	path = xasprintf("%s/records.csv", dir);
	data = read_file(path, &len);
	memset(&ctx, 0, sizeof ctx);
	ctx.path = path;
	ctx.quiet = true;
	ctx.sink = keep_record;
	ctx.arg = s;
	if (import_read_csv(&ctx, data, len, ',', &error) != 0)
		fatal("%s", error);
	free(data);
	free(path);
}

/* Returns the id the clusters file uses for r: "id_0000042" for record_id 42. */
static char *
record_label(const struct record *r)
{
	const char	*id = r->source_id == NULL ? "" : r->source_id;

	if (*id != '\0' && strspn(id, "0123456789") == strlen(id))
		return xasprintf("id_%07ld", strtol(id, NULL, 10));
	return xstrdup(id);
}

struct label {
	char	*id;
	size_t	 record;
};

static int
compare_labels(const void *a, const void *b)
{
	return strcmp(((const struct label *)a)->id,
	    ((const struct label *)b)->id);
}

static void
load_gold(struct set *s, const char *dir, size_t *nclusters)
{
	struct label	*labels, key, *found;
	char		*path, *data, *line, *next, *id, *save;
	size_t		 len, i;
	long		 cluster;

	labels = xreallocarray(NULL, s->n == 0 ? 1 : s->n, sizeof *labels);
	for (i = 0; i < s->n; i++) {
		labels[i].id = record_label(&s->records[i]);
		labels[i].record = i;
	}
	qsort(labels, s->n, sizeof *labels, compare_labels);
	s->gold = xreallocarray(NULL, s->n == 0 ? 1 : s->n, sizeof *s->gold);
	for (i = 0; i < s->n; i++)
		s->gold[i] = -1;

	path = xasprintf("%s/clusters.csv", dir);
	data = read_file(path, &len);
	cluster = 0;
	for (line = data; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (strstr(line, "merged_ids") != NULL || *line == '\0')
			continue;
		for (id = strtok_r(line, ";\"\r ", &save); id != NULL;
		    id = strtok_r(NULL, ";\"\r ", &save)) {
			key.id = id;
			found = bsearch(&key, labels, s->n, sizeof *labels,
			    compare_labels);
			if (found == NULL)
				fatal("%s: id %s is not in records.csv", path, id);
			s->gold[found->record] = cluster;
		}
		cluster++;
	}
	*nclusters = (size_t)cluster;
	for (i = 0; i < s->n; i++)
		free(labels[i].id);
	free(labels);
	free(data);
	free(path);
}

static double
seconds_since(const struct timespec *start)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	    (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static long
peak_mib(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;
}

/* Returns the processor time the process has used, user and system. */
static double
cpu_seconds(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void
print_match(const struct record *a, const struct record *b,
    const struct dupes_match *m)
{
	int	f;

	printf("  %s | %s\n    %s\n    %s\n", a->source_id, b->source_id,
	    a->title ? a->title : "", b->title ? b->title : "");
	printf("    score %d%s%s\n", m->score, m->veto ? ", ruled out: " : "",
	    m->veto ? m->veto : "");
	for (f = 0; f < DUPES_NFIELDS; f++) {
		if (m->reasons[f].text != NULL)
			printf("      %s [%s %+d]\n", m->reasons[f].text,
			    dupes_verdict_name(m->reasons[f].verdict),
			    m->reasons[f].points);
	}
}

/* Pairs inside gold clusters: sum of k * (k - 1) / 2. */
static size_t
gold_pairs(const struct set *s, size_t nclusters)
{
	size_t	*size, i, pairs;

	size = xcalloc(nclusters == 0 ? 1 : nclusters, sizeof *size);
	for (i = 0; i < s->n; i++) {
		if (s->gold[i] >= 0)
			size[s->gold[i]]++;
	}
	pairs = 0;
	for (i = 0; i < nclusters; i++)
		pairs += size[i] * (size[i] - (size[i] > 0));
	free(size);
	return pairs / 2;
}

static void
list_missed(const struct set *s)
{
	struct dupes_match	m;
	size_t			i, j;

	for (i = 0; i < s->n; i++) {
		for (j = i + 1; j < s->n; j++) {
			if (s->gold[i] < 0 || s->gold[i] != s->gold[j])
				continue;
			dupes_compare(&s->records[i], &s->records[j], &m);
			if (!m.duplicate) {
				printf("missed:\n");
				print_match(&s->records[i], &s->records[j], &m);
			}
			dupes_match_free(&m);
		}
	}
}

/* The counts behind the measures of one set. */
struct counts {
	size_t	tp, fp;			/* removed records */
	size_t	positives, negatives;	/* records the labels remove, keep */
	size_t	found_pairs, true_pairs, gold_pairs;
};

/*
 * Counts records as ASySD and BibDedupe do: the first member of each
 * found cluster is kept and the others are removed.
 */
static void
count_records(const struct set *s, size_t nclusters,
    const struct dupes_result *res, struct counts *c)
{
	bool	*removed, *kept_gold;
	size_t	 i, j;

	removed = xcalloc(s->n == 0 ? 1 : s->n, sizeof *removed);
	for (i = 0; i < res->nclusters; i++) {
		for (j = 1; j < res->clusters[i].nmembers; j++)
			removed[res->clusters[i].members[j]] = true;
	}
	kept_gold = xcalloc(nclusters == 0 ? 1 : nclusters, sizeof *kept_gold);
	for (i = 0; i < s->n; i++) {
		if (!removed[i] && s->gold[i] >= 0)
			kept_gold[s->gold[i]] = true;
	}
	for (i = 0; i < s->n; i++) {
		if (s->gold[i] >= 0)
			c->positives++;
		if (!removed[i])
			continue;
		if (s->gold[i] >= 0 && kept_gold[s->gold[i]])
			c->tp++;
		else
			c->fp++;
	}
	c->positives -= nclusters;
	c->negatives = s->n - c->positives;
	free(removed);
	free(kept_gold);
}

/* Counts the pairs inside found clusters, and those inside a gold cluster too. */
static void
count_pairs(const struct set *s, size_t nclusters,
    const struct dupes_result *res, struct counts *c)
{
	const struct dupes_cluster	*cl;
	struct dupes_match		 m;
	size_t				 i, j, k;
	size_t				 a, b;

	for (i = 0; i < res->nclusters; i++) {
		cl = &res->clusters[i];
		for (j = 0; j < cl->nmembers; j++) {
			for (k = j + 1; k < cl->nmembers; k++) {
				a = cl->members[j];
				b = cl->members[k];
				c->found_pairs++;
				if (s->gold[a] >= 0 && s->gold[a] == s->gold[b]) {
					c->true_pairs++;
					continue;
				}
				if (!verbose)
					continue;
				dupes_compare(&s->records[a], &s->records[b], &m);
				printf("false pair:\n");
				print_match(&s->records[a], &s->records[b], &m);
				dupes_match_free(&m);
			}
		}
	}
	c->gold_pairs = gold_pairs(s, nclusters);
}

static double
ratio(size_t a, size_t b)
{
	return b == 0 ? 1.0 : (double)a / (double)b;
}

static void
score_clusters(const char *label, const char *dir)
{
	struct set		 s;
	struct dupes_result	 res;
	struct counts		 c;
	struct timespec		 start;
	size_t			 nclusters, i;
	char			*error;
	double			 secs, precision, recall;

	memset(&s, 0, sizeof s);
	load_records(&s, dir);
	load_gold(&s, dir, &nclusters);

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (dupes_find(s.records, s.n, &res, &error) != 0)
		fatal("%s", error);
	secs = seconds_since(&start);

	memset(&c, 0, sizeof c);
	count_records(&s, nclusters, &res, &c);
	count_pairs(&s, nclusters, &res, &c);
	if (missed)
		list_missed(&s);

	precision = ratio(c.true_pairs, c.found_pairs);
	recall = ratio(c.true_pairs, c.gold_pairs);
	printf("| %s | %zu | %zu | %zu | %zu | %zu | %zu | %.4f | %.4f | "
	    "%.4f | %.4f | %.4f | %.2f | %ld |\n", label, s.n, nclusters,
	    res.nclusters, c.tp, c.fp, c.positives - c.tp,
	    ratio(c.tp, c.positives), ratio(c.negatives - c.fp, c.negatives),
	    precision, recall, precision + recall == 0 ? 0 :
	    2 * precision * recall / (precision + recall), secs, peak_mib());

	dupes_result_free(&res);
	for (i = 0; i < s.n; i++)
		record_clear(&s.records[i]);
	free(s.records);
	free(s.gold);
}

/*
 * A reader for the subset of JSON that pairs.json uses: objects, arrays,
 * strings, true, false, null and numbers (numbers are skipped).
 */
struct json {
	const char	*p;
	const char	*path;
};

static void
json_space(struct json *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r')
		j->p++;
}

static void
json_expect(struct json *j, char c)
{
	json_space(j);
	if (*j->p != c)
		fatal("%s: expected '%c' at \"%.20s\"", j->path, c, j->p);
	j->p++;
}

static void
add_utf8(struct buf *b, unsigned long cp)
{
	char	u[4];

	if (cp < 0x80) {
		buf_addch(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, u, 4);
	}
}

static char *
json_string(struct json *j)
{
	struct buf	 b;
	unsigned long	 cp, lo;
	char		 hex[5];

	json_expect(j, '"');
	buf_init(&b);
	while (*j->p != '"') {
		if (*j->p == '\0')
			fatal("%s: unterminated string", j->path);
		if (*j->p != '\\') {
			buf_addch(&b, *j->p++);
			continue;
		}
		j->p++;
		switch (*j->p) {
		case 'n': buf_addch(&b, '\n'); break;
		case 't': buf_addch(&b, '\t'); break;
		case 'r': buf_addch(&b, '\r'); break;
		case 'b': buf_addch(&b, '\b'); break;
		case 'f': buf_addch(&b, '\f'); break;
		case 'u':
			memcpy(hex, j->p + 1, 4);
			hex[4] = '\0';
			cp = strtoul(hex, NULL, 16);
			j->p += 4;
			if (cp >= 0xd800 && cp < 0xdc00 && j->p[1] == '\\' &&
			    j->p[2] == 'u') {
				memcpy(hex, j->p + 3, 4);
				lo = strtoul(hex, NULL, 16);
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				j->p += 6;
			}
			add_utf8(&b, cp);
			break;
		default: buf_addch(&b, *j->p); break;
		}
		j->p++;
	}
	j->p++;
	if (b.data == NULL)
		buf_addstr(&b, "");
	return buf_take(&b);
}

static void json_skip(struct json *j);

static void
json_skip(struct json *j)
{
	json_space(j);
	if (*j->p == '"') {
		free(json_string(j));
	} else if (*j->p == '{' || *j->p == '[') {
		char close = *j->p == '{' ? '}' : ']';

		j->p++;
		json_space(j);
		while (*j->p != close) {
			if (close == '}') {
				free(json_string(j));
				json_expect(j, ':');
			}
			json_skip(j);
			json_space(j);
			if (*j->p == ',')
				j->p++;
			json_space(j);
		}
		j->p++;
	} else {
		j->p += strcspn(j->p, ",}] \n\t\r");
	}
}

/* Reads an object of string values into a record, BibTeX field names. */
static void
json_record(struct json *j, struct record *r)
{
	char	*name, *value;
	char	**slot;

	record_init(r);
	json_expect(j, '{');
	json_space(j);
	while (*j->p != '}') {
		name = json_string(j);
		json_expect(j, ':');
		json_space(j);
		if (*j->p != '"') {
			json_skip(j);
			free(name);
			goto next;
		}
		value = json_string(j);
		slot = NULL;
		if (strcmp(name, "title") == 0)
			slot = &r->title;
		else if (strcmp(name, "author") == 0)
			slot = &r->byline;
		else if (strcmp(name, "journal") == 0 ||
		    (strcmp(name, "booktitle") == 0 && (r->journal == NULL ||
		    strcmp(r->journal, "None") == 0)))
			slot = &r->journal;
		else if (strcmp(name, "volume") == 0)
			slot = &r->volume;
		else if (strcmp(name, "number") == 0 || strcmp(name, "issue") == 0)
			slot = &r->issue;
		else if (strcmp(name, "pages") == 0)
			slot = &r->pages;
		else if (strcmp(name, "doi") == 0)
			slot = &r->doi;
		else if (strcmp(name, "abstract") == 0)
			slot = &r->abstract;
		else if (strcmp(name, "isbn") == 0)
			slot = &r->isbn;
		else if (strcmp(name, "ENTRYTYPE") == 0)
			slot = &r->type;
		else if (strcmp(name, "ID") == 0)
			slot = &r->source_id;
		else if (strcmp(name, "year") == 0)
			r->year = atoi(value);
		/* "None" in journal must not hide a booktitle that follows. */
		if (slot != NULL && !(slot == &r->journal && r->journal != NULL &&
		    strcmp(value, "None") == 0))
			record_set(slot, value);
		free(value);
		free(name);
next:
		json_space(j);
		if (*j->p == ',')
			j->p++;
		json_space(j);
	}
	j->p++;
}

/* Skips a ',' after a value, and the white space around it. */
static void
json_next(struct json *j)
{
	json_space(j);
	if (*j->p == ',')
		j->p++;
	json_space(j);
}

/*
 * Reads one case object into *a and *b (cleared by the caller), the
 * label into *expected and the note, allocated, into *note.
 */
static void
read_case(struct json *j, struct record *a, struct record *b, bool *expected,
    char **note)
{
	char	*field;
	bool	 have_a, have_b;

	have_a = have_b = *expected = false;
	*note = NULL;
	json_expect(j, '{');
	json_space(j);
	while (*j->p != '}') {
		field = json_string(j);
		json_expect(j, ':');
		json_space(j);
		if (strcmp(field, "record_a") == 0) {
			json_record(j, a);
			have_a = true;
		} else if (strcmp(field, "record_b") == 0) {
			json_record(j, b);
			have_b = true;
		} else if (strcmp(field, "expected_duplicate") == 0) {
			*expected = strncmp(j->p, "true", 4) == 0;
			json_skip(j);
		} else if (strcmp(field, "note") == 0) {
			free(*note);
			*note = json_string(j);
		} else {
			json_skip(j);
		}
		free(field);
		json_next(j);
	}
	j->p++;
	if (!have_a || !have_b)
		fatal("%s: a case lacks record_a or record_b", j->path);
}

static void
score_pairs(const char *label, const char *dir)
{
	struct json		 j;
	struct record		 a, b;
	struct dupes_match	 m;
	struct timespec		 start;
	char			*path, *data, *name, *note;
	size_t			 len, cases, right, fp, fn;
	bool			 expected;

	path = xasprintf("%s/pairs.json", dir);
	data = read_file(path, &len);
	j.p = data;
	j.path = path;
	cases = right = fp = fn = 0;
	clock_gettime(CLOCK_MONOTONIC, &start);

	/* The cases are the array "cases" of the top-level object. */
	json_expect(&j, '{');
	json_space(&j);
	while (*j.p != '}') {
		name = json_string(&j);
		json_expect(&j, ':');
		if (strcmp(name, "cases") != 0) {
			json_skip(&j);
			free(name);
			json_next(&j);
			continue;
		}
		free(name);
		json_expect(&j, '[');
		json_space(&j);
		while (*j.p != ']') {
			read_case(&j, &a, &b, &expected, &note);
			dupes_compare(&a, &b, &m);
			cases++;
			if (m.duplicate == expected)
				right++;
			else if (m.duplicate)
				fp++;
			else
				fn++;
			if (verbose && m.duplicate != expected) {
				printf("case %zu decided %s, labelled %s: %s\n", cases,
				    m.duplicate ? "duplicate" : "distinct",
				    expected ? "duplicate" : "distinct",
				    note ? note : "");
				print_match(&a, &b, &m);
			}
			dupes_match_free(&m);
			record_clear(&a);
			record_clear(&b);
			free(note);
			json_next(&j);
		}
		j.p++;
		json_next(&j);
	}

	printf("| %s | %zu | %zu | %zu | %zu | %.3f | %ld |\n", label, cases,
	    right, fp, fn, seconds_since(&start), peak_mib());
	free(data);
	free(path);
}

/* A deterministic generator, so that runs compare (xorshift64). */
static uint64_t
next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

struct vocabulary {
	char	**words;
	size_t	  n, cap;
};

static void
add_words(struct vocabulary *v, const char *s)
{
	const char	*p;
	size_t		 len;

	for (p = s; p != NULL && *p != '\0'; p += len) {
		p += strspn(p, " ");
		len = strcspn(p, " ");
		if (len < 3)
			continue;
		if (v->n == v->cap) {
			v->cap = v->cap == 0 ? 4096 : v->cap * 2;
			v->words = xreallocarray(v->words, v->cap, sizeof *v->words);
		}
		v->words[v->n++] = xstrndup(p, len);
	}
}

static const char *
pick(const struct vocabulary *v, uint64_t *rng)
{
	return v->words[next_random(rng) % v->n];
}

static void
add_random_words(struct buf *b, const struct vocabulary *v, size_t n,
    uint64_t *rng)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(b, ' ');
		buf_addstr(b, pick(v, rng));
	}
}

/* Fills r with a random article made of the set's words and names. */
static void
make_article(struct record *r, const struct set *s, const struct vocabulary *words,
    const struct vocabulary *families, uint64_t *rng)
{
	const struct record	*t;
	struct buf		 b;
	size_t			 i, nauthors;

	t = &s->records[next_random(rng) % s->n];
	record_init(r);
	buf_init(&b);
	add_random_words(&b, words, 6 + next_random(rng) % 10, rng);
	r->title = buf_take(&b);
	add_random_words(&b, words, 120 + next_random(rng) % 120, rng);
	r->abstract = buf_take(&b);
	nauthors = 1 + next_random(rng) % 6;
	for (i = 0; i < nauthors; i++) {
		buf_printf(&b, "%c. %s", (char)('A' + next_random(rng) % 26),
		    pick(families, rng));
		record_add_author(r, buf_str(&b), NULL, NULL);
		buf_clear(&b);
	}
	buf_free(&b);
	r->year = 1980 + (int)(next_random(rng) % 45);
	record_set(&r->journal, t->journal);
	r->volume = xasprintf("%d", (int)(1 + next_random(rng) % 200));
	r->pages = xasprintf("%d-%d", (int)(1 + next_random(rng) % 2000),
	    (int)(2001 + next_random(rng) % 20));
	if (next_random(rng) % 2 == 0)
		r->doi = xasprintf("10.%d/synthetic.%llu",
		    (int)(1000 + next_random(rng) % 9000),
		    (unsigned long long)(next_random(rng) % 100000000));
}

/* Turns r into a copy of itself as another database would print it. */
static void
reprint(struct record *r)
{
	char	*p;

	for (p = r->title; *p != '\0'; p++) {
		if (*p >= 'a' && *p <= 'z' && (p == r->title || p[-1] == ' '))
			*p = (char)(*p - 'a' + 'A');
	}
	free(r->doi);
	r->doi = NULL;
	free(r->pages);
	r->pages = NULL;
}

/* Copies the fields make_article() fills from r to copy. */
static void
copy_article(struct record *copy, const struct record *r)
{
	size_t	i;

	record_init(copy);
	record_set(&copy->title, r->title);
	record_set(&copy->abstract, r->abstract);
	record_set(&copy->journal, r->journal);
	record_set(&copy->volume, r->volume);
	record_set(&copy->pages, r->pages);
	record_set(&copy->doi, r->doi);
	copy->year = r->year;
	for (i = 0; i < r->nauthors; i++)
		record_add_author(copy, r->authors[i].name, NULL, NULL);
}

/* Records generated and added to the finder at a time. */
#define SCALE_BATCH	4096

/*
 * Times dupes_finder on n synthetic records: random titles, abstracts and
 * names drawn from the set's words, with every 20th record a reprint of
 * the one before it. Records are added in batches and freed, as a
 * catalogue of that size would be read.
 */
static void
score_scale(const char *label, const char *dir, size_t n)
{
	struct set		 s;
	struct vocabulary	 words, families;
	struct dupes_finder	*f;
	struct dupes_result	 res;
	struct record		*batch;
	struct timespec		 start;
	uint64_t		 rng = 88172645463325252ull;
	size_t			 i, j, nbatch, in_clusters;
	double			 add_secs, run_secs, add_cpu, run_cpu, cpu;
	char			*error;

	memset(&s, 0, sizeof s);
	memset(&words, 0, sizeof words);
	memset(&families, 0, sizeof families);
	load_records(&s, dir);
	for (i = 0; i < s.n; i++) {
		add_words(&words, s.records[i].title);
		for (j = 0; j < s.records[i].nauthors; j++)
			add_words(&families, s.records[i].authors[j].family);
	}
	if (words.n == 0 || families.n == 0)
		fatal("%s: no titles or family names to draw from", dir);

	f = dupes_finder_new();
	batch = xcalloc(SCALE_BATCH, sizeof *batch);
	add_secs = add_cpu = 0;
	for (i = 0; i < n; i += nbatch) {
		nbatch = n - i < SCALE_BATCH ? n - i : SCALE_BATCH;
		for (j = 0; j < nbatch; j++) {
			if ((i + j) % 20 == 19 && j > 0) {
				copy_article(&batch[j], &batch[j - 1]);
				reprint(&batch[j]);
			} else {
				make_article(&batch[j], &s, &words, &families, &rng);
			}
		}
		/* Only the finder's time counts, not the generator's. */
		clock_gettime(CLOCK_MONOTONIC, &start);
		cpu = cpu_seconds();
		if (dupes_finder_add_many(f, batch, nbatch, &error) != 0)
			fatal("%s", error);
		add_secs += seconds_since(&start);
		add_cpu += cpu_seconds() - cpu;
		for (j = 0; j < nbatch; j++)
			record_clear(&batch[j]);
	}
	free(batch);

	clock_gettime(CLOCK_MONOTONIC, &start);
	cpu = cpu_seconds();
	dupes_finder_run(f, &res);
	run_secs = seconds_since(&start);
	run_cpu = cpu_seconds() - cpu;
	in_clusters = 0;
	for (i = 0; i < res.nclusters; i++)
		in_clusters += res.clusters[i].nmembers;

	printf("| %s | %zu | %zu | %zu | %zu | %.1f | %.1f | %.1f | %.1f | "
	    "%ld |\n", label, n, res.nclusters, in_clusters, res.compared,
	    add_secs, add_cpu, run_secs, run_cpu, peak_mib());
	dupes_result_free(&res);
	dupes_finder_free(f);
	for (i = 0; i < s.n; i++)
		record_clear(&s.records[i]);
	free(s.records);
	for (i = 0; i < words.n; i++)
		free(words.words[i]);
	free(words.words);
	for (i = 0; i < families.n; i++)
		free(families.words[i]);
	free(families.words);
}

static void
usage(void)
{
	fprintf(stderr, "usage: dedupe-score [-v] [-m] [-l LABEL] [-g N] DIR\n"
	    "DIR holds records.csv and clusters.csv, or pairs.json;\n"
	    "-g N times N synthetic records made from DIR's words\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char	*label, *dir, *slash;
	char		*path;
	size_t		 generate;
	int		 c;

	label = NULL;
	generate = 0;
	while ((c = getopt(argc, argv, "vml:g:")) != -1) {
		switch (c) {
		case 'v': verbose = true; break;
		case 'm': missed = true; break;
		case 'l': label = optarg; break;
		case 'g': generate = strtoul(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (optind + 1 != argc)
		usage();
	dir = argv[optind];
	if (label == NULL) {
		slash = strrchr(dir, '/');
		label = slash != NULL && slash[1] != '\0' ? slash + 1 : dir;
	}
	path = xasprintf("%s/pairs.json", dir);
	if (generate > 0)
		score_scale(label, dir, generate);
	else if (access(path, R_OK) == 0)
		score_pairs(label, dir);
	else
		score_clusters(label, dir);
	free(path);
	return 0;
}
