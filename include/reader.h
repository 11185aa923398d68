/*
 * Steps every import reader shares: turning source bytes into stored
 * text, reading a year, rejecting a bad record and handing a finished
 * record to the sink. Readers call these; nothing else does.
 */
#ifndef FEHREST_READER_H
#define FEHREST_READER_H

#include <stddef.h>

#include "import.h"
#include "record.h"

/*
 * Returns s[0..len) as allocated NFC UTF-8. Bytes that are not valid
 * UTF-8 are decoded as Windows-1252; each such field is counted in
 * ctx->repaired and the first one's line kept in ctx->first_repaired_line.
 * A NUL byte becomes U+FFFD, so the text after it is kept; such fields
 * are counted in ctx->nul_fields and ctx->first_nul_line.
 */
char	*reader_text(struct import_context *ctx, const char *s, size_t len,
	    long line);
/*
 * Returns s[0..len) as reader_text() does, with white space collapsed
 * (text_clean_spaces), for titles and names. Allocated.
 */
char	*reader_clean_text(struct import_context *ctx, const char *s,
	    size_t len, long line);
/*
 * Reads the year of a date or year field: the first run of exactly four
 * digits. Stores it in *year and returns 0. A value that only marks the
 * date as unknown ("n.d.", "in press", "forthcoming") gives year 0 and
 * returns 0. Returns -1 when s has no readable year.
 */
int	 reader_year(const char *s, int *year);
/*
 * Handles a bad record that starts on line. Without ctx->skip_invalid,
 * stores the allocated message "PATH:LINE: " followed by the formatted
 * reason in *error and returns -1. With it, counts the record in
 * ctx->skipped, prints the message on stderr unless ctx->quiet (the first
 * twenty of a file only), and returns 0; or, once ctx->cancel is set,
 * returns -1 with *error NULL.
 */
int	 reader_reject(struct import_context *ctx, long line, char **error,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * Finishes r: rejects it (as reader_reject()) when it has no title,
 * otherwise sets its source_file and hands it to the sink. Clears r in
 * every case. Returns 0, or -1 when the record was rejected (*error
 * set) or the sink stopped the run (*error NULL, because the sink
 * keeps its own message).
 */
int	 reader_emit(struct import_context *ctx, struct record *r,
	    char **error);
/* Returns the file name to use in messages: ctx->path or "(input)". */
const char *reader_path(const struct import_context *ctx);

#endif
