/*
 * Building the compact key of a record: see dupes_key.h.
 *
 * Everything the comparison rules read is computed here once per
 * record, so that comparing a pair never folds text again.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dupes_key.h"
#include "xmalloc.h"

/* Title openings that say the record is not the article itself. */
static const struct {
	const char	*prefix;	/* lower-case ASCII, as written */
	int		 kind;
	int		 words;		/* folded words the prefix takes */
} title_prefixes[] = {
	{ "erratum", DUPES_KIND_ERRATUM, 1 },
	{ "errata", DUPES_KIND_ERRATUM, 1 },
	{ "corrigendum", DUPES_KIND_ERRATUM, 1 },
	{ "corrigenda", DUPES_KIND_ERRATUM, 1 },
	{ "correction to ", DUPES_KIND_ERRATUM, 2 },
	{ "corrections to ", DUPES_KIND_ERRATUM, 2 },
	{ "correction:", DUPES_KIND_ERRATUM, 1 },
	{ "correction notice", DUPES_KIND_ERRATUM, 2 },
	{ "author correction", DUPES_KIND_ERRATUM, 2 },
	{ "publisher correction", DUPES_KIND_ERRATUM, 2 },
	{ "retraction note", DUPES_KIND_RETRACTION, 2 },
	{ "retraction notice", DUPES_KIND_RETRACTION, 2 },
	{ "retraction of ", DUPES_KIND_RETRACTION, 2 },
	{ "retraction:", DUPES_KIND_RETRACTION, 1 },
	{ "retracted:", DUPES_KIND_RETRACTION, 1 },
	{ "retracted article", DUPES_KIND_RETRACTION, 2 },
	{ "notice of retraction", DUPES_KIND_RETRACTION, 3 },
	{ "expression of concern", DUPES_KIND_RETRACTION, 3 },
	{ "withdrawn:", DUPES_KIND_RETRACTION, 1 },
	{ "comment on ", DUPES_KIND_COMMENT, 2 },
	{ "comments on ", DUPES_KIND_COMMENT, 2 },
	{ "commentary on ", DUPES_KIND_COMMENT, 2 },
	{ "comment:", DUPES_KIND_COMMENT, 1 },
	{ "commentary:", DUPES_KIND_COMMENT, 1 },
	{ "re:", DUPES_KIND_COMMENT, 1 },
	{ "letter:", DUPES_KIND_COMMENT, 1 },
	{ "reply to ", DUPES_KIND_REPLY, 2 },
	{ "reply:", DUPES_KIND_REPLY, 1 },
	{ "in reply", DUPES_KIND_REPLY, 2 },
	{ "author reply", DUPES_KIND_REPLY, 2 },
	{ "authors reply", DUPES_KIND_REPLY, 2 },
	{ "author's reply", DUPES_KIND_REPLY, 2 },
	{ "authors' reply", DUPES_KIND_REPLY, 2 },
	{ "the authors reply", DUPES_KIND_REPLY, 3 },
	{ "response to ", DUPES_KIND_REPLY, 2 },
	{ "response:", DUPES_KIND_REPLY, 1 },
	{ "author response", DUPES_KIND_REPLY, 2 },
	{ "authors' response", DUPES_KIND_REPLY, 2 },
};

/*
 * Titles that name a kind of item rather than a work: equal titles of
 * this kind say nothing about whether two records are one article.
 */
static const char *const generic_titles[] = {
	"editorial", "editorials", "guest editorial", "editorial comment",
	"introduction", "erratum", "errata", "corrigendum", "correction",
	"corrections", "reply", "response", "in reply", "authors reply",
	"author reply", "reply to letter", "preface", "foreword",
	"letter to the editor", "letters to the editor", "letter", "letters",
	"commentary", "comment", "comments", "invited commentary",
	"book review", "book reviews", "review", "reviews", "news",
	"abstract", "abstracts", "index", "author index", "subject index",
	"contents", "table of contents", "in this issue", "obituary",
	"announcement", "announcements", "editors note", "from the editor",
	"conference report", "meeting report", "highlights",
	"research highlights", "acknowledgement", "acknowledgements",
	"acknowledgment", "acknowledgments", "reviewers", "correspondence",
	"discussion", "conclusion", "conclusions", "summary", "untitled",
	"case report", "case reports", "retraction", "retraction note",
	"notice of retraction", "expression of concern", "editorial board",
	"masthead", "cover", "poster", "posters", "oral presentations",
	"poster presentations", "poster session", "keynote", "perspective",
	"viewpoint", "opinion", "interview", "calendar", "events",
	"books received", "notes", "brief communications", "in memoriam",
	"update", "news and views", "journal club", "quiz", "answer",
	"question", "publishers note", "proceedings", "supplement",
	"symposium", "workshop", "introduction to the special issue",
	"guest editors introduction", "message from the editor",
	"about the authors", "author guidelines", "instructions for authors",
};

/* Words after which a numeral or a letter numbers a part of a series. */
static const char *const series_words[] = {
	"part", "phase", "type", "volume", "vol", "stage", "grade", "class",
	"section", "chapter", "series", "study", "trial", "book", "no",
	"number", "level", "issue", "report", "paper", "experiment",
	"appendix", "supplement", "step", "generation", "round", "wave",
};

static const char *const roman_numerals[] = {
	"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
	"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
};

static const char *const number_words[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten",
};

/* Words left out of journal names: "Journal of the X" is "journal x". */
static const char *const journal_stop_words[] = {
	"the", "of", "and", "for", "in", "on", "a", "an", "at", "to", "with",
	"de", "la", "le", "les", "des", "du", "der", "die", "das", "und",
	"fur", "y", "e", "et", "di", "del", "della", "official",
};

/* Lower-case particles that belong to a family name: "van", "de la". */
static const char *const name_particles[] = {
	"van", "von", "der", "den", "de", "del", "della", "di", "da", "das",
	"dos", "du", "la", "le", "ten", "ter", "bin", "ibn", "al", "el",
	"st", "mac",
};

static bool
in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strlen(list[i]) == len && strncmp(list[i], s, len) == 0)
			return true;
	}
	return false;
}

#define IN_LIST(list, s, len) in_list(list, sizeof list / sizeof list[0], s, len)

/* Returns the length of the word at s, which ends at a space or NUL. */
static size_t
word_len(const char *s)
{
	return strcspn(s, " ");
}

/* Returns the start of the word after the one at s, or the NUL. */
static const char *
next_word(const char *s)
{
	s += word_len(s);
	return *s == ' ' ? s + 1 : s;
}

static size_t
count_words(const char *s)
{
	size_t	n;

	for (n = 0; *s != '\0'; s = next_word(s))
		n++;
	return n;
}

/*
 * Returns the kind the raw title's opening gives and stores in *skip
 * how many folded words that opening takes.
 */
static int
title_kind(const char *raw, int *skip)
{
	char	head[32];
	size_t	i, n, len;

	*skip = 0;
	while (*raw == ' ' || *raw == '[' || *raw == '"' || *raw == '(')
		raw++;
	for (n = 0; n < sizeof head - 1 && raw[n] != '\0'; n++)
		head[n] = (char)tolower((unsigned char)raw[n]);
	head[n] = '\0';
	for (i = 0; i < sizeof title_prefixes / sizeof title_prefixes[0]; i++) {
		len = strlen(title_prefixes[i].prefix);
		if (strncmp(head, title_prefixes[i].prefix, len) != 0)
			continue;
		/* "Errata" must not match "Erratas..." words. */
		if (isalpha((unsigned char)title_prefixes[i].prefix[len - 1]) &&
		    isalpha((unsigned char)head[len]))
			continue;
		*skip = title_prefixes[i].words;
		return title_prefixes[i].kind;
	}
	/* Web of Science prints corrections as "Title (vol 12, pg 34, 2004)". */
	if (strstr(raw, "(vol ") != NULL && strstr(raw, " pg ") != NULL)
		return DUPES_KIND_ERRATUM;
	return DUPES_KIND_ARTICLE;
}

/* Returns the value of a roman numeral word, or 0. */
static int
roman_value(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof roman_numerals / sizeof roman_numerals[0]; i++) {
		if (strlen(roman_numerals[i]) == len &&
		    strncmp(roman_numerals[i], s, len) == 0)
			return (int)i + 1;
	}
	return 0;
}

static int
number_word_value(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof number_words / sizeof number_words[0]; i++) {
		if (strlen(number_words[i]) == len &&
		    strncmp(number_words[i], s, len) == 0)
			return (int)i + 1;
	}
	return 0;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Appends to out the words of the folded title that number something,
 * sorted and separated by spaces: every word with a digit ("cd4",
 * "2019", leading zeros dropped), and roman numerals, number words and
 * single letters after a series word ("part ii" gives "2").
 */
static void
title_numbers(const char *title, struct buf *out)
{
	const char	*w, *prev;
	char		*found[64];
	size_t		 n, len, prevlen, i;
	int		 value;
	bool		 after_series;

	n = 0;
	prev = NULL;
	prevlen = 0;
	for (w = title; *w != '\0' && n < 64; prev = w, prevlen = len,
	    w = next_word(w)) {
		len = word_len(w);
		after_series = prev != NULL && IN_LIST(series_words, prev, prevlen);
		if (strcspn(w, "0123456789") < len) {
			while (len > 1 && *w == '0' && isdigit((unsigned char)w[1])) {
				w++;
				len--;
			}
			found[n++] = xstrndup(w, len);
		} else if (after_series && ((value = roman_value(w, len)) > 0 ||
		    (value = number_word_value(w, len)) > 0)) {
			found[n++] = xasprintf("%d", value);
		} else if (after_series && len == 1) {
			found[n++] = xstrndup(w, len);
		}
	}
	qsort(found, n, sizeof found[0], compare_strings);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(out, ' ');
		buf_addstr(out, found[i]);
		free(found[i]);
	}
}

/* Returns whether the folded title is too generic to identify a work. */
static bool
title_is_generic(const char *title)
{
	if (count_words(title) < 2)
		return true;
	return IN_LIST(generic_titles, title, strlen(title));
}

static uint32_t
add_string(struct buf *blob, const char *s)
{
	uint32_t	off;

	if (s == NULL || *s == '\0')
		return 0;
	off = (uint32_t)blob->len;
	buf_add(blob, s, strlen(s) + 1);
	return off;
}

static void
build_title(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	const char	*t;
	struct buf	 bare;
	int		 skip;
	size_t		 i;

	if (r->title == NULL || dupes_is_placeholder(r->title))
		return;
	buf_clear(tmp);
	dupes_fold_words(r->title, tmp);
	k->title_generic = title_is_generic(buf_str(tmp));
	k->title_kind = (uint8_t)title_kind(r->title, &skip);

	t = buf_str(tmp);
	for (; skip > 0 && *t != '\0'; skip--)
		t = next_word(t);
	/* "Erratum to: X" and "Comment on: X" */
	if (k->title_kind != DUPES_KIND_ARTICLE && strncmp(t, "to ", 3) == 0)
		t += 3;
	k->title = add_string(blob, t);

	buf_init(&bare);
	for (i = 0; t[i] != '\0'; i++) {
		if (t[i] != ' ')
			buf_addch(&bare, t[i]);
	}
	k->title_hash = bare.len == 0 ? 0 : dupes_hash(bare.data, bare.len);
	buf_free(&bare);

	/* The key's blob is not taken yet: read the title from the buffer. */
	buf_clear(tmp);
	title_numbers(blob->data + k->title, tmp);
	k->title_numbers = add_string(blob, buf_str(tmp));
}

/* Appends the folded journal name without stop words; '=' separates alternatives. */
static void
build_journal(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	struct buf	 part, words;
	const char	*p, *end, *w;
	size_t		 len;

	if (r->journal == NULL || dupes_is_placeholder(r->journal))
		return;
	buf_clear(tmp);
	buf_init(&part);
	buf_init(&words);
	for (p = r->journal; *p != '\0'; p = *end == '\0' ? end : end + 1) {
		end = strchr(p, '=');
		if (end == NULL)
			end = p + strlen(p);
		buf_clear(&part);
		buf_add(&part, p, (size_t)(end - p));
		buf_clear(&words);
		dupes_fold_words(buf_str(&part), &words);
		if (tmp->len > 0 && words.len > 0)
			buf_addstr(tmp, " = ");
		for (w = buf_str(&words); *w != '\0'; w = next_word(w)) {
			len = word_len(w);
			if (IN_LIST(journal_stop_words, w, len))
				continue;
			if (tmp->len > 0 && tmp->data[tmp->len - 1] != ' ')
				buf_addch(tmp, ' ');
			buf_add(tmp, w, len);
		}
	}
	buf_free(&part);
	buf_free(&words);
	k->journal = add_string(blob, buf_str(tmp));
}

/* Stores the first number of s ("4 (1) (no pagination)" gives "4"). */
static uint32_t
add_number(struct buf *blob, const char *s, struct buf *tmp)
{
	const char	*p;
	size_t		 len;

	if (s == NULL || dupes_is_placeholder(s))
		return 0;
	buf_clear(tmp);
	p = s + strcspn(s, "0123456789");
	if (*p == '\0') {
		dupes_fold_words(s, tmp);
		return add_string(blob, buf_str(tmp));
	}
	while (*p == '0' && isdigit((unsigned char)p[1]))
		p++;
	len = strspn(p, "0123456789");
	/* A supplement issue "Suppl 2" is not issue 2. */
	if (strstr(s, "uppl") != NULL || strstr(s, "UPPL") != NULL)
		buf_addch(tmp, 's');
	buf_add(tmp, p, len);
	return add_string(blob, buf_str(tmp));
}

/* Returns whether the raw name token w[0..len) is a run of initials. */
static bool
is_initials(const char *w, size_t len)
{
	size_t	i, letters;

	letters = 0;
	for (i = 0; i < len; i++) {
		if (w[i] == '.' || w[i] == '-')
			continue;
		if (!isupper((unsigned char)w[i]))
			return false;
		letters++;
	}
	if (letters == 0 || letters > 3)
		return false;
	/* "GF" or "G.F." or "G", but not "Li" (checked above) nor "IBM." */
	return letters <= 2 || memchr(w, '.', len) != NULL || len == 3;
}

/* Appends the given names of raw s: initials as single letters. */
static void
add_given(struct buf *out, const char *s, size_t len)
{
	const char	*w, *end;
	struct buf	 raw;
	size_t		 wl, i;

	end = s + len;
	for (w = s; w < end; w += wl) {
		while (w < end && (*w == ' ' || *w == ',' || *w == '-'))
			w++;
		wl = strcspn(w, " ,-");
		if (w + wl > end)
			wl = (size_t)(end - w);
		if (wl == 0)
			break;
		if (is_initials(w, wl)) {
			for (i = 0; i < wl; i++) {
				if (isalpha((unsigned char)w[i])) {
					if (out->len > 0)
						buf_addch(out, ' ');
					buf_addch(out, (char)tolower((unsigned char)w[i]));
				}
			}
			continue;
		}
		buf_init(&raw);
		buf_add(&raw, w, wl);
		dupes_fold_words(buf_str(&raw), out);
		buf_free(&raw);
	}
}

/*
 * Appends the family name of raw s[0..len) to words (folded words,
 * particles dropped unless nothing else is left) and to joined (the
 * same without spaces).
 */
static void
add_family(const char *s, size_t len, struct buf *words, struct buf *joined)
{
	struct buf	 raw, folded;
	const char	*w;
	size_t		 wl, kept;

	buf_init(&raw);
	buf_init(&folded);
	buf_add(&raw, s, len);
	dupes_fold_words(buf_str(&raw), &folded);
	kept = 0;
	for (w = buf_str(&folded); *w != '\0'; w = next_word(w)) {
		wl = word_len(w);
		if (IN_LIST(name_particles, w, wl) && *next_word(w) != '\0')
			continue;
		if (kept++ > 0)
			buf_addch(words, ' ');
		buf_add(words, w, wl);
		buf_add(joined, w, wl);
	}
	buf_free(&raw);
	buf_free(&folded);
}

/*
 * Splits a displayed name into family and given parts: "Family, Given",
 * "Family G. F." (initials after the family name, as MEDLINE prints)
 * or "Given Family".
 */
static void
split_name(const char *name, const char **family, size_t *family_len,
    const char **given, size_t *given_len)
{
	const char	*comma, *end, *p, *last;
	size_t		 len;

	len = strlen(name);
	while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == ','))
		len--;
	while (len > 0 && *name == ' ') {
		name++;
		len--;
	}
	comma = memchr(name, ',', len);
	if (comma != NULL) {
		*family = name;
		*family_len = (size_t)(comma - name);
		*given = comma + 1;
		*given_len = len - *family_len - 1;
		return;
	}

	/* Trailing initials: "Zuna R E", "Adeli K." */
	end = name + len;
	p = end;
	while (p > name) {
		last = p;
		while (last > name && last[-1] != ' ')
			last--;
		if (!is_initials(last, (size_t)(p - last)) || last == name)
			break;
		p = last;
		while (p > name && p[-1] == ' ')
			p--;
	}
	if (p < end && p > name) {
		*family = name;
		*family_len = (size_t)(p - name);
		*given = p;
		*given_len = (size_t)(end - p);
		return;
	}

	/* "Given Family", with lower-case particles joining the family. */
	last = end;
	while (last > name && last[-1] != ' ')
		last--;
	while (last > name) {
		p = last - 1;
		while (p > name && p[-1] == ' ')
			p--;
		while (p > name && p[-1] != ' ')
			p--;
		if (!islower((unsigned char)*p) ||
		    !in_list(name_particles, sizeof name_particles /
		    sizeof name_particles[0], p, strcspn(p, " ")))
			break;
		last = p;
	}
	*family = last;
	*family_len = (size_t)(end - last);
	*given = name;
	*given_len = (size_t)(last - name);
}

static void
add_person(struct buf *blob, int index, const char *name, const char *given,
    const char *family)
{
	struct buf	 words, joined, giv;
	const char	*f, *g;
	size_t		 fl, gl;
	uint16_t	 idx;

	buf_init(&words);
	buf_init(&joined);
	buf_init(&giv);
	if (family != NULL && *family != '\0') {
		add_family(family, strlen(family), &words, &joined);
		if (given != NULL)
			add_given(&giv, given, strlen(given));
	} else if (name != NULL) {
		split_name(name, &f, &fl, &g, &gl);
		add_family(f, fl, &words, &joined);
		add_given(&giv, g, gl);
	}
	if (joined.len > 0) {
		idx = index < 0 ? UINT16_MAX : (uint16_t)index;
		buf_add(blob, &idx, sizeof idx);
		buf_add(blob, joined.data, joined.len + 1);
		buf_add(blob, words.data, words.len + 1);
		buf_add(blob, buf_str(&giv), giv.len + 1);
	}
	buf_free(&words);
	buf_free(&joined);
	buf_free(&giv);
}

/*
 * Returns the length of the next author in a byline: up to ";", " and "
 * or, in the unseparated "Adeli K.Lewis G. F." form, a period followed
 * straight away by the capital of the next family name.
 */
static size_t
byline_author_len(const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if (*p == ';')
			break;
		if (strncmp(p, " and ", 5) == 0 || strncmp(p, " & ", 3) == 0)
			break;
		if (p[0] == '.' && isupper((unsigned char)p[1]) &&
		    p[2] != '.' && p[2] != ' ' && p[2] != '\0' && p[2] != '-')
			return (size_t)(p - s) + 1;
	}
	return (size_t)(p - s);
}

static size_t
byline_separator_len(const char *s)
{
	if (*s == ';')
		return 1;
	if (strncmp(s, " and ", 5) == 0)
		return 5;
	if (strncmp(s, " & ", 3) == 0)
		return 3;
	return 0;
}

static void
build_persons(struct dupes_key *k, const struct record *r, struct buf *blob)
{
	const char	*p;
	char		*name;
	size_t		 i, len, before;

	while (blob->len % 2 != 0)
		buf_addch(blob, '\0');
	k->persons = (uint32_t)blob->len;
	for (i = 0; i < r->nauthors && k->nauthors < DUPES_MAX_AUTHORS; i++) {
		if (dupes_is_placeholder(r->authors[i].name) &&
		    dupes_is_placeholder(r->authors[i].family))
			continue;
		before = blob->len;
		add_person(blob, (int)i, r->authors[i].name,
		    r->authors[i].given, r->authors[i].family);
		if (blob->len > before)
			k->nauthors++;
	}
	if (r->nauthors > 0 || r->byline == NULL)
		return;
	for (p = r->byline; *p != '\0' && k->nauthors < DUPES_MAX_AUTHORS;) {
		len = byline_author_len(p);
		name = xstrndup(p, len);
		before = blob->len;
		if (!dupes_is_placeholder(name))
			add_person(blob, -1, name, NULL, NULL);
		if (blob->len > before)
			k->nauthors++;
		free(name);
		p += len;
		p += byline_separator_len(p);
		while (*p == ' ')
			p++;
	}
}

static int
compare_hashes(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Stores the DUPES_SKETCH smallest hashes of the abstract's distinct words. */
static void
build_sketch(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	uint32_t	*hashes;
	const char	*w;
	size_t		 n, cap, len, i, distinct;

	if (r->abstract == NULL || dupes_is_placeholder(r->abstract))
		return;
	buf_clear(tmp);
	dupes_fold_words(r->abstract, tmp);
	cap = count_words(buf_str(tmp));
	/* A few words are a note ("see erratum"), not an abstract. */
	if (cap < 20)
		return;
	hashes = xreallocarray(NULL, cap, sizeof *hashes);
	n = 0;
	for (w = buf_str(tmp); *w != '\0'; w = next_word(w)) {
		len = word_len(w);
		hashes[n++] = dupes_hash(w, len);
	}
	qsort(hashes, n, sizeof *hashes, compare_hashes);
	distinct = 0;
	for (i = 0; i < n; i++) {
		if (distinct == 0 || hashes[distinct - 1] != hashes[i])
			hashes[distinct++] = hashes[i];
	}
	k->abstract_words = (uint32_t)distinct;
	k->nsketch = (uint8_t)(distinct < DUPES_SKETCH ? distinct : DUPES_SKETCH);
	while (blob->len % 4 != 0)
		buf_addch(blob, '\0');
	k->sketch = (uint32_t)blob->len;
	buf_add(blob, hashes, k->nsketch * sizeof *hashes);
	free(hashes);
}

static void
build_doi(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	int	version;

	buf_clear(tmp);
	if (!dupes_doi_normalize(r->doi, tmp, &version))
		return;
	k->doi = add_string(blob, buf_str(tmp));
	k->doi_version = (uint8_t)(version > 255 ? 255 : version);
}

static void
build_pages(struct dupes_key *k, const struct record *r, struct buf *blob)
{
	struct buf	first, last;

	buf_init(&first);
	buf_init(&last);
	dupes_pages_split(r->pages, &first, &last);
	k->first_page = add_string(blob, buf_str(&first));
	k->last_page = add_string(blob, buf_str(&last));
	buf_free(&first);
	buf_free(&last);
}

void
dupes_key_build(struct dupes_key *k, const struct record *r)
{
	struct buf	blob, tmp;

	memset(k, 0, sizeof *k);
	buf_init(&blob);
	buf_init(&tmp);
	/* Offset 0 is the empty string that stands for a missing value. */
	buf_addch(&blob, '\0');

	build_title(k, r, &blob, &tmp);
	build_journal(k, r, &blob, &tmp);
	k->volume = add_number(&blob, r->volume, &tmp);
	k->issue = add_number(&blob, r->issue, &tmp);
	build_pages(k, r, &blob);
	build_doi(k, r, &blob, &tmp);
	build_persons(k, r, &blob);
	build_sketch(k, r, &blob, &tmp);
	k->year = r->year;

	buf_free(&tmp);
	k->blob = buf_take(&blob);
}

void
dupes_key_free(struct dupes_key *k)
{
	free(k->blob);
	memset(k, 0, sizeof *k);
}

const char *
dupes_key_str(const struct dupes_key *k, uint32_t off)
{
	return k->blob + off;
}

void
dupes_key_persons(const struct dupes_key *k, struct dupes_person *p)
{
	const char	*s;
	uint16_t	 idx;
	size_t		 i;

	s = k->blob + k->persons;
	for (i = 0; i < k->nauthors; i++) {
		memcpy(&idx, s, sizeof idx);
		s += sizeof idx;
		p[i].index = idx == UINT16_MAX ? -1 : idx;
		p[i].family = s;
		s += strlen(s) + 1;
		p[i].family_words = s;
		s += strlen(s) + 1;
		p[i].given = s;
		s += strlen(s) + 1;
	}
}

const uint32_t *
dupes_key_sketch(const struct dupes_key *k)
{
	return (const uint32_t *)(const void *)(k->blob + k->sketch);
}
