/*
 * TODO: placeholders until the CSV, BibTeX and RIS readers land; each
 * reports that the format is not supported yet.
 */
#include <string.h>

#include "import.h"
#include "xmalloc.h"

static int
unsupported(struct import_context *ctx, const char *format, char **error)
{
	*error = xasprintf("%s:1: %s import is not supported yet", ctx->path,
	    format);
	return -1;
}

int
import_read_csv(struct import_context *ctx, const char *data, size_t len,
    char delimiter, char **error)
{
	(void)data; (void)len; (void)delimiter;
	return unsupported(ctx, "CSV", error);
}

int
import_read_bibtex(struct import_context *ctx, const char *data, size_t len,
    char **error)
{
	(void)data; (void)len;
	return unsupported(ctx, "BibTeX", error);
}

int
import_read_ris(struct import_context *ctx, const char *data, size_t len,
    char **error)
{
	(void)data; (void)len;
	return unsupported(ctx, "RIS", error);
}

enum import_format
import_detect(const char *data, size_t len)
{
	(void)data; (void)len;
	return IMPORT_LISTING;
}

int
import_format_from_name(const char *s)
{
	static const char *names[] = { "auto", "csv", "tsv", "bibtex", "ris",
	    "listing" };
	size_t	i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	}
	return -1;
}

const char *
import_format_name(enum import_format format)
{
	static const char *names[] = { "auto", "csv", "tsv", "bibtex", "ris",
	    "listing" };

	return names[format];
}
