/*
 * Word-level differences between two strings, for the side-by-side
 * view of a duplicate pair. See dupes_diff_words() in dupes.h.
 *
 * The words of both sides are aligned by a longest common subsequence
 * of their folded forms. Words outside the alignment are changed words.
 * Aligned words whose bytes differ changed only in case or accents.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dupes.h"
#include "text.h"
#include "xmalloc.h"

/*
 * Longer texts are aligned in pieces of this many words, so that the
 * table stays within DIFF_WORDS squared cells.
 */
#define DIFF_WORDS	1024

struct side {
	const char		*s;
	struct text_span	*words;
	size_t			 n;
	char			**folded;
	struct dupes_span	*spans;
	size_t			 nspans;
};

static char *
fold_word(const char *s, size_t len)
{
	char	*w, *folded;
	size_t	 i;
	bool	 ascii;

	ascii = true;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			ascii = false;
	}
	w = xstrndup(s, len);
	if (ascii) {
		for (i = 0; i < len; i++)
			w[i] = (char)tolower((unsigned char)w[i]);
		return w;
	}
	folded = text_fold(w);
	free(w);
	return folded;
}

/* Returns the length of the apostrophe at s, or 0 if there is none. */
static size_t
apostrophe_length(const char *s)
{
	if (s[0] == '\'')
		return 1;
	if (strncmp(s, "\xe2\x80\x99", 3) == 0)	/* U+2019 */
		return 3;
	if (strncmp(s, "\xca\xbc", 2) == 0)		/* U+02BC */
		return 2;
	return 0;
}

/*
 * Joins words split by an apostrophe inside them ("does’nt", "O'Neill"),
 * so that a contraction is highlighted whole rather than after its
 * apostrophe.
 */
static void
join_contractions(struct side *d)
{
	size_t	i, out = 0, end, apostrophe;

	for (i = 0; i < d->n; i++) {
		if (out > 0) {
			end = d->words[out - 1].start + d->words[out - 1].len;
			apostrophe = apostrophe_length(d->s + end);
			if (apostrophe > 0 &&
			    end + apostrophe == d->words[i].start) {
				d->words[out - 1].len += apostrophe +
				    d->words[i].len;
				continue;
			}
		}
		d->words[out++] = d->words[i];
	}
	d->n = out;
}

static void
side_init(struct side *d, const char *s)
{
	size_t	i;

	d->s = s == NULL ? "" : s;
	d->n = text_words(d->s, &d->words);
	join_contractions(d);
	d->folded = xreallocarray(NULL, d->n == 0 ? 1 : d->n, sizeof *d->folded);
	for (i = 0; i < d->n; i++)
		d->folded[i] = fold_word(d->s + d->words[i].start,
		    d->words[i].len);
	d->spans = NULL;
	d->nspans = 0;
}

static void
side_free(struct side *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		free(d->folded[i]);
	free(d->folded);
	free(d->words);
}

static void
add_span(struct side *d, size_t word, enum dupes_change change)
{
	d->spans = xreallocarray(d->spans, d->nspans + 1, sizeof *d->spans);
	d->spans[d->nspans].start = d->words[word].start;
	d->spans[d->nspans].len = d->words[word].len;
	d->spans[d->nspans].change = change;
	d->nspans++;
}

/* Marks an aligned pair of words: a case change when the bytes differ. */
static void
mark_aligned(struct side *a, size_t i, struct side *b, size_t j)
{
	if (a->words[i].len == b->words[j].len &&
	    memcmp(a->s + a->words[i].start, b->s + b->words[j].start,
	    a->words[i].len) == 0)
		return;
	add_span(a, i, DUPES_CHANGE_CASE);
	add_span(b, j, DUPES_CHANGE_CASE);
}

/* Aligns words a[ia..ea) with b[ib..eb), each range at most DIFF_WORDS. */
static void
align(struct side *a, size_t ia, size_t ea, struct side *b, size_t ib,
    size_t eb)
{
	uint16_t	*dp;
	size_t		 na, nb, i, j, w;

	na = ea - ia;
	nb = eb - ib;
	w = nb + 1;
	dp = xcalloc((na + 1) * w, sizeof *dp);
	/* dp[i][j]: common words of a[ia+i..ea) and b[ib+j..eb). */
	for (i = na; i-- > 0;) {
		for (j = nb; j-- > 0;) {
			if (strcmp(a->folded[ia + i], b->folded[ib + j]) == 0)
				dp[i * w + j] = (uint16_t)(dp[(i + 1) * w + j + 1] + 1);
			else
				dp[i * w + j] = dp[(i + 1) * w + j] >
				    dp[i * w + j + 1] ? dp[(i + 1) * w + j] :
				    dp[i * w + j + 1];
		}
	}
	for (i = 0, j = 0; i < na && j < nb;) {
		if (strcmp(a->folded[ia + i], b->folded[ib + j]) == 0) {
			mark_aligned(a, ia + i, b, ib + j);
			i++;
			j++;
		} else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) {
			add_span(a, ia + i++, DUPES_CHANGE_WORD);
		} else {
			add_span(b, ib + j++, DUPES_CHANGE_WORD);
		}
	}
	for (; i < na; i++)
		add_span(a, ia + i, DUPES_CHANGE_WORD);
	for (; j < nb; j++)
		add_span(b, ib + j, DUPES_CHANGE_WORD);
	free(dp);
}

void
dupes_diff_words(const char *a, const char *b, struct dupes_diff *diff)
{
	struct side	sa, sb;
	size_t		ia, ib, ea, eb;

	side_init(&sa, a);
	side_init(&sb, b);
	for (ia = 0, ib = 0; ia < sa.n || ib < sb.n; ia = ea, ib = eb) {
		ea = sa.n - ia > DIFF_WORDS ? ia + DIFF_WORDS : sa.n;
		eb = sb.n - ib > DIFF_WORDS ? ib + DIFF_WORDS : sb.n;
		align(&sa, ia, ea, &sb, ib, eb);
	}
	diff->a = sa.spans;
	diff->na = sa.nspans;
	diff->b = sb.spans;
	diff->nb = sb.nspans;
	side_free(&sa);
	side_free(&sb);
}

void
dupes_diff_free(struct dupes_diff *diff)
{
	free(diff->a);
	free(diff->b);
	memset(diff, 0, sizeof *diff);
}
