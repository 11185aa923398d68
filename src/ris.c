/*
 * RIS reader: see import.h.
 *
 * A record runs from a "TY  - " line to an "ER  - " line. Each tag line
 * is "XX  - value" (two characters, spaces, a hyphen); a line inside a
 * record that is not a tag line continues the value above it, joined by
 * a line break. The tags of a record are collected first and then mapped
 * to fields, because the best source of a field (JF before JA, PY before
 * DA) may come later in the record. Tags that fill no field, and the
 * losing tags of a field, are kept in record.extra under the tag.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extra.h"
#include "import.h"
#include "names.h"
#include "reader.h"
#include "record.h"
#include "ris.h"
#include "xmalloc.h"

struct tag {
	char		 name[3];
	struct buf	 value;
	long		 line;
	bool		 used;
};

struct ris {
	struct import_context	*ctx;
	struct tag		*tags;
	size_t			 ntags;
	size_t			 size;
	long			 start;		/* line of TY, 0 outside a record */
};

/* RIS reference types and the entry types they become. */
static const struct ris_type {
	const char	*ris;
	const char	*type;
} ris_types[] = {
	{ "JOUR",	"article" },
	{ "JFULL",	"article" },
	{ "EJOUR",	"article" },
	{ "MGZN",	"article" },
	{ "NEWS",	"article" },
	{ "CONF",	"inproceedings" },
	{ "CPAPER",	"inproceedings" },
	{ "BOOK",	"book" },
	{ "EBOOK",	"book" },
	{ "EDBOOK",	"book" },
	{ "CHAP",	"incollection" },
	{ "ECHAP",	"incollection" },
	{ "THES",	"phdthesis" },
	{ "RPRT",	"techreport" },
	{ "GEN",	"misc" },
	/* Entry types that only ris_type_name() maps back. */
	{ "THES",	"mastersthesis" },
	{ "CHAP",	"inbook" },
	{ "CONF",	"proceedings" },
};

#define NRIS_TYPES	(sizeof ris_types / sizeof ris_types[0])

const char *
ris_type_name(const char *type)
{
	size_t	i;

	for (i = 0; i < NRIS_TYPES; i++) {
		if (strcmp(ris_types[i].type, type) == 0)
			return ris_types[i].ris;
	}
	return "GEN";
}

/*
 * Returns the tag of a tag line ("AU  - Smith, J") in tag and the offset
 * of its value, or 0 when line is not a tag line.
 */
static size_t
parse_tag_line(const char *line, size_t len, char tag[3])
{
	size_t	i;

	if (len < 3 || !isupper((unsigned char)line[0]) ||
	    !(isupper((unsigned char)line[1]) ||
	    isdigit((unsigned char)line[1])) || line[2] != ' ')
		return 0;
	for (i = 2; i < len && line[i] == ' '; i++)
		;
	if (i >= len || line[i] != '-')
		return 0;
	i++;
	if (i < len && line[i] != ' ')
		return 0;
	if (i < len)
		i++;
	tag[0] = line[0];
	tag[1] = line[1];
	tag[2] = '\0';
	return i;
}

static void
ris_reset(struct ris *s)
{
	size_t	i;

	for (i = 0; i < s->ntags; i++)
		buf_free(&s->tags[i].value);
	s->ntags = 0;
	s->start = 0;
}

static void
add_tag(struct ris *s, const char tag[3], const char *value, size_t len,
    long line)
{
	struct tag	*t;

	if (s->ntags == s->size) {
		s->size = s->size == 0 ? 32 : s->size * 2;
		s->tags = xreallocarray(s->tags, s->size, sizeof *s->tags);
	}
	t = &s->tags[s->ntags++];
	memcpy(t->name, tag, 3);
	buf_init(&t->value);
	buf_add(&t->value, value, len);
	t->line = line;
	t->used = false;
}

/* Returns the first unused tag with one of the names, in their order. */
static struct tag *
find_tag(struct ris *s, const char *const *names)
{
	size_t	i;

	for (; *names != NULL; names++) {
		for (i = 0; i < s->ntags; i++) {
			if (!s->tags[i].used &&
			    strcmp(s->tags[i].name, *names) == 0)
				return &s->tags[i];
		}
	}
	return NULL;
}

/* Returns a tag's value as stored text; clean collapses white space. */
static char *
tag_text(struct ris *s, struct tag *t, bool clean)
{
	size_t	len;

	t->used = true;
	len = t->value.len;
	while (len > 0 && isspace((unsigned char)t->value.data[len - 1]))
		len--;
	if (clean)
		return reader_clean_text(s->ctx, t->value.data, len, t->line);
	return reader_text(s->ctx, t->value.data, len, t->line);
}

/* Fills *field from the best of the tags, if it has none yet. */
static void
take(struct ris *s, char **field, const char *const *names, bool clean)
{
	struct tag	*t;

	t = find_tag(s, names);
	if (t == NULL)
		return;
	free(*field);
	*field = tag_text(s, t, clean);
	if ((*field)[0] == '\0') {
		free(*field);
		*field = NULL;
	}
}

static void
take_type(struct ris *s, struct record *r, struct extra *extra)
{
	static const char *const ty[] = { "TY", NULL };
	char	*value;
	size_t	 i;

	value = NULL;
	take(s, &value, ty, true);
	if (value == NULL)
		return;
	r->type = xstrdup("misc");
	for (i = 0; i < NRIS_TYPES; i++) {
		if (strcmp(ris_types[i].ris, value) == 0) {
			free(r->type);
			r->type = xstrdup(ris_types[i].type);
			break;
		}
	}
	/* Keep a type that would not come back from the entry type. */
	if (strcmp(ris_type_name(r->type), value) != 0)
		extra_add(extra, "TY", value);
	free(value);
}

/*
 * Adds the people of the first author tag present, in byline order, and
 * joins them into the byline.
 */
static void
take_authors(struct ris *s, struct record *r)
{
	static const char *const groups[][3] = {
		{ "AU", "A1", NULL }, { "A2", NULL, NULL },
		{ "A3", NULL, NULL },
	};
	struct buf	 byline;
	struct tag	*t;
	char		*name;
	size_t		 g, i;

	buf_init(&byline);
	for (g = 0; g < 3 && byline.len == 0; g++) {
		for (i = 0; i < s->ntags; i++) {
			t = &s->tags[i];
			if (strcmp(t->name, groups[g][0]) != 0 &&
			    (groups[g][1] == NULL ||
			    strcmp(t->name, groups[g][1]) != 0))
				continue;
			name = tag_text(s, t, true);
			if (name[0] != '\0') {
				names_parse_list(r, name, NAMES_ONE);
				if (byline.len > 0)
					buf_addstr(&byline, "; ");
				buf_addstr(&byline, name);
			}
			free(name);
		}
	}
	if (byline.len > 0)
		r->byline = buf_take(&byline);
	buf_free(&byline);
}

static void
take_keywords(struct ris *s, struct record *r)
{
	struct buf	 b;
	char		*kw;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < s->ntags; i++) {
		if (strcmp(s->tags[i].name, "KW") != 0)
			continue;
		kw = tag_text(s, &s->tags[i], true);
		if (kw[0] != '\0') {
			if (b.len > 0)
				buf_addstr(&b, "; ");
			buf_addstr(&b, kw);
		}
		free(kw);
	}
	if (b.len > 0)
		r->keywords = buf_take(&b);
	buf_free(&b);
}

static void
take_pages(struct ris *s, struct record *r)
{
	static const char *const sp[] = { "SP", NULL };
	static const char *const ep[] = { "EP", NULL };
	char	*start, *end;

	start = end = NULL;
	take(s, &start, sp, true);
	take(s, &end, ep, true);
	if (start != NULL && end != NULL)
		r->pages = xasprintf("%s-%s", start, end);
	else if (start != NULL)
		r->pages = xstrdup(start);
	else if (end != NULL)
		r->pages = xstrdup(end);
	free(start);
	free(end);
}

/*
 * Reads the year from the best date tag. Returns 0, 1 when the record
 * was rejected and skipped, or -1 with *error set.
 */
static int
take_year(struct ris *s, struct record *r, char **error)
{
	static const char *const dates[] = { "PY", "Y1", "DA", NULL };
	struct tag	*t;
	char		*value;
	int		 rc;

	t = find_tag(s, dates);
	if (t == NULL)
		return 0;
	value = tag_text(s, t, true);
	rc = 0;
	if (value[0] != '\0' && reader_year(value, &r->year) == -1)
		rc = reader_reject(s->ctx, s->start, error,
		    "year '%s' on line %ld is not readable; write a 4-digit "
		    "year or pass --skip-invalid", value, t->line) == -1 ?
		    -1 : 1;
	free(value);
	return rc;
}

/* Builds the record from the collected tags and emits it. */
static int
finish_record(struct ris *s, char **error)
{
	static const char *const title[] = { "TI", "T1", NULL };
	static const char *const journal[] = { "JF", "T2", "JO", "JA", NULL };
	static const char *const abstract[] = { "AB", "N2", NULL };
	static const char *const volume[] = { "VL", NULL };
	static const char *const issue[] = { "IS", NULL };
	static const char *const doi[] = { "DO", NULL };
	static const char *const url[] = { "UR", NULL };
	static const char *const isbn[] = { "SN", NULL };
	static const char *const id[] = { "ID", NULL };
	struct record	 r;
	struct extra	 extra;
	char		*value;
	size_t		 i;
	int		 rc;

	record_init(&r);
	extra_init(&extra);
	r.line = s->start;
	take_type(s, &r, &extra);
	take_authors(s, &r);
	take(s, &r.title, title, true);
	take(s, &r.journal, journal, true);
	take(s, &r.abstract, abstract, false);
	take(s, &r.volume, volume, true);
	take(s, &r.issue, issue, true);
	take(s, &r.doi, doi, true);
	take(s, &r.url, url, true);
	take(s, &r.isbn, isbn, true);
	take(s, &r.source_id, id, true);
	take_keywords(s, &r);
	take_pages(s, &r);
	rc = take_year(s, &r, error);
	for (i = 0; i < s->ntags; i++) {
		if (s->tags[i].used || strcmp(s->tags[i].name, "ER") == 0)
			continue;
		value = tag_text(s, &s->tags[i], false);
		if (value[0] != '\0')
			extra_add(&extra, s->tags[i].name, value);
		free(value);
	}
	r.extra = extra_to_json(&extra);
	extra_free(&extra);
	ris_reset(s);
	if (rc != 0) {
		record_clear(&r);
		return rc == 1 ? 0 : -1;
	}
	return reader_emit(s->ctx, &r, error);
}

/* Handles one line; returns 0 or -1 with *error set. */
static int
read_line(struct ris *s, const char *line, size_t len, long lineno,
    char **error)
{
	struct tag	*last;
	char		 tag[3];
	size_t		 value;

	value = parse_tag_line(line, len, tag);
	if (value == 0) {
		/* Text outside a record is ignored, as RIS tools do. */
		if (s->start == 0 || s->ntags == 0)
			return 0;
		last = &s->tags[s->ntags - 1];
		buf_addch(&last->value, '\n');
		buf_add(&last->value, line, len);
		return 0;
	}
	if (strcmp(tag, "TY") == 0) {
		if (s->start != 0) {
			if (reader_reject(s->ctx, s->start, error,
			    "record is not closed; add an 'ER  - ' line before "
			    "line %ld", lineno) == -1)
				return -1;
			ris_reset(s);
		}
		s->start = lineno;
	} else if (s->start == 0) {
		return reader_reject(s->ctx, lineno, error,
		    "tag '%s' is outside a record; start each record with a "
		    "'TY  - ' line", tag);
	}
	add_tag(s, tag, line + value, len - value, lineno);
	if (strcmp(tag, "ER") == 0)
		return finish_record(s, error);
	return 0;
}

int
import_read_ris(struct import_context *ctx, const char *data, size_t len,
    char **error)
{
	struct ris	 s;
	const char	*line, *end, *nl;
	size_t		 linelen;
	long		 lineno;
	int		 rc;

	*error = NULL;
	memset(&s, 0, sizeof s);
	s.ctx = ctx;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	end = data + len;
	rc = -1;
	for (line = data, lineno = 1; line < end; lineno++) {
		nl = memchr(line, '\n', (size_t)(end - line));
		linelen = (size_t)((nl == NULL ? end : nl) - line);
		if (linelen > 0 && line[linelen - 1] == '\r')
			linelen--;
		if (read_line(&s, line, linelen, lineno, error) == -1)
			goto out;
		line = nl == NULL ? end : nl + 1;
	}
	if (s.start != 0 && reader_reject(ctx, s.start, error,
	    "record is not closed; add an 'ER  - ' line at its end") == -1)
		goto out;
	rc = 0;
out:
	ris_reset(&s);
	free(s.tags);
	return rc;
}
