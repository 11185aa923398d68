/*
 * Building the compact key of a record: see dupes_key.h.
 *
 * Everything the comparison rules read is computed here once per
 * record, so that comparing a pair never folds text again.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dupes_key.h"
#include "xmalloc.h"

/* Title openings that mark the record as something other than the article. */
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
 * Titles that name a kind of item rather than a work. Equal titles of
 * this kind are no evidence that two records are one article.
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
		if (list[i][0] == s[0] && strncmp(list[i], s, len) == 0 &&
		    list[i][len] == '\0')
			return true;
	}
	return false;
}

#define IN_LIST(list, s, len) in_list(list, sizeof list / sizeof list[0], s, len)

/* Returns the length of the word at s, which ends at a space or NUL. */
static size_t
word_len(const char *s)
{
	return (size_t)(strchrnul(s, ' ') - s);
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
		/* "Correction to X" and "Correction to: X" */
		if (strncmp(head, title_prefixes[i].prefix, len) != 0 &&
		    !(title_prefixes[i].prefix[len - 1] == ' ' &&
		    strncmp(head, title_prefixes[i].prefix, len - 1) == 0 &&
		    head[len - 1] == ':'))
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
 * Appends to out the numbers of the folded title, sorted and separated
 * by spaces: every run of digits, wherever it occurs ("cd4", "hpv16" and
 * "p16(ink4a)" give 4, 16 and 16 4; leading zeros dropped), and roman
 * numerals, number words and single letters after a series word ("part
 * ii" gives 2). Digit runs rather than words, so that "HPV16/18" and
 * "HPV 16/18" agree.
 */
static void
title_numbers(const char *title, struct buf *out)
{
	const char	*w, *prev, *d;
	char		*found[64], *joined;
	size_t		 n, len, prevlen, i, dl;
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
			for (d = w; d < w + len && n < 64; d += dl) {
				dl = strspn(d, "0123456789");
				if (dl == 0) {
					dl = 1;
					continue;
				}
				while (dl > 1 && *d == '0') {
					d++;
					dl--;
				}
				found[n++] = xstrndup(d, dl);
			}
			/* "10 000" and "10,000" are 10000: join groups of three. */
			while (strspn(w, "0123456789") == len && len <= 3 &&
			    w[len] == ' ' && strspn(w + len + 1, "0123456789") == 3 &&
			    (w[len + 4] == ' ' || w[len + 4] == '\0') && n > 0) {
				joined = xasprintf("%s%.3s", found[n - 1], w + len + 1);
				free(found[n - 1]);
				found[n - 1] = joined;
				w += len + 1;
				len = 3;
			}
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

/*
 * Rewrites, in place in out, roman numerals and number words after a
 * series word as digits: "type ii" and "part two" become "type 2" and
 * "part 2", as others print them.
 */
static void
series_numbers_as_digits(struct buf *out)
{
	struct buf	 b;
	const char	*w, *prev;
	size_t		 len, prevlen;
	int		 value;

	buf_init(&b);
	prev = NULL;
	prevlen = 0;
	for (w = buf_str(out); *w != '\0'; prev = w, prevlen = len,
	    w = next_word(w)) {
		len = word_len(w);
		if (b.len > 0)
			buf_addch(&b, ' ');
		if (prev != NULL && IN_LIST(series_words, prev, prevlen) &&
		    ((value = roman_value(w, len)) > 0 ||
		    (value = number_word_value(w, len)) > 0))
			buf_printf(&b, "%d", value);
		else
			buf_add(&b, w, len);
	}
	buf_clear(out);
	buf_addstr(out, buf_str(&b));
	buf_free(&b);
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

/* Notes that bibliographic databases append in parentheses. */
static const char *const title_notes[] = {
	"(provisional abstract)", "(structured abstract)", "(abstract)",
	"(author's transl)", "(authors' transl)",
};

/*
 * Returns the length of title without the notes that databases append:
 * "[Review] [33 refs]", "[Erratum appears in ...]", "[Article in
 * German]", "(Provisional abstract)". A title that is all one bracket,
 * as MEDLINE prints translated titles, is kept.
 */
static size_t
title_without_notes(const char *title)
{
	const char	*open;
	size_t		 len, i, nl;
	bool		 cut;

	len = strlen(title);
	do {
		cut = false;
		while (len > 0 && strchr(" .;,", title[len - 1]) != NULL)
			len--;
		if (len > 0 && title[len - 1] == ']') {
			for (open = title + len - 1; open > title && *open != '['; open--)
				;
			if (*open == '[' && open > title) {
				len = (size_t)(open - title);
				cut = true;
			}
		}
		for (i = 0; i < sizeof title_notes / sizeof title_notes[0]; i++) {
			nl = strlen(title_notes[i]);
			if (len > nl && strncasecmp(title + len - nl,
			    title_notes[i], nl) == 0) {
				len -= nl;
				cut = true;
			}
		}
	} while (cut);
	return len;
}

/* Marks between a title and its translation, as databases print them. */
static const char *const translation_marks[] = {
	"; ", " = ", "<ORIGINAL>", " TO: ",
};

/*
 * Stores the two parts of a title printed with its translation, each
 * folded and with its numbers, when each part has at least four words.
 */
static void
build_title_parts(struct dupes_key *k, const char *raw, struct buf *blob,
    struct buf *tmp)
{
	const char	*mark, *found;
	char		*part[2];
	size_t		 i, len, marklen;

	mark = NULL;
	marklen = 0;
	len = title_without_notes(raw);
	for (i = 0; i < sizeof translation_marks / sizeof translation_marks[0];
	    i++) {
		found = strstr(raw, translation_marks[i]);
		if (found != NULL && (size_t)(found - raw) < len &&
		    (mark == NULL || found < mark)) {
			mark = found;
			marklen = strlen(translation_marks[i]);
		}
	}
	if (mark == NULL)
		return;
	part[0] = xstrndup(raw, (size_t)(mark - raw));
	part[1] = xstrndup(mark + marklen, len - (size_t)(mark - raw) - marklen);
	for (i = 0; i < 2; i++) {
		buf_clear(tmp);
		dupes_fold_words(part[i], tmp);
		free(part[i]);
		series_numbers_as_digits(tmp);
		if (count_words(buf_str(tmp)) < 4)
			continue;
		k->title_parts[i] = add_string(blob, buf_str(tmp));
		buf_clear(tmp);
		title_numbers(blob->data + k->title_parts[i], tmp);
		k->title_part_numbers[i] = add_string(blob, buf_str(tmp));
	}
	/* One usable part is no alternative: keep it in the first slot. */
	if (k->title_parts[0] == 0) {
		k->title_parts[0] = k->title_parts[1];
		k->title_part_numbers[0] = k->title_part_numbers[1];
		k->title_parts[1] = k->title_part_numbers[1] = 0;
	}
}

static void
build_title(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	const char	*t;
	struct buf	 bare;
	char		*title;
	int		 skip;
	size_t		 i;

	if (r->title == NULL || dupes_is_placeholder(r->title))
		return;
	title = xstrndup(r->title, title_without_notes(r->title));
	buf_clear(tmp);
	dupes_fold_words(title, tmp);
	free(title);
	series_numbers_as_digits(tmp);
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

	if (k->title_kind == DUPES_KIND_ARTICLE)
		build_title_parts(k, r->title, blob, tmp);
}

/* Qualifier words that name a medium, not another journal: "(Online)". */
static const char *const medium_words[] = {
	"online", "print", "electronic", "resource", "internet", "web", "cd",
	"rom", "ed", "edition",
};

/*
 * Returns the journal name without its qualifiers in parentheses or
 * brackets, allocated, and stores the folded qualifiers that are not a
 * medium in k->journal_qualifier: "BMJ (Clinical research ed.)" and
 * "BMJ (Online)" are one journal, "Cancer (Philadelphia)" and "Cancer
 * (Amsterdam)" would not be.
 */
static char *
journal_qualifiers(struct dupes_key *k, const char *journal, struct buf *blob,
    struct buf *tmp)
{
	struct buf	 name, qualifier;
	const char	*p, *close, *w;
	bool		 medium;

	buf_init(&name);
	buf_init(&qualifier);
	for (p = journal; *p != '\0'; p++) {
		if (*p != '(' && *p != '[') {
			buf_addch(&name, *p);
			continue;
		}
		close = strchr(p, *p == '(' ? ')' : ']');
		if (close == NULL) {
			buf_addch(&name, *p);
			continue;
		}
		buf_add(&qualifier, p + 1, (size_t)(close - p - 1));
		buf_addch(&qualifier, ' ');
		p = close;
	}
	buf_clear(tmp);
	dupes_fold_words(buf_str(&qualifier), tmp);
	medium = true;
	for (w = buf_str(tmp); *w != '\0' && medium; w = next_word(w))
		medium = IN_LIST(medium_words, w, word_len(w));
	if (!medium)
		k->journal_qualifier = add_string(blob, buf_str(tmp));
	buf_free(&qualifier);
	if (name.data == NULL)
		buf_addstr(&name, "");
	return buf_take(&name);
}

/* Appends the folded journal name without stop words; '=' separates alternatives. */
static void
build_journal(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	struct buf	 part, words;
	const char	*p, *end, *w, *stop;
	char		*name;
	size_t		 len;

	if (r->journal == NULL || dupes_is_placeholder(r->journal))
		return;
	name = journal_qualifiers(k, r->journal, blob, tmp);
	/* Embase appends the meeting: "Atherosclerosis. Conference: 15th ..." */
	stop = strcasestr(name, "conference:");
	if (stop == name)
		stop = NULL;
	buf_clear(tmp);
	buf_init(&part);
	buf_init(&words);
	for (p = name; *p != '\0' && p != stop;
	    p = *end == '\0' || end == stop ? end : end + 1) {
		end = strchr(p, '=');
		if (end == NULL)
			end = p + strlen(p);
		if (stop != NULL && stop > p && (end > stop || *end == '\0'))
			end = stop;
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
	free(name);
	k->journal = add_string(blob, buf_str(tmp));
}

/*
 * Stores the first number of s ("4 (1) (no pagination)" gives "4"). For
 * an issue, a supplement gets an "s" before its number, as "Suppl 2" is
 * not issue 2; a volume keeps only its number, as "38 (Supplement 1)" is
 * volume 38.
 */
static uint32_t
add_number(struct buf *blob, const char *s, bool issue, struct buf *tmp)
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
	if (issue && (strstr(s, "uppl") != NULL || strstr(s, "UPPL") != NULL))
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
	size_t		 wl, added;

	buf_init(&raw);
	buf_init(&folded);
	buf_add(&raw, s, len);
	dupes_fold_words(buf_str(&raw), &folded);
	added = 0;
	for (w = buf_str(&folded); *w != '\0'; w = next_word(w)) {
		wl = word_len(w);
		if (IN_LIST(name_particles, w, wl) && *next_word(w) != '\0')
			continue;
		if (added++ > 0)
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

/* Words that make an author a group rather than a person. */
static const char *const group_words[] = {
	"group", "groups", "study", "studies", "consortium", "collaboration",
	"collaborative", "committee", "investigators", "network", "society",
	"trial", "trialists", "association", "organization", "organisation",
	"team", "council", "working", "task", "force", "panel", "institute",
	"foundation", "department", "university", "centre", "center",
};

/*
 * Returns whether an author is a group ("ALTS Group", "ASCUS-LSIL Triage
 * Study"): groups are left out of the persons compared, as a group and
 * its members name the same paper.
 */
static bool
is_group(const char *name, const char *family)
{
	struct buf	 b;
	const char	*w;
	bool		 group;

	buf_init(&b);
	dupes_fold_words(name != NULL ? name : family, &b);
	group = false;
	for (w = buf_str(&b); *w != '\0' && !group; w = next_word(w))
		group = IN_LIST(group_words, w, word_len(w));
	buf_free(&b);
	return group;
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
		if (is_group(r->authors[i].name, r->authors[i].family))
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
		if (!dupes_is_placeholder(name) && !is_group(name, NULL))
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

/*
 * Inserts h into the ascending array low[0..*n) of at most DUPES_SKETCH
 * smallest hashes, unless it is there already or too large.
 */
static void
keep_smallest(uint32_t *low, uint8_t *n, uint32_t h)
{
	size_t	lo, hi, mid;

	if (*n == DUPES_SKETCH && h >= low[*n - 1])
		return;
	lo = 0;
	hi = *n;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (low[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < *n && low[lo] == h)
		return;
	if (*n < DUPES_SKETCH)
		(*n)++;
	memmove(low + lo + 1, low + lo, (*n - 1 - lo) * sizeof *low);
	low[lo] = h;
}

/*
 * Stores the DUPES_SKETCH smallest hashes of the abstract's distinct
 * words, and counts the distinct words with an open-addressing set.
 * One pass over the folded text hashes the words (FNV-1a, as
 * dupes_hash() does) as it finds them.
 */
static void
build_sketch(struct dupes_key *k, const struct record *r, struct buf *blob,
    struct buf *tmp)
{
	uint32_t	 low[DUPES_SKETCH], small[4096], *set, h;
	const char	*p;
	size_t		 words, size, slot, distinct;
	uint8_t		 n;

	if (r->abstract == NULL || dupes_is_placeholder(r->abstract))
		return;
	buf_clear(tmp);
	dupes_fold_words(r->abstract, tmp);
	/* Words are at least one letter and a space apart: at most len / 2 + 1. */
	for (size = 64; size < tmp->len + 2; size *= 2)
		;
	set = size <= sizeof small / sizeof small[0] ? small :
	    xreallocarray(NULL, size, sizeof *set);
	memset(set, 0, size * sizeof *set);
	words = distinct = 0;
	n = 0;
	for (p = buf_str(tmp); *p != '\0'; p += *p == ' ') {
		h = 2166136261u;
		for (; *p != ' ' && *p != '\0'; p++) {
			h ^= (unsigned char)*p;
			h *= 16777619u;
		}
		words++;
		/* 0 marks an empty slot, so a hash of 0 is stored as 1. */
		h += h == 0;
		for (slot = h & (size - 1); set[slot] != 0 && set[slot] != h;
		    slot = (slot + 1) & (size - 1))
			;
		if (set[slot] == h)
			continue;
		set[slot] = h;
		distinct++;
		keep_smallest(low, &n, h);
	}
	if (set != small)
		free(set);
	/* A few words are a note ("see erratum"), not an abstract. */
	if (words < 20)
		return;
	k->abstract_words = (uint32_t)distinct;
	k->nsketch = n;
	while (blob->len % 4 != 0)
		buf_addch(blob, '\0');
	k->sketch = (uint32_t)blob->len;
	buf_add(blob, low, n * sizeof *low);
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
	size_t		len;

	memset(k, 0, sizeof *k);
	buf_init(&blob);
	buf_init(&tmp);
	/* One allocation for the scratch space: the abstract is the longest. */
	if (r->abstract != NULL) {
		buf_add(&tmp, r->abstract, strlen(r->abstract));
		buf_clear(&tmp);
	}
	/* Offset 0 is the empty string that stands for a missing value. */
	buf_addch(&blob, '\0');

	build_title(k, r, &blob, &tmp);
	build_journal(k, r, &blob, &tmp);
	k->volume = add_number(&blob, r->volume, false, &tmp);
	k->issue = add_number(&blob, r->issue, true, &tmp);
	build_pages(k, r, &blob);
	build_doi(k, r, &blob, &tmp);
	build_persons(k, r, &blob);
	build_sketch(k, r, &blob, &tmp);
	k->year = r->year;

	buf_free(&tmp);
	/* Give back the buffer's spare room: a catalogue keeps every key. */
	len = blob.len;
	k->blob = xreallocarray(buf_take(&blob), len, 1);
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
