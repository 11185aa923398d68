/*
 * Duplicate detection over a whole catalogue: keys, blocking, scoring
 * and clustering. See dupes.h.
 *
 * Blocking: every record emits a few 64-bit blocking keys: its DOI, its
 * exact title, and the three longest words of its title. The start and
 * the end of its title are keys too. So are the first author's family
 * name with the year or with the title's start, and the volume with the
 * first page. Records that
 * share a key become candidate pairs; a block larger than BLOCK_ALL is
 * not compared in full but in a sliding window of WINDOW records in
 * title order. A sorted-neighbourhood pass over all titles adds each
 * record's TITLE_WINDOW next records in title order. Each record thus meets a
 * bounded number of others and the cost grows as n log n for the sorts.
 *
 * Clustering: matching pairs are taken best score first and joined with
 * union-find. Before two clusters are joined, every member of one is
 * checked against every member of the other for a hard contradiction
 * (dupes_score_contradiction()); one contradiction refuses the link.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dupes.h"
#include "dupes_key.h"
#include "xmalloc.h"

/* Blocks up to this size are compared pair by pair. */
#define BLOCK_ALL	32
/* Neighbours in title order compared within large blocks. */
#define WINDOW		6
/*
 * Neighbours in title order compared overall: the title blocks already
 * join titles that share their start or their end, so this pass only
 * catches what falls between them.
 */
#define TITLE_WINDOW	3
/*
 * Members of each cluster checked for contradictions before two clusters
 * join. NOTE: members beyond these are not checked, which matters only
 * for clusters larger than any a catalogue of papers should have.
 */
#define CHECK_MEMBERS	256
/* Threads that score candidate pairs and build keys, at most. */
#define MAX_THREADS	4
/* Letters of a title's start and end used as blocking keys. */
#define TITLE_EDGE	24

enum block_kind {
	BLOCK_DOI = 1,
	BLOCK_TITLE,
	BLOCK_TITLE_WORDS,
	BLOCK_TITLE_START,
	BLOCK_TITLE_END,
	BLOCK_AUTHOR_YEAR,
	BLOCK_AUTHOR_TITLE,
	BLOCK_LOCATION,
};

struct block_entry {
	uint64_t	key;
	uint32_t	rank;		/* position in title order */
	uint32_t	record;
};

struct candidate {
	uint32_t	a;
	uint32_t	b;
	int		score;
};

struct dupes_finder {
	size_t			 n;
	size_t			 capacity;
	struct dupes_key	*keys;
	uint32_t		*rank;		/* rank[i]: position of record i in title order */
	uint32_t		*by_title;	/* records in title order */
	struct block_entry	*entries;	/* of one kind of block at a time */
	size_t			 nentries, centries;
	enum block_kind		 kind;		/* the kind add_entry() keeps */
	uint64_t		*pairs;		/* (a << 32) | b, a < b */
	size_t			 npairs, cpairs;
};

static uint64_t
block_key(enum block_kind kind, uint32_t h1, uint32_t h2)
{
	return ((uint64_t)kind << 59) ^ ((uint64_t)h1 << 32 | h2);
}

static void
add_entry(struct dupes_finder *f, uint32_t record, enum block_kind kind,
    uint32_t h1, uint32_t h2)
{
	if (kind != f->kind)
		return;
	if (f->nentries == f->centries) {
		f->centries = f->centries == 0 ? 1024 : f->centries * 2;
		f->entries = xreallocarray(f->entries, f->centries,
		    sizeof *f->entries);
	}
	f->entries[f->nentries].key = block_key(kind, h1, h2);
	f->entries[f->nentries].rank = f->rank[record];
	f->entries[f->nentries].record = record;
	f->nentries++;
}

static void
add_pair(struct dupes_finder *f, uint32_t a, uint32_t b)
{
	uint32_t	t;

	if (a == b)
		return;
	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	if (f->npairs == f->cpairs) {
		f->cpairs = f->cpairs == 0 ? 1024 : f->cpairs * 2;
		f->pairs = xreallocarray(f->pairs, f->cpairs, sizeof *f->pairs);
	}
	f->pairs[f->npairs++] = (uint64_t)a << 32 | b;
}

/* Copies the letters and digits of the folded title into out (at most max). */
static size_t
bare_title(const struct dupes_key *k, char *out, size_t max)
{
	const char	*t;
	size_t		 n;

	n = 0;
	for (t = dupes_key_str(k, k->title); *t != '\0' && n < max; t++) {
		if (*t != ' ')
			out[n++] = *t;
	}
	return n;
}

/* Hash of the three longest words of the title, in alphabetical order. */
static uint32_t
title_words_hash(const struct dupes_key *k)
{
	const char	*w, *best[3];
	size_t		 len, blen[3], i, j;
	uint32_t	 h;

	for (i = 0; i < 3; i++) {
		best[i] = NULL;
		blen[i] = 0;
	}
	for (w = dupes_key_str(k, k->title); *w != '\0';
	    w += len + (w[len] == ' ')) {
		len = strcspn(w, " ");
		for (i = 0; i < 3; i++) {
			if (len > blen[i] || (len == blen[i] && best[i] != NULL &&
			    strncmp(w, best[i], len) < 0)) {
				for (j = 2; j > i; j--) {
					best[j] = best[j - 1];
					blen[j] = blen[j - 1];
				}
				best[i] = w;
				blen[i] = len;
				break;
			}
		}
	}
	if (best[2] == NULL)
		return 0;
	/* Sort the three so that their order in the title does not matter. */
	for (i = 0; i < 3; i++) {
		for (j = i + 1; j < 3; j++) {
			if (blen[j] < blen[i] || (blen[j] == blen[i] &&
			    strncmp(best[j], best[i], blen[i]) < 0)) {
				w = best[i]; best[i] = best[j]; best[j] = w;
				len = blen[i]; blen[i] = blen[j]; blen[j] = len;
			}
		}
	}
	h = 0;
	for (i = 0; i < 3; i++)
		h = h * 31 + dupes_hash(best[i], blen[i]);
	return h;
}

/* Adds record i's blocking key of the current kind, if it has one. */
static void
add_record_keys(struct dupes_finder *f, uint32_t i)
{
	const struct dupes_key	*k = &f->keys[i];
	struct dupes_person	 first[DUPES_MAX_AUTHORS];
	const char		*s;
	char			 bare[256];
	size_t			 n;
	uint32_t		 h;

	switch (f->kind) {
	case BLOCK_DOI:
		s = dupes_key_str(k, k->doi);
		if (*s != '\0')
			add_entry(f, i, BLOCK_DOI, dupes_hash(s, strlen(s)), 0);
		break;
	case BLOCK_TITLE:
		if (k->title_hash != 0)
			add_entry(f, i, BLOCK_TITLE, k->title_hash, 0);
		break;
	case BLOCK_TITLE_WORDS:
		if (k->title_hash != 0 && (h = title_words_hash(k)) != 0)
			add_entry(f, i, BLOCK_TITLE_WORDS, h, 0);
		break;
	case BLOCK_TITLE_START:
	case BLOCK_TITLE_END:
		n = bare_title(k, bare, sizeof bare);
		if (n <= TITLE_EDGE)
			break;
		if (f->kind == BLOCK_TITLE_START)
			add_entry(f, i, f->kind, dupes_hash(bare, TITLE_EDGE), 0);
		else
			add_entry(f, i, f->kind,
			    dupes_hash(bare + n - TITLE_EDGE, TITLE_EDGE), 0);
		break;
	case BLOCK_AUTHOR_YEAR:
	case BLOCK_AUTHOR_TITLE:
		if (k->nauthors == 0)
			break;
		dupes_key_persons(k, first);
		h = dupes_hash(first[0].family, strlen(first[0].family));
		n = bare_title(k, bare, 6);
		if (f->kind == BLOCK_AUTHOR_YEAR && k->year != 0)
			add_entry(f, i, f->kind, h, (uint32_t)k->year);
		else if (f->kind == BLOCK_AUTHOR_TITLE && n > 0)
			add_entry(f, i, f->kind, h, dupes_hash(bare, n));
		break;
	case BLOCK_LOCATION:
		if (k->volume == 0 || k->first_page == 0)
			break;
		s = dupes_key_str(k, k->volume);
		h = dupes_hash(s, strlen(s));
		s = dupes_key_str(k, k->first_page);
		add_entry(f, i, f->kind, h, dupes_hash(s, strlen(s)));
		break;
	}
}

static int
compare_title_order(const void *a, const void *b, void *keys)
{
	const struct dupes_key	*ka = (struct dupes_key *)keys + *(const uint32_t *)a;
	const struct dupes_key	*kb = (struct dupes_key *)keys + *(const uint32_t *)b;
	int			 c;

	c = strcmp(dupes_key_str(ka, ka->title), dupes_key_str(kb, kb->title));
	if (c != 0)
		return c;
	return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

static int
compare_entries(const void *a, const void *b)
{
	const struct block_entry	*x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static int
compare_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Orders records by folded title for the sorted-neighbourhood passes. */
static void
rank_titles(struct dupes_finder *f)
{
	size_t	i;

	f->by_title = xreallocarray(NULL, f->n, sizeof *f->by_title);
	f->rank = xreallocarray(NULL, f->n, sizeof *f->rank);
	for (i = 0; i < f->n; i++)
		f->by_title[i] = (uint32_t)i;
	qsort_r(f->by_title, f->n, sizeof *f->by_title, compare_title_order,
	    f->keys);
	for (i = 0; i < f->n; i++)
		f->rank[f->by_title[i]] = (uint32_t)i;
}

/* Sorts the candidate pairs and drops repeats. */
static void
unique_pairs(struct dupes_finder *f)
{
	size_t	i, j;

	if (f->npairs == 0)
		return;
	qsort(f->pairs, f->npairs, sizeof *f->pairs, compare_u64);
	for (i = 0, j = 0; i < f->npairs; i++) {
		if (j == 0 || f->pairs[j - 1] != f->pairs[i])
			f->pairs[j++] = f->pairs[i];
	}
	f->npairs = j;
}

/* Turns the blocks of the current kind into candidate pairs. */
static void
pair_entries(struct dupes_finder *f)
{
	size_t	start, end, i, j, limit;

	if (f->nentries == 0)
		return;
	qsort(f->entries, f->nentries, sizeof *f->entries, compare_entries);
	for (start = 0; start < f->nentries; start = end) {
		for (end = start + 1; end < f->nentries &&
		    f->entries[end].key == f->entries[start].key; end++)
			;
		for (i = start; i < end; i++) {
			limit = end - start <= BLOCK_ALL ? end :
			    (i + WINDOW + 1 < end ? i + WINDOW + 1 : end);
			for (j = i + 1; j < limit; j++)
				add_pair(f, f->entries[i].record,
				    f->entries[j].record);
		}
	}
}

/*
 * Gathers the candidate pairs, one kind of block at a time so that only
 * one kind's entries are in memory, then the title neighbours.
 */
static void
pair_blocks(struct dupes_finder *f)
{
	size_t	i, j;

	for (f->kind = BLOCK_DOI; f->kind <= BLOCK_LOCATION; f->kind++) {
		f->nentries = 0;
		for (i = 0; i < f->n; i++)
			add_record_keys(f, (uint32_t)i);
		pair_entries(f);
		unique_pairs(f);
	}
	free(f->entries);
	f->entries = NULL;
	f->nentries = f->centries = 0;

	/* Neighbours in title order, whatever their keys. */
	for (i = 0; i < f->n; i++) {
		for (j = i + 1; j < f->n && j <= i + TITLE_WINDOW; j++) {
			if (f->keys[f->by_title[i]].title_hash == 0)
				break;
			add_pair(f, f->by_title[i], f->by_title[j]);
		}
	}
	unique_pairs(f);
}

static int
compare_candidates(const void *a, const void *b)
{
	const struct candidate	*x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* Union-find with a member list per cluster. */
struct clusters {
	uint32_t	*parent;
	uint32_t	*next;		/* next member in the root's list, UINT32_MAX ends */
	uint32_t	*last;		/* last member, valid at roots */
	uint32_t	*size;		/* valid at roots */
};

static uint32_t
find_root(struct clusters *c, uint32_t i)
{
	while (c->parent[i] != i) {
		c->parent[i] = c->parent[c->parent[i]];
		i = c->parent[i];
	}
	return i;
}

/*
 * Returns whether a member of cluster x contradicts a member of y. Each
 * side is checked up to CHECK_MEMBERS members, so that a record printed
 * thousands of times costs no quadratic time.
 */
static bool
clusters_contradict(const struct dupes_finder *f, const struct clusters *c,
    uint32_t x, uint32_t y)
{
	uint32_t	i, j;
	size_t		ni, nj;

	for (i = x, ni = 0; i != UINT32_MAX && ni < CHECK_MEMBERS;
	    i = c->next[i], ni++) {
		for (j = y, nj = 0; j != UINT32_MAX && nj < CHECK_MEMBERS;
		    j = c->next[j], nj++) {
			if (dupes_score_contradiction(&f->keys[i],
			    &f->keys[j]) != NULL)
				return true;
		}
	}
	return false;
}

static void
join(struct clusters *c, uint32_t x, uint32_t y)
{
	if (c->size[x] < c->size[y]) {
		uint32_t t = x;

		x = y;
		y = t;
	}
	c->parent[y] = x;
	c->next[c->last[x]] = y;
	c->last[x] = c->last[y];
	c->size[x] += c->size[y];
}

static int
compare_size(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static int
compare_clusters(const void *a, const void *b)
{
	const struct dupes_cluster	*x = a, *y = b;

	return x->members[0] < y->members[0] ? -1 :
	    x->members[0] > y->members[0];
}

/* Builds the clusters of the result from the accepted links. */
static void
collect(struct dupes_finder *f, struct clusters *c, struct candidate *links,
    size_t nlinks, struct dupes_result *out)
{
	struct dupes_cluster	*cl;
	size_t			*slot, i, k;
	uint32_t		 root, m;

	slot = xreallocarray(NULL, f->n, sizeof *slot);
	out->nclusters = 0;
	for (i = 0; i < f->n; i++) {
		if (c->parent[i] == i && c->size[i] > 1)
			slot[i] = out->nclusters++;
	}
	out->clusters = xcalloc(out->nclusters == 0 ? 1 : out->nclusters,
	    sizeof *out->clusters);
	for (i = 0; i < f->n; i++) {
		if (c->parent[i] != i || c->size[i] < 2)
			continue;
		cl = &out->clusters[slot[i]];
		cl->members = xreallocarray(NULL, c->size[i], sizeof *cl->members);
		for (m = (uint32_t)i; m != UINT32_MAX; m = c->next[m])
			cl->members[cl->nmembers++] = m;
		qsort(cl->members, cl->nmembers, sizeof *cl->members,
		    compare_size);
		cl->links = xcalloc(cl->nmembers - 1, sizeof *cl->links);
		cl->score = INT32_MAX;
	}
	for (k = 0; k < nlinks; k++) {
		root = find_root(c, links[k].a);
		cl = &out->clusters[slot[root]];
		cl->links[cl->nlinks].a = links[k].a;
		cl->links[cl->nlinks].b = links[k].b;
		dupes_score_pair(&f->keys[links[k].a], &f->keys[links[k].b],
		    NULL, NULL, &cl->links[cl->nlinks].match);
		if (links[k].score < cl->score)
			cl->score = links[k].score;
		cl->nlinks++;
	}
	free(slot);
	qsort(out->clusters, out->nclusters, sizeof *out->clusters,
	    compare_clusters);
}

/* A share of the candidate pairs scored by one thread. */
struct score_job {
	const struct dupes_finder	*f;
	size_t				 from, to;	/* pair indexes */
	struct candidate		*matches;
	size_t				 nmatches, cmatches;
};

static void *
score_range(void *arg)
{
	struct score_job	*job = arg;
	struct dupes_match	 m;
	const uint64_t		*pairs = job->f->pairs;
	size_t			 i;
	uint32_t		 a, b;

	for (i = job->from; i < job->to; i++) {
		a = (uint32_t)(pairs[i] >> 32);
		b = (uint32_t)pairs[i];
		dupes_score_pair(&job->f->keys[a], &job->f->keys[b], NULL, NULL,
		    &m);
		if (!m.duplicate)
			continue;
		if (job->nmatches == job->cmatches) {
			job->cmatches = job->cmatches == 0 ? 1024 :
			    job->cmatches * 2;
			job->matches = xreallocarray(job->matches, job->cmatches,
			    sizeof *job->matches);
		}
		job->matches[job->nmatches].a = a;
		job->matches[job->nmatches].b = b;
		job->matches[job->nmatches].score = m.score;
		job->nmatches++;
	}
	return NULL;
}

/*
 * Returns how many threads to share n items among, at least 1: one per
 * processor, but none beyond the caller's when there are fewer than
 * min_work items, where starting threads costs more than it saves.
 */
static size_t
thread_count(size_t n, size_t min_work)
{
	long	cpus;

	if (n < min_work)
		return 1;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		return 1;
	return cpus > MAX_THREADS ? MAX_THREADS : (size_t)cpus;
}

/*
 * Scores every candidate pair, split among threads (the keys are only
 * read), and returns the matching pairs in an allocated array of
 * *nmatches. The order does not matter: the caller sorts them.
 */
static struct candidate *
score_pairs(const struct dupes_finder *f, size_t *nmatches)
{
	struct score_job	 jobs[MAX_THREADS];
	pthread_t		 threads[MAX_THREADS];
	bool			 started[MAX_THREADS];
	struct candidate	*all;
	size_t			 n, t, total;

	n = thread_count(f->npairs, 20000);
	memset(jobs, 0, sizeof jobs);
	for (t = 0; t < n; t++) {
		jobs[t].f = f;
		jobs[t].from = f->npairs * t / n;
		jobs[t].to = f->npairs * (t + 1) / n;
	}
	/* The calling thread takes the first share; a thread that cannot start leaves its share to it too. */
	for (t = 1; t < n; t++)
		started[t] = pthread_create(&threads[t], NULL, score_range,
		    &jobs[t]) == 0;
	score_range(&jobs[0]);
	for (t = 1; t < n; t++) {
		if (started[t])
			pthread_join(threads[t], NULL);
		else
			score_range(&jobs[t]);
	}

	total = 0;
	for (t = 0; t < n; t++)
		total += jobs[t].nmatches;
	all = xreallocarray(NULL, total == 0 ? 1 : total, sizeof *all);
	total = 0;
	for (t = 0; t < n; t++) {
		if (jobs[t].nmatches > 0)
			memcpy(all + total, jobs[t].matches,
			    jobs[t].nmatches * sizeof *all);
		total += jobs[t].nmatches;
		free(jobs[t].matches);
	}
	*nmatches = total;
	return all;
}

/* Scores the candidate pairs and joins the matches into clusters. */
static void
cluster_pairs(struct dupes_finder *f, struct dupes_result *out)
{
	struct candidate	*matches, *links;
	struct clusters		 c;
	size_t			 nmatches, nlinks, i;
	uint32_t		 ra, rb;

	matches = score_pairs(f, &nmatches);
	out->compared = f->npairs;
	qsort(matches, nmatches, sizeof *matches, compare_candidates);

	c.parent = xreallocarray(NULL, f->n, sizeof *c.parent);
	c.next = xreallocarray(NULL, f->n, sizeof *c.next);
	c.last = xreallocarray(NULL, f->n, sizeof *c.last);
	c.size = xreallocarray(NULL, f->n, sizeof *c.size);
	for (i = 0; i < f->n; i++) {
		c.parent[i] = c.last[i] = (uint32_t)i;
		c.next[i] = UINT32_MAX;
		c.size[i] = 1;
	}
	links = xreallocarray(NULL, nmatches == 0 ? 1 : nmatches, sizeof *links);
	nlinks = 0;
	for (i = 0; i < nmatches; i++) {
		ra = find_root(&c, matches[i].a);
		rb = find_root(&c, matches[i].b);
		if (ra == rb)
			continue;
		if (clusters_contradict(f, &c, ra, rb)) {
			out->rejected_links++;
			continue;
		}
		join(&c, ra, rb);
		links[nlinks++] = matches[i];
	}
	free(matches);

	collect(f, &c, links, nlinks, out);
	free(links);
	free(c.parent);
	free(c.next);
	free(c.last);
	free(c.size);
}

struct dupes_finder *
dupes_finder_new(void)
{
	return xcalloc(1, sizeof(struct dupes_finder));
}


void
dupes_finder_run(struct dupes_finder *f, struct dupes_result *out)
{
	memset(out, 0, sizeof *out);
	if (f->n == 0) {
		out->clusters = xcalloc(1, sizeof *out->clusters);
		return;
	}
	rank_titles(f);
	pair_blocks(f);
	out->candidates = f->npairs;

	cluster_pairs(f, out);

	free(f->pairs);
	f->pairs = NULL;
	f->npairs = f->cpairs = 0;
	free(f->rank);
	free(f->by_title);
	f->rank = f->by_title = NULL;
}

void
dupes_finder_free(struct dupes_finder *f)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		dupes_key_free(&f->keys[i]);
	free(f->keys);
	free(f);
}

/* Records whose keys one thread builds. */
struct key_job {
	struct dupes_key	*keys;
	const struct record	*records;
	size_t			 from, to;
};

static void *
build_range(void *arg)
{
	struct key_job	*job = arg;
	size_t		 i;

	for (i = job->from; i < job->to; i++)
		dupes_key_build(&job->keys[i], &job->records[i]);
	return NULL;
}

int
dupes_finder_add_many(struct dupes_finder *f, const struct record *records,
    size_t n, char **error)
{
	struct key_job	jobs[MAX_THREADS];
	pthread_t	threads[MAX_THREADS];
	bool		started[MAX_THREADS];
	size_t		t, nthreads;

	*error = NULL;
	if (n == 0)
		return 0;
	if (n >= UINT32_MAX - 1 - f->n) {
		*error = xasprintf("cannot search more than %u records for "
		    "duplicates at once; split the catalogue", UINT32_MAX - 2);
		return -1;
	}
	if (f->n + n > f->capacity) {
		f->capacity = f->capacity == 0 ? 1024 : f->capacity;
		while (f->capacity < f->n + n)
			f->capacity *= 2;
		f->keys = xreallocarray(f->keys, f->capacity, sizeof *f->keys);
	}
	nthreads = thread_count(n, 2000);
	for (t = 0; t < nthreads; t++) {
		jobs[t].keys = f->keys + f->n;
		jobs[t].records = records;
		jobs[t].from = n * t / nthreads;
		jobs[t].to = n * (t + 1) / nthreads;
	}
	for (t = 1; t < nthreads; t++)
		started[t] = pthread_create(&threads[t], NULL, build_range,
		    &jobs[t]) == 0;
	build_range(&jobs[0]);
	for (t = 1; t < nthreads; t++) {
		if (started[t])
			pthread_join(threads[t], NULL);
		else
			build_range(&jobs[t]);
	}
	f->n += n;
	return 0;
}

int
dupes_finder_add(struct dupes_finder *f, const struct record *r, char **error)
{
	return dupes_finder_add_many(f, r, 1, error);
}

int
dupes_find(const struct record *records, size_t n, struct dupes_result *out,
    char **error)
{
	struct dupes_finder	*f;
	struct dupes_link	*link;
	size_t			 i, j;

	memset(out, 0, sizeof *out);
	f = dupes_finder_new();
	if (dupes_finder_add_many(f, records, n, error) != 0) {
		dupes_finder_free(f);
		return -1;
	}
	dupes_finder_run(f, out);

	/* Score the links again with the records, for the reasons' texts. */
	for (i = 0; i < out->nclusters; i++) {
		for (j = 0; j < out->clusters[i].nlinks; j++) {
			link = &out->clusters[i].links[j];
			dupes_score_pair(&f->keys[link->a], &f->keys[link->b],
			    &records[link->a], &records[link->b], &link->match);
		}
	}
	dupes_finder_free(f);
	return 0;
}

void
dupes_match_free(struct dupes_match *match)
{
	int	f;

	for (f = 0; f < DUPES_NFIELDS; f++) {
		free(match->reasons[f].text);
		match->reasons[f].text = NULL;
	}
}

void
dupes_result_free(struct dupes_result *result)
{
	size_t	i, j;

	for (i = 0; i < result->nclusters; i++) {
		for (j = 0; j < result->clusters[i].nlinks; j++)
			dupes_match_free(&result->clusters[i].links[j].match);
		free(result->clusters[i].links);
		free(result->clusters[i].members);
	}
	free(result->clusters);
	memset(result, 0, sizeof *result);
}

void
dupes_compare(const struct record *a, const struct record *b,
    struct dupes_match *match)
{
	struct dupes_key	ka, kb;

	dupes_key_build(&ka, a);
	dupes_key_build(&kb, b);
	dupes_score_pair(&ka, &kb, a, b, match);
	dupes_key_free(&ka);
	dupes_key_free(&kb);
}
