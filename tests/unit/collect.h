/*
 * Helpers for the tests of the import readers and exporters: a sink that
 * keeps every record, parsing from a string or a file in tests/data, and
 * reading a whole file.
 */
#ifndef FEHREST_TEST_COLLECT_H
#define FEHREST_TEST_COLLECT_H

#include <stdbool.h>

#include "import.h"
#include "record.h"
#include "xmalloc.h"

struct collected {
	struct record	*records;
	size_t		 n;
};

/* Keeps the record by taking its fields, leaving r empty for the reader. */
static inline int
collect_sink(struct record *r, void *arg)
{
	struct collected	*c = arg;

	c->records = xreallocarray(c->records, c->n + 1, sizeof *c->records);
	c->records[c->n++] = *r;
	record_init(r);
	return 0;
}

static inline void
collected_free(struct collected *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		record_clear(&c->records[i]);
	free(c->records);
	c->records = NULL;
	c->n = 0;
}

/*
 * Parses data[0..len) in format into c with ctx as given (path, options);
 * returns what the reader returns.
 */
static inline int
parse_data(struct import_context *ctx, enum import_format format,
    const char *data, size_t len, struct collected *c, char **error)
{
	ctx->sink = collect_sink;
	ctx->arg = c;
	*error = NULL;
	switch (format) {
	case IMPORT_CSV:
		return import_read_csv(ctx, data, len, ',', error);
	case IMPORT_TSV:
		return import_read_csv(ctx, data, len, '\t', error);
	case IMPORT_BIBTEX:
		return import_read_bibtex(ctx, data, len, error);
	case IMPORT_RIS:
		return import_read_ris(ctx, data, len, error);
	default:
		return import_read_listing(ctx, data, len, error);
	}
}

/* Parses the NUL-terminated s as a file named path, strictly. */
static inline int
parse_string(enum import_format format, const char *path, const char *s,
    struct collected *c, char **error)
{
	struct import_context	ctx;

	memset(&ctx, 0, sizeof ctx);
	ctx.path = path;
	ctx.quiet = true;
	return parse_data(&ctx, format, s, strlen(s), c, error);
}

/* Returns the whole file, allocated, with its length in *len; NULL if unreadable. */
static inline char *
read_whole_file(const char *path, size_t *len)
{
	FILE	*fp;
	char	*data;
	long	 size;

	*len = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return NULL;
	}
	data = xmalloc((size_t)size + 1);
	*len = fread(data, 1, (size_t)size, fp);
	data[*len] = '\0';
	fclose(fp);
	return data;
}

/* Parses tests/data/NAME in format into c, strictly. */
static inline int
parse_data_file(enum import_format format, const char *name,
    struct collected *c, char **error)
{
	struct import_context	 ctx;
	char			*data;
	size_t			 len;
	int			 rc;

	data = read_whole_file(unit_data_path(name), &len);
	if (data == NULL) {
		*error = xasprintf("%s: cannot read", name);
		return -1;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.path = name;
	ctx.quiet = true;
	rc = parse_data(&ctx, format, data, len, c, error);
	free(data);
	return rc;
}

#endif
