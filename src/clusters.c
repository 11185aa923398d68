/*
 * Duplicate clusters for the browser: see clusters.h.
 *
 * The job is shared by the browser's thread and the worker, under one
 * mutex. The worker owns its catalogue handle; the browser only sets
 * the atomic stop flag, which the handle's progress check reads. When
 * the browser abandons a running job, the worker frees the job itself,
 * so nothing it touches goes away under it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalogue.h"
#include "clusters.h"
#include "text.h"
#include "xmalloc.h"

/* How long clusters_stop() waits for an interrupted read to end. */
#define STOP_WAIT_MS	200

struct clusters_job {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	char			*path;
	int			 pipe[2];
	atomic_int		 stop;

	/* Under lock. */
	bool			 finished;
	bool			 abandoned;
	bool			 handed_over;
	int			 rc;
	struct duplicates	 result;
	char			*error;
};

static void
free_job(struct clusters_job *job)
{
	duplicates_free(&job->result);
	free(job->error);
	free(job->path);
	close(job->pipe[0]);
	close(job->pipe[1]);
	pthread_mutex_destroy(&job->lock);
	free(job);
}

static int
stop_requested(void *arg)
{
	struct clusters_job	*job = arg;

	return atomic_load(&job->stop);
}

static void *
run_job(void *arg)
{
	struct clusters_job	*job = arg;
	struct catalogue	*c;
	struct duplicates	 d;
	char			*error = NULL;
	int			 rc;
	bool			 abandoned;

	memset(&d, 0, sizeof d);
	rc = catalogue_open(job->path, CATALOGUE_READ, &c, &error);
	if (rc == 0) {
		catalogue_set_progress(c, stop_requested, job);
		rc = duplicates_get(c, &d, &error);
		catalogue_close(c);
	}

	pthread_mutex_lock(&job->lock);
	job->finished = true;
	job->rc = rc;
	job->result = d;
	job->error = error;
	abandoned = job->abandoned;
	pthread_mutex_unlock(&job->lock);
	if (abandoned)
		free_job(job);
	else if (write(job->pipe[1], "", 1) < 0) {
		/* The pipe is full: the loop is awake already. */
	}
	return NULL;
}

struct clusters_job *
clusters_start(const char *path, char **error)
{
	struct clusters_job	*job;
	int			 i, rc;

	job = xcalloc(1, sizeof *job);
	if (pipe(job->pipe) != 0) {
		*error = xasprintf("creating a pipe for the duplicate search "
		    "failed: %s", strerror(errno));
		free(job);
		return NULL;
	}
	for (i = 0; i < 2; i++) {
		fcntl(job->pipe[i], F_SETFL, fcntl(job->pipe[i], F_GETFL) |
		    O_NONBLOCK);
		fcntl(job->pipe[i], F_SETFD, FD_CLOEXEC);
	}
	job->path = xstrdup(path);
	atomic_init(&job->stop, 0);
	pthread_mutex_init(&job->lock, NULL);
	rc = pthread_create(&job->thread, NULL, run_job, job);
	if (rc != 0) {
		*error = xasprintf("starting the duplicate search failed: %s; "
		    "'fehrest dupes' lists the duplicates without it",
		    strerror(rc));
		free_job(job);
		return NULL;
	}
	return job;
}

int
clusters_fd(const struct clusters_job *job)
{
	return job->pipe[0];
}

enum clusters_state
clusters_poll(struct clusters_job *job, struct duplicates *out,
    char **error)
{
	enum clusters_state	state;
	char			buf[16];

	while (read(job->pipe[0], buf, sizeof buf) > 0)
		continue;
	pthread_mutex_lock(&job->lock);
	if (!job->finished)
		state = CLUSTERS_RUNNING;
	else
		state = job->rc == 0 ? CLUSTERS_DONE : CLUSTERS_FAILED;
	if (job->finished && !job->handed_over) {
		job->handed_over = true;
		if (job->rc == 0) {
			*out = job->result;
			memset(&job->result, 0, sizeof job->result);
		} else {
			*error = job->error;
			job->error = NULL;
		}
	}
	pthread_mutex_unlock(&job->lock);
	return state;
}

static bool
job_finished(struct clusters_job *job)
{
	bool	finished;

	pthread_mutex_lock(&job->lock);
	finished = job->finished;
	pthread_mutex_unlock(&job->lock);
	return finished;
}

void
clusters_stop(struct clusters_job *job)
{
	struct timespec	pause = { 0, 10 * 1000 * 1000 };
	int		waited;

	if (job == NULL)
		return;
	atomic_store(&job->stop, 1);
	for (waited = 0; waited < STOP_WAIT_MS && !job_finished(job);
	    waited += 10)
		nanosleep(&pause, NULL);

	pthread_mutex_lock(&job->lock);
	if (!job->finished) {
		/* The worker frees the job when it ends. */
		job->abandoned = true;
		pthread_mutex_unlock(&job->lock);
		pthread_detach(job->thread);
		return;
	}
	pthread_mutex_unlock(&job->lock);
	pthread_join(job->thread, NULL);
	free_job(job);
}

static int
compare_ids(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

long *
clusters_hidden_ids(const struct duplicates *d, size_t *n)
{
	long	*ids;
	size_t	 i, j, count = 0;

	for (i = 0; i < d->nclusters; i++)
		count += d->clusters[i].nmembers - 1;
	ids = xcalloc(count > 0 ? count : 1, sizeof *ids);
	count = 0;
	for (i = 0; i < d->nclusters; i++) {
		for (j = 1; j < d->clusters[i].nmembers; j++)
			ids[count++] = d->clusters[i].members[j].id;
	}
	qsort(ids, count, sizeof *ids, compare_ids);
	*n = count;
	return ids;
}

const char *
clusters_field_name(enum clusters_field field)
{
	static const char *const names[CLUSTERS_NFIELDS] = {
		"title", "authors", "year", "journal", "volume", "issue",
		"pages", "DOI", "abstract",
	};

	return field < CLUSTERS_NFIELDS ? names[field] : "";
}

/* Returns the field's text of r, sanitised for display, allocated. */
static char *
field_text(const struct record *r, enum clusters_field field)
{
	const char	*s = NULL;
	char		*joined, *safe, year[16];

	switch (field) {
	case CLUSTERS_TITLE:
		s = r->title;
		break;
	case CLUSTERS_AUTHORS:
		joined = record_author_list(r);
		safe = text_sanitize(joined);
		free(joined);
		return safe;
	case CLUSTERS_YEAR:
		year[0] = '\0';
		if (r->year != 0)
			snprintf(year, sizeof year, "%d", r->year);
		return xstrdup(year);
	case CLUSTERS_JOURNAL:
		s = r->journal;
		break;
	case CLUSTERS_VOLUME:
		s = r->volume;
		break;
	case CLUSTERS_ISSUE:
		s = r->issue;
		break;
	case CLUSTERS_PAGES:
		s = r->pages;
		break;
	case CLUSTERS_DOI:
		s = r->doi;
		break;
	case CLUSTERS_ABSTRACT:
		s = r->abstract != NULL ? r->abstract : r->teaser;
		break;
	case CLUSTERS_NFIELDS:
		break;
	}
	return text_sanitize(s != NULL ? s : "");
}

static int
load_one(struct catalogue *c, long id, struct record *r, char **error)
{
	int	rc;

	rc = catalogue_load(c, id, r, error);
	if (rc == 1) {
		*error = xasprintf("article id %ld of the cluster is no longer "
		    "in the catalogue; quit and reopen the browser", id);
		return -1;
	}
	return rc;
}

int
clusters_compare(struct catalogue *c, long id_a, long id_b,
    struct clusters_pair *out, char **error)
{
	struct clusters_field_diff	*f;
	int				 i;

	memset(out, 0, sizeof *out);
	record_init(&out->a);
	record_init(&out->b);
	if (load_one(c, id_a, &out->a, error) != 0 ||
	    load_one(c, id_b, &out->b, error) != 0) {
		clusters_pair_free(out);
		return -1;
	}
	for (i = 0; i < CLUSTERS_NFIELDS; i++) {
		f = &out->fields[i];
		f->a = field_text(&out->a, (enum clusters_field)i);
		f->b = field_text(&out->b, (enum clusters_field)i);
		dupes_diff_words(f->a, f->b, &f->diff);
	}
	return 0;
}

void
clusters_pair_free(struct clusters_pair *p)
{
	int	i;

	for (i = 0; i < CLUSTERS_NFIELDS; i++) {
		free(p->fields[i].a);
		free(p->fields[i].b);
		dupes_diff_free(&p->fields[i].diff);
	}
	record_clear(&p->a);
	record_clear(&p->b);
	memset(p, 0, sizeof *p);
}
