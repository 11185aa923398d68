/*
 * Finding articles that a catalogue contains more than once.
 *
 * dupes_find() folds each record once into a compact key and gathers
 * candidate pairs from several blocking keys, so the cost grows close to
 * linearly with the number of records. It scores each candidate pair
 * field by field and joins matching pairs into clusters with union-find. Two
 * clusters are joined only when no record of one contradicts a record of
 * the other (different DOI, years more than one apart, different numbers
 * in the titles, and the other vetoes in src/dupes_score.c), so a chain
 * of near matches cannot join two different papers.
 *
 * A false positive removes a paper from a systematic review, so the
 * rules prefer a miss to a wrong match: a field missing on either side
 * counts neither for nor against, but a field that contradicts the other
 * record vetoes the match unless stronger evidence outweighs it.
 */
#ifndef FEHREST_DUPES_H
#define FEHREST_DUPES_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

/* The fields that take part in a comparison, in the order reasons list them. */
enum dupes_field {
	DUPES_TITLE,
	DUPES_AUTHORS,
	DUPES_YEAR,
	DUPES_DOI,
	DUPES_JOURNAL,
	DUPES_VOLUME,
	DUPES_ISSUE,
	DUPES_PAGES,
	DUPES_ABSTRACT,
	DUPES_NFIELDS
};

/* Verdicts on one field of two records, from strongest agreement down. */
enum dupes_verdict {
	DUPES_SAME,		/* equal after normalisation */
	DUPES_SIMILAR,		/* the same value written differently */
	DUPES_PARTIAL,		/* overlapping, weak evidence for a match */
	DUPES_MISSING,		/* absent on at least one side */
	DUPES_DIFFERENT,	/* differs, but not enough to rule out a match */
	DUPES_CONFLICT		/* contradicts: vetoes the match on its own */
};

/* The comparison of one field. */
struct dupes_reason {
	enum dupes_field	 field;
	enum dupes_verdict	 verdict;
	int			 points;	/* what the field added to the score */
	char			*text;		/* "title: same after case folding" */
};

/* The outcome of comparing two records. */
struct dupes_match {
	bool			 duplicate;
	int			 score;		/* sum of the fields' points */
	const char		*veto;		/* rule that ruled the pair out, or NULL */
	struct dupes_reason	 reasons[DUPES_NFIELDS];
};

/* One pair of records whose match joined a cluster. */
struct dupes_link {
	size_t			 a;		/* record indexes, a < b */
	size_t			 b;
	struct dupes_match	 match;
};

/* Records taken to be one article. */
struct dupes_cluster {
	size_t			*members;	/* record indexes, ascending */
	size_t			 nmembers;
	int			 score;		/* lowest score among the links */
	struct dupes_link	*links;		/* nmembers - 1 links that joined it */
	size_t			 nlinks;
};

struct dupes_result {
	struct dupes_cluster	*clusters;	/* ordered by first member */
	size_t			 nclusters;
	size_t			 candidates;	/* pairs the blocking keys proposed */
	size_t			 compared;	/* pairs scored */
	size_t			 rejected_links; /* matches rejected by the cluster check */
};

/*
 * Finds the duplicates among records[0..n) and fills *out, which the
 * caller frees with dupes_result_free(). The records are only read, and
 * the result refers to them by index. Returns 0, or -1 with an allocated
 * message in *error (the only failure is more than 2^32 - 2 records).
 */
int	 dupes_find(const struct record *records, size_t n,
	    struct dupes_result *out, char **error);
/*
 * The same search for a catalogue too large to hold in memory: records
 * are added one at a time and reduced to compact keys at once, so the
 * caller may free each record after dupes_finder_add(). The result's
 * reasons then have verdicts and points but no texts (text is NULL),
 * because the records are gone. dupes_compare() on a link's two records
 * gives the texts.
 */
struct dupes_finder;

/* Returns an empty finder; free it with dupes_finder_free(). */
struct dupes_finder *dupes_finder_new(void);
/*
 * Adds r as the next record (index 0, 1, ...). Returns 0, or -1 with an
 * allocated message in *error when the finder is full (2^32 - 2 records).
 */
int	 dupes_finder_add(struct dupes_finder *f, const struct record *r,
	    char **error);
/*
 * Adds records[0..n) as the next records, building their keys on every
 * processor. Returns 0, or -1 as dupes_finder_add() does.
 */
int	 dupes_finder_add_many(struct dupes_finder *f,
	    const struct record *records, size_t n, char **error);
/* Finds the duplicates among the records added so far and fills *out. */
void	 dupes_finder_run(struct dupes_finder *f, struct dupes_result *out);
void	 dupes_finder_free(struct dupes_finder *f);

/* Frees what dupes_find() stored in *result and clears it. */
void	 dupes_result_free(struct dupes_result *result);

/*
 * Compares two records with the rules dupes_find() uses and stores the
 * decision, the score and one reason per field in *match. The caller
 * frees the reasons with dupes_match_free().
 */
void	 dupes_compare(const struct record *a, const struct record *b,
	    struct dupes_match *match);
void	 dupes_match_free(struct dupes_match *match);

/* Returns the field's name as reasons print it: "title", "doi", ... */
const char *dupes_field_name(enum dupes_field field);
/* Returns the verdict's name: "same", "similar", "conflict", ... */
const char *dupes_verdict_name(enum dupes_verdict verdict);

/* Kinds of difference between a word and its counterpart on the other side. */
enum dupes_change {
	DUPES_CHANGE_CASE,	/* the same word after folding: "Level" vs "level" */
	DUPES_CHANGE_WORD	/* a different, added or removed word */
};

/* A word of one side that differs from the other side. */
struct dupes_span {
	size_t			 start;		/* byte offset in the string */
	size_t			 len;		/* bytes */
	enum dupes_change	 change;
};

/* The differing words of two strings, one list for each side. */
struct dupes_diff {
	struct dupes_span	*a;
	size_t			 na;
	struct dupes_span	*b;
	size_t			 nb;
};

/*
 * Aligns the words of a and b (split as text_words() does, compared
 * after folding) and stores in *diff the byte spans of the words of
 * each side that have no equal counterpart, for the browser to
 * highlight. A word whose counterpart differs only in case, accents or
 * the form of quotes and dashes is reported as DUPES_CHANGE_CASE. NULL
 * is read as "". The caller frees the spans with dupes_diff_free().
 */
void	 dupes_diff_words(const char *a, const char *b, struct dupes_diff *diff);
void	 dupes_diff_free(struct dupes_diff *diff);

#endif
