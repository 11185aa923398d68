/*
 * Comparing the author lists of two records for duplicate detection.
 *
 * Each person of one list is paired with the best unused person of the
 * other, in any order. Two names name one person when the family names
 * agree (or one is part of a compound name, or cut short) and the given
 * names agree as full names, as initials, or with a given name dropped
 * ("Seyed Ali" and "Ali"). Names printed with family and given names
 * swapped also count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dupes_pair.h"
#include "xmalloc.h"

/* Kinds of agreement between two people's names, from best to worst. */
enum person_match {
	PERSON_EXACT,
	PERSON_INITIALS,	/* given names against initials */
	PERSON_DROPPED,		/* a given name added or dropped */
	PERSON_NO_GIVEN,	/* given names missing on one side */
	PERSON_COMPOUND,	/* part of a compound family name */
	PERSON_TRUNCATED,	/* family name cut short */
	PERSON_SWAPPED,		/* family and given names swapped */
	PERSON_NONE
};

/* Reads up to max words of a given-name string. */
static size_t
given_words(const char *s, const char **w, size_t *len, size_t max)
{
	return dupes_split_words(s, w, len, max);
}

/* Returns whether given words a and b name the same person's given name. */
static bool
given_word_match(const char *a, size_t la, const char *b, size_t lb,
    bool *initial)
{
	if (a[0] != b[0])
		return false;
	if (la == 1 || lb == 1) {
		if (la != lb)
			*initial = true;
		return true;
	}
	/* "Hayle" and "Hayley": one was cut short by the export. */
	if (la >= 3 && lb >= 3 &&
	    strncmp(a, b, la < lb ? la : lb) == 0)
		return true;
	return false;
}

/*
 * Returns whether the given words of the shorter list all match, in
 * order, words of the longer one; *dropped is set to the index in
 * long of the first unmatched word, or -1.
 */
static bool
given_subsequence(const char **ws, const size_t *ls, size_t ns,
    const char **wl, const size_t *ll, size_t nl, bool *initial, int *dropped)
{
	size_t	i, j;

	*dropped = -1;
	for (i = 0, j = 0; j < nl; j++) {
		if (i < ns && given_word_match(ws[i], ls[i], wl[j], ll[j], initial)) {
			i++;
			continue;
		}
		if (*dropped < 0)
			*dropped = (int)j;
	}
	return i == ns;
}

static enum person_match
compare_given(const char *ga, const char *gb, int *dropped, bool *a_longer)
{
	const char	*wa[8], *wb[8];
	size_t		 la[8], lb[8], na, nb;
	bool		 initial;

	*dropped = -1;
	*a_longer = false;
	if (*ga == '\0' || *gb == '\0')
		return PERSON_NO_GIVEN;
	if (strcmp(ga, gb) == 0)
		return PERSON_EXACT;
	na = given_words(ga, wa, la, 8);
	nb = given_words(gb, wb, lb, 8);
	initial = false;
	if (na <= nb && given_subsequence(wa, la, na, wb, lb, nb, &initial,
	    dropped)) {
		if (na == nb)
			return initial ? PERSON_INITIALS : PERSON_EXACT;
		return PERSON_DROPPED;
	}
	initial = false;
	if (nb < na && given_subsequence(wb, lb, nb, wa, la, na, &initial,
	    dropped)) {
		*a_longer = true;
		return PERSON_DROPPED;
	}
	return PERSON_NONE;
}

/* Returns whether every word of the shorter family name is in the longer. */
static bool
family_words_subset(const char *a, const char *b)
{
	const char	*ws[8], *wl[8];
	size_t		 ls[8], ll[8], ns, nl, i, j;
	bool		 found;

	ns = dupes_split_words(a, ws, ls, 8);
	nl = dupes_split_words(b, wl, ll, 8);
	if (ns > nl)
		return family_words_subset(b, a);
	if (ns == nl)
		return false;
	for (i = 0; i < ns; i++) {
		found = false;
		for (j = 0; j < nl && !found; j++)
			found = ls[i] == ll[j] && memcmp(ws[i], wl[j], ls[i]) == 0;
		if (!found)
			return false;
	}
	return true;
}

static bool
is_prefix(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);

	if (la > lb)
		return is_prefix(b, a);
	return la >= 4 && strncmp(a, b, la) == 0;
}

/*
 * Returns whether x's family name is y's first given name and one of
 * x's initials opens y's family name: "Morais, S. S." against "Siani,
 * Morais S." as an export that swapped the parts prints it.
 */
static bool
swapped(const struct dupes_person *x, const struct dupes_person *y)
{
	const char	*g;
	size_t		 len;

	len = strcspn(y->given, " ");
	if (len < 2 || len != strlen(x->family_words) ||
	    strncmp(y->given, x->family_words, len) != 0)
		return false;
	if (*x->given == '\0')
		return true;
	for (g = x->given; *g != '\0'; g += strcspn(g, " "), g += *g == ' ') {
		if (*g == y->family_words[0])
			return true;
	}
	return false;
}

static enum person_match
compare_person(const struct dupes_person *a, const struct dupes_person *b,
    int *dropped, bool *a_longer)
{
	enum person_match	given;

	*dropped = -1;
	*a_longer = false;
	given = compare_given(a->given, b->given, dropped, a_longer);
	if (strcmp(a->family, b->family) == 0)
		return given;
	if (given == PERSON_NONE)
		goto swapped;
	if (family_words_subset(a->family_words, b->family_words))
		return PERSON_COMPOUND;
	if (given != PERSON_NO_GIVEN && is_prefix(a->family, b->family))
		return PERSON_TRUNCATED;

swapped:
	if (swapped(a, b) || swapped(b, a))
		return PERSON_SWAPPED;
	return PERSON_NONE;
}

static const char *
person_name(const struct record *r, const struct dupes_person *p)
{
	if (p->index >= 0 && (size_t)p->index < r->nauthors &&
	    r->authors[p->index].name != NULL)
		return r->authors[p->index].name;
	return p->family_words;
}

/* Returns the given word at index i of the folded given names s. */
static char *
given_word_at(const char *s, int i)
{
	const char	*w[8];
	size_t		 l[8], n;

	n = dupes_split_words(s, w, l, 8);
	if (i < 0 || (size_t)i >= n)
		return xstrdup("");
	return xstrndup(w[i], l[i]);
}

/*
 * Copies to word (size bytes) the word of the displayed name whose
 * folding is folded ("Seyed" for "seyed"), or folded itself when none
 * is, and returns word.
 */
static const char *
original_word(const char *name, const char *folded, char *word, size_t size)
{
	struct buf	 b;
	const char	*w;
	size_t		 len;
	bool		 found;

	found = false;
	buf_init(&b);
	for (w = name; *w != '\0' && !found; w += len) {
		w += strspn(w, " .,-");
		len = strcspn(w, " .,-");
		if (len == 0 || len >= size)
			continue;
		buf_clear(&b);
		memcpy(word, w, len);
		word[len] = '\0';
		dupes_fold_words(word, &b);
		found = strcmp(buf_str(&b), folded) == 0;
	}
	buf_free(&b);
	if (!found)
		snprintf(word, size, "%s", folded);
	return word;
}

static void
say_person(struct dupes_pair *p, const struct dupes_person *a,
    const struct dupes_person *b, enum person_match m, int dropped,
    bool a_longer)
{
	char	*word, shown[64];

	if (!dupes_pair_explaining(p) || m == PERSON_EXACT)
		return;
	dupes_pair_say(p, "; '%s' vs '%s': ", person_name(p->ra, a), person_name(p->rb, b));
	switch (m) {
	case PERSON_INITIALS:
		dupes_pair_say(p, "initials for given names");
		break;
	case PERSON_DROPPED:
		word = given_word_at(a_longer ? a->given : b->given, dropped);
		dupes_pair_say(p, "%s given name '%s'", a_longer ? "dropped" : "added",
		    original_word(a_longer ? person_name(p->ra, a) :
		    person_name(p->rb, b), word, shown, sizeof shown));
		free(word);
		break;
	case PERSON_NO_GIVEN:
		dupes_pair_say(p, "given names missing on one side");
		break;
	case PERSON_COMPOUND:
		dupes_pair_say(p, "part of a compound family name");
		break;
	case PERSON_TRUNCATED:
		dupes_pair_say(p, "family name cut short");
		break;
	case PERSON_SWAPPED:
		dupes_pair_say(p, "family and given names swapped");
		break;
	default:
		break;
	}
}

/*
 * Pairs each person of pa with the best unused person of pb, writes a
 * note on each inexact pairing and returns the number paired. *all_exact
 * is cleared unless every person of pa found an exact counterpart.
 */
static size_t
match_people(struct dupes_pair *p, const struct dupes_person *pa, size_t na,
    const struct dupes_person *pb, size_t nb, bool *all_exact)
{
	bool			used[DUPES_MAX_AUTHORS], a_longer, al;
	enum person_match	m, best;
	size_t			i, j, jj, bestj, matched;
	int			dropped, d;

	memset(used, 0, sizeof used);
	matched = 0;
	dropped = -1;
	a_longer = false;
	for (i = 0; i < na; i++) {
		best = PERSON_NONE;
		bestj = 0;
		/* The same position first, so order changes cost nothing extra. */
		for (j = 0; j < nb; j++) {
			jj = (i + j) % nb;
			if (used[jj])
				continue;
			m = compare_person(&pa[i], &pb[jj], &d, &al);
			if (m < best) {
				best = m;
				bestj = jj;
				dropped = d;
				a_longer = al;
			}
			if (m == PERSON_EXACT)
				break;
		}
		if (best != PERSON_EXACT)
			*all_exact = false;
		if (best == PERSON_NONE)
			continue;
		used[bestj] = true;
		matched++;
		say_person(p, &pa[i], &pb[bestj], best, dropped, a_longer);
	}
	return matched;
}

enum dupes_verdict
dupes_compare_authors(struct dupes_pair *p)
{
	struct dupes_person	pa[DUPES_MAX_AUTHORS], pb[DUPES_MAX_AUTHORS];
	struct buf		notes, saved;
	size_t			na, nb, matched, fewer;
	bool			all_exact;

	na = p->a->nauthors;
	nb = p->b->nauthors;
	if (na == 0 || nb == 0) {
		dupes_pair_missing(p, "authors", na == 0 && nb == 0);
		return DUPES_MISSING;
	}
	dupes_key_persons(p->a, pa);
	dupes_key_persons(p->b, pb);

	/* The notes on each person are written after the counts. */
	buf_init(&notes);
	saved = p->text;
	p->text = notes;
	all_exact = na == nb;
	matched = match_people(p, pa, na, pb, nb, &all_exact);
	notes = p->text;
	p->text = saved;

	fewer = na < nb ? na : nb;
	dupes_pair_say(p, "authors: %zu of %zu agree", matched, fewer);
	if (na != nb)
		dupes_pair_say(p, " (%zu vs %zu listed)", na, nb);
	if (dupes_pair_explaining(p))
		buf_addstr(&p->text, buf_str(&notes));
	buf_free(&notes);

	if (all_exact && matched == na)
		return DUPES_SAME;
	if (matched == fewer && (fewer >= 2 || na == nb))
		return DUPES_SIMILAR;
	if (2 * matched >= fewer && matched > 0)
		return DUPES_PARTIAL;
	return DUPES_CONFLICT;
}
