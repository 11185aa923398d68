/*
 * The catalogue: one SQLite file of articles with a full-text index.
 *
 * Tables:
 * - articles contains only what the list reads (id, number, title,
 *   authors, year), so that scans and counts stay small.
 * - details contains the abstract and every other field.
 * - people contains the authors in order.
 * - search is a contentless FTS5 index over the folded title, authors and
 *   abstract (text_fold), so the index and the query fold the same way.
 * - terms lists the index's folded words of four bytes or more, for
 *   expanding long prefixes (catalogue_terms).
 * - meta contains the name, the article count and the generation.
 * The list order is the article id, which is the insertion order.
 *
 * A catalogue handle is used from one thread at a time. A thread of its
 * own (the browser's duplicate search) opens a handle of its own.
 */
#ifndef FEHREST_CATALOGUE_H
#define FEHREST_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#include "buf.h"
#include "record.h"
#include "strset.h"

/*
 * The schema version stored in PRAGMA user_version. Version 2 added the
 * terms table. A version 1 file is still read, without the prefix
 * expansion, and is upgraded when it is opened for writing.
 */
#define CATALOGUE_VERSION	2

struct catalogue;

/* One row of the list: the narrow columns only. */
struct catalogue_row {
	long	 id;
	long	 number;
	char	*title;
	char	*authors;	/* names joined by "; " */
	int	 year;		/* 0 if unknown */
};

enum catalogue_mode {
	CATALOGUE_READ,		/* an existing file, read-only */
	CATALOGUE_WRITE,	/* an existing file, or a new one created empty */
};

/*
 * Opens the catalogue at path. Returns 0 and stores the handle in *out,
 * or -1 with an allocated message in *error. A file of another schema
 * version, or one that is not a catalogue, is an error. The bundled
 * catalogue is always opened read-only and immutable.
 */
int	 catalogue_open(const char *path, enum catalogue_mode mode,
	    struct catalogue **out, char **error);
void	 catalogue_close(struct catalogue *c);

/*
 * Returns the path of the bundled catalogue: beside the executable in
 * data/, else in the installed data directory. The string is static.
 */
const char *catalogue_bundled_path(void);
/* Returns whether the open catalogue is the bundled, read-only one. */
bool	 catalogue_is_bundled(const struct catalogue *c);
/* Returns the path the catalogue was opened from; valid until close. */
const char *catalogue_path(const struct catalogue *c);
/*
 * Returns the catalogue's display name (its subject or the file name
 * without directory and extension); valid until close.
 */
const char *catalogue_name(const struct catalogue *c);
/*
 * Returns a string that changes whenever the catalogue's contents
 * change, for caches kept outside it; valid until close.
 */
const char *catalogue_generation(const struct catalogue *c);
/* Returns the underlying connection, for features that query it. */
sqlite3	*catalogue_db(struct catalogue *c);

/*
 * Starts a write transaction. A catalogue of schema version 1 gets its
 * word list inside it, and one indexed under other folding rules
 * (TEXT_FOLD_VERSION) its index built again, so that a rollback undoes
 * that too.
 */
int	 catalogue_begin(struct catalogue *c, char **error);
/*
 * Returns whether the catalogue's index was built with this fehrest's
 * folding rules. When it was not, searches may miss words until the next
 * write transaction builds it again.
 */
bool	 catalogue_fold_current(const struct catalogue *c);
/* Commits and records the new article count and generation. */
int	 catalogue_commit(struct catalogue *c, char **error);
void	 catalogue_rollback(struct catalogue *c);
/*
 * Rolls back what a failed or killed write left in the journal beside
 * path, as the next open would. Returns 0 when no journal is left, -1
 * when one remains (the file or its directory is not writable, or the
 * disk failed); SQLite then rolls it back at a later open.
 */
int	 catalogue_recover(const char *path);

/*
 * Adds r to the catalogue inside the current transaction and sets r->id.
 * An r->number of 0 is replaced by the next free number.
 */
int	 catalogue_add(struct catalogue *c, struct record *r, char **error);

/*
 * The part of adding a record that needs no database: the author list,
 * the folded text for the search index and the words for the terms table.
 * catalogue_add() is catalogue_prepare() followed by catalogue_add_entry().
 * Split in two, they let an import prepare records on one thread while
 * another adds them.
 */
struct catalogue_entry {
	char		*authors;	/* record_author_list() */
	char		*title;		/* folded */
	char		*people;	/* folded */
	char		*abstract;	/* folded abstract, or teaser */
	struct buf	 words;		/* new words, each NUL-terminated */
	size_t		 nwords;
};

/*
 * Fills e for r. Words already in seen are left out of e->words and new
 * ones are added to seen, so that each is written once per transaction;
 * seen may be NULL. Needs no catalogue handle.
 */
void	 catalogue_prepare(const struct record *r, struct strset *seen,
	    struct catalogue_entry *e);
/* Adds r with its prepared e, as catalogue_add() does. */
int	 catalogue_add_entry(struct catalogue *c, struct record *r,
	    const struct catalogue_entry *e, char **error);
void	 catalogue_entry_free(struct catalogue_entry *e);
/*
 * Calls fn with each article's source id that is set, in no particular
 * order. Returns 0, or -1 with *error set.
 */
int	 catalogue_each_source_id(struct catalogue *c,
	    void (*fn)(void *arg, const char *source_id), void *arg,
	    char **error);
/* Sets the catalogue's display name (stored in the file). */
int	 catalogue_set_name(struct catalogue *c, const char *name,
	    char **error);
/* Marks the file as the bundled catalogue, so that writes are refused. */
int	 catalogue_mark_bundled(struct catalogue *c, char **error);

/* Returns the number of articles (stored at the last commit). */
long	 catalogue_total(struct catalogue *c);
/*
 * Loads the full article with the given id into r (initialised by the
 * caller). Returns 0, 1 when there is none, or -1 with *error.
 */
int	 catalogue_load(struct catalogue *c, long id, struct record *r,
	    char **error);
/* Finds the id of the article numbered number: 0, 1 if none, -1 on error. */
int	 catalogue_find_number(struct catalogue *c, long number, long *id,
	    char **error);

/*
 * Fetches up to limit rows in list order into rows (an array the caller
 * provides), restricted to articles matching match (an FTS5 expression
 * from query_parse; NULL for all). With forward set, the rows after
 * from_id; otherwise the rows before it, still stored in list order.
 * from_id 0 forward starts at the first row; LONG_MAX backward ends at
 * the last. Stores the count in *nrows. Free each row with
 * catalogue_row_clear(). Returns 0, or -1 with *error (an interrupted
 * query gives -1 and catalogue_interrupted() is true).
 */
int	 catalogue_rows(struct catalogue *c, const char *match, long from_id,
	    bool forward, size_t limit, struct catalogue_row *rows,
	    size_t *nrows, char **error);
void	 catalogue_row_clear(struct catalogue_row *row);
/*
 * Counts the articles matching match (NULL for all), stopping at cap
 * (0 for no cap). Returns 0 with *count, or -1 with *error.
 */
int	 catalogue_count(struct catalogue *c, const char *match, long cap,
	    long *count, char **error);
/*
 * Counts the matching articles that come before id in list order, so
 * the article's position is *rank + 1; stops at cap (0 for no cap).
 */
int	 catalogue_rank(struct catalogue *c, const char *match, long id,
	    long cap, long *rank, char **error);

/*
 * Leaves the articles with the given ids (n of them, any order; ids not
 * in the catalogue are ignored) out of catalogue_rows(),
 * catalogue_count() and catalogue_rank() from now on, replacing any
 * earlier set; n 0 shows every article again. The ids are copied into
 * a TEMP table of the connection, which works on a read-only catalogue.
 * Returns 0, or -1 with *error (then the previous set stays in effect).
 * catalogue_total() still counts every article.
 */
int	 catalogue_set_hidden(struct catalogue *c, const long *ids, size_t n,
	    char **error);

/*
 * Lists the indexed words (folded) that start with prefix, in order, at
 * most max + 1 of them so that the caller can tell "more than max".
 * Returns 0 with an allocated array of allocated strings in *terms (the
 * caller frees both), 1 when the catalogue keeps no word list (made by
 * an older fehrest), or -1 with *error.
 */
int	 catalogue_terms(struct catalogue *c, const char *prefix, size_t max,
	    char ***terms, size_t *nterms, char **error);
/*
 * catalogue_terms() in the form query_expand() takes, with the catalogue
 * as arg; an error only means that no expansion is made.
 */
int	 catalogue_list_terms(void *catalogue, const char *prefix, size_t max,
	    char ***terms, size_t *nterms);

/*
 * Sets a function SQLite calls every few thousand steps of a query;
 * when it returns nonzero the query stops and reports an interrupt.
 */
void	 catalogue_set_progress(struct catalogue *c, int (*check)(void *),
	    void *arg);
/* Returns whether the last failed call was stopped by an interrupt. */
bool	 catalogue_interrupted(const struct catalogue *c);

#endif
