/*
 * The import driver: reads files, picks a reader and adds what it parses
 * to a catalogue inside one transaction. See import.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalogue.h"
#include "import.h"
#include "strset.h"
#include "text.h"
#include "xmalloc.h"

/*
 * An import runs on two threads. A worker thread parses the file and
 * prepares each record (folding its text, listing its words), and the
 * calling thread adds the prepared records to the catalogue, which is
 * where most of the time goes: SQLite and its full-text index. They meet
 * at a bounded queue of batches, so that few records are in flight
 * however large the file, and only the calling thread uses the catalogue
 * handle.
 */
#define BATCH_RECORDS	64
#define QUEUE_BATCHES	8

struct item {
	struct record		record;
	struct catalogue_entry	entry;
};

struct batch {
	struct item	items[BATCH_RECORDS];
	size_t		n;
};

struct queue {
	pthread_mutex_t	 lock;
	pthread_cond_t	 changed;	/* a batch came or went, or a side stopped */
	struct batch	*batches[QUEUE_BATCHES];
	size_t		 head;
	size_t		 count;
	bool		 finished;	/* the worker has pushed its last batch */
	bool		 failed;	/* the worker stopped on an error */
	/*
	 * The adding side stopped on an error or an interrupt. Atomic,
	 * because the worker also reads it while skipping records.
	 */
	atomic_bool	 cancelled;
};

/* The parsing side of one file. */
struct worker {
	struct queue		*queue;
	struct import_context	*ctx;
	enum import_format	 format;
	const char		*data;
	size_t			 len;
	struct strset		*seen;		/* words already prepared */
	struct batch		*batch;		/* being filled */
	char			*error;
};

/* The adding side, across all files. */
struct run {
	struct catalogue	*catalogue;
	const struct import_options *options;
	const char		*path;		/* the file being imported */
	struct strset		 seen;
	char			*error;
	size_t			 done;		/* records across all files */
};

static void
batch_free(struct batch *b)
{
	size_t	i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		record_clear(&b->items[i].record);
		catalogue_entry_free(&b->items[i].entry);
	}
	free(b);
}

/*
 * Hands the worker's batch to the queue. Returns -1 when the adding side
 * has cancelled the import.
 */
static int
push_batch(struct worker *w)
{
	struct queue	*q = w->queue;
	bool		 cancelled;

	pthread_mutex_lock(&q->lock);
	while (q->count == QUEUE_BATCHES && !atomic_load(&q->cancelled))
		pthread_cond_wait(&q->changed, &q->lock);
	cancelled = atomic_load(&q->cancelled);
	if (!cancelled) {
		q->batches[(q->head + q->count) % QUEUE_BATCHES] = w->batch;
		q->count++;
		w->batch = NULL;
		pthread_cond_signal(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	return cancelled ? -1 : 0;
}

/*
 * Returns the next batch, or NULL when the worker has finished and the
 * queue is empty, or has failed (its batches are then of no use), or
 * when stop is set. While it waits it looks at stop ten times a second,
 * since a worker that skips records pushes nothing for a long time.
 */
static struct batch *
pop_batch(struct queue *q, const volatile sig_atomic_t *stop)
{
	struct batch	*b = NULL;
	struct timespec	 until;

	pthread_mutex_lock(&q->lock);
	while (q->count == 0 && !q->finished &&
	    (stop == NULL || !*stop)) {
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 100 * 1000 * 1000;
		if (until.tv_nsec >= 1000 * 1000 * 1000) {
			until.tv_sec++;
			until.tv_nsec -= 1000 * 1000 * 1000;
		}
		pthread_cond_timedwait(&q->changed, &q->lock, &until);
	}
	if (q->count > 0 && !q->failed && (stop == NULL || !*stop)) {
		b = q->batches[q->head];
		q->head = (q->head + 1) % QUEUE_BATCHES;
		q->count--;
		pthread_cond_signal(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	return b;
}

/*
 * The worker's sink: takes the record's fields, which leaves the reader
 * an empty record to clear, and prepares it. The worker does not watch
 * for an interrupt: the adding side, whose thread runs the signal
 * handler, cancels the queue, and that stops the worker at its next batch.
 */
static int
prepare_record(struct record *r, void *arg)
{
	struct worker	*w = arg;
	struct item	*item;

	if (w->batch == NULL)
		w->batch = xcalloc(1, sizeof *w->batch);
	item = &w->batch->items[w->batch->n++];
	item->record = *r;
	record_init(r);
	if (w->format != IMPORT_LISTING && item->record.source_file == NULL)
		record_set(&item->record.source_file, w->ctx->path);
	catalogue_prepare(&item->record, w->seen, &item->entry);
	if (w->batch->n == BATCH_RECORDS && push_batch(w) != 0)
		return -1;
	return 0;
}

static int
read_with(enum import_format format, struct import_context *ctx,
    const char *data, size_t len, char **error)
{
	switch (format) {
	case IMPORT_LISTING:
		return import_read_listing(ctx, data, len, error);
	case IMPORT_CSV:
		/* '\0' lets the reader pick ',' or ';' from the header. */
		return import_read_csv(ctx, data, len, '\0', error);
	case IMPORT_TSV:
		return import_read_csv(ctx, data, len, '\t', error);
	case IMPORT_BIBTEX:
		return import_read_bibtex(ctx, data, len, error);
	case IMPORT_RIS:
		return import_read_ris(ctx, data, len, error);
	case IMPORT_AUTO:
		break;
	}
	*error = xasprintf("%s:1: the format could not be recognised; give "
	    "--format csv, tsv, bibtex, ris or listing", ctx->path);
	return -1;
}

static void *
work(void *arg)
{
	struct worker	*w = arg;
	struct queue	*q = w->queue;
	int		 rc;

	/* The reader's message, if any. A cancelled run has the adding side's. */
	rc = read_with(w->format, w->ctx, w->data, w->len, &w->error);
	if (rc == 0 && w->batch != NULL && push_batch(w) != 0)
		rc = -1;
	batch_free(w->batch);
	w->batch = NULL;
	pthread_mutex_lock(&q->lock);
	q->finished = true;
	q->failed = rc != 0;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

/* Adds one prepared record on the calling thread. */
static int
add_item(struct run *run, struct item *item)
{
	char	*name;

	if (run->options->stop != NULL && *run->options->stop) {
		run->error = xstrdup("the import was interrupted");
		return -1;
	}
	if (catalogue_add_entry(run->catalogue, &item->record, &item->entry,
	    &run->error) != 0)
		return -1;
	run->done++;
	if (run->options->progress && run->done % 5000 == 0) {
		name = text_sanitize(run->path);
		fprintf(stderr, "\rimporting %s: %zu records", name, run->done);
		free(name);
	}
	return 0;
}

/*
 * Parses data on a worker thread and adds its records here. Returns 0, or
 * -1 with *error set.
 */
static int
import_data(struct run *run, struct import_context *ctx,
    enum import_format format, const char *data, size_t len, char **error)
{
	struct queue	 q;
	struct worker	 w;
	struct batch	*b;
	pthread_t	 thread;
	pthread_condattr_t attr;
	sigset_t	 all, old;
	size_t		 i;
	int		 rc = 0, err;

	memset(&q, 0, sizeof q);
	pthread_mutex_init(&q.lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&q.changed, &attr);
	pthread_condattr_destroy(&attr);
	atomic_init(&q.cancelled, false);
	memset(&w, 0, sizeof w);
	w.queue = &q;
	w.ctx = ctx;
	w.format = format;
	w.data = data;
	w.len = len;
	w.seen = &run->seen;
	ctx->sink = prepare_record;
	ctx->arg = &w;
	ctx->cancel = &q.cancelled;
	ctx->progress = run->options->progress;

	/* Signals stay with this thread, whose handlers the caller set. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&thread, NULL, work, &w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err != 0) {
		*error = xasprintf("cannot start a thread for the import: %s; "
		    "free some memory (or raise ulimit -v) or end other "
		    "processes, and try again", strerror(err));
		rc = -1;
		goto out;
	}

	while (rc == 0 && (b = pop_batch(&q, run->options->stop)) != NULL) {
		for (i = 0; i < b->n && rc == 0; i++)
			rc = add_item(run, &b->items[i]);
		batch_free(b);
	}
	if (rc == 0 && run->options->stop != NULL && *run->options->stop) {
		run->error = xstrdup("the import was interrupted");
		rc = -1;
	}
	if (rc != 0) {
		pthread_mutex_lock(&q.lock);
		atomic_store(&q.cancelled, true);
		pthread_cond_signal(&q.changed);
		pthread_mutex_unlock(&q.lock);
	}
	pthread_join(thread, NULL);
	for (i = 0; i < q.count; i++)
		batch_free(q.batches[(q.head + i) % QUEUE_BATCHES]);

	if (rc != 0) {
		*error = run->error;
		run->error = NULL;
	} else if (q.failed) {
		*error = w.error;
		w.error = NULL;
		rc = -1;
	}
out:
	free(w.error);
	pthread_cond_destroy(&q.changed);
	pthread_mutex_destroy(&q.lock);
	return rc;
}

/* How much of a file is read before its format is detected. */
#define HEAD_BYTES	((size_t)64 * 1024)

/* A file read into memory: data[0..len) of cap allocated bytes. */
struct input {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

/*
 * Reads fd into in until in->len reaches limit or the file ends. Reading
 * instead of mapping the file keeps a file truncated during the import
 * from raising SIGBUS, and reading to the end covers files that report
 * size 0, as in /proc. Returns 0, or -1 with errno set.
 */
static int
read_input(int fd, struct input *in, size_t limit)
{
	ssize_t	got;

	while (in->len < limit) {
		if (in->len == in->cap) {
			in->cap = in->cap < 4096 ? 4096 : in->cap * 2;
			in->data = xreallocarray(in->data, in->cap, 1);
		}
		got = read(fd, in->data + in->len, (limit < in->cap ? limit :
		    in->cap) - in->len);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			return -1;
		if (got == 0)
			break;
		in->len += (size_t)got;
	}
	return 0;
}

/*
 * Reads path and picks its format, reading only the head when the
 * format cannot be recognised. Returns 0, or -1 with *error set.
 */
static int
read_file(const char *path, enum import_format *format, struct input *in,
    char **error)
{
	struct stat	st;
	int		fd, rc;

	memset(in, 0, sizeof *in);
	/*
	 * O_NONBLOCK keeps open() from waiting for a writer when path is a
	 * FIFO; only regular files get past the check below.
	 */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
		*error = xasprintf("%s: cannot open: %s; check the path and "
		    "that the file is readable", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*error = xasprintf("%s: not a regular file; give the path of "
		    "a catalogue export", path);
		close(fd);
		return -1;
	}
	/* Only a recognised file gets room for all of its reported size. */
	in->cap = (size_t)st.st_size < HEAD_BYTES ? (size_t)st.st_size + 1 :
	    HEAD_BYTES + 1;
	in->data = xmalloc(in->cap);
	rc = read_input(fd, in, HEAD_BYTES);
	if (rc == 0 && in->len == 0) {
		*error = xasprintf("%s:1: the file is empty; nothing to import",
		    path);
		close(fd);
		return -1;
	}
	if (rc == 0 && *format == IMPORT_AUTO)
		*format = import_detect(in->data, in->len);
	if (rc == 0 && *format != IMPORT_AUTO) {
		if ((size_t)st.st_size >= in->cap) {
			in->cap = (size_t)st.st_size + 1;
			in->data = xreallocarray(in->data, in->cap, 1);
		}
		rc = read_input(fd, in, SIZE_MAX);
	}
	if (rc == -1)
		*error = xasprintf("%s: cannot read: %s; check that the file "
		    "is readable", path, strerror(errno));
	close(fd);
	return rc;
}

/*
 * Prints what the reader repaired or skipped in one file. The file name
 * is sanitised because a name may contain escape sequences too. Each
 * note first clears the progress line, if there is one.
 */
static void
print_notes(const char *path, const struct import_context *ctx,
    enum import_format format)
{
	const char	*clear = ctx->progress ? "\r\033[K" : "";
	char		*name;

	name = text_sanitize(path);
	if (ctx->repaired > 0)
		fprintf(stderr, "%s%s: %zu fields were not valid UTF-8 and were "
		    "read as Windows-1252, the first at line %ld\n", clear,
		    name, ctx->repaired, ctx->first_repaired_line);
	if (ctx->records == 0 && ctx->skipped == 0)
		fprintf(stderr, "%s%s: no records found as %s; check the file, "
		    "or give --format if it is in another format\n", clear,
		    name, import_format_name(format));
	if (ctx->nul_fields > 0)
		fprintf(stderr, "%s%s: %zu fields contained NUL bytes, which "
		    "were read as U+FFFD, the first at line %ld\n", clear,
		    name, ctx->nul_fields, ctx->first_nul_line);
	if (ctx->skipped > 0)
		fprintf(stderr, "%s%s: skipped %zu invalid records\n", clear,
		    name, ctx->skipped);
	free(name);
}

static int
import_one(struct run *run, const char *path, struct import_stats *stats,
    char **error)
{
	struct import_context	 ctx;
	struct input		 in;
	enum import_format	 format;
	int			 rc;

	format = run->options->format;
	if (read_file(path, &format, &in, error) != 0) {
		free(in.data);
		return -1;
	}

	memset(&ctx, 0, sizeof ctx);
	ctx.path = path;
	ctx.skip_invalid = run->options->skip_invalid;
	ctx.quiet = run->options->quiet;
	run->path = path;

	rc = import_data(run, &ctx, format, in.data, in.len, error);
	free(in.data);
	if (rc != 0)
		return -1;

	stats->files++;
	stats->records += ctx.records;
	stats->skipped += ctx.skipped;
	stats->repaired += ctx.repaired;
	if (!run->options->quiet)
		print_notes(path, &ctx, format);
	return 0;
}

int
import_files(struct catalogue *c, char *const *paths, size_t npaths,
    const struct import_options *options, struct import_stats *stats,
    char **error)
{
	struct run	run;
	char		*safe;
	size_t		i;

	memset(stats, 0, sizeof *stats);
	memset(&run, 0, sizeof run);
	run.catalogue = c;
	run.options = options;
	strset_init(&run.seen);
	*error = NULL;

	if (catalogue_begin(c, error) != 0)
		return -1;
	for (i = 0; i < npaths; i++) {
		if (import_one(&run, paths[i], stats, error) != 0)
			goto fail;
	}
	if (options->progress && run.done >= 5000)
		fputc('\n', stderr);
	if (stats->records == 0 && stats->skipped > 0) {
		*error = xasprintf("none of the records could be kept: all %zu "
		    "were invalid and skipped; fix them and import again",
		    stats->skipped);
		goto fail;
	}
	if (stats->records == 0) {
		*error = xstrdup("no records were found; check that the files "
		    "are catalogue exports, or give --format");
		goto fail;
	}
	/* Set inside the transaction, so that a failure undoes them too. */
	if (options->name != NULL && catalogue_set_name(c, options->name,
	    error) != 0)
		goto fail;
	if (options->bundle && catalogue_mark_bundled(c, error) != 0)
		goto fail;
	if (catalogue_commit(c, error) != 0)
		goto fail;
	strset_free(&run.seen);
	return 0;

fail:
	if (options->progress && run.done >= 5000)
		fputc('\n', stderr);
	free(run.error);
	strset_free(&run.seen);
	catalogue_rollback(c);
	if (*error == NULL)
		*error = xstrdup("the import failed for an unknown reason");
	/* Messages quote the input, which may contain escape sequences. */
	safe = text_sanitize(*error);
	free(*error);
	*error = safe;
	return -1;
}
