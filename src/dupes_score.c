/*
 * Scoring a pair of records: the rules of duplicate detection.
 *
 * Each field is compared on its own and gets a verdict (same, similar,
 * partial, missing, different, conflict). The verdicts then go through
 * decide(), which holds every rule in one place:
 *
 *  1. Vetoes. A conflict in a field that identifies a work rules the
 *     pair out: different DOIs, years more than one apart, titles of a
 *     different kind (erratum, comment, reply) or with different
 *     numbers, clearly different titles or authors. Volume, page and
 *     journal conflicts veto unless stronger evidence (the same DOI, or
 *     the same volume and first page for the journal) outweighs them,
 *     because those fields are often written inconsistently.
 *  2. Points. Each agreeing field adds the points of the table below;
 *     a pair with at least DUPES_THRESHOLD points matches.
 *  3. Guards. Weak evidence needs backing: a generic title ("Editorial")
 *     or a missing or only partly equal title, and a year one apart
 *     (online-first), each need a named corroborating field.
 *
 * Missing fields add nothing and take nothing away.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dupes_key.h"
#include "xmalloc.h"

/* Points a pair needs to match. */
#define DUPES_THRESHOLD	70

/* Words of a title that take part in the alignment. */
#define TITLE_WORDS	64

/*
 * Points per field and verdict. A conflict never adds points: it vetoes
 * (see decide()). A different abstract counts against the match because
 * two records of one paper almost always carry the same abstract.
 */
static const int points[DUPES_NFIELDS][DUPES_CONFLICT + 1] = {
	/*		  same similar partial missing different conflict */
	[DUPES_TITLE]	= { 40, 34, 15, 0, 0, 0 },
	[DUPES_AUTHORS]	= { 25, 20, 8, 0, 0, 0 },
	[DUPES_YEAR]	= { 10, 0, 0, 0, 0, 0 },
	[DUPES_DOI]	= { 45, 35, 0, 0, 0, 0 },
	[DUPES_JOURNAL]	= { 10, 8, 4, 0, 0, 0 },
	[DUPES_VOLUME]	= { 5, 5, 0, 0, 0, 0 },
	[DUPES_ISSUE]	= { 2, 2, 0, 0, 0, 0 },
	[DUPES_PAGES]	= { 10, 8, 0, 0, 0, 0 },
	[DUPES_ABSTRACT] = { 20, 16, 8, 0, -15, 0 },
};

/* The state of one comparison: keys, optional records, reasons. */
struct pair {
	const struct dupes_key	*a;
	const struct dupes_key	*b;
	const struct record	*ra;	/* NULL: no texts */
	const struct record	*rb;
	struct buf		 text;
	double			 title_similarity;
};

static const char *const field_names[DUPES_NFIELDS] = {
	"title", "authors", "year", "doi", "journal", "volume", "issue",
	"pages", "abstract",
};

static const char *const verdict_names[] = {
	"same", "similar", "partial", "missing", "different", "conflict",
};

const char *
dupes_field_name(enum dupes_field field)
{
	return field_names[field];
}

const char *
dupes_verdict_name(enum dupes_verdict verdict)
{
	return verdict_names[verdict];
}

static bool
explaining(const struct pair *p)
{
	return p->ra != NULL;
}

static void
say(struct pair *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(struct pair *p, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (!explaining(p))
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_addstr(&p->text, s);
	free(s);
}

static const char *
str_a(const struct pair *p, uint32_t off)
{
	return dupes_key_str(p->a, off);
}

static const char *
str_b(const struct pair *p, uint32_t off)
{
	return dupes_key_str(p->b, off);
}

/* Splits the folded words of s into at most max spans. */
static size_t
split_words(const char *s, const char **w, size_t *len, size_t max)
{
	size_t	n;

	for (n = 0; *s != '\0' && n < max; n++) {
		w[n] = s;
		len[n] = strcspn(s, " ");
		s += len[n];
		if (*s == ' ')
			s++;
	}
	return n;
}

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
	if (la < 5 || lb < 5)
		return false;
	if (strcspn(a, "0123456789") < la || strcspn(b, "0123456789") < lb)
		return false;
	return one_edit_apart(a, la, b, lb);
}

/* Returns the length of the longest common subsequence of words. */
static size_t
common_words(const char **wa, const size_t *la, size_t na,
    const char **wb, const size_t *lb, size_t nb)
{
	unsigned char	dp[TITLE_WORDS + 1][TITLE_WORDS + 1];
	size_t		i, j;

	memset(dp, 0, sizeof dp);
	for (i = 1; i <= na; i++) {
		for (j = 1; j <= nb; j++) {
			if (title_words_match(wa[i - 1], la[i - 1], wb[j - 1],
			    lb[j - 1]))
				dp[i][j] = (unsigned char)(dp[i - 1][j - 1] + 1);
			else
				dp[i][j] = dp[i - 1][j] > dp[i][j - 1] ?
				    dp[i - 1][j] : dp[i][j - 1];
		}
	}
	return dp[na][nb];
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

static enum dupes_verdict
compare_title(struct pair *p)
{
	const char	*ta, *tb, *wa[TITLE_WORDS], *wb[TITLE_WORDS];
	size_t		 la[TITLE_WORDS], lb[TITLE_WORDS], na, nb, common;
	double		 sim;

	ta = str_a(p, p->a->title);
	tb = str_b(p, p->b->title);
	p->title_similarity = 0;
	if (*ta == '\0' || *tb == '\0') {
		say(p, "title: missing on one side");
		return DUPES_MISSING;
	}
	if (p->a->title_kind != p->b->title_kind) {
		say(p, "title: %s vs %s", kind_name(p->a->title_kind),
		    kind_name(p->b->title_kind));
		return DUPES_CONFLICT;
	}
	if (strcmp(str_a(p, p->a->title_numbers),
	    str_b(p, p->b->title_numbers)) != 0 &&
	    p->a->title_numbers != 0 && p->b->title_numbers != 0) {
		say(p, "title: different numbers ('%s' vs '%s')",
		    str_a(p, p->a->title_numbers), str_b(p, p->b->title_numbers));
		return DUPES_CONFLICT;
	}
	if (equal_without_spaces(ta, tb)) {
		p->title_similarity = 1;
		if (explaining(p) && strcmp(p->ra->title, p->rb->title) == 0)
			say(p, "title: identical");
		else
			say(p, "title: same after case folding");
		if (p->a->title_generic)
			say(p, ", but too generic to identify a work");
		return DUPES_SAME;
	}

	na = split_words(ta, wa, la, TITLE_WORDS);
	nb = split_words(tb, wb, lb, TITLE_WORDS);
	common = common_words(wa, la, na, wb, lb, nb);
	sim = 2.0 * (double)common / (double)(na + nb);
	p->title_similarity = sim;
	say(p, "title: %zu of %zu words agree", common, na > nb ? na : nb);
	if (sim >= 0.9)
		return DUPES_SIMILAR;
	/* All words of the shorter title: a subtitle added or dropped. */
	if (common == (na < nb ? na : nb) && common >= 4) {
		say(p, "; one title extends the other");
		return DUPES_PARTIAL;
	}
	if (sim >= 0.75)
		return DUPES_PARTIAL;
	if (sim >= 0.5)
		return DUPES_DIFFERENT;
	return DUPES_CONFLICT;
}

/* How two people's names compare, from best to worst. */
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
	return split_words(s, w, len, max);
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

	ns = split_words(a, ws, ls, 8);
	nl = split_words(b, wl, ll, 8);
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

static enum person_match
compare_person(const struct dupes_person *a, const struct dupes_person *b,
    int *dropped, bool *a_longer)
{
	enum person_match	given;
	size_t			la, lb;

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
	/* "Omulo Sylvia" printed without a comma against "Omulo, S." */
	la = strcspn(a->given, " ");
	lb = strcspn(b->given, " ");
	if (la == strlen(b->family) && strncmp(a->given, b->family, la) == 0 &&
	    lb > 0 && b->given[0] == a->family[0] &&
	    (lb == 1 || (lb == strlen(a->family) &&
	    strncmp(b->given, a->family, lb) == 0)))
		return PERSON_SWAPPED;
	if (lb == strlen(a->family) && strncmp(b->given, a->family, lb) == 0 &&
	    la > 0 && a->given[0] == b->family[0] &&
	    (la == 1 || (la == strlen(b->family) &&
	    strncmp(a->given, b->family, la) == 0)))
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

	n = split_words(s, w, l, 8);
	if (i < 0 || (size_t)i >= n)
		return xstrdup("");
	return xstrndup(w[i], l[i]);
}

static void
say_person(struct pair *p, const struct dupes_person *a,
    const struct dupes_person *b, enum person_match m, int dropped,
    bool a_longer)
{
	char	*word;

	if (!explaining(p) || m == PERSON_EXACT)
		return;
	say(p, "; '%s' vs '%s': ", person_name(p->ra, a), person_name(p->rb, b));
	switch (m) {
	case PERSON_INITIALS:
		say(p, "initials for given names");
		break;
	case PERSON_DROPPED:
		word = given_word_at(a_longer ? a->given : b->given, dropped);
		say(p, "%s given name '%s'", a_longer ? "dropped" : "added", word);
		free(word);
		break;
	case PERSON_NO_GIVEN:
		say(p, "given names missing on one side");
		break;
	case PERSON_COMPOUND:
		say(p, "part of a compound family name");
		break;
	case PERSON_TRUNCATED:
		say(p, "family name cut short");
		break;
	case PERSON_SWAPPED:
		say(p, "family and given names swapped");
		break;
	default:
		break;
	}
}

static enum dupes_verdict
compare_authors(struct pair *p)
{
	struct dupes_person	pa[DUPES_MAX_AUTHORS], pb[DUPES_MAX_AUTHORS];
	struct buf		notes, saved;
	bool			used[DUPES_MAX_AUTHORS], a_longer, al;
	enum person_match	m, best;
	size_t			na, nb, i, j, jj, bestj, matched, fewer;
	int			dropped, d;
	bool			all_exact;

	na = p->a->nauthors;
	nb = p->b->nauthors;
	if (na == 0 || nb == 0) {
		say(p, "authors: missing on one side");
		return DUPES_MISSING;
	}
	dupes_key_persons(p->a, pa);
	dupes_key_persons(p->b, pb);
	memset(used, 0, sizeof used);
	matched = 0;
	all_exact = na == nb;
	dropped = -1;
	a_longer = false;

	/* The notes on each person are written after the counts. */
	buf_init(&notes);
	saved = p->text;
	p->text = notes;
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
		if (best == PERSON_NONE) {
			all_exact = false;
			continue;
		}
		used[bestj] = true;
		matched++;
		if (best != PERSON_EXACT)
			all_exact = false;
		say_person(p, &pa[i], &pb[bestj], best, dropped, a_longer);
	}
	notes = p->text;
	p->text = saved;

	fewer = na < nb ? na : nb;
	say(p, "authors: %zu of %zu agree", matched, fewer);
	if (na != nb)
		say(p, " (%zu vs %zu listed)", na, nb);
	if (explaining(p))
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

static enum dupes_verdict
compare_year(struct pair *p)
{
	int	d;

	if (p->a->year == 0 || p->b->year == 0) {
		say(p, "year: missing on one side");
		return DUPES_MISSING;
	}
	d = abs(p->a->year - p->b->year);
	if (d == 0) {
		say(p, "year: same (%d)", p->a->year);
		return DUPES_SAME;
	}
	say(p, "year: %d vs %d", p->a->year, p->b->year);
	return d == 1 ? DUPES_DIFFERENT : DUPES_CONFLICT;
}

static enum dupes_verdict
compare_doi(struct pair *p)
{
	const char	*da, *db;

	da = str_a(p, p->a->doi);
	db = str_b(p, p->b->doi);
	if (*da == '\0' || *db == '\0') {
		say(p, "doi: missing on one side");
		return DUPES_MISSING;
	}
	if (strcmp(da, db) != 0) {
		say(p, "doi: %s vs %s", da, db);
		return DUPES_CONFLICT;
	}
	if (p->a->doi_version != p->b->doi_version) {
		say(p, "doi: versions %d and %d of %s", p->a->doi_version,
		    p->b->doi_version, da);
		return DUPES_SIMILAR;
	}
	if (explaining(p) && strcmp(p->ra->doi, p->rb->doi) == 0)
		say(p, "doi: same");
	else
		say(p, "doi: same DOI in different forms");
	return DUPES_SAME;
}

/*
 * Returns whether journal word a abbreviates word b or is it: a prefix
 * ("clin", "clinical") or, from the same first letter, its letters in
 * order ("natl", "national").
 */
static bool
abbreviates(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	i, j;

	if (la > lb || a[0] != b[0])
		return false;
	for (i = 0, j = 0; i < la && j < lb; j++) {
		if (a[i] == b[j])
			i++;
	}
	return i == la;
}

static bool
word_abbreviates(const char *a, size_t la, const char *b, size_t lb)
{
	return abbreviates(a, la, b, lb) || abbreviates(b, lb, a, la);
}

/* Returns whether the single word a is the initials of words b. */
static bool
is_acronym(const char *a, size_t la, const char **wb, size_t nb)
{
	size_t	i;

	if (la < 2 || la != nb)
		return false;
	for (i = 0; i < nb; i++) {
		if (a[i] != wb[i][0])
			return false;
	}
	return true;
}

#define JOURNAL_WORDS 32

/* Compares two alternatives of journal names (no " = " inside). */
static enum dupes_verdict
compare_journal_names(const char *a, size_t alen, const char *b, size_t blen)
{
	const char	*wa[JOURNAL_WORDS], *wb[JOURNAL_WORDS], **ws, **wl;
	size_t		 la[JOURNAL_WORDS], lb[JOURNAL_WORDS], *ls, *ll;
	size_t		 na, nb, ns, nl, i, j, start;
	char		*ca, *cb;
	bool		 ok;

	ca = xstrndup(a, alen);
	cb = xstrndup(b, blen);
	na = split_words(ca, wa, la, JOURNAL_WORDS);
	nb = split_words(cb, wb, lb, JOURNAL_WORDS);
	if (strcmp(ca, cb) == 0) {
		free(ca);
		free(cb);
		return DUPES_SAME;
	}
	if (na <= nb) {
		ws = wa; ls = la; ns = na; wl = wb; ll = lb; nl = nb;
	} else {
		ws = wb; ls = lb; ns = nb; wl = wa; ll = la; nl = na;
	}

	ok = ns == nl;
	for (i = 0; ok && i < ns; i++)
		ok = word_abbreviates(ws[i], ls[i], wl[i], ll[i]);
	if (!ok && ns == 1)
		ok = is_acronym(ws[0], ls[0], wl, nl);
	if (ok)
		goto similar;

	/* A run of at least three words inside the longer name. */
	for (start = 0; ns >= 3 && start + ns <= nl; start++) {
		ok = true;
		for (i = 0; ok && i < ns; i++)
			ok = word_abbreviates(ws[i], ls[i], wl[start + i],
			    ll[start + i]);
		if (ok)
			goto similar;
	}

	/* The shorter name opens the longer one: "BMJ" and "BMJ (Clinical research ed.)". */
	ok = ns >= 1;
	for (i = 0, j = 0; ok && i < ns; i++, j++)
		ok = word_abbreviates(ws[i], ls[i], wl[j], ll[j]);
	free(ca);
	free(cb);
	return ok ? DUPES_PARTIAL : DUPES_CONFLICT;

similar:
	free(ca);
	free(cb);
	return DUPES_SIMILAR;
}

static enum dupes_verdict
compare_journal(struct pair *p)
{
	const char		*ja, *jb, *a, *b, *ea, *eb;
	enum dupes_verdict	 best, v;

	ja = str_a(p, p->a->journal);
	jb = str_b(p, p->b->journal);
	if (*ja == '\0' || *jb == '\0') {
		say(p, "journal: missing on one side");
		return DUPES_MISSING;
	}
	best = DUPES_CONFLICT;
	for (a = ja; *a != '\0'; a = *ea == '\0' ? ea : ea + 3) {
		ea = strstr(a, " = ");
		if (ea == NULL)
			ea = a + strlen(a);
		for (b = jb; *b != '\0'; b = *eb == '\0' ? eb : eb + 3) {
			eb = strstr(b, " = ");
			if (eb == NULL)
				eb = b + strlen(b);
			v = compare_journal_names(a, (size_t)(ea - a), b,
			    (size_t)(eb - b));
			if (v < best)
				best = v;
		}
	}
	if (explaining(p)) {
		if (best == DUPES_SAME)
			say(p, "journal: same");
		else if (best == DUPES_SIMILAR)
			say(p, "journal: same name abbreviated ('%s' vs '%s')",
			    p->ra->journal, p->rb->journal);
		else if (best == DUPES_PARTIAL)
			say(p, "journal: one name opens the other ('%s' vs '%s')",
			    p->ra->journal, p->rb->journal);
		else
			say(p, "journal: '%s' vs '%s'", p->ra->journal,
			    p->rb->journal);
	}
	return best;
}

static enum dupes_verdict
compare_number(struct pair *p, const char *name, uint32_t oa, uint32_t ob,
    enum dupes_verdict differ)
{
	const char	*a, *b;

	a = str_a(p, oa);
	b = str_b(p, ob);
	if (*a == '\0' || *b == '\0') {
		say(p, "%s: missing on one side", name);
		return DUPES_MISSING;
	}
	if (strcmp(a, b) == 0) {
		say(p, "%s: same (%s)", name, a);
		return DUPES_SAME;
	}
	say(p, "%s: %s vs %s", name, a, b);
	return differ;
}

static bool
is_elocator(const char *s)
{
	return s[0] == 'e' && isdigit((unsigned char)s[1]);
}

static enum dupes_verdict
compare_pages(struct pair *p)
{
	const char	*fa, *fb, *la, *lb;

	fa = str_a(p, p->a->first_page);
	fb = str_b(p, p->b->first_page);
	la = str_a(p, p->a->last_page);
	lb = str_b(p, p->b->last_page);
	if (*fa == '\0' || *fb == '\0') {
		say(p, "pages: missing on one side");
		return DUPES_MISSING;
	}
	if (strcmp(fa, fb) == 0) {
		if (*la == '\0' || *lb == '\0' || strcmp(la, lb) == 0) {
			say(p, "pages: same first page (%s)", fa);
			return DUPES_SAME;
		}
		say(p, "pages: same first page (%s), last %s vs %s", fa, la, lb);
		return DUPES_SIMILAR;
	}
	say(p, "pages: %s vs %s", fa, fb);
	/*
	 * An online-first version is paginated from 1, or by an article
	 * number (e-locator), so a year one apart explains the difference.
	 */
	if (p->a->year != 0 && abs(p->a->year - p->b->year) == 1 &&
	    (strcmp(fa, "1") == 0 || strcmp(fb, "1") == 0)) {
		say(p, " (online-first pagination)");
		return DUPES_DIFFERENT;
	}
	if (is_elocator(fa) != is_elocator(fb)) {
		say(p, " (article number against pages)");
		return DUPES_DIFFERENT;
	}
	return DUPES_CONFLICT;
}

/*
 * Estimates the Jaccard similarity of two abstracts' word sets from
 * their bottom-k sketches: among the k smallest hashes of the union,
 * the share found in both.
 */
static double
sketch_jaccard(const struct dupes_key *a, const struct dupes_key *b)
{
	const uint32_t	*sa, *sb;
	size_t		 i, j, k, taken, both;

	sa = dupes_key_sketch(a);
	sb = dupes_key_sketch(b);
	k = a->nsketch < b->nsketch ? a->nsketch : b->nsketch;
	taken = both = 0;
	for (i = 0, j = 0; taken < k && i < a->nsketch && j < b->nsketch;
	    taken++) {
		if (sa[i] == sb[j]) {
			both++;
			i++;
			j++;
		} else if (sa[i] < sb[j]) {
			i++;
		} else {
			j++;
		}
	}
	return k == 0 ? 0 : (double)both / (double)k;
}

static int
compare_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Stores the sorted distinct word hashes of s in *out; returns how many. */
static size_t
word_hashes(const char *s, uint32_t **out)
{
	struct buf	 words;
	const char	*w;
	uint32_t	*h;
	size_t		 n, cap, len, i, distinct;

	buf_init(&words);
	dupes_fold_words(s, &words);
	cap = 16;
	h = xreallocarray(NULL, cap, sizeof *h);
	n = 0;
	for (w = buf_str(&words); *w != '\0'; w += len + (w[len] == ' ')) {
		len = strcspn(w, " ");
		if (n == cap) {
			cap *= 2;
			h = xreallocarray(h, cap, sizeof *h);
		}
		h[n++] = dupes_hash(w, len);
	}
	buf_free(&words);
	qsort(h, n, sizeof *h, compare_u32);
	distinct = 0;
	for (i = 0; i < n; i++) {
		if (distinct == 0 || h[distinct - 1] != h[i])
			h[distinct++] = h[i];
	}
	*out = h;
	return distinct;
}

/* Returns the exact share of distinct words that two texts share. */
static double
exact_word_agreement(const char *a, const char *b)
{
	uint32_t	*ha, *hb;
	size_t		 na, nb, i, j, both;

	na = word_hashes(a, &ha);
	nb = word_hashes(b, &hb);
	both = 0;
	for (i = 0, j = 0; i < na && j < nb;) {
		if (ha[i] == hb[j]) {
			both++;
			i++;
			j++;
		} else if (ha[i] < hb[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(ha);
	free(hb);
	return na + nb == both ? 0 : (double)both / (double)(na + nb - both);
}

static enum dupes_verdict
compare_abstract(struct pair *p)
{
	double	j, inter, containment;
	size_t	na, nb;

	if (p->a->nsketch == 0 || p->b->nsketch == 0) {
		say(p, "abstract: missing on one side");
		return DUPES_MISSING;
	}
	j = sketch_jaccard(p->a, p->b);
	na = p->a->abstract_words;
	nb = p->b->abstract_words;
	inter = j * (double)(na + nb) / (1 + j);
	containment = inter / (double)(na < nb ? na : nb);
	if (explaining(p))
		say(p, "abstract: %.0f%% of words agree",
		    100 * exact_word_agreement(p->ra->abstract, p->rb->abstract));
	if (j >= 0.8)
		return DUPES_SAME;
	if (containment >= 0.9 || j >= 0.6)
		return DUPES_SIMILAR;
	if (j >= 0.4)
		return DUPES_PARTIAL;
	return j < 0.2 ? DUPES_DIFFERENT : DUPES_MISSING;
}

static bool
agrees(enum dupes_verdict v)
{
	return v == DUPES_SAME || v == DUPES_SIMILAR;
}

/*
 * Applies the vetoes, the points and the guards to the field verdicts
 * v[] and fills m. The comments name the false match each rule stops.
 */
static void
decide(const enum dupes_verdict *v, struct dupes_match *m)
{
	bool	doi_same, hard_location;
	int	f;

	m->duplicate = false;
	m->veto = NULL;
	m->score = 0;
	for (f = 0; f < DUPES_NFIELDS; f++) {
		m->reasons[f].field = (enum dupes_field)f;
		m->reasons[f].verdict = v[f];
		m->reasons[f].points = points[f][v[f]];
		m->score += points[f][v[f]];
	}
	doi_same = agrees(v[DUPES_DOI]);
	hard_location = agrees(v[DUPES_VOLUME]) && agrees(v[DUPES_PAGES]);

	/* 1. Vetoes. */
	if (v[DUPES_DOI] == DUPES_CONFLICT)
		m->veto = "different DOIs";
	else if (v[DUPES_YEAR] == DUPES_CONFLICT)
		m->veto = "years more than one apart";
	else if (v[DUPES_TITLE] == DUPES_CONFLICT)
		m->veto = "different titles, title kinds or title numbers";
	else if (v[DUPES_AUTHORS] == DUPES_CONFLICT)
		m->veto = "different authors";
	else if (v[DUPES_VOLUME] == DUPES_CONFLICT && !doi_same)
		m->veto = "different volumes";
	else if (v[DUPES_PAGES] == DUPES_CONFLICT && !doi_same)
		m->veto = "different first pages";
	/* A journal paper and a workshop paper of the same title. */
	else if (v[DUPES_JOURNAL] == DUPES_CONFLICT && !doi_same &&
	    !hard_location)
		m->veto = "different journals";
	if (m->veto != NULL)
		return;

	/* 3. Guards. */
	if (v[DUPES_TITLE] == DUPES_MISSING &&
	    !(doi_same && agrees(v[DUPES_AUTHORS]))) {
		m->veto = "no title to compare, and no DOI and authors that agree";
		return;
	}
	if ((v[DUPES_TITLE] == DUPES_PARTIAL ||
	    v[DUPES_TITLE] == DUPES_DIFFERENT) && !doi_same &&
	    !agrees(v[DUPES_ABSTRACT]) &&
	    !(hard_location && v[DUPES_JOURNAL] != DUPES_CONFLICT)) {
		m->veto = "titles only partly equal, with no DOI, abstract or "
		    "volume and page to back them";
		return;
	}
	if (v[DUPES_TITLE] == DUPES_DIFFERENT && !(doi_same &&
	    agrees(v[DUPES_AUTHORS]))) {
		m->veto = "titles differ too much";
		return;
	}
	/* The online-first and the issue version: a year apart. */
	if (v[DUPES_YEAR] == DUPES_DIFFERENT && !doi_same &&
	    !agrees(v[DUPES_JOURNAL]) && !agrees(v[DUPES_ABSTRACT])) {
		m->veto = "years one apart, with no DOI, journal or abstract "
		    "to back them";
		return;
	}

	/* 2. Points. */
	m->duplicate = m->score >= DUPES_THRESHOLD;
	if (!m->duplicate)
		m->veto = "too little agreement";
}

/*
 * Zeroes the title's points for a generic title ("Editorial"), which
 * then needs the same DOI, or the same journal, volume and first page.
 */
static void
guard_generic_title(const struct pair *p, const enum dupes_verdict *v,
    struct dupes_match *m)
{
	bool	located;

	if (!p->a->title_generic && !p->b->title_generic)
		return;
	m->score -= m->reasons[DUPES_TITLE].points;
	m->reasons[DUPES_TITLE].points = 0;
	located = agrees(v[DUPES_JOURNAL]) && agrees(v[DUPES_VOLUME]) &&
	    agrees(v[DUPES_PAGES]);
	if (m->duplicate && !agrees(v[DUPES_DOI]) && !located) {
		m->duplicate = false;
		m->veto = "generic title, with no DOI or journal, volume and "
		    "page to identify the work";
	}
	if (m->duplicate && m->score < DUPES_THRESHOLD) {
		m->duplicate = false;
		m->veto = "too little agreement besides a generic title";
	}
}

typedef enum dupes_verdict (*field_compare)(struct pair *);

static enum dupes_verdict
compare_volume(struct pair *p)
{
	return compare_number(p, "volume", p->a->volume, p->b->volume,
	    DUPES_CONFLICT);
}

static enum dupes_verdict
compare_issue(struct pair *p)
{
	/* Exports often put a record number or a season in the issue. */
	return compare_number(p, "issue", p->a->issue, p->b->issue,
	    DUPES_DIFFERENT);
}

static const field_compare comparers[DUPES_NFIELDS] = {
	[DUPES_TITLE] = compare_title,
	[DUPES_AUTHORS] = compare_authors,
	[DUPES_YEAR] = compare_year,
	[DUPES_DOI] = compare_doi,
	[DUPES_JOURNAL] = compare_journal,
	[DUPES_VOLUME] = compare_volume,
	[DUPES_ISSUE] = compare_issue,
	[DUPES_PAGES] = compare_pages,
	[DUPES_ABSTRACT] = compare_abstract,
};

void
dupes_score_pair(const struct dupes_key *a, const struct dupes_key *b,
    const struct record *ra, const struct record *rb, struct dupes_match *m)
{
	struct pair		p;
	enum dupes_verdict	v[DUPES_NFIELDS];
	int			f;

	memset(&p, 0, sizeof p);
	p.a = a;
	p.b = b;
	p.ra = ra;
	p.rb = rb;
	buf_init(&p.text);
	memset(m, 0, sizeof *m);
	for (f = 0; f < DUPES_NFIELDS; f++) {
		buf_clear(&p.text);
		v[f] = comparers[f](&p);
		m->reasons[f].text = explaining(&p) ? xstrdup(buf_str(&p.text)) :
		    NULL;
	}
	buf_free(&p.text);
	decide(v, m);
	guard_generic_title(&p, v, m);
}

const char *
dupes_score_contradiction(const struct dupes_key *a, const struct dupes_key *b)
{
	struct pair		p;
	enum dupes_verdict	doi;

	memset(&p, 0, sizeof p);
	p.a = a;
	p.b = b;
	doi = compare_doi(&p);
	if (doi == DUPES_CONFLICT)
		return "different DOIs";
	if (compare_year(&p) == DUPES_CONFLICT)
		return "years more than one apart";
	if (compare_title(&p) == DUPES_CONFLICT)
		return "different titles, title kinds or title numbers";
	if (compare_authors(&p) == DUPES_CONFLICT)
		return "different authors";
	if (!agrees(doi) && compare_volume(&p) == DUPES_CONFLICT)
		return "different volumes";
	if (!agrees(doi) && compare_pages(&p) == DUPES_CONFLICT)
		return "different first pages";
	return NULL;
}
