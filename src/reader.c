/*
 * Steps shared by the import readers: see reader.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "import.h"
#include "reader.h"
#include "record.h"
#include "text.h"
#include "xmalloc.h"

/* Values that mark a date as not known yet. They give year 0. */
static const char *const unknown_dates[] = {
	"n.d.", "n.d", "nd", "no date", "in press", "forthcoming", "undated",
};

const char *
reader_path(const struct import_context *ctx)
{
	return ctx->path == NULL ? "(input)" : ctx->path;
}

/* Returns whether s is all ASCII, which is NFC already. */
static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return false;
	}
	return true;
}

/*
 * Returns s[0..len) with each NUL byte replaced by U+FFFD, allocated,
 * since the rest of fehrest stores text as NUL-terminated strings.
 */
static char *
replace_nul(const char *s, size_t len, size_t *outlen)
{
	struct buf	b;
	const char	*nul;

	buf_init(&b);
	buf_add(&b, "", 0);
	while ((nul = memchr(s, '\0', len)) != NULL) {
		buf_add(&b, s, (size_t)(nul - s));
		buf_addstr(&b, "\xef\xbf\xbd");
		len -= (size_t)(nul - s) + 1;
		s = nul + 1;
	}
	buf_add(&b, s, len);
	*outlen = b.len;
	return buf_take(&b);
}

char *
reader_text(struct import_context *ctx, const char *s, size_t len, long line)
{
	char	*raw, *nfc, *no_nul = NULL;
	bool	 repaired;

	if (memchr(s, '\0', len) != NULL) {
		s = no_nul = replace_nul(s, len, &len);
		ctx->nul_fields++;
		/* Readers may take a record's fields out of line order. */
		if (ctx->first_nul_line == 0 || line < ctx->first_nul_line)
			ctx->first_nul_line = line;
	}
	if (text_valid_utf8(s, len)) {
		raw = xstrndup(s, len);
	} else {
		raw = text_repair_utf8(s, len, &repaired);
		if (repaired) {
			ctx->repaired++;
			if (ctx->first_repaired_line == 0 ||
			    line < ctx->first_repaired_line)
				ctx->first_repaired_line = line;
		}
	}
	free(no_nul);
	/* Normalising costs more than reading, and most fields are ASCII. */
	if (is_ascii(raw))
		return raw;
	nfc = text_nfc(raw);
	free(raw);
	return nfc;
}

char *
reader_clean_text(struct import_context *ctx, const char *s, size_t len,
    long line)
{
	char	*raw, *clean;

	raw = reader_text(ctx, s, len, line);
	clean = text_clean_spaces(raw);
	free(raw);
	return clean;
}

static bool
is_unknown_date(const char *s)
{
	size_t	i, len;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	for (i = 0; i < sizeof unknown_dates / sizeof unknown_dates[0]; i++) {
		if (strlen(unknown_dates[i]) == len &&
		    strncasecmp(s, unknown_dates[i], len) == 0)
			return true;
	}
	return false;
}

int
reader_year(const char *s, int *year)
{
	const char	*p, *start;

	for (p = s; *p != '\0'; ) {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		start = p;
		while (isdigit((unsigned char)*p))
			p++;
		if (p - start == 4) {
			*year = (start[0] - '0') * 1000 + (start[1] - '0') * 100 +
			    (start[2] - '0') * 10 + (start[3] - '0');
			return 0;
		}
	}
	if (is_unknown_date(s)) {
		*year = 0;
		return 0;
	}
	return -1;
}

int
reader_reject(struct import_context *ctx, long line, char **error,
    const char *fmt, ...)
{
	va_list		 ap;
	char		*reason, *message, *cut;
	const char	*clear;

	va_start(ap, fmt);
	reason = xvasprintf(fmt, ap);
	va_end(ap);
	if (!ctx->skip_invalid) {
		*error = xasprintf("%s:%ld: %s", reader_path(ctx), line,
		    reason);
		free(reason);
		return -1;
	}
	if (ctx->cancel != NULL && atomic_load(ctx->cancel)) {
		/* The adding side has stopped and keeps its own message. */
		free(reason);
		*error = NULL;
		return -1;
	}
	ctx->skipped++;
	/* Advice to pass --skip-invalid has been followed already. */
	if ((cut = strrchr(reason, ';')) != NULL &&
	    strstr(cut, "--skip-invalid") != NULL)
		*cut = '\0';
	clear = ctx->progress ? "\r\033[K" : "";
	if (!ctx->quiet && ctx->skipped <= IMPORT_SKIPS_NAMED) {
		message = xasprintf("%s:%ld: %s", reader_path(ctx), line,
		    reason);
		free(reason);
		reason = text_sanitize(message);
		free(message);
		fprintf(stderr, "%sfehrest: skipped %s\n", clear, reason);
	} else if (!ctx->quiet && ctx->skipped == IMPORT_SKIPS_NAMED + 1) {
		message = text_sanitize(reader_path(ctx));
		fprintf(stderr, "%sfehrest: %s: more invalid records skipped; "
		    "their count follows at the end\n", clear, message);
		free(message);
	}
	free(reason);
	return 0;
}

int
reader_emit(struct import_context *ctx, struct record *r, char **error)
{
	long	line;
	int	rc;

	line = r->line;
	if (r->title == NULL || r->title[0] == '\0') {
		rc = reader_reject(ctx, line, error,
		    "record has no title; fix it or pass --skip-invalid");
		record_clear(r);
		return rc;
	}
	if (r->source_file == NULL && ctx->path != NULL)
		r->source_file = xstrdup(ctx->path);
	rc = ctx->sink(r, ctx->arg);
	record_clear(r);
	if (rc == -1) {
		/* The sink keeps its own message; import.c reports that one. */
		*error = NULL;
		return -1;
	}
	ctx->records++;
	return 0;
}
