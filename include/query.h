/*
 * Search queries: what the user types, turned into an FTS5 expression
 * for the catalogue's index and into folded terms for highlighting.
 *
 * Syntax: words must all match, each by prefix ("quant" finds
 * "quantization"); "a quoted phrase" matches as a phrase; title:,
 * author: and abstract: restrict the next word or phrase to a field;
 * -word excludes articles with the word. Anything the index cannot
 * parse (a lone quote, AND, brackets, stars) is taken as plain text:
 * every word is folded with text_fold() and quoted, so no input ever
 * reaches FTS5 as syntax.
 */
#ifndef FEHREST_QUERY_H
#define FEHREST_QUERY_H

#include <stdbool.h>
#include <stddef.h>

/* Words after this many are ignored, with a note. */
#define QUERY_MAX_TERMS	64

enum query_field {
	QUERY_ANY,
	QUERY_TITLE,
	QUERY_AUTHORS,
	QUERY_ABSTRACT,
};

/* One word or phrase of the query. */
struct query_term {
	enum query_field field;
	char		**tokens;	/* folded index tokens, in order */
	size_t		  ntokens;
	bool		  prefix;	/* the last token matches by prefix */
	bool		  exclude;	/* -word */
};

struct query {
	struct query_term	*terms;
	size_t			 nterms;
	/* FTS5 expression, or NULL when the input contains no words. */
	char			*match;
	/* Why part of the input was ignored, or NULL. */
	char			*note;
};

/* Parses input into q, which the caller frees with query_free(). */
void	 query_parse(const char *input, struct query *q);

/*
 * Lists the indexed words that start with prefix, at most max + 1 of
 * them: returns 0 with an allocated array of allocated strings, or
 * nonzero when no list is available. catalogue_terms() fits.
 */
typedef int (*query_terms_fn)(void *arg, const char *prefix, size_t max,
	    char ***terms, size_t *nterms);

/*
 * Rewrites q->match so that a prefix word of QUERY_EXPAND_MIN bytes or
 * more becomes an OR of the few indexed words it stands for (at most
 * QUERY_EXPAND_MAX). FTS5 resolves a prefix longer than its prefix
 * indexes by merging the whole doclist of every matching word before the
 * first row. An OR of words is merged lazily in rowid order and stops at
 * the LIMIT, so a page of "neural network" takes about the time of one
 * word. A prefix with more words than that is left as it is. The matches
 * do not change.
 */
#define QUERY_EXPAND_MIN	4
#define QUERY_EXPAND_MAX	48
void	 query_expand(struct query *q, query_terms_fn list, void *arg);
void	 query_free(struct query *q);

/*
 * Finds the words of text (original, unfolded) that the query's terms
 * match in the given field, for highlighting. Returns the number of
 * spans and stores an allocated array (byte offsets into text, in
 * order) in *spans; the caller frees it.
 */
struct text_span;
size_t	 query_highlight(const struct query *q, enum query_field field,
	    const char *text, struct text_span **spans);

#endif
