/*
 * Duplicate detection over a whole catalogue: keys, blocking, scoring
 * and clustering. See dupes.h.
 *
 * Blocking: every record emits a few 64-bit blocking keys (its DOI, its
 * exact title, the three longest words of its title, the start and the
 * end of its title, the first author's family name with the year or
 * with the title's start, its volume and first page). Records that
 * share a key become candidate pairs; a block larger than BLOCK_ALL is
 * not compared in full but in a sliding window over its records in
 * title order. A sorted-neighbourhood pass over all titles adds each
 * record's WINDOW next records in title order. Each record thus meets a
 * bounded number of others and the cost grows as n log n for the sorts.
 *
 * Clustering: matching pairs are taken best score first and joined with
 * union-find. Before two clusters are joined, every member of one is
 * checked against every member of the other for a hard contradiction
 * (dupes_score_contradiction()); one contradiction refuses the link.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dupes.h"
#include "dupes_key.h"
#include "xmalloc.h"

/* Blocks up to this size are compared pair by pair. */
#define BLOCK_ALL	32
/* Neighbours in title order compared within large blocks and overall. */
#define WINDOW		8
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

struct finder {
	const struct record	*records;
	size_t			 n;
	struct dupes_key	*keys;
	uint32_t		*rank;		/* rank[i]: position of record i in title order */
	uint32_t		*by_title;	/* records in title order */
	struct block_entry	*entries;
	size_t			 nentries, centries;
	uint64_t		*pairs;		/* (a << 32) | b, a < b */
	size_t			 npairs, cpairs;
};

static uint64_t
block_key(enum block_kind kind, uint32_t h1, uint32_t h2)
{
	return ((uint64_t)kind << 59) ^ ((uint64_t)h1 << 32 | h2);
}

static void
add_entry(struct finder *f, uint32_t record, enum block_kind kind,
    uint32_t h1, uint32_t h2)
{
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
add_pair(struct finder *f, uint32_t a, uint32_t b)
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

static void
add_record_keys(struct finder *f, uint32_t i)
{
	const struct dupes_key	*k = &f->keys[i];
	struct dupes_person	 first[DUPES_MAX_AUTHORS];
	const char		*s;
	char			 bare[256];
	size_t			 n;
	uint32_t		 h;

	s = dupes_key_str(k, k->doi);
	if (*s != '\0')
		add_entry(f, i, BLOCK_DOI, dupes_hash(s, strlen(s)), 0);

	if (k->title_hash != 0) {
		add_entry(f, i, BLOCK_TITLE, k->title_hash, 0);
		if ((h = title_words_hash(k)) != 0)
			add_entry(f, i, BLOCK_TITLE_WORDS, h, 0);
		n = bare_title(k, bare, sizeof bare);
		if (n > TITLE_EDGE) {
			add_entry(f, i, BLOCK_TITLE_START,
			    dupes_hash(bare, TITLE_EDGE), 0);
			add_entry(f, i, BLOCK_TITLE_END,
			    dupes_hash(bare + n - TITLE_EDGE, TITLE_EDGE), 0);
		}
	}

	if (k->nauthors > 0) {
		dupes_key_persons(k, first);
		h = dupes_hash(first[0].family, strlen(first[0].family));
		if (k->year != 0)
			add_entry(f, i, BLOCK_AUTHOR_YEAR, h, (uint32_t)k->year);
		n = bare_title(k, bare, 6);
		if (n > 0)
			add_entry(f, i, BLOCK_AUTHOR_TITLE, h,
			    dupes_hash(bare, n));
	}

	if (k->volume != 0 && k->first_page != 0) {
		s = dupes_key_str(k, k->volume);
		h = dupes_hash(s, strlen(s));
		s = dupes_key_str(k, k->first_page);
		add_entry(f, i, BLOCK_LOCATION, h, dupes_hash(s, strlen(s)));
	}
}

static const struct dupes_key *sort_keys;

static int
compare_title_order(const void *a, const void *b)
{
	const struct dupes_key	*ka = &sort_keys[*(const uint32_t *)a];
	const struct dupes_key	*kb = &sort_keys[*(const uint32_t *)b];
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
rank_titles(struct finder *f)
{
	size_t	i;

	f->by_title = xreallocarray(NULL, f->n, sizeof *f->by_title);
	f->rank = xreallocarray(NULL, f->n, sizeof *f->rank);
	for (i = 0; i < f->n; i++)
		f->by_title[i] = (uint32_t)i;
	/* qsort has no context argument; the comparison reads this. */
	sort_keys = f->keys;
	qsort(f->by_title, f->n, sizeof *f->by_title, compare_title_order);
	sort_keys = NULL;
	for (i = 0; i < f->n; i++)
		f->rank[f->by_title[i]] = (uint32_t)i;
}

/* Turns the blocks into candidate pairs. */
static void
pair_blocks(struct finder *f)
{
	size_t	start, end, i, j, limit;

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

	/* Neighbours in title order, whatever their keys. */
	for (i = 0; i < f->n; i++) {
		for (j = i + 1; j < f->n && j <= i + WINDOW; j++) {
			if (f->keys[f->by_title[i]].title_hash == 0)
				break;
			add_pair(f, f->by_title[i], f->by_title[j]);
		}
	}

	qsort(f->pairs, f->npairs, sizeof *f->pairs, compare_u64);
	for (i = 0, j = 0; i < f->npairs; i++) {
		if (j == 0 || f->pairs[j - 1] != f->pairs[i])
			f->pairs[j++] = f->pairs[i];
	}
	f->npairs = j;
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

/* Returns whether any member of cluster x contradicts any member of y. */
static bool
clusters_contradict(const struct finder *f, const struct clusters *c,
    uint32_t x, uint32_t y)
{
	uint32_t	i, j;

	for (i = x; i != UINT32_MAX; i = c->next[i]) {
		for (j = y; j != UINT32_MAX; j = c->next[j]) {
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
collect(struct finder *f, struct clusters *c, struct candidate *links,
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
		    &f->records[links[k].a], &f->records[links[k].b],
		    &cl->links[cl->nlinks].match);
		if (links[k].score < cl->score)
			cl->score = links[k].score;
		cl->nlinks++;
	}
	free(slot);
	qsort(out->clusters, out->nclusters, sizeof *out->clusters,
	    compare_clusters);
}

/* Scores the candidate pairs and joins the matches into clusters. */
static void
cluster_pairs(struct finder *f, struct dupes_result *out)
{
	struct candidate	*matches, *links;
	struct dupes_match	 m;
	struct clusters		 c;
	size_t			 nmatches, nlinks, i;
	uint32_t		 a, b, ra, rb;

	matches = xreallocarray(NULL, f->npairs == 0 ? 1 : f->npairs,
	    sizeof *matches);
	nmatches = 0;
	for (i = 0; i < f->npairs; i++) {
		a = (uint32_t)(f->pairs[i] >> 32);
		b = (uint32_t)f->pairs[i];
		dupes_score_pair(&f->keys[a], &f->keys[b], NULL, NULL, &m);
		out->compared++;
		if (!m.duplicate)
			continue;
		matches[nmatches].a = a;
		matches[nmatches].b = b;
		matches[nmatches].score = m.score;
		nmatches++;
	}
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

int
dupes_find(const struct record *records, size_t n, struct dupes_result *out,
    char **error)
{
	struct finder	f;
	size_t		i;

	memset(out, 0, sizeof *out);
	*error = NULL;
	if (n >= UINT32_MAX) {
		*error = xasprintf("cannot search %zu records for duplicates: "
		    "the limit is %u; split the catalogue", n, UINT32_MAX - 1);
		return -1;
	}
	memset(&f, 0, sizeof f);
	f.records = records;
	f.n = n;
	f.keys = xcalloc(n == 0 ? 1 : n, sizeof *f.keys);
	for (i = 0; i < n; i++)
		dupes_key_build(&f.keys[i], &records[i]);

	rank_titles(&f);
	for (i = 0; i < n; i++)
		add_record_keys(&f, (uint32_t)i);
	pair_blocks(&f);
	free(f.entries);
	out->candidates = f.npairs;

	cluster_pairs(&f, out);

	free(f.pairs);
	free(f.rank);
	free(f.by_title);
	for (i = 0; i < n; i++)
		dupes_key_free(&f.keys[i]);
	free(f.keys);
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
