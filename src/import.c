/*
 * The import driver: reads files, picks a reader and adds what it parses
 * to a catalogue inside one transaction. See import.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "import.h"
#include "text.h"
#include "xmalloc.h"

struct run {
	struct catalogue	*catalogue;
	const struct import_options *options;
	struct import_context	*ctx;
	char			*error;
	size_t			 done;		/* records across all files */
};

static int
add_record(struct record *r, void *arg)
{
	struct run	*run = arg;
	char		*name;

	if (run->options->stop != NULL && *run->options->stop) {
		run->error = xstrdup("the import was interrupted");
		return -1;
	}
	if (run->options->format != IMPORT_LISTING && r->source_file == NULL)
		record_set(&r->source_file, run->ctx->path);
	if (catalogue_add(run->catalogue, r, &run->error) != 0)
		return -1;
	run->done++;
	if (run->options->progress && run->done % 5000 == 0) {
		name = text_sanitize(run->ctx->path);
		fprintf(stderr, "\rimporting %s: %zu records", name, run->done);
		free(name);
	}
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
 * is sanitised because a name may contain escape sequences too.
 */
static void
print_notes(const char *path, const struct import_context *ctx,
    enum import_format format)
{
	char	*name;

	name = text_sanitize(path);
	if (ctx->repaired > 0)
		fprintf(stderr, "%s: %zu fields were not valid UTF-8 and were "
		    "read as Windows-1252, the first at line %ld\n", name,
		    ctx->repaired, ctx->first_repaired_line);
	if (ctx->records == 0 && ctx->skipped == 0)
		fprintf(stderr, "%s: no records found as %s; check the file, or "
		    "give --format if it is in another format\n", name,
		    import_format_name(format));
	if (ctx->nul_fields > 0)
		fprintf(stderr, "%s: %zu fields contained NUL bytes, which were "
		    "read as U+FFFD, the first at line %ld\n", name,
		    ctx->nul_fields, ctx->first_nul_line);
	if (ctx->skipped > 0)
		fprintf(stderr, "%s: skipped %zu invalid records\n", name,
		    ctx->skipped);
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
	ctx.sink = add_record;
	ctx.arg = run;
	run->ctx = &ctx;

	rc = read_with(format, &ctx, in.data, in.len, error);
	if (rc != 0 && *error == NULL) {
		*error = run->error;
		run->error = NULL;
	}
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
	*error = NULL;

	if (catalogue_begin(c, error) != 0)
		return -1;
	for (i = 0; i < npaths; i++) {
		if (import_one(&run, paths[i], stats, error) != 0)
			goto fail;
	}
	if (options->progress && run.done >= 5000)
		fputc('\n', stderr);
	if (stats->records == 0) {
		*error = xasprintf("no records were found%s; check that the "
		    "files are catalogue exports, or give --format",
		    stats->skipped > 0 ? " that could be kept (the skipped "
		    "ones are listed above)" : "");
		goto fail;
	}
	if (catalogue_commit(c, error) != 0)
		goto fail;
	return 0;

fail:
	if (options->progress && run.done >= 5000)
		fputc('\n', stderr);
	free(run.error);
	catalogue_rollback(c);
	if (*error == NULL)
		*error = xstrdup("the import failed for an unknown reason");
	/* Messages quote the input, which may contain escape sequences. */
	safe = text_sanitize(*error);
	free(*error);
	*error = safe;
	return -1;
}
