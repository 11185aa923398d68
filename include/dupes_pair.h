/*
 * One comparison of two keys in progress, shared by the field
 * comparisons of src/dupes_score.c, src/dupes_title.c and
 * src/dupes_authors.c. The browser uses dupes.h.
 *
 * A comparison explains itself only when the records the keys were
 * built from are given (ra and rb): each field's comparison then writes
 * its reason into text. While searching they are NULL and nothing is
 * written.
 */
#ifndef FEHREST_DUPES_PAIR_H
#define FEHREST_DUPES_PAIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dupes.h"
#include "dupes_key.h"

struct dupes_pair {
	const struct dupes_key	*a;
	const struct dupes_key	*b;
	const struct record	*ra;	/* NULL while searching */
	const struct record	*rb;
	struct buf		 text;	/* the reason of the current field */
	double			 title_similarity;
	bool			 online_first;	/* pages differ as online-first ones do */
	bool			 located;	/* same first page, and not page 1 */
	bool			 supplement_page; /* "S12" against a plain page */
};

/* Returns whether the comparison writes reasons. */
static inline bool
dupes_pair_explaining(const struct dupes_pair *p)
{
	return p->ra != NULL;
}

/* Returns the string at offset off of the first key. */
static inline const char *
dupes_pair_a(const struct dupes_pair *p, uint32_t off)
{
	return dupes_key_str(p->a, off);
}

/* Returns the string at offset off of the second key. */
static inline const char *
dupes_pair_b(const struct dupes_pair *p, uint32_t off)
{
	return dupes_key_str(p->b, off);
}

/*
 * Explains that field could not be compared because it is empty on one
 * side, or on both when both is set.
 */
void	 dupes_pair_missing(struct dupes_pair *p, const char *field,
	    bool both);
/* Appends to the current reason when the comparison explains itself. */
void	 dupes_pair_say(struct dupes_pair *p, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Splits the folded words of s (single spaces between them) into at
 * most max words and returns how many: w[i] points into s, len[i] bytes.
 */
size_t	 dupes_split_words(const char *s, const char **w, size_t *len,
	    size_t max);

/*
 * Returns whether two words of len bytes are equal where neither has a
 * '?', the mark dupes_fold_words() keeps for a letter an export lost.
 */
bool	 dupes_lost_letters_match(const char *a, const char *b, size_t len);

/* Compares the titles: kinds, numbers, words, translations. */
enum dupes_verdict dupes_compare_title(struct dupes_pair *p);
/* Compares the author lists person by person. */
enum dupes_verdict dupes_compare_authors(struct dupes_pair *p);

#endif
