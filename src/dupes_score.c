/*
 * Scoring a pair of records: the rules of duplicate detection.
 *
 * Each field is compared on its own and gets a verdict (same, similar,
 * partial, missing, different, conflict). Titles are compared in
 * src/dupes_title.c, authors in src/dupes_authors.c and the other
 * fields here. Three functions then apply every rule, in this order:
 *
 *  1. Vetoes, in veto(). A conflict in a field that identifies a work
 *     rules the pair out: different DOIs, years more than one apart,
 *     titles of a different kind (erratum, comment, reply) or with
 *     different numbers, clearly different titles or authors. Each
 *     exception names the fields that must all agree to outweigh the
 *     conflict, because volumes, pages, DOIs and author lists are
 *     sometimes miswritten by exports.
 *  2. Guards, in decide(). Weak evidence needs backing: a missing or
 *     only partly equal title, and a year one apart (online-first),
 *     each need a named corroborating field. guard_generic_title()
 *     requires the same DOI, or the same journal, volume and first
 *     page, for a generic title ("Editorial").
 *  3. Points, in decide(). Each field adds the points of the table
 *     below, and a pair with at least DUPES_THRESHOLD points matches.
 *
 * Missing fields add nothing and take nothing away. The same veto()
 * decides whether two clusters may be joined.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dupes_key.h"
#include "dupes_pair.h"
#include "xmalloc.h"

/* Points a pair needs to match. */
#define DUPES_THRESHOLD	70

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
void
dupes_pair_say(struct dupes_pair *p, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (!dupes_pair_explaining(p))
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_addstr(&p->text, s);
	free(s);
}

void
dupes_pair_missing(struct dupes_pair *p, const char *field, bool both)
{
	dupes_pair_say(p, "%s: missing on %s", field, both ? "both sides" :
	    "one side");
}

size_t
dupes_split_words(const char *s, const char **w, size_t *len, size_t max)
{
	size_t	n;

	for (n = 0; *s != '\0' && n < max; n++) {
		w[n] = s;
		len[n] = (size_t)(strchrnul(s, ' ') - s);
		s += len[n];
		if (*s == ' ')
			s++;
	}
	return n;
}
static enum dupes_verdict
compare_year(struct dupes_pair *p)
{
	int	d;

	if (p->a->year == 0 || p->b->year == 0) {
		dupes_pair_missing(p, "year", p->a->year == 0 &&
		    p->b->year == 0);
		return DUPES_MISSING;
	}
	d = abs(p->a->year - p->b->year);
	if (d == 0) {
		dupes_pair_say(p, "year: same (%d)", p->a->year);
		return DUPES_SAME;
	}
	dupes_pair_say(p, "year: %d vs %d", p->a->year, p->b->year);
	return d == 1 ? DUPES_DIFFERENT : DUPES_CONFLICT;
}

static enum dupes_verdict
compare_doi(struct dupes_pair *p)
{
	const char	*da, *db;

	da = dupes_pair_a(p, p->a->doi);
	db = dupes_pair_b(p, p->b->doi);
	if (*da == '\0' || *db == '\0') {
		dupes_pair_missing(p, "doi", *da == '\0' && *db == '\0');
		return DUPES_MISSING;
	}
	if (strcmp(da, db) != 0) {
		dupes_pair_say(p, "doi: %s vs %s", da, db);
		return DUPES_CONFLICT;
	}
	if (p->a->doi_version != p->b->doi_version) {
		dupes_pair_say(p, "doi: versions %d and %d of %s", p->a->doi_version,
		    p->b->doi_version, da);
		return DUPES_SIMILAR;
	}
	if (dupes_pair_explaining(p) && strcmp(p->ra->doi, p->rb->doi) == 0)
		dupes_pair_say(p, "doi: same");
	else
		dupes_pair_say(p, "doi: same DOI in different forms");
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
	if (la == lb)
		return dupes_lost_letters_match(a, b, la);
	for (i = 0, j = 0; i < la && j < lb; j++) {
		if (a[i] == b[j] || a[i] == '?' || b[j] == '?')
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
	na = dupes_split_words(ca, wa, la, JOURNAL_WORDS);
	nb = dupes_split_words(cb, wb, lb, JOURNAL_WORDS);
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
compare_journal(struct dupes_pair *p)
{
	const char		*ja, *jb, *a, *b, *ea, *eb, *qa, *qb;
	enum dupes_verdict	 best, v;

	ja = dupes_pair_a(p, p->a->journal);
	jb = dupes_pair_b(p, p->b->journal);
	if (*ja == '\0' || *jb == '\0') {
		dupes_pair_missing(p, "journal", *ja == '\0' && *jb == '\0');
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
	/* One name, two journals distinguished by a place: "Cancer (Philadelphia)". */
	qa = dupes_pair_a(p, p->a->journal_qualifier);
	qb = dupes_pair_b(p, p->b->journal_qualifier);
	if (best != DUPES_CONFLICT && *qa != '\0' && *qb != '\0' &&
	    strcmp(qa, qb) != 0) {
		dupes_pair_say(p, "journal: same name, other qualifier ('%s' vs "
		    "'%s')", qa, qb);
		return DUPES_CONFLICT;
	}
	if (dupes_pair_explaining(p)) {
		if (best == DUPES_SAME)
			dupes_pair_say(p, "journal: same");
		else if (best == DUPES_SIMILAR)
			dupes_pair_say(p, "journal: same name abbreviated ('%s' vs '%s')",
			    p->ra->journal, p->rb->journal);
		else if (best == DUPES_PARTIAL)
			dupes_pair_say(p, "journal: one name opens the other ('%s' vs '%s')",
			    p->ra->journal, p->rb->journal);
		else
			dupes_pair_say(p, "journal: '%s' vs '%s'", p->ra->journal,
			    p->rb->journal);
	}
	return best;
}

static enum dupes_verdict
compare_number(struct dupes_pair *p, const char *name, uint32_t oa, uint32_t ob,
    enum dupes_verdict differ)
{
	const char	*a, *b;

	a = dupes_pair_a(p, oa);
	b = dupes_pair_b(p, ob);
	if (*a == '\0' || *b == '\0') {
		dupes_pair_missing(p, name, *a == '\0' && *b == '\0');
		return DUPES_MISSING;
	}
	if (strcmp(a, b) == 0) {
		dupes_pair_say(p, "%s: same (%s)", name, a);
		return DUPES_SAME;
	}
	dupes_pair_say(p, "%s: %s vs %s", name, a, b);
	return differ;
}

/*
 * Returns whether a first page is an article number ("e1002", "a1754",
 * "cd002273"). An "s" prefix is a supplement page, which is a page.
 */
static bool
is_elocator(const char *s)
{
	size_t	letters;

	letters = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	return letters > 0 && letters <= 2 && s[0] != 's' &&
	    isdigit((unsigned char)s[letters]);
}

static enum dupes_verdict
compare_pages(struct dupes_pair *p)
{
	const char	*fa, *fb, *la, *lb;

	fa = dupes_pair_a(p, p->a->first_page);
	fb = dupes_pair_b(p, p->b->first_page);
	la = dupes_pair_a(p, p->a->last_page);
	lb = dupes_pair_b(p, p->b->last_page);
	if (*fa == '\0' || *fb == '\0') {
		dupes_pair_missing(p, "pages", *fa == '\0' && *fb == '\0');
		return DUPES_MISSING;
	}
	if (strcmp(fa, fb) == 0) {
		p->located = strcmp(fa, "1") != 0;
		if (*la == '\0' || *lb == '\0' || strcmp(la, lb) == 0) {
			dupes_pair_say(p, "pages: same first page (%s)", fa);
			return DUPES_SAME;
		}
		dupes_pair_say(p, "pages: same first page (%s), last %s vs %s", fa, la, lb);
		return DUPES_SIMILAR;
	}
	dupes_pair_say(p, "pages: %s vs %s", fa, fb);
	/*
	 * An online-first version is paginated from 1, or by an article
	 * number (e-locator), so a year one apart explains the difference.
	 */
	if (p->a->year != 0 && abs(p->a->year - p->b->year) == 1 &&
	    (strcmp(fa, "1") == 0 || strcmp(fb, "1") == 0)) {
		dupes_pair_say(p, " (online-first pagination)");
		p->online_first = true;
		return DUPES_DIFFERENT;
	}
	p->supplement_page = (fa[0] == 's') != (fb[0] == 's');
	if (is_elocator(fa) != is_elocator(fb)) {
		dupes_pair_say(p, " (article number against pages)");
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

/* Returns the number of words in an abstract, 0 when it has none. */
static size_t
abstract_words(const char *abstract)
{
	struct buf	 words;
	const char	*w;
	size_t		 n;

	if (abstract == NULL || dupes_is_placeholder(abstract))
		return 0;
	buf_init(&words);
	dupes_fold_words(abstract, &words);
	n = 0;
	for (w = buf_str(&words); *w != '\0'; w += strcspn(w, " ")) {
		n++;
		w += *w == ' ';
	}
	buf_free(&words);
	return n;
}

/*
 * Explains why the abstracts were not compared: one is missing, or one
 * is too short for its words to tell two papers apart (the key keeps
 * no sketch of it), so it counts neither for nor against the match.
 * Words shared by two short abstracts are still shown.
 */
static void
say_short_abstracts(struct dupes_pair *p)
{
	size_t	na, nb;

	if (!dupes_pair_explaining(p))
		return;
	na = abstract_words(p->ra->abstract);
	nb = abstract_words(p->rb->abstract);
	if (na == 0 || nb == 0) {
		dupes_pair_missing(p, "abstract", na == 0 && nb == 0);
		return;
	}
	dupes_pair_say(p, "abstract: too short to compare (%zu and %zu words, "
	    "%d needed)", na, nb, DUPES_ABSTRACT_MIN_WORDS);
	if (p->a->nsketch == 0 && p->b->nsketch == 0)
		dupes_pair_say(p, "; %.0f%% of words agree", 100 *
		    exact_word_agreement(p->ra->abstract, p->rb->abstract));
}

static enum dupes_verdict
compare_abstract(struct dupes_pair *p)
{
	double	j, inter, containment;
	size_t	na, nb;

	if (p->a->nsketch == 0 || p->b->nsketch == 0) {
		say_short_abstracts(p);
		return DUPES_MISSING;
	}
	j = sketch_jaccard(p->a, p->b);
	na = p->a->abstract_words;
	nb = p->b->abstract_words;
	inter = j * (double)(na + nb) / (1 + j);
	containment = inter / (double)(na < nb ? na : nb);
	if (dupes_pair_explaining(p))
		dupes_pair_say(p, "abstract: %.0f%% of words agree",
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
 * Returns the veto that rules the pair out on the field verdicts v[], or
 * NULL. Each rule names the false match it stops; the exceptions are
 * where the other fields prove that the conflicting one was miswritten.
 * facts->located is whether the pages agree on a first page other than 1,
 * which with the journal pins the article down.
 */
static const char *
veto(const enum dupes_verdict *v, const struct dupes_pair *facts)
{
	bool	doi_same, title_same, same_place, located;

	located = facts->located;
	doi_same = agrees(v[DUPES_DOI]);
	title_same = v[DUPES_TITLE] == DUPES_SAME;
	same_place = agrees(v[DUPES_JOURNAL]) && located;

	/*
	 * Two DOIs name two works, unless title, authors, year, journal and
	 * first page all agree and the abstracts do not differ: then one
	 * record carries a wrong DOI.
	 */
	if (v[DUPES_DOI] == DUPES_CONFLICT && !(title_same &&
	    agrees(v[DUPES_AUTHORS]) && v[DUPES_YEAR] == DUPES_SAME &&
	    same_place && v[DUPES_ABSTRACT] != DUPES_DIFFERENT))
		return "different DOIs";
	/* Annual introductions and reviews repeat their titles. */
	if (v[DUPES_YEAR] == DUPES_CONFLICT)
		return "years more than one apart";
	/* Part I and Part II, an erratum or a reply to the paper. */
	if (v[DUPES_TITLE] == DUPES_CONFLICT)
		return "different titles, title kinds or title numbers";
	/*
	 * The same title by other people is another paper, unless the DOI
	 * and the title are the same and the pages or the abstract agree:
	 * then one author list was garbled by its export.
	 */
	if (v[DUPES_AUTHORS] == DUPES_CONFLICT && !(doi_same && title_same &&
	    (located || v[DUPES_ABSTRACT] == DUPES_SAME)))
		return "different authors";
	/*
	 * Exports put supplement and issue numbers in the volume, so the
	 * same first page, or the same title, authors, year and abstract,
	 * outweigh a different volume.
	 */
	if (v[DUPES_VOLUME] == DUPES_CONFLICT && !doi_same && !located &&
	    !(title_same && agrees(v[DUPES_AUTHORS]) &&
	    v[DUPES_YEAR] == DUPES_SAME && v[DUPES_ABSTRACT] == DUPES_SAME))
		return "different volumes";
	/*
	 * A conference abstract and the full paper, unless title, authors,
	 * year, journal and volume all agree: one article, mistyped pages.
	 */
	if (v[DUPES_PAGES] == DUPES_CONFLICT && !doi_same && !(title_same &&
	    agrees(v[DUPES_AUTHORS]) && v[DUPES_YEAR] == DUPES_SAME &&
	    agrees(v[DUPES_JOURNAL]) && v[DUPES_VOLUME] == DUPES_SAME &&
	    !facts->supplement_page))
		return "different first pages";
	/* A journal paper and a workshop paper of the same title. */
	if (v[DUPES_JOURNAL] == DUPES_CONFLICT && !doi_same &&
	    !(agrees(v[DUPES_VOLUME]) && agrees(v[DUPES_PAGES])))
		return "different journals";
	return NULL;
}

/*
 * Returns the guard that rules out a pair that passed the vetoes, or
 * NULL: weak evidence that no named field backs.
 */
static const char *
guard(const enum dupes_verdict *v, const struct dupes_pair *p)
{
	bool	doi_same, location;

	doi_same = agrees(v[DUPES_DOI]);
	location = agrees(v[DUPES_VOLUME]) && agrees(v[DUPES_PAGES]);

	if (v[DUPES_TITLE] == DUPES_MISSING &&
	    !(doi_same && agrees(v[DUPES_AUTHORS])))
		return "no title to compare, and no DOI and authors that agree";
	/* A subtitle added, or a related paper: "X" and "X: a review". */
	if ((v[DUPES_TITLE] == DUPES_PARTIAL ||
	    v[DUPES_TITLE] == DUPES_DIFFERENT) && !doi_same &&
	    !agrees(v[DUPES_ABSTRACT]) &&
	    !(location && v[DUPES_JOURNAL] != DUPES_CONFLICT))
		return "titles only partly equal, with no DOI, abstract or "
		    "volume and page to back them";
	if (v[DUPES_TITLE] == DUPES_DIFFERENT && !(doi_same &&
	    agrees(v[DUPES_AUTHORS])))
		return "titles differ too much";
	/*
	 * The online-first and the issue version are a year apart. The
	 * same journal alone does not explain that, because journals print
	 * yearly updates under one title. The same DOI or abstract does.
	 * So does the same journal with online-first pagination ("1-17"
	 * against the issue's pages), or with the same volume and first
	 * page (one record took its year from another date).
	 */
	if (v[DUPES_YEAR] == DUPES_DIFFERENT && !doi_same &&
	    !agrees(v[DUPES_ABSTRACT]) && !((p->online_first ||
	    (p->located && agrees(v[DUPES_VOLUME]))) &&
	    agrees(v[DUPES_JOURNAL])))
		return "years one apart, with no DOI, abstract or online-first "
		    "pagination to explain it";
	return NULL;
}

/*
 * Adds up the points of the field verdicts v[] and fills m: a match
 * needs no veto, no guard and DUPES_THRESHOLD points.
 */
static void
decide(const enum dupes_verdict *v, const struct dupes_pair *p,
    struct dupes_match *m)
{
	int	f;

	m->duplicate = false;
	m->score = 0;
	for (f = 0; f < DUPES_NFIELDS; f++) {
		m->reasons[f].field = (enum dupes_field)f;
		m->reasons[f].verdict = v[f];
		m->reasons[f].points = points[f][v[f]];
		m->score += points[f][v[f]];
	}
	m->veto = veto(v, p);
	if (m->veto == NULL)
		m->veto = guard(v, p);
	if (m->veto != NULL)
		return;
	m->duplicate = m->score >= DUPES_THRESHOLD;
	if (!m->duplicate)
		m->veto = "too little agreement";
}

/*
 * Zeroes the title's points for a generic title ("Editorial"), which
 * then needs the same DOI, or the same journal, volume and first page.
 */
static void
guard_generic_title(const struct dupes_pair *p, const enum dupes_verdict *v,
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

typedef enum dupes_verdict (*field_compare)(struct dupes_pair *);

static enum dupes_verdict
compare_volume(struct dupes_pair *p)
{
	return compare_number(p, "volume", p->a->volume, p->b->volume,
	    DUPES_CONFLICT);
}

static enum dupes_verdict
compare_issue(struct dupes_pair *p)
{
	/* Exports often put a record number or a season in the issue. */
	return compare_number(p, "issue", p->a->issue, p->b->issue,
	    DUPES_DIFFERENT);
}

static const field_compare comparers[DUPES_NFIELDS] = {
	[DUPES_TITLE] = dupes_compare_title,
	[DUPES_AUTHORS] = dupes_compare_authors,
	[DUPES_YEAR] = compare_year,
	[DUPES_DOI] = compare_doi,
	[DUPES_JOURNAL] = compare_journal,
	[DUPES_VOLUME] = compare_volume,
	[DUPES_ISSUE] = compare_issue,
	[DUPES_PAGES] = compare_pages,
	[DUPES_ABSTRACT] = compare_abstract,
};

/*
 * Settles a pair whose DOI or year conflicts without comparing the
 * other fields, when no exception can apply: a year more than one
 * apart always vetoes, and a DOI conflict only gives way to equal
 * titles. Returns whether it did.
 */
static bool
veto_early(const struct dupes_key *a, const struct dupes_key *b,
    struct dupes_match *m)
{
	if (a->year != 0 && b->year != 0 && abs(a->year - b->year) > 1) {
		m->veto = "years more than one apart";
		return true;
	}
	if (a->title_hash != b->title_hash) {
		m->veto = "different DOIs";
		return true;
	}
	return false;
}

void
dupes_score_pair(const struct dupes_key *a, const struct dupes_key *b,
    const struct record *ra, const struct record *rb, struct dupes_match *m)
{
	struct dupes_pair		p;
	enum dupes_verdict	v[DUPES_NFIELDS];
	int			f;

	memset(&p, 0, sizeof p);
	p.a = a;
	p.b = b;
	p.ra = ra;
	p.rb = rb;
	buf_init(&p.text);
	memset(m, 0, sizeof *m);

	/*
	 * While searching, the cheap fields that veto on their own go
	 * first and end the comparison of most candidate pairs early.
	 */
	if (!dupes_pair_explaining(&p) && (compare_doi(&p) == DUPES_CONFLICT ||
	    compare_year(&p) == DUPES_CONFLICT) &&
	    veto_early(a, b, m))
		return;
	/* Most candidates have different titles, which veto unconditionally. */
	if (!dupes_pair_explaining(&p) && dupes_compare_title(&p) == DUPES_CONFLICT) {
		m->veto = "different titles, title kinds or title numbers";
		return;
	}
	for (f = 0; f < DUPES_NFIELDS; f++) {
		buf_clear(&p.text);
		v[f] = comparers[f](&p);
		m->reasons[f].text = dupes_pair_explaining(&p) ? xstrdup(buf_str(&p.text)) :
		    NULL;
	}
	buf_free(&p.text);
	decide(v, &p, m);
	guard_generic_title(&p, v, m);
}

const char *
dupes_score_contradiction(const struct dupes_key *a, const struct dupes_key *b)
{
	struct dupes_pair		p;
	enum dupes_verdict	v[DUPES_NFIELDS];
	int			f;

	memset(&p, 0, sizeof p);
	p.a = a;
	p.b = b;
	for (f = 0; f < DUPES_NFIELDS; f++)
		v[f] = comparers[f](&p);
	return veto(v, &p);
}
