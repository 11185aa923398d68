/*
 * Comparing the titles of two records for duplicate detection.
 *
 * Titles are compared as folded words aligned by a longest common
 * subsequence, where a typo or a plural in a long word still counts as
 * the same word. Before the words, two guards apply: titles of another
 * kind (an erratum, a comment, a reply) never match the article, and
 * titles whose numbers differ ("Part I" and "Part II", "phase 2" and
 * "phase 3", "CD4" and "CD8") never match each other.
 */
#include <string.h>

#include "dupes_pair.h"

/* Words of a title that take part in the alignment. */
#define TITLE_WORDS	64

/* Returns whether two words differ by at most one edit. */
static bool
one_edit_apart(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	i, j;
	bool	edited;

	if (la > lb + 1 || lb > la + 1)
		return false;
	edited = false;
	for (i = 0, j = 0; i < la && j < lb;) {
		if (a[i] == b[j]) {
			i++;
			j++;
			continue;
		}
		if (edited)
			return false;
		edited = true;
		if (la > lb)
			i++;
		else if (lb > la)
			j++;
		else {
			i++;
			j++;
		}
	}
	return !edited || (i == la && j == lb);
}

static bool
has_digit(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	}
	return false;
}

bool
dupes_lost_letters_match(const char *a, const char *b, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (a[i] != b[i] && a[i] != '?' && b[i] != '?')
			return false;
	}
	return true;
}

/*
 * Returns whether two title words count as the same word: equal, or a
 * typo or plural apart in a word long enough for that to be safe.
 * Words with digits must be equal.
 */
static bool
title_words_match(const char *a, size_t la, const char *b, size_t lb)
{
	if (la == lb && memcmp(a, b, la) == 0)
		return true;
	if (la == lb && (memchr(a, '?', la) != NULL || memchr(b, '?', lb)))
		return dupes_lost_letters_match(a, b, la);
	if (la < 5 || lb < 5)
		return false;
	if (has_digit(a, la) || has_digit(b, lb))
		return false;
	return one_edit_apart(a, la, b, lb);
}

/* Returns the length of the longest common subsequence of words. */
static size_t
common_words(const char **wa, const size_t *la, size_t na,
    const char **wb, const size_t *lb, size_t nb)
{
	unsigned char	row[2][TITLE_WORDS + 1];
	unsigned char	*prev, *cur, *t;
	size_t		 i, j;

	/* Two rows of the usual table are enough for its last value. */
	prev = row[0];
	cur = row[1];
	memset(prev, 0, nb + 1);
	for (i = 1; i <= na; i++) {
		cur[0] = 0;
		for (j = 1; j <= nb; j++) {
			if (title_words_match(wa[i - 1], la[i - 1], wb[j - 1],
			    lb[j - 1]))
				cur[j] = (unsigned char)(prev[j - 1] + 1);
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	return prev[nb];
}

/* Returns whether s and t are equal once spaces are ignored. */
static bool
equal_without_spaces(const char *s, const char *t)
{
	for (;;) {
		while (*s == ' ')
			s++;
		while (*t == ' ')
			t++;
		if (*s != *t)
			return false;
		if (*s == '\0')
			return true;
		s++;
		t++;
	}
}

static const char *
kind_name(int kind)
{
	static const char *const names[] = {
		"an article", "an erratum", "a retraction", "a comment",
		"a reply",
	};

	return names[kind];
}

/* The comparison of two folded titles, before it is put in words. */
struct title_cmp {
	enum dupes_verdict	 verdict;
	bool			 numbers_differ;
	bool			 extends;	/* the shorter is all in the longer */
	size_t			 common, longer;	/* words */
	double			 similarity;
};

/* Compares folded titles ta and tb whose numbers are na_num and nb_num. */
static void
compare_title_texts(const char *ta, const char *na_num, const char *tb,
    const char *nb_num, struct title_cmp *c)
{
	const char	*wa[TITLE_WORDS], *wb[TITLE_WORDS];
	size_t		 la[TITLE_WORDS], lb[TITLE_WORDS], na, nb;

	memset(c, 0, sizeof *c);
	if (*na_num != '\0' && *nb_num != '\0' && strcmp(na_num, nb_num) != 0) {
		c->numbers_differ = true;
		c->verdict = DUPES_CONFLICT;
		return;
	}
	if (equal_without_spaces(ta, tb)) {
		c->similarity = 1;
		c->verdict = DUPES_SAME;
		return;
	}
	na = dupes_split_words(ta, wa, la, TITLE_WORDS);
	nb = dupes_split_words(tb, wb, lb, TITLE_WORDS);
	c->common = common_words(wa, la, na, wb, lb, nb);
	c->longer = na > nb ? na : nb;
	c->similarity = 2.0 * (double)c->common / (double)(na + nb);
	/* All words of the shorter title: a subtitle added or dropped. */
	c->extends = c->common == (na < nb ? na : nb) && c->common >= 4;
	if (c->similarity >= 0.9)
		c->verdict = DUPES_SIMILAR;
	else if (c->extends || c->similarity >= 0.75)
		c->verdict = DUPES_PARTIAL;
	else if (c->similarity >= 0.5)
		c->verdict = DUPES_DIFFERENT;
	else
		c->verdict = DUPES_CONFLICT;
}

/*
 * Returns whether a part of a title printed with its translation
 * ("Original; English", "English <ORIGINAL> ORIGINAL") matches the
 * other title. Two parts are not compared with each other, because
 * "X; Y" and "X; Z" are often two papers of a series.
 */
static bool
translation_matches(const struct dupes_pair *p)
{
	const struct dupes_key	*a = p->a, *b = p->b;
	struct title_cmp	 c;
	uint32_t		 ta[3], tb[3], numa[3], numb[3];
	size_t			 i, j;

	if (a->title_parts[0] == 0 && b->title_parts[0] == 0)
		return false;
	ta[0] = a->title;
	numa[0] = a->title_numbers;
	tb[0] = b->title;
	numb[0] = b->title_numbers;
	for (i = 0; i < 2; i++) {
		ta[i + 1] = a->title_parts[i];
		numa[i + 1] = a->title_part_numbers[i];
		tb[i + 1] = b->title_parts[i];
		numb[i + 1] = b->title_part_numbers[i];
	}
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 3; j++) {
			/* A part against the other whole title, never two parts. */
			if ((i == 0) == (j == 0) || ta[i] == 0 || tb[j] == 0)
				continue;
			compare_title_texts(dupes_pair_a(p, ta[i]), dupes_pair_a(p, numa[i]),
			    dupes_pair_b(p, tb[j]), dupes_pair_b(p, numb[j]), &c);
			if (c.verdict == DUPES_SAME || c.verdict == DUPES_SIMILAR)
				return true;
		}
	}
	return false;
}

enum dupes_verdict
dupes_compare_title(struct dupes_pair *p)
{
	struct title_cmp	 c;
	const char		*ta, *tb;

	ta = dupes_pair_a(p, p->a->title);
	tb = dupes_pair_b(p, p->b->title);
	p->title_similarity = 0;
	if (*ta == '\0' || *tb == '\0') {
		dupes_pair_missing(p, "title", *ta == '\0' && *tb == '\0');
		return DUPES_MISSING;
	}
	if (p->a->title_kind != p->b->title_kind) {
		dupes_pair_say(p, "title: %s vs %s", kind_name(p->a->title_kind),
		    kind_name(p->b->title_kind));
		return DUPES_CONFLICT;
	}
	compare_title_texts(ta, dupes_pair_a(p, p->a->title_numbers), tb,
	    dupes_pair_b(p, p->b->title_numbers), &c);
	p->title_similarity = c.similarity;

	/* A translation printed with the title: the parts are one title. */
	if (c.verdict != DUPES_SAME && c.verdict != DUPES_SIMILAR &&
	    translation_matches(p)) {
		dupes_pair_say(p, "title: same title, one printed with its translation");
		return DUPES_SIMILAR;
	}
	if (c.numbers_differ) {
		dupes_pair_say(p, "title: different numbers ('%s' vs '%s')",
		    dupes_pair_a(p, p->a->title_numbers), dupes_pair_b(p, p->b->title_numbers));
		return DUPES_CONFLICT;
	}
	if (c.verdict == DUPES_SAME) {
		if (dupes_pair_explaining(p) && strcmp(p->ra->title, p->rb->title) == 0)
			dupes_pair_say(p, "title: identical");
		else
			dupes_pair_say(p, "title: same after case folding");
		if (p->a->title_generic)
			dupes_pair_say(p, ", but too generic to identify a work");
		return DUPES_SAME;
	}
	dupes_pair_say(p, "title: %zu of %zu words agree", c.common, c.longer);
	if (c.verdict == DUPES_PARTIAL && c.extends)
		dupes_pair_say(p, "; one title extends the other");
	return c.verdict;
}
