/*
 * Reading catalogue files of every supported format into records.
 *
 * A reader parses a whole file held in memory and hands each record to a
 * sink. Readers never touch the catalogue: import_file() couples them to
 * one with a transaction around the whole run, so a fatal error leaves
 * the catalogue as it was.
 */
#ifndef FEHREST_IMPORT_H
#define FEHREST_IMPORT_H

#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "record.h"

enum import_format {
	IMPORT_AUTO,
	IMPORT_CSV,
	IMPORT_TSV,
	IMPORT_BIBTEX,
	IMPORT_RIS,
	IMPORT_LISTING,
};

/*
 * Called once per parsed record. The record belongs to the reader and
 * is cleared after the call; the sink copies what it keeps, or takes the
 * fields and leaves r as record_init() does. Returns 0 to go on, -1 to
 * stop the reader (the sink has set its own error).
 */
typedef int (*import_sink)(struct record *r, void *arg);

/* Options and counters shared by every reader. */
struct import_context {
	const char	*path;		/* file name for messages and source_file */
	bool		 skip_invalid;	/* skip bad records instead of failing */
	bool		 quiet;		/* no notes on stderr */
	import_sink	 sink;
	void		*arg;
	size_t		 records;	/* records handed to the sink */
	size_t		 skipped;	/* bad records skipped */
	size_t		 repaired;	/* fields decoded as Windows-1252 */
	long		 first_repaired_line; /* line of the first one, 0 if none */
	size_t		 nul_fields;	/* fields with NUL bytes, read as U+FFFD */
	long		 first_nul_line; /* line of the first one, 0 if none */
	/* A progress line may be on the terminal: messages clear it first. */
	bool		 progress;
	/* When set (by another thread), skipping records stops the reader. */
	const atomic_bool *cancel;
};

/*
 * Each reader parses data[0..len) (the whole file, not NUL-terminated
 * necessarily) and returns 0, or -1 with an allocated message in *error
 * of the form "FILE:LINE: what is wrong; what to do". The CSV reader's
 * delimiter is ',', ';' or '\t', or '\0' to pick one from the header.
 */
int	 import_read_listing(struct import_context *ctx, const char *data,
	    size_t len, char **error);
int	 import_read_csv(struct import_context *ctx, const char *data,
	    size_t len, char delimiter, char **error);
int	 import_read_bibtex(struct import_context *ctx, const char *data,
	    size_t len, char **error);
int	 import_read_ris(struct import_context *ctx, const char *data,
	    size_t len, char **error);

/* Returns the format the content looks like, or IMPORT_AUTO if none. */
enum import_format import_detect(const char *data, size_t len);
/* Returns the format named by s ("csv", "bibtex", ...), or -1. */
int	 import_format_from_name(const char *s);
const char *import_format_name(enum import_format format);

/* Skipped records named one by one per file; the rest are only counted. */
#define IMPORT_SKIPS_NAMED	20

struct catalogue;

struct import_options {
	enum import_format format;	/* IMPORT_AUTO to detect per file */
	bool		 skip_invalid;
	bool		 quiet;		/* no notes on stderr */
	bool		 progress;	/* a running count on stderr */
	const char	*name;		/* display name to set, or NULL */
	bool		 bundle;	/* mark the catalogue as the bundled one */
	/*
	 * When not NULL and set (by a signal handler), the import stops at
	 * the next record and is rolled back.
	 */
	const volatile sig_atomic_t *stop;
};

struct import_stats {
	size_t	files;
	size_t	records;
	size_t	skipped;
	size_t	repaired;
};

/*
 * Imports every file into c inside one transaction: either all records
 * of all files are added, or, on any error, none. Returns 0 and fills
 * *stats, or -1 with an allocated message in *error.
 */
int	 import_files(struct catalogue *c, char *const *paths, size_t npaths,
	    const struct import_options *options, struct import_stats *stats,
	    char **error);

#endif
