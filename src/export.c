/*
 * Writers for BibTeX, RIS, CSV, TSV and CSL-JSON: see export.h.
 *
 * Every step builds its text in w->out and writes it with one fwrite(),
 * so a write error is found where it happens and reported with errno.
 * People are written in the form the matching reader parses back to the
 * same family and given names. BibTeX and CSV get "Family, Given" or
 * "Family, Suffix, Given", and RIS gets "Family, Given, Suffix". A
 * literal name goes in braces, and a family name alone with a space in
 * it is written "Family,".
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uninorm.h>
#include <unistr.h>

#include "buf.h"
#include "csvfile.h"
#include "export.h"
#include "extra.h"
#include "json.h"
#include "latex.h"
#include "names.h"
#include "record.h"
#include "ris.h"
#include "xmalloc.h"

/*
 * Keys given out so far, an open-addressing hash set that ignores ASCII
 * case, as BibTeX does. For a made-up key, next counts the suffixes
 * its base has used, so that a thousand records with one base take
 * linear time, not quadratic.
 */
struct keyslot {
	char	*key;
	size_t	 next;
	bool	 reserved;	/* a source id its own record has not used yet */
};

struct keyset {
	struct keyslot	*slots;
	size_t		 size;		/* a power of two */
	size_t		 count;
};

struct export_format {
	const char	*name;
	/* Each step appends its text to w->out. */
	void		(*begin)(struct export_writer *w);
	void		(*record)(struct export_writer *w,
			    const struct record *r);
	void		(*end)(struct export_writer *w);
};

struct export_writer {
	const struct export_format	*format;
	FILE				*fp;
	char				*path;
	struct export_options		 options;
	struct buf			 out;
	struct keyset			 keys;
	size_t				 records;
};

/* Entry types under other names, and the BibTeX type they are. */
static const char *const type_aliases[][2] = {
	{ "article-journal",	"article" },
	{ "journalarticle",	"article" },
	{ "journal article",	"article" },
	{ "jour",		"article" },
	{ "conference",		"inproceedings" },
	{ "paper-conference",	"inproceedings" },
	{ "conferencepaper",	"inproceedings" },
	{ "conf",		"inproceedings" },
	{ "cpaper",		"inproceedings" },
	{ "chapter",		"incollection" },
	{ "booksection",	"incollection" },
	{ "chap",		"incollection" },
	{ "thesis",		"phdthesis" },
	{ "thes",		"phdthesis" },
	{ "report",		"techreport" },
	{ "rprt",		"techreport" },
	{ "gen",		"misc" },
	{ "document",		"misc" },
	{ "manuscript",		"unpublished" },
	{ "webpage",		"online" },
	{ "elec",		"online" },
};

/* BibTeX entry types and the CSL types they become. */
static const char *const csl_types[][2] = {
	{ "article",		"article-journal" },
	{ "inproceedings",	"paper-conference" },
	{ "book",		"book" },
	{ "proceedings",	"book" },
	{ "incollection",	"chapter" },
	{ "inbook",		"chapter" },
	{ "phdthesis",		"thesis" },
	{ "mastersthesis",	"thesis" },
	{ "techreport",		"report" },
	{ "unpublished",	"manuscript" },
	{ "online",		"webpage" },
	{ "misc",		"article" },
};

/* Title words a BibTeX key skips. */
static const char *const stop_words[] = {
	"a", "an", "the", "on", "of", "in", "for", "and", "to", "with",
	"from", "by", "at", "as", "is", "are", "its", "into", "via", "using",
	"toward", "towards", "der", "die", "das", "le", "la", "les", "el",
	"un", "une", "de", "du", "des",
};

/* Letters that NFD leaves whole, and their ASCII spelling in keys. */
static const struct {
	uint32_t	 c;
	const char	*ascii;
} ascii_letters[] = {
	{ 0xdf, "ss" }, { 0xe6, "ae" }, { 0xc6, "ae" }, { 0xf8, "o" },
	{ 0xd8, "o" }, { 0x153, "oe" }, { 0x152, "oe" }, { 0x142, "l" },
	{ 0x141, "l" }, { 0x111, "d" }, { 0x110, "d" }, { 0xf0, "d" },
	{ 0xd0, "d" }, { 0xfe, "th" }, { 0xde, "th" }, { 0x131, "i" },
};

/* The CSV and TSV columns, named as the CSV reader recognises them. */
static const char *const csv_columns[] = {
	"id", "type", "title", "author", "year", "journal", "volume", "issue",
	"pages", "doi", "isbn", "url", "keywords", "abstract",
	CSVFILE_EXTRA_COLUMN,
};

static bool
is_empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/* Returns the BibTeX entry type of r: its type, or an alias of it. */
static const char *
bibtex_type(const struct record *r, char *scratch, size_t size)
{
	size_t	i;

	if (is_empty(r->type))
		return "article";
	for (i = 0; i < sizeof type_aliases / sizeof type_aliases[0]; i++) {
		if (strcasecmp(type_aliases[i][0], r->type) == 0)
			return type_aliases[i][1];
	}
	for (i = 0; r->type[i] != '\0' && i + 1 < size; i++) {
		if (!isalpha((unsigned char)r->type[i]))
			return "misc";
		scratch[i] = (char)tolower((unsigned char)r->type[i]);
	}
	scratch[i] = '\0';
	return r->type[i] == '\0' ? scratch : "misc";
}

/* Returns whether an ISBN or ISSN field contains an ISSN (0957-9672). */
static bool
is_issn(const char *s)
{
	size_t	i;

	for (i = 0; i < 9; i++) {
		if (i == 4 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return i == 8 && (s[i] == 'X' || s[i] == 'x');
	}
	return true;
}

/*
 * Returns whether a person is written in braces as a literal: a name
 * with no family or given name.
 */
static bool
is_literal(const struct person *p)
{
	return is_empty(p->family) && is_empty(p->given);
}

/* Appends a person as "Family, Given" in BibTeX, CSV or RIS order. */
static void
add_person(struct buf *b, const struct person *p, bool ris_order,
    void (*add)(struct buf *, const char *))
{
	char	*suffix;

	if (is_literal(p)) {
		buf_addch(b, '{');
		add(b, p->name == NULL ? "" : p->name);
		buf_addch(b, '}');
		return;
	}
	if (is_empty(p->family)) {
		add(b, p->given);
		return;
	}
	add(b, p->family);
	suffix = names_suffix(p);
	if (suffix != NULL && !ris_order) {
		buf_addstr(b, ", ");
		add(b, suffix);
	}
	if (!is_empty(p->given)) {
		buf_addstr(b, ", ");
		add(b, p->given);
	} else if (strchr(p->family, ' ') != NULL) {
		buf_addch(b, ',');
	}
	if (suffix != NULL && ris_order) {
		if (is_empty(p->given))
			buf_addch(b, ',');
		buf_addstr(b, ", ");
		add(b, suffix);
	}
	free(suffix);
}

static void
add_plain(struct buf *b, const char *s)
{
	buf_addstr(b, s);
}

/*
 * Returns whether a name part contains what the name parser splits at:
 * a comma (ASCII, Arabic U+060C or fullwidth U+FF0C), a semicolon or
 * the word "and".
 */
static bool
has_name_separator(const char *s)
{
	return strpbrk(s, ",;") != NULL || strstr(s, "\xd8\x8c") != NULL ||
	    strstr(s, "\xef\xbc\x8c") != NULL || strcasestr(s, " and ") != NULL;
}

/*
 * Escapes a BibTeX name part. A part containing a separator goes in
 * braces so the reader does not split it.
 */
static void
add_bibtex_name_part(struct buf *b, const char *s)
{
	bool	braces;

	braces = has_name_separator(s);
	if (braces)
		buf_addch(b, '{');
	latex_escape(b, s);
	if (braces)
		buf_addch(b, '}');
}

const struct export_options export_keep_ids = { .keep_ids = true };

/* ---- BibTeX keys ---- */

static uint64_t
hash_key(const char *s)
{
	uint64_t	h;

	h = 1469598103934665603ULL;
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static uint64_t
hash_key_nocase(const char *s)
{
	uint64_t	h;

	h = 1469598103934665603ULL;
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)tolower((unsigned char)*s);
		h *= 1099511628211ULL;
	}
	return h;
}

/* Returns the slot of key, or NULL when the set does not contain it. */
static struct keyslot *
keyset_find(const struct keyset *k, const char *key)
{
	size_t	i;

	if (k->size == 0)
		return NULL;
	for (i = hash_key_nocase(key) & (k->size - 1); k->slots[i].key != NULL;
	    i = (i + 1) & (k->size - 1)) {
		if (strcasecmp(k->slots[i].key, key) == 0)
			return &k->slots[i];
	}
	return NULL;
}

static bool
keyset_has(const struct keyset *k, const char *key)
{
	return keyset_find(k, key) != NULL;
}

static struct keyslot *
keyset_insert(struct keyset *k, struct keyslot slot)
{
	size_t	i;

	for (i = hash_key_nocase(slot.key) & (k->size - 1);
	    k->slots[i].key != NULL; i = (i + 1) & (k->size - 1))
		;
	k->slots[i] = slot;
	return &k->slots[i];
}

/*
 * Adds key (taking ownership), growing the table past half full, and
 * returns its slot.
 */
static struct keyslot *
keyset_add(struct keyset *k, char *key)
{
	struct keyset	bigger;
	struct keyslot	slot = { key, 0, false };
	size_t		i;

	if ((k->count + 1) * 2 > k->size) {
		bigger.size = k->size == 0 ? 64 : k->size * 2;
		bigger.slots = xcalloc(bigger.size, sizeof *bigger.slots);
		for (i = 0; i < k->size; i++) {
			if (k->slots[i].key != NULL)
				keyset_insert(&bigger, k->slots[i]);
		}
		free(k->slots);
		k->slots = bigger.slots;
		k->size = bigger.size;
	}
	k->count++;
	return keyset_insert(k, slot);
}

static void
keyset_free(struct keyset *k)
{
	size_t	i;

	for (i = 0; i < k->size; i++)
		free(k->slots[i].key);
	free(k->slots);
}

/*
 * Appends s folded to lowercase ASCII letters and digits; any other
 * character becomes a space, so words stay apart.
 */
static void
add_ascii_fold(struct buf *b, const char *s)
{
	uint8_t		*nfd;
	const uint8_t	*p, *end;
	size_t		 len, i;
	ucs4_t		 c;
	int		 n;

	nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s), NULL,
	    &len);
	if (nfd == NULL)
		return;
	for (p = nfd, end = nfd + len; p < end; p += n) {
		n = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c < 0x80 && isalnum((int)c)) {
			buf_addch(b, (char)tolower((int)c));
			continue;
		}
		if (c >= 0x300 && c < 0x370)
			continue;	/* combining accents */
		for (i = 0; i < sizeof ascii_letters / sizeof ascii_letters[0];
		    i++) {
			if (ascii_letters[i].c == c)
				break;
		}
		if (i < sizeof ascii_letters / sizeof ascii_letters[0])
			buf_addstr(b, ascii_letters[i].ascii);
		else
			buf_addch(b, ' ');
	}
	free(nfd);
}

/* Appends the first word of folded that is not a stop word. */
static void
add_title_word(struct buf *key, const char *folded)
{
	const char	*p, *start;
	size_t		 len, i;

	for (p = folded; *p != '\0'; ) {
		while (*p == ' ')
			p++;
		start = p;
		while (*p != '\0' && *p != ' ')
			p++;
		len = (size_t)(p - start);
		if (len == 0)
			break;
		for (i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++) {
			if (strlen(stop_words[i]) == len &&
			    memcmp(stop_words[i], start, len) == 0)
				break;
		}
		if (i == sizeof stop_words / sizeof stop_words[0]) {
			buf_add(key, start, len);
			return;
		}
	}
}

static bool
has_ascii_letter(const char *s)
{
	for (; *s != '\0'; s++) {
		if (isalpha((unsigned char)*s))
			return true;
	}
	return false;
}

/*
 * Returns the key of a record whose name and title give no ASCII
 * letters (Persian or other non-Latin script): "anon", the year and six
 * hex digits of a hash of the title, allocated. The hash keeps keys of
 * different titles apart and is the same on every run. "anon" makes the
 * key start with a letter, because a bare year is no useful key.
 */
static char *
script_key(const struct record *r)
{
	struct buf	key;

	buf_init(&key);
	buf_addstr(&key, "anon");
	if (r->year > 0)
		buf_printf(&key, "%d", r->year);
	if (!is_empty(r->title))
		buf_printf(&key, "%06x",
		    (unsigned)(hash_key(r->title) & 0xffffff));
	return buf_take(&key);
}

/* Returns the key base: family name, year and title word, allocated. */
static char *
key_base(const struct record *r)
{
	struct buf		 key, folded;
	const struct person	*p;
	const char		*family;
	size_t			 i;

	buf_init(&key);
	buf_init(&folded);
	family = NULL;
	if (r->nauthors > 0) {
		p = &r->authors[0];
		family = !is_empty(p->family) ? p->family : p->name;
	}
	if (family != NULL)
		add_ascii_fold(&folded, family);
	for (i = 0; i < folded.len; i++) {
		if (folded.data[i] != ' ')
			buf_addch(&key, folded.data[i]);
	}
	/* A name in another script has no ASCII form; the key starts later. */
	if (r->nauthors == 0)
		buf_addstr(&key, "anon");
	if (r->year > 0)
		buf_printf(&key, "%d", r->year);
	buf_clear(&folded);
	if (r->title != NULL)
		add_ascii_fold(&folded, r->title);
	add_title_word(&key, buf_str(&folded));
	buf_free(&folded);
	if (!has_ascii_letter(buf_str(&key))) {
		buf_free(&key);
		return script_key(r);
	}
	return buf_take(&key);
}

/*
 * Returns whether s can be a BibTeX key as it is: ASCII letters, digits
 * and "-_:./+", which BibTeX and bibtool both read.
 */
static bool
usable_key(const char *s)
{
	if (is_empty(s))
		return false;
	for (; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && strchr("-_:./+", *s) == NULL)
			return false;
	}
	return true;
}

/* Returns the record's unique key; the writer keeps it. */
static const char *
make_key(struct export_writer *w, const struct record *r)
{
	struct keyslot	*slot;
	char		*base, *key;
	size_t		 n, i, v;
	char		 suffix[16];

	/*
	 * A source id with a letter is kept: a BibTeX key, say, that the
	 * user's documents cite. A bare number (a listing's item, a
	 * database's record id) makes a poor key, so one is made up.
	 */
	if (w->options.keep_ids && usable_key(r->source_id) &&
	    has_ascii_letter(r->source_id)) {
		slot = keyset_find(&w->keys, r->source_id);
		if (slot == NULL) {
			key = xstrdup(r->source_id);
			keyset_add(&w->keys, key);
			return key;
		}
		if (slot->reserved) {
			slot->reserved = false;
			return slot->key;
		}
	}
	base = key_base(r);
	if ((slot = keyset_find(&w->keys, base)) == NULL) {
		keyset_add(&w->keys, base);
		return base;
	}
	/*
	 * a..z, then aa..zz and so on, as bijective base 26, going on from
	 * the last suffix this base was given.
	 */
	key = NULL;
	for (n = slot->next; key == NULL || keyset_has(&w->keys, key); n++) {
		i = sizeof suffix - 1;
		suffix[i] = '\0';
		for (v = n + 1; v > 0; v = (v - 1) / 26)
			suffix[--i] = (char)('a' + (v - 1) % 26);
		free(key);
		key = xasprintf("%s%s", base, suffix + i);
	}
	/* The table may have grown and moved: find the base's slot again. */
	keyset_add(&w->keys, key);
	keyset_find(&w->keys, base)->next = n;
	free(base);
	return key;
}

void
export_reserve(struct export_writer *w, const char *source_id)
{
	if (!w->options.keep_ids || !usable_key(source_id) ||
	    !has_ascii_letter(source_id) || keyset_has(&w->keys, source_id))
		return;
	keyset_add(&w->keys, xstrdup(source_id))->reserved = true;
}

/* ---- BibTeX ---- */

static void
bibtex_field(struct buf *b, const char *name, const char *value)
{
	if (is_empty(value))
		return;
	buf_printf(b, ",\n  %s = {", name);
	latex_escape(b, value);
	buf_addch(b, '}');
}

/*
 * Writes url and doi as BibTeX tools read them: verbatim. Braces that do
 * not pair up are percent-encoded (%7B, %7D), since BibTeX would count
 * even escaped ones and verbatim text has no other way to write them.
 */
static void
bibtex_verbatim_field(struct buf *b, const char *name, const char *value)
{
	bool	balanced;

	if (is_empty(value))
		return;
	balanced = latex_braces_balanced(value);
	buf_printf(b, ",\n  %s = {", name);
	for (; *value != '\0'; value++) {
		if (!balanced && (*value == '{' || *value == '}')) {
			buf_addstr(b, *value == '{' ? "%7B" : "%7D");
			continue;
		}
		if (*value == '{' || *value == '}' || *value == '\\')
			buf_addch(b, '\\');
		buf_addch(b, *value);
	}
	buf_addch(b, '}');
}

static void
bibtex_pages(struct buf *b, const char *pages)
{
	struct buf	escaped;
	const char	*p;

	if (is_empty(pages))
		return;
	buf_init(&escaped);
	latex_escape(&escaped, pages);
	buf_addstr(b, ",\n  pages = {");
	/* A lone hyphen is a range, which BibTeX writes as an en dash. */
	for (p = buf_str(&escaped); *p != '\0'; p++) {
		if (p[0] == '-' && p[1] != '{')
			buf_addstr(b, "--");
		else
			buf_addch(b, *p);
	}
	buf_addch(b, '}');
	buf_free(&escaped);
}

/* Returns whether an extra key is a lowercase BibTeX field name. */
static bool
is_bibtex_field_name(const char *s)
{
	if (!islower((unsigned char)*s))
		return false;
	for (; *s != '\0'; s++) {
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '-' && *s != '_')
			return false;
	}
	return true;
}

/* Returns whether bibtex_record() wrote the field called name. */
static bool
bibtex_wrote(const struct record *r, const char *name)
{
	static const struct {
		const char	*name;
		size_t		 offset;
	} fields[] = {
		{ "title",	offsetof(struct record, title) },
		{ "journal",	offsetof(struct record, journal) },
		{ "booktitle",	offsetof(struct record, journal) },
		{ "volume",	offsetof(struct record, volume) },
		{ "number",	offsetof(struct record, issue) },
		{ "pages",	offsetof(struct record, pages) },
		{ "doi",	offsetof(struct record, doi) },
		{ "url",	offsetof(struct record, url) },
		{ "abstract",	offsetof(struct record, abstract) },
		{ "keywords",	offsetof(struct record, keywords) },
		{ "isbn",	offsetof(struct record, isbn) },
		{ "issn",	offsetof(struct record, isbn) },
	};
	size_t	i;

	if (strcmp(name, "author") == 0)
		return r->nauthors > 0;
	if (strcmp(name, "year") == 0)
		return r->year > 0;
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (strcmp(fields[i].name, name) == 0)
			return !is_empty(*(char *const *)((const char *)r +
			    fields[i].offset));
	}
	return false;
}

/* Writes the extra fields that are BibTeX fields not written already. */
static void
bibtex_extra(struct buf *b, const struct record *r)
{
	struct extra	e;
	size_t		i;

	if (r->extra == NULL)
		return;
	extra_init(&e);
	extra_parse(&e, r->extra);
	for (i = 0; i < e.nfields; i++) {
		if (is_bibtex_field_name(e.fields[i].key) &&
		    !bibtex_wrote(r, e.fields[i].key))
			bibtex_field(b, e.fields[i].key, e.fields[i].value);
	}
	extra_free(&e);
}

static void
bibtex_record(struct export_writer *w, const struct record *r)
{
	struct buf	*b;
	const char	*type;
	char		 scratch[32];
	size_t		 i;

	b = &w->out;
	type = bibtex_type(r, scratch, sizeof scratch);
	if (w->records > 0)
		buf_addch(b, '\n');
	buf_printf(b, "@%s{%s", type, make_key(w, r));
	if (r->nauthors > 0) {
		buf_addstr(b, ",\n  author = {");
		for (i = 0; i < r->nauthors; i++) {
			if (i > 0)
				buf_addstr(b, " and ");
			add_person(b, &r->authors[i], false,
			    add_bibtex_name_part);
		}
		buf_addch(b, '}');
	}
	if (!is_empty(r->title)) {
		buf_addstr(b, ",\n  title = {{");
		latex_escape(b, r->title);
		buf_addstr(b, "}}");
	}
	bibtex_field(b, strcmp(type, "inproceedings") == 0 ||
	    strcmp(type, "incollection") == 0 || strcmp(type, "inbook") == 0 ?
	    "booktitle" : "journal", r->journal);
	if (r->year > 0)
		buf_printf(b, ",\n  year = {%d}", r->year);
	bibtex_field(b, "volume", r->volume);
	bibtex_field(b, "number", r->issue);
	bibtex_pages(b, r->pages);
	bibtex_verbatim_field(b, "doi", r->doi);
	bibtex_verbatim_field(b, "url", r->url);
	bibtex_field(b, "abstract", r->abstract);
	bibtex_field(b, "keywords", r->keywords);
	if (!is_empty(r->isbn))
		bibtex_field(b, is_issn(r->isbn) ? "issn" : "isbn", r->isbn);
	bibtex_extra(b, r);
	buf_addstr(b, "\n}\n");
}

static void
no_step(struct export_writer *w)
{
	(void)w;
}

const struct export_format export_bibtex = {
	"bibtex", no_step, bibtex_record, no_step,
};

/* ---- RIS ---- */

/* Returns whether s starts like a RIS tag line ("ER  - ", "AU  -"). */
static bool
looks_like_tag_line(const char *s)
{
	size_t	i;

	if (!isupper((unsigned char)s[0]) || !(isupper((unsigned char)s[1]) ||
	    isdigit((unsigned char)s[1])) || s[2] != ' ')
		return false;
	for (i = 2; s[i] == ' '; i++)
		;
	return s[i] == '-' && (s[i + 1] == ' ' || s[i + 1] == '\0' ||
	    s[i + 1] == '\n' || s[i + 1] == '\r');
}

/*
 * Writes "XX  - value"; line breaks in value become continuation lines.
 * A continuation line that starts like a tag line ("ER  - ...") gets a
 * leading space, because a reader would take it as a tag and so end
 * the record early or start a new field. RIS has no other escape.
 */
static void
ris_tag(struct buf *b, const char *tag, const char *value)
{
	if (is_empty(value))
		return;
	buf_printf(b, "%s  - ", tag);
	for (; *value != '\0'; value++) {
		if (*value == '\r')
			continue;
		buf_addch(b, *value);
		if (*value == '\n' && looks_like_tag_line(value + 1))
			buf_addch(b, ' ');
	}
	buf_addch(b, '\n');
}

static void
ris_pages(struct buf *b, const char *pages)
{
	const char	*dash;
	char		*start;

	if (is_empty(pages))
		return;
	dash = strchr(pages, '-');
	if (dash == NULL || dash == pages || dash[1] == '\0') {
		ris_tag(b, "SP", pages);
		return;
	}
	start = xstrndup(pages, (size_t)(dash - pages));
	ris_tag(b, "SP", start);
	/* BibTeX's "--" range is one separator, not a minus sign. */
	while (dash[1] == '-')
		dash++;
	ris_tag(b, "EP", dash + 1);
	free(start);
}

static void
ris_keywords(struct buf *b, const char *keywords)
{
	const char	*p, *sep;
	char		*kw;

	if (is_empty(keywords))
		return;
	for (p = keywords; *p != '\0'; p = sep + 2) {
		sep = strstr(p, "; ");
		if (sep == NULL) {
			ris_tag(b, "KW", p);
			return;
		}
		kw = xstrndup(p, (size_t)(sep - p));
		ris_tag(b, "KW", kw);
		free(kw);
	}
}

static bool
is_ris_tag(const char *s)
{
	return isupper((unsigned char)s[0]) &&
	    (isupper((unsigned char)s[1]) || isdigit((unsigned char)s[1])) &&
	    s[2] == '\0';
}

static void
ris_extra(struct buf *b, const struct extra *e)
{
	static const char *const written[] = {
		"TY", "AU", "A1", "TI", "T1", "T2", "JF", "PY", "VL", "IS",
		"SP", "EP", "DO", "UR", "AB", "KW", "SN", "ID", "ER",
	};
	size_t	i, j;

	for (i = 0; i < e->nfields; i++) {
		if (!is_ris_tag(e->fields[i].key))
			continue;
		for (j = 0; j < sizeof written / sizeof written[0]; j++) {
			if (strcmp(written[j], e->fields[i].key) == 0)
				break;
		}
		if (j == sizeof written / sizeof written[0])
			ris_tag(b, e->fields[i].key, e->fields[i].value);
	}
}

static void
ris_record(struct export_writer *w, const struct record *r)
{
	struct buf	*b, name;
	struct extra	 e;
	const char	*type;
	char		 scratch[32];
	size_t		 i;

	b = &w->out;
	extra_init(&e);
	if (r->extra != NULL)
		extra_parse(&e, r->extra);
	type = extra_get(&e, "TY");
	if (type == NULL)
		type = ris_type_name(bibtex_type(r, scratch, sizeof scratch));
	buf_printf(b, "TY  - %s\n", type);
	buf_init(&name);
	for (i = 0; i < r->nauthors; i++) {
		buf_clear(&name);
		if (is_literal(&r->authors[i]))
			buf_addstr(&name, r->authors[i].name);
		else
			add_person(&name, &r->authors[i], true, add_plain);
		ris_tag(b, "AU", buf_str(&name));
	}
	buf_free(&name);
	ris_tag(b, "TI", r->title);
	ris_tag(b, "T2", r->journal);
	if (r->year > 0)
		buf_printf(b, "PY  - %d\n", r->year);
	ris_tag(b, "VL", r->volume);
	ris_tag(b, "IS", r->issue);
	ris_pages(b, r->pages);
	ris_tag(b, "DO", r->doi);
	ris_tag(b, "UR", r->url);
	ris_tag(b, "AB", r->abstract);
	ris_keywords(b, r->keywords);
	ris_tag(b, "SN", r->isbn);
	ris_tag(b, "ID", r->source_id);
	ris_extra(b, &e);
	extra_free(&e);
	buf_addstr(b, "ER  - \n\n");
}

const struct export_format export_ris = {
	"ris", no_step, ris_record, no_step,
};

/* ---- CSV and TSV ---- */

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/*
 * Returns whether parsing s gives exactly one person with p's family
 * and given names and suffix.
 */
static bool
parses_to_person(const char *s, const struct person *p)
{
	struct record	 parsed;
	char		*want, *got;
	bool		 same;

	record_init(&parsed);
	names_parse_list(&parsed, s, NAMES_AUTO);
	same = parsed.nauthors == 1 &&
	    same_text(parsed.authors[0].given, p->given) &&
	    same_text(parsed.authors[0].family, p->family);
	if (same) {
		want = names_suffix(p);
		got = names_suffix(&parsed.authors[0]);
		same = same_text(want, got);
		free(want);
		free(got);
	}
	record_clear(&parsed);
	return same;
}

/*
 * Escapes a CSV name part: a part containing a separator the reader
 * splits at goes in braces, which the reader removes.
 */
static void
add_csv_name_part(struct buf *b, const char *s)
{
	bool	braces;

	braces = has_name_separator(s);
	if (braces)
		buf_addch(b, '{');
	buf_addstr(b, s);
	if (braces)
		buf_addch(b, '}');
}

/*
 * Returns the author column, allocated: the people as "Family, Given"
 * ("Family, Suffix, Given" with a suffix) joined by "; ", whatever form
 * the source printed, so the CSV reader parses it back to the same
 * family and given names. A literal name goes in braces. With no
 * parsed people the byline is written as it is.
 */
static char *
csv_authors(const struct record *r)
{
	struct buf		 b;
	const struct person	*p;
	size_t			 i;

	if (r->nauthors == 0)
		return r->byline == NULL ? NULL : xstrdup(r->byline);
	buf_init(&b);
	for (i = 0; i < r->nauthors; i++) {
		p = &r->authors[i];
		if (i > 0)
			buf_addstr(&b, "; ");
		if (is_literal(p)) {
			buf_addch(&b, '{');
			buf_addstr(&b, p->name == NULL ? "" : p->name);
			buf_addch(&b, '}');
		} else {
			add_person(&b, p, false, add_csv_name_part);
		}
	}
	/*
	 * One person alone may read as a comma list ("Pérez García, María
	 * José" as two people); a trailing ';' makes it a list of one.
	 */
	if (r->nauthors == 1 && !parses_to_person(buf_str(&b), &r->authors[0]))
		buf_addch(&b, ';');
	return buf_take(&b);
}

/*
 * Returns the id column: the record's source id, or else the key the
 * BibTeX writer would make up, unique in the file. The writer keeps it.
 */
static const char *
csv_id(struct export_writer *w, const struct record *r)
{
	if (is_empty(r->source_id))
		return make_key(w, r);
	if (!keyset_has(&w->keys, r->source_id))
		keyset_add(&w->keys, xstrdup(r->source_id));
	return r->source_id;
}

/* Appends one CSV field, quoted when it contains a delimiter, quote or break. */
static void
csv_cell(struct buf *b, const char *s, bool first)
{
	const char	*p;

	if (!first)
		buf_addch(b, ',');
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL && strcmp(s, "NA") != 0) {
		buf_addstr(b, s);
		return;
	}
	buf_addch(b, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_addch(b, '"');
		buf_addch(b, *p);
	}
	buf_addch(b, '"');
}

/*
 * Appends one TSV field. TSV has no quoting, so a tab, CR or LF in the
 * value becomes a space (a CRLF pair one space) and quotes stay as they
 * are. The CSV reader reads a TSV file with fehrest's header this way.
 */
static void
tsv_cell(struct buf *b, const char *s, bool first)
{
	if (!first)
		buf_addch(b, '\t');
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		if (s[0] == '\r' && s[1] == '\n')
			continue;
		if (*s == '\t' || *s == '\r' || *s == '\n')
			buf_addch(b, ' ');
		else
			buf_addch(b, *s);
	}
}

static void
add_cell(struct export_writer *w, const char *s, bool first)
{
	if (w->format == &export_tsv)
		tsv_cell(&w->out, s, first);
	else
		csv_cell(&w->out, s, first);
}

static void
end_row(struct export_writer *w)
{
	buf_addstr(&w->out, w->format == &export_tsv ? "\n" : "\r\n");
}

static void
csv_begin(struct export_writer *w)
{
	size_t	i;

	for (i = 0; i < sizeof csv_columns / sizeof csv_columns[0]; i++)
		add_cell(w, csv_columns[i], i == 0);
	end_row(w);
}

static void
csv_record(struct export_writer *w, const struct record *r)
{
	char	*authors, year[16], scratch[32];

	authors = csv_authors(r);
	snprintf(year, sizeof year, "%d", r->year);
	add_cell(w, csv_id(w, r), true);
	add_cell(w, bibtex_type(r, scratch, sizeof scratch), false);
	add_cell(w, r->title, false);
	add_cell(w, authors, false);
	add_cell(w, r->year > 0 ? year : NULL, false);
	add_cell(w, r->journal, false);
	add_cell(w, r->volume, false);
	add_cell(w, r->issue, false);
	add_cell(w, r->pages, false);
	add_cell(w, r->doi, false);
	add_cell(w, r->isbn, false);
	add_cell(w, r->url, false);
	add_cell(w, r->keywords, false);
	add_cell(w, r->abstract, false);
	add_cell(w, r->extra, false);
	end_row(w);
	free(authors);
}

const struct export_format export_csv = {
	"csv", csv_begin, csv_record, no_step,
};

const struct export_format export_tsv = {
	"tsv", csv_begin, csv_record, no_step,
};

/* ---- CSL-JSON ---- */

static void
json_member(struct buf *b, const char *name, const char *value)
{
	if (is_empty(value))
		return;
	buf_addstr(b, ",\n    ");
	json_add_string(b, name);
	buf_addstr(b, ": ");
	json_add_string(b, value);
}

static void
json_person(struct buf *b, const struct person *p)
{
	char	*suffix;

	if (is_literal(p)) {
		buf_addstr(b, "{\"literal\": ");
		json_add_string(b, p->name == NULL ? "" : p->name);
		buf_addch(b, '}');
		return;
	}
	buf_addch(b, '{');
	if (!is_empty(p->family)) {
		buf_addstr(b, "\"family\": ");
		json_add_string(b, p->family);
	}
	if (!is_empty(p->given)) {
		if (!is_empty(p->family))
			buf_addstr(b, ", ");
		buf_addstr(b, "\"given\": ");
		json_add_string(b, p->given);
	}
	suffix = names_suffix(p);
	if (suffix != NULL) {
		buf_addstr(b, ", \"suffix\": ");
		json_add_string(b, suffix);
		free(suffix);
	}
	buf_addch(b, '}');
}

static const char *
csl_type(const char *bibtex)
{
	size_t	i;

	for (i = 0; i < sizeof csl_types / sizeof csl_types[0]; i++) {
		if (strcmp(csl_types[i][0], bibtex) == 0)
			return csl_types[i][1];
	}
	return "article-journal";
}

static void
json_begin(struct export_writer *w)
{
	buf_addch(&w->out, '[');
}

static void
json_record(struct export_writer *w, const struct record *r)
{
	struct buf	*b;
	const char	*type;
	char		 scratch[32];
	size_t		 i;

	b = &w->out;
	type = bibtex_type(r, scratch, sizeof scratch);
	buf_addstr(b, w->records > 0 ? ",\n  {\n    \"id\": " : "\n  {\n    \"id\": ");
	json_add_string(b, make_key(w, r));
	json_member(b, "type", csl_type(type));
	json_member(b, "title", r->title);
	if (r->nauthors > 0) {
		buf_addstr(b, ",\n    \"author\": [");
		for (i = 0; i < r->nauthors; i++) {
			if (i > 0)
				buf_addstr(b, ", ");
			json_person(b, &r->authors[i]);
		}
		buf_addch(b, ']');
	}
	if (r->year > 0)
		buf_printf(b, ",\n    \"issued\": {\"date-parts\": [[%d]]}",
		    r->year);
	json_member(b, "container-title", r->journal);
	json_member(b, "volume", r->volume);
	json_member(b, strcmp(type, "techreport") == 0 ? "number" : "issue",
	    r->issue);
	json_member(b, "page", r->pages);
	json_member(b, "DOI", r->doi);
	json_member(b, "URL", r->url);
	json_member(b, "abstract", r->abstract);
	json_member(b, "keyword", r->keywords);
	if (!is_empty(r->isbn))
		json_member(b, is_issn(r->isbn) ? "ISSN" : "ISBN", r->isbn);
	buf_addstr(b, "\n  }");
}

static void
json_end(struct export_writer *w)
{
	buf_addstr(&w->out, w->records > 0 ? "\n]\n" : "]\n");
}

const struct export_format export_json = {
	"json", json_begin, json_record, json_end,
};

/* ---- The writer ---- */

const struct export_format *
export_format_find(const char *name)
{
	static const struct export_format *const formats[] = {
		&export_bibtex, &export_ris, &export_csv, &export_tsv,
		&export_json,
	};
	size_t	i;

	if (strcasecmp(name, "bib") == 0)
		return &export_bibtex;
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		if (strcasecmp(formats[i]->name, name) == 0)
			return formats[i];
	}
	return NULL;
}

struct export_writer *
export_new(const struct export_format *format, FILE *fp, const char *path,
    const struct export_options *options)
{
	struct export_writer	*w;

	w = xcalloc(1, sizeof *w);
	w->format = format;
	w->fp = fp;
	w->path = xstrdup(path == NULL ? "(output)" : path);
	if (options != NULL)
		w->options = *options;
	buf_init(&w->out);
	return w;
}

void
export_free(struct export_writer *w)
{
	if (w == NULL)
		return;
	buf_free(&w->out);
	keyset_free(&w->keys);
	free(w->path);
	free(w);
}

/* Writes out what a step built. Returns 0, or -1 with *error set. */
static int
flush_out(struct export_writer *w, bool sync, char **error)
{
	size_t	len;

	len = w->out.len;
	errno = 0;
	if ((len > 0 && fwrite(w->out.data, 1, len, w->fp) != len) ||
	    (sync && fflush(w->fp) != 0) || ferror(w->fp)) {
		*error = xasprintf("%s: writing the %s export failed: %s; "
		    "check that the disk has space, the file is writable and "
		    "no file size limit (ulimit -f) is in the way",
		    w->path, w->format->name,
		    errno != 0 ? strerror(errno) : "write error");
		buf_clear(&w->out);
		return -1;
	}
	buf_clear(&w->out);
	return 0;
}

int
export_begin(struct export_writer *w, char **error)
{
	w->format->begin(w);
	return flush_out(w, false, error);
}

int
export_record(struct export_writer *w, const struct record *r,
    char **error)
{
	w->format->record(w, r);
	w->records++;
	return flush_out(w, false, error);
}

int
export_end(struct export_writer *w, char **error)
{
	w->format->end(w);
	return flush_out(w, true, error);
}
