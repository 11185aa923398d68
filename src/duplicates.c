/*
 * Duplicate clusters of a catalogue, computed by dupes_find() and cached
 * per user: see duplicates.h.
 *
 * The cache is a small text file, one item per line, written to a
 * temporary file and renamed so that a reader never sees half of it:
 *
 *	fehrest-duplicates 1
 *	catalogue PATH
 *	generation GENERATION
 *	cluster SCORE
 *	member ID NUMBER SOURCE_ID|-  TITLE
 *	reason TEXT
 *
 * Fields are separated by tabs; text fields have tabs and line breaks
 * replaced by spaces before they are written.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "catalogue.h"
#include "dupes.h"
#include "duplicates.h"
#include "record.h"
#include "xmalloc.h"

#define CACHE_MAGIC	"fehrest-duplicates 1"

static uint64_t
hash_string(const char *s)
{
	uint64_t	h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static char *
state_dir(void)
{
	const char	*base, *home;

	base = getenv("XDG_STATE_HOME");
	if (base != NULL && *base == '/')
		return xasprintf("%s/fehrest", base);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/.local/state/fehrest", home);
}

static char *
real_catalogue_path(struct catalogue *c)
{
	char	real[PATH_MAX];

	if (realpath(catalogue_path(c), real) == NULL)
		return xstrdup(catalogue_path(c));
	return xstrdup(real);
}

char *
duplicates_cache_path(struct catalogue *c)
{
	char	*dir, *real, *path;

	if ((dir = state_dir()) == NULL)
		return NULL;
	real = real_catalogue_path(c);
	path = xasprintf("%s/dupes-%016llx", dir,
	    (unsigned long long)hash_string(real));
	free(real);
	free(dir);
	return path;
}

/* Makes the directory and its parents, like mkdir -p. */
static int
make_dirs(const char *path)
{
	char	*copy, *p;
	int	 rc = 0;

	copy = xstrdup(path);
	for (p = copy + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) == -1 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (mkdir(copy, 0700) == -1 && errno != EEXIST)
		rc = -1;
	free(copy);
	return rc;
}

static char *
flatten(const char *s)
{
	char	*copy, *p;

	copy = xstrdup(s != NULL ? s : "");
	for (p = copy; *p != '\0'; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	}
	return copy;
}

static void
add_id(struct duplicates *d, long id)
{
	d->ids = xreallocarray(d->ids, d->nids + 1, sizeof *d->ids);
	d->ids[d->nids++] = id;
}

static int
compare_long(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

static void
finish(struct duplicates *d)
{
	if (d->nids > 1)
		qsort(d->ids, d->nids, sizeof *d->ids, compare_long);
}

void
duplicates_free(struct duplicates *d)
{
	struct duplicates_cluster	*cl;
	size_t				 i, j;

	for (i = 0; i < d->nclusters; i++) {
		cl = &d->clusters[i];
		for (j = 0; j < cl->nmembers; j++) {
			free(cl->members[j].source_id);
			free(cl->members[j].title);
		}
		free(cl->members);
		for (j = 0; j < cl->nreasons; j++)
			free(cl->reasons[j]);
		free(cl->reasons);
	}
	free(d->clusters);
	free(d->ids);
	memset(d, 0, sizeof *d);
}

bool
duplicates_contains(const struct duplicates *d, long id)
{
	return d->nids > 0 && bsearch(&id, d->ids, d->nids, sizeof *d->ids,
	    compare_long) != NULL;
}

const struct duplicates_cluster *
duplicates_cluster_of(const struct duplicates *d, long id)
{
	size_t	i, j;

	if (!duplicates_contains(d, id))
		return NULL;
	for (i = 0; i < d->nclusters; i++) {
		for (j = 0; j < d->clusters[i].nmembers; j++) {
			if (d->clusters[i].members[j].id == id)
				return &d->clusters[i];
		}
	}
	return NULL;
}

/* Splits a line at tabs in place; returns the number of fields. */
static size_t
split_tabs(char *line, char **fields, size_t max)
{
	size_t	n = 0;

	fields[n++] = line;
	while (n < max && (line = strchr(line, '\t')) != NULL) {
		*line++ = '\0';
		fields[n++] = line;
	}
	return n;
}

static int
read_cache(const char *path, const char *real, const char *generation,
    struct duplicates *d)
{
	struct duplicates_cluster	*cl = NULL;
	struct duplicates_member	*m;
	FILE				*fp;
	char				*line = NULL, *f[5];
	size_t				 size = 0, n;
	ssize_t				 len;
	int				 rc = -1, lineno = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while ((len = getline(&line, &size, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		lineno++;
		n = split_tabs(line, f, 5);
		if (lineno == 1) {
			if (strcmp(line, CACHE_MAGIC) != 0)
				goto out;
		} else if (lineno == 2) {
			if (n != 2 || strcmp(f[0], "catalogue") != 0 ||
			    strcmp(f[1], real) != 0)
				goto out;
		} else if (lineno == 3) {
			if (n != 2 || strcmp(f[0], "generation") != 0 ||
			    strcmp(f[1], generation) != 0)
				goto out;
		} else if (strcmp(f[0], "cluster") == 0 && n == 2) {
			d->clusters = xreallocarray(d->clusters,
			    d->nclusters + 1, sizeof *d->clusters);
			cl = &d->clusters[d->nclusters++];
			memset(cl, 0, sizeof *cl);
			cl->score = atoi(f[1]);
		} else if (strcmp(f[0], "member") == 0 && n == 5 &&
		    cl != NULL) {
			cl->members = xreallocarray(cl->members,
			    cl->nmembers + 1, sizeof *cl->members);
			m = &cl->members[cl->nmembers++];
			m->id = strtol(f[1], NULL, 10);
			m->number = strtol(f[2], NULL, 10);
			m->source_id = strcmp(f[3], "-") == 0 ? NULL :
			    xstrdup(f[3]);
			m->title = xstrdup(f[4]);
			add_id(d, m->id);
		} else if (strcmp(f[0], "reason") == 0 && n == 2 &&
		    cl != NULL) {
			cl->reasons = xreallocarray(cl->reasons,
			    cl->nreasons + 1, sizeof *cl->reasons);
			cl->reasons[cl->nreasons++] = xstrdup(f[1]);
		} else
			goto out;
	}
	rc = lineno >= 3 ? 0 : -1;
out:
	free(line);
	fclose(fp);
	if (rc != 0)
		duplicates_free(d);
	return rc;
}

static void
write_cache(const char *path, const char *real, const char *generation,
    const struct duplicates *d)
{
	const struct duplicates_cluster	*cl;
	const struct duplicates_member	*m;
	char				*tmp, *dir, *slash, *s, *id;
	FILE				*fp;
	size_t				 i, j;
	bool				 ok;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	make_dirs(dir);
	free(dir);
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	if ((fp = fopen(tmp, "w")) == NULL) {
		free(tmp);
		return;
	}
	fprintf(fp, "%s\ncatalogue\t%s\ngeneration\t%s\n", CACHE_MAGIC, real,
	    generation);
	for (i = 0; i < d->nclusters; i++) {
		cl = &d->clusters[i];
		fprintf(fp, "cluster\t%d\n", cl->score);
		for (j = 0; j < cl->nmembers; j++) {
			m = &cl->members[j];
			/* Both may come from a file: a tab or line break in
			 * them must not start a field or a line of its own. */
			s = flatten(m->title);
			id = flatten(m->source_id != NULL && *m->source_id !=
			    '\0' ? m->source_id : "-");
			fprintf(fp, "member\t%ld\t%ld\t%s\t%s\n", m->id,
			    m->number, id, s);
			free(s);
			free(id);
		}
		for (j = 0; j < cl->nreasons; j++) {
			s = flatten(cl->reasons[j]);
			fprintf(fp, "reason\t%s\n", s);
			free(s);
		}
	}
	ok = fflush(fp) == 0 && !ferror(fp);
	if (fclose(fp) != 0)
		ok = false;
	if (!ok || rename(tmp, path) != 0)
		unlink(tmp);
	free(tmp);
}

/* The fields the detector compares, for every article, in list order. */
static const char load_sql[] =
	"SELECT a.id, a.number, a.title, a.year, d.journal, d.volume,"
	" d.issue, d.pages, d.doi, d.isbn, d.type, d.abstract, d.source_id"
	" FROM articles a LEFT JOIN details d ON d.id = a.id ORDER BY a.id";
static const char people_sql[] =
	"SELECT article_id, name, given, family FROM people"
	" ORDER BY article_id, position";

/* Records are read and reduced to keys this many at a time. */
#define BATCH	4096

/*
 * Two cursors stepping through the articles and their people in id
 * order, so each batch of records is filled in one pass.
 */
struct loader {
	sqlite3_stmt	*articles;
	sqlite3_stmt	*people;
	bool		 person;	/* people holds an unread row */
	bool		 done;		/* articles has no more rows */
	bool		 failed;
};

static char *
column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char	*s = sqlite3_column_text(st, col);

	return s == NULL ? NULL : xstrdup((const char *)s);
}

static void
add_people(struct loader *l, struct record *r)
{
	long	aid;

	while (l->person) {
		aid = sqlite3_column_int64(l->people, 0);
		if (aid > r->id)
			return;
		if (aid == r->id)
			record_add_author(r,
			    (const char *)sqlite3_column_text(l->people, 1),
			    (const char *)sqlite3_column_text(l->people, 2),
			    (const char *)sqlite3_column_text(l->people, 3));
		switch (sqlite3_step(l->people)) {
		case SQLITE_ROW:
			break;
		case SQLITE_DONE:
			l->person = false;
			break;
		default:
			l->person = false;
			l->failed = true;
		}
	}
}

/* Fills up to BATCH records; returns how many, 0 at the end. */
static size_t
load_batch(struct loader *l, struct record *v)
{
	sqlite3_stmt	*st = l->articles;
	struct record	*r;
	size_t		 n = 0;
	int		 rc;

	/* Stepping a finished statement would start it again. */
	if (l->done)
		return 0;
	while (n < BATCH && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = &v[n++];
		record_init(r);
		r->id = sqlite3_column_int64(st, 0);
		r->number = sqlite3_column_int64(st, 1);
		r->title = column_dup(st, 2);
		r->year = sqlite3_column_int(st, 3);
		r->journal = column_dup(st, 4);
		r->volume = column_dup(st, 5);
		r->issue = column_dup(st, 6);
		r->pages = column_dup(st, 7);
		r->doi = column_dup(st, 8);
		r->isbn = column_dup(st, 9);
		r->type = column_dup(st, 10);
		r->abstract = column_dup(st, 11);
		r->source_id = column_dup(st, 12);
		add_people(l, r);
	}
	if (n < BATCH) {
		l->done = true;
		if (rc != SQLITE_DONE)
			l->failed = true;
	}
	return n;
}

/*
 * Feeds every article to the finder a batch at a time, so memory keeps
 * one batch of records and the finder's compact keys, not the whole
 * catalogue. Stores the ids in finder order in *ids.
 */
static int
feed_finder(struct catalogue *c, struct dupes_finder *f, long **ids,
    size_t *nids, char **error)
{
	struct loader	 l;
	struct record	*batch;
	size_t		 n, i, size = 0;
	int		 rc = -1;

	memset(&l, 0, sizeof l);
	*ids = NULL;
	*nids = 0;
	if (sqlite3_prepare_v2(catalogue_db(c), load_sql, -1, &l.articles,
	    NULL) != SQLITE_OK || sqlite3_prepare_v2(catalogue_db(c),
	    people_sql, -1, &l.people, NULL) != SQLITE_OK)
		goto db_fail;
	switch (sqlite3_step(l.people)) {
	case SQLITE_ROW:
		l.person = true;
		break;
	case SQLITE_DONE:
		break;
	default:
		goto db_fail;
	}

	batch = xcalloc(BATCH, sizeof *batch);
	while ((n = load_batch(&l, batch)) > 0) {
		if (*nids + n > size) {
			size = size == 0 ? BATCH * 4 : size * 2;
			*ids = xreallocarray(*ids, size, sizeof **ids);
		}
		for (i = 0; i < n; i++)
			(*ids)[(*nids)++] = batch[i].id;
		rc = dupes_finder_add_many(f, batch, n, error);
		for (i = 0; i < n; i++)
			record_clear(&batch[i]);
		if (rc != 0)
			break;
		rc = -1;
	}
	free(batch);
	if (*error != NULL)
		goto out;
	if (l.failed)
		goto db_fail;
	rc = 0;
	goto out;

db_fail:
	*error = xasprintf("%s: reading articles for the duplicate check "
	    "failed: %s", catalogue_path(c), sqlite3_errmsg(catalogue_db(c)));
out:
	sqlite3_finalize(l.articles);
	sqlite3_finalize(l.people);
	if (rc != 0) {
		free(*ids);
		*ids = NULL;
		*nids = 0;
	}
	return rc;
}

/*
 * Adds the reason for one link: the two records compared again with
 * their full text, since the finder kept only keys.
 */
static void
add_reason(struct duplicates_cluster *cl, const struct record *a,
    const struct record *b)
{
	static const char *const groups[] = { "one side", "both sides" };
	struct dupes_match	 match;
	struct buf		 b_text;
	const char		*text, *suffix;
	size_t			 f, g, missing;
	bool			 first = true;

	dupes_compare(a, b, &match);
	buf_init(&b_text);
	buf_printf(&b_text, "%ld and %ld:", a->number, b->number);
	for (f = 0; f < DUPES_NFIELDS; f++) {
		text = match.reasons[f].text;
		if (text == NULL || (match.reasons[f].verdict ==
		    DUPES_MISSING && strstr(text, ": missing on ") != NULL))
			continue;
		buf_printf(&b_text, "%s %s", first ? "" : ";", text);
		first = false;
	}
	/* Fields empty on one side or both count neither way: name them. */
	for (g = 0; g < 2; g++) {
		suffix = g == 0 ? ": missing on one side" :
		    ": missing on both sides";
		missing = 0;
		for (f = 0; f < DUPES_NFIELDS; f++) {
			text = match.reasons[f].text;
			if (match.reasons[f].verdict != DUPES_MISSING ||
			    text == NULL || strstr(text, suffix) == NULL)
				continue;
			if (missing++ == 0)
				buf_printf(&b_text, "; not compared, missing on "
				    "%s: %s", groups[g],
				    dupes_field_name((enum dupes_field)f));
			else
				buf_printf(&b_text, ", %s",
				    dupes_field_name((enum dupes_field)f));
		}
	}
	dupes_match_free(&match);
	cl->reasons = xreallocarray(cl->reasons, cl->nreasons + 1,
	    sizeof *cl->reasons);
	cl->reasons[cl->nreasons++] = buf_take(&b_text);
}

/* Loads the members of one found cluster and the reasons of its links. */
static int
fill_cluster(struct catalogue *c, struct duplicates *d,
    struct duplicates_cluster *cl, const struct dupes_cluster *dc,
    const long *ids, char **error)
{
	struct record	*members;
	size_t		 j, k, a = 0, b = 0;
	int		 rc = 0;

	members = xcalloc(dc->nmembers, sizeof *members);
	cl->score = dc->score;
	cl->members = xcalloc(dc->nmembers, sizeof *cl->members);
	cl->nmembers = dc->nmembers;
	for (j = 0; j < dc->nmembers && rc == 0; j++) {
		record_init(&members[j]);
		if (catalogue_load(c, ids[dc->members[j]], &members[j],
		    error) != 0) {
			if (*error == NULL)
				*error = xasprintf("%s: an article vanished "
				    "during the duplicate check; run it again",
				    catalogue_path(c));
			rc = -1;
			break;
		}
		cl->members[j].id = members[j].id;
		cl->members[j].number = members[j].number;
		cl->members[j].source_id = members[j].source_id == NULL ?
		    NULL : xstrdup(members[j].source_id);
		cl->members[j].title = xstrdup(members[j].title != NULL ?
		    members[j].title : "");
		add_id(d, members[j].id);
	}
	for (k = 0; k < dc->nlinks && rc == 0; k++) {
		for (j = 0; j < dc->nmembers; j++) {
			if (dc->members[j] == dc->links[k].a)
				a = j;
			if (dc->members[j] == dc->links[k].b)
				b = j;
		}
		add_reason(cl, &members[a], &members[b]);
	}
	for (j = 0; j < dc->nmembers; j++)
		record_clear(&members[j]);
	free(members);
	return rc;
}

static int
compute(struct catalogue *c, struct duplicates *d, char **error)
{
	struct dupes_finder	*f;
	struct dupes_result	 result;
	long			*ids;
	size_t			 nids, i;
	int			 rc = 0;

	*error = NULL;
	f = dupes_finder_new();
	if (feed_finder(c, f, &ids, &nids, error) != 0) {
		dupes_finder_free(f);
		return -1;
	}
	dupes_finder_run(f, &result);
	dupes_finder_free(f);

	d->clusters = xcalloc(result.nclusters, sizeof *d->clusters);
	d->nclusters = result.nclusters;
	for (i = 0; i < result.nclusters && rc == 0; i++)
		rc = fill_cluster(c, d, &d->clusters[i], &result.clusters[i],
		    ids, error);
	dupes_result_free(&result);
	free(ids);
	return rc;
}

int
duplicates_cached(struct catalogue *c, struct duplicates *out)
{
	char	*path, *real;
	int	 rc = 1;

	memset(out, 0, sizeof *out);
	path = duplicates_cache_path(c);
	real = real_catalogue_path(c);
	if (path != NULL && read_cache(path, real, catalogue_generation(c),
	    out) == 0) {
		out->cached = true;
		finish(out);
		rc = 0;
	}
	free(path);
	free(real);
	return rc;
}

int
duplicates_get(struct catalogue *c, struct duplicates *out, char **error)
{
	char	*path, *real;

	memset(out, 0, sizeof *out);
	path = duplicates_cache_path(c);
	real = real_catalogue_path(c);
	if (path != NULL && read_cache(path, real, catalogue_generation(c),
	    out) == 0) {
		out->cached = true;
		finish(out);
		free(path);
		free(real);
		return 0;
	}
	if (compute(c, out, error) != 0) {
		duplicates_free(out);
		free(path);
		free(real);
		return -1;
	}
	finish(out);
	if (path != NULL)
		write_cache(path, real, catalogue_generation(c), out);
	free(path);
	free(real);
	return 0;
}
