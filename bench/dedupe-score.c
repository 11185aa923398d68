/*
 * dedupe-score: measures duplicate detection on a labelled set.
 *
 *   dedupe-score [-v] [-m] [-l LABEL] DIR
 *
 * DIR holds either records.csv and clusters.csv (one line per duplicate
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
 * reasons; -m lists the gold pairs that were not found. For pairs.json
 * the row counts cases decided as labelled, and -v lists the others.
 */
#include <errno.h>
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
list_missed(const struct set *s, const bool *same_cluster_of)
{
	struct dupes_match	m;
	size_t			i, j;

	(void)same_cluster_of;
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

static void
score_clusters(const char *label, const char *dir)
{
	struct set		 s;
	struct dupes_result	 res;
	struct timespec		 start;
	const struct dupes_cluster *c;
	size_t			 nclusters, i, j, k, tp, fp, positives, negatives;
	size_t			 pred_pairs, true_pairs, gpairs;
	bool			*removed, *kept_gold;
	char			*error;
	double			 secs, precision, recall;

	memset(&s, 0, sizeof s);
	load_records(&s, dir);
	load_gold(&s, dir, &nclusters);

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (dupes_find(s.records, s.n, &res, &error) != 0)
		fatal("%s", error);
	secs = seconds_since(&start);

	/* Record counting: the first member of each predicted cluster is kept. */
	removed = xcalloc(s.n, sizeof *removed);
	for (i = 0; i < res.nclusters; i++) {
		for (j = 1; j < res.clusters[i].nmembers; j++)
			removed[res.clusters[i].members[j]] = true;
	}
	kept_gold = xcalloc(nclusters == 0 ? 1 : nclusters, sizeof *kept_gold);
	for (i = 0; i < s.n; i++) {
		if (!removed[i] && s.gold[i] >= 0)
			kept_gold[s.gold[i]] = true;
	}
	tp = fp = 0;
	for (i = 0; i < s.n; i++) {
		if (!removed[i])
			continue;
		if (s.gold[i] >= 0 && kept_gold[s.gold[i]])
			tp++;
		else
			fp++;
	}
	positives = 0;
	for (i = 0; i < s.n; i++) {
		if (s.gold[i] >= 0)
			positives++;
	}
	positives -= nclusters;
	negatives = s.n - positives;

	/* Pairwise. */
	pred_pairs = true_pairs = 0;
	for (i = 0; i < res.nclusters; i++) {
		c = &res.clusters[i];
		for (j = 0; j < c->nmembers; j++) {
			for (k = j + 1; k < c->nmembers; k++) {
				pred_pairs++;
				if (s.gold[c->members[j]] >= 0 &&
				    s.gold[c->members[j]] == s.gold[c->members[k]])
					true_pairs++;
				else if (verbose) {
					struct dupes_match m;

					dupes_compare(&s.records[c->members[j]],
					    &s.records[c->members[k]], &m);
					printf("false pair:\n");
					print_match(&s.records[c->members[j]],
					    &s.records[c->members[k]], &m);
					dupes_match_free(&m);
				}
			}
		}
	}
	gpairs = gold_pairs(&s, nclusters);
	precision = pred_pairs == 0 ? 1 : (double)true_pairs / (double)pred_pairs;
	recall = gpairs == 0 ? 1 : (double)true_pairs / (double)gpairs;

	if (missed)
		list_missed(&s, NULL);

	printf("| %s | %zu | %zu | %zu | %zu | %zu | %zu | %.4f | %.4f | "
	    "%.4f | %.4f | %.4f | %.2f | %ld |\n", label, s.n, nclusters,
	    res.nclusters, tp, fp, positives - tp,
	    positives == 0 ? 1.0 : (double)tp / (double)positives,
	    negatives == 0 ? 1.0 : (double)(negatives - fp) / (double)negatives,
	    precision, recall, precision + recall == 0 ? 0 :
	    2 * precision * recall / (precision + recall), secs, peak_mib());

	dupes_result_free(&res);
	free(removed);
	free(kept_gold);
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

static void
score_pairs(const char *label, const char *dir)
{
	struct json		 j;
	struct record		 a, b;
	struct dupes_match	 m;
	struct timespec		 start;
	char			*path, *data, *name, *note;
	size_t			 len, cases, right, fp, fn;
	bool			 expected, have_a, have_b;

	path = xasprintf("%s/pairs.json", dir);
	data = read_file(path, &len);
	j.p = data;
	j.path = path;
	cases = right = fp = fn = 0;
	clock_gettime(CLOCK_MONOTONIC, &start);

	/* Find "cases": [ ... ] at the top level. */
	json_expect(&j, '{');
	json_space(&j);
	while (*j.p != '}') {
		name = json_string(&j);
		json_expect(&j, ':');
		if (strcmp(name, "cases") != 0) {
			json_skip(&j);
			goto next_member;
		}
		json_expect(&j, '[');
		json_space(&j);
		while (*j.p != ']') {
			json_expect(&j, '{');
			json_space(&j);
			have_a = have_b = expected = false;
			note = NULL;
			while (*j.p != '}') {
				char *field = json_string(&j);

				json_expect(&j, ':');
				json_space(&j);
				if (strcmp(field, "record_a") == 0) {
					json_record(&j, &a);
					have_a = true;
				} else if (strcmp(field, "record_b") == 0) {
					json_record(&j, &b);
					have_b = true;
				} else if (strcmp(field, "expected_duplicate") == 0) {
					expected = strncmp(j.p, "true", 4) == 0;
					json_skip(&j);
				} else if (strcmp(field, "note") == 0) {
					free(note);
					note = json_string(&j);
				} else {
					json_skip(&j);
				}
				free(field);
				json_space(&j);
				if (*j.p == ',')
					j.p++;
				json_space(&j);
			}
			j.p++;
			if (!have_a || !have_b)
				fatal("%s: a case lacks record_a or record_b", path);
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
			json_space(&j);
			if (*j.p == ',')
				j.p++;
			json_space(&j);
		}
		j.p++;
next_member:
		free(name);
		json_space(&j);
		if (*j.p == ',')
			j.p++;
		json_space(&j);
	}

	printf("| %s | %zu pairs | %zu decided as labelled | %zu false "
	    "matches | %zu missed | %.2f s | %ld |\n", label, cases, right, fp,
	    fn, seconds_since(&start), peak_mib());
	free(data);
	free(path);
}

static void
usage(void)
{
	fprintf(stderr, "usage: dedupe-score [-v] [-m] [-l LABEL] DIR\n"
	    "DIR holds records.csv and clusters.csv, or pairs.json\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char	*label, *dir, *slash;
	char		*path;
	int		 c;

	label = NULL;
	while ((c = getopt(argc, argv, "vml:")) != -1) {
		switch (c) {
		case 'v': verbose = true; break;
		case 'm': missed = true; break;
		case 'l': label = optarg; break;
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
	if (access(path, R_OK) == 0)
		score_pairs(label, dir);
	else
		score_clusters(label, dir);
	free(path);
	return 0;
}
