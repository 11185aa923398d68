/*
 * CSV and TSV reader: see import.h and csvfile.h.
 *
 * The scanner follows RFC 4180: a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes; lines end in LF, CRLF or a
 * lone CR. It is lenient where exports often are not: a quote inside an
 * unquoted field is kept, and a quoted field followed by more text on
 * the same line is read again as unquoted text. Line breaks inside
 * fields are stored as LF.
 *
 * The first row is the header. Each field of struct record takes its
 * value from the recognised column with the best rank (see columns[]);
 * every other column goes to record.extra under its header name. An
 * unquoted NA, as R writes a missing value, and an empty field are both
 * no value.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "csvfile.h"
#include "extra.h"
#include "import.h"
#include "names.h"
#include "reader.h"
#include "record.h"
#include "xmalloc.h"

enum field {
	FIELD_NONE,
	FIELD_TITLE,
	FIELD_AUTHOR,
	FIELD_YEAR,
	FIELD_JOURNAL,
	FIELD_VOLUME,
	FIELD_ISSUE,
	FIELD_PAGES,
	FIELD_DOI,
	FIELD_ABSTRACT,
	FIELD_URL,
	FIELD_KEYWORDS,
	FIELD_ISBN,
	FIELD_ID,
	FIELD_TYPE,
	FIELD_EXTRA,
	FIELD_COUNT
};

/* Recognised column names; for one field, the earlier name wins. */
static const struct column_name {
	const char	*name;
	enum field	 field;
} columns[] = {
	{ "title",		FIELD_TITLE },
	{ "author",		FIELD_AUTHOR },
	{ "authors",		FIELD_AUTHOR },
	{ "year",		FIELD_YEAR },
	{ "date",		FIELD_YEAR },
	{ "journal",		FIELD_JOURNAL },
	{ "container-title",	FIELD_JOURNAL },
	{ "container_title",	FIELD_JOURNAL },
	{ "secondary_title",	FIELD_JOURNAL },
	{ "booktitle",		FIELD_JOURNAL },
	{ "source",		FIELD_JOURNAL },
	{ "volume",		FIELD_VOLUME },
	{ "issue",		FIELD_ISSUE },
	{ "number",		FIELD_ISSUE },
	{ "pages",		FIELD_PAGES },
	{ "doi",		FIELD_DOI },
	{ "abstract",		FIELD_ABSTRACT },
	{ "url",		FIELD_URL },
	{ "keywords",		FIELD_KEYWORDS },
	{ "isbn",		FIELD_ISBN },
	{ "issn",		FIELD_ISBN },
	{ "id",			FIELD_ID },
	{ "record_id",		FIELD_ID },
	{ "source_id",		FIELD_ID },
	{ "entrytype",		FIELD_TYPE },
	{ "type",		FIELD_TYPE },
	{ CSVFILE_EXTRA_COLUMN,	FIELD_EXTRA },
};

#define NCOLUMNS	(sizeof columns / sizeof columns[0])

struct cell {
	struct buf	text;
	bool		quoted;
	long		line;
};

struct scanner {
	const char	*data;
	size_t		 len;
	size_t		 pos;
	long		 line;
	char		 delimiter;
	struct cell	*cells;
	size_t		 ncells;
	size_t		 cellsize;
};

struct table {
	char		**names;	/* header names, trimmed */
	enum field	 *fields;	/* what each column fills */
	size_t		  ncolumns;
};

/* Returns the rank of a column name in columns[], or -1 if unknown. */
static int
column_rank(const char *name, size_t len)
{
	size_t	i;

	while (len > 0 && (*name == ' ' || *name == '"')) {
		name++;
		len--;
	}
	while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '"'))
		len--;
	for (i = 0; i < NCOLUMNS; i++) {
		if (strlen(columns[i].name) == len &&
		    strncasecmp(columns[i].name, name, len) == 0)
			return (int)i;
	}
	return -1;
}

bool
csvfile_known_column(const char *name, size_t len)
{
	return column_rank(name, len) >= 0;
}

static struct cell *
next_cell(struct scanner *sc)
{
	struct cell	*c;

	if (sc->ncells == sc->cellsize) {
		sc->cellsize = sc->cellsize == 0 ? 16 : sc->cellsize * 2;
		sc->cells = xreallocarray(sc->cells, sc->cellsize,
		    sizeof *sc->cells);
		memset(sc->cells + sc->ncells, 0,
		    (sc->cellsize - sc->ncells) * sizeof *sc->cells);
	}
	c = &sc->cells[sc->ncells++];
	buf_clear(&c->text);
	if (c->text.data == NULL)
		buf_addstr(&c->text, "");
	c->quoted = false;
	c->line = sc->line;
	return c;
}

static bool
at_field_end(const struct scanner *sc)
{
	return sc->pos >= sc->len || sc->data[sc->pos] == sc->delimiter ||
	    sc->data[sc->pos] == '\n' || sc->data[sc->pos] == '\r';
}

static void
scan_unquoted(struct scanner *sc, struct cell *c)
{
	size_t	start;

	start = sc->pos;
	while (!at_field_end(sc))
		sc->pos++;
	buf_add(&c->text, sc->data + start, sc->pos - start);
}

/*
 * Scans a quoted field starting at the opening quote. Returns 0, or -1
 * when the file ends inside it.
 */
static int
scan_quoted(struct scanner *sc, struct cell *c, char **error, const char *path)
{
	size_t	start;
	long	start_line;
	bool	newline;
	char	ch;

	start = sc->pos++;
	start_line = sc->line;
	newline = false;
	for (;;) {
		if (sc->pos >= sc->len) {
			*error = xasprintf("%s:%ld: quoted field is not closed; "
			    "add the missing '\"'", path, start_line);
			return -1;
		}
		ch = sc->data[sc->pos];
		if (ch == '"') {
			if (sc->pos + 1 < sc->len &&
			    sc->data[sc->pos + 1] == '"') {
				buf_addch(&c->text, '"');
				sc->pos += 2;
				continue;
			}
			sc->pos++;
			break;
		}
		if (ch == '\r' || ch == '\n') {
			sc->pos += ch == '\r' && sc->pos + 1 < sc->len &&
			    sc->data[sc->pos + 1] == '\n' ? 2 : 1;
			buf_addch(&c->text, '\n');
			sc->line++;
			newline = true;
			continue;
		}
		buf_addch(&c->text, ch);
		sc->pos++;
	}
	c->quoted = true;
	if (at_field_end(sc))
		return 0;
	/* Text after the closing quote: "Quoted" title,... */
	if (!newline) {
		buf_clear(&c->text);
		c->quoted = false;
		sc->pos = start;
	}
	scan_unquoted(sc, c);
	return 0;
}

/*
 * Scans one row into sc->cells. Returns 1 for a row, 0 at the end of the
 * data, -1 on error.
 */
static int
scan_row(struct scanner *sc, char **error, const char *path)
{
	struct cell	*c;

	sc->ncells = 0;
	if (sc->pos >= sc->len)
		return 0;
	for (;;) {
		c = next_cell(sc);
		if (sc->pos < sc->len && sc->data[sc->pos] == '"') {
			if (scan_quoted(sc, c, error, path) == -1)
				return -1;
		} else {
			scan_unquoted(sc, c);
		}
		if (sc->pos < sc->len && sc->data[sc->pos] == sc->delimiter) {
			sc->pos++;
			continue;
		}
		break;
	}
	if (sc->pos < sc->len) {
		if (sc->data[sc->pos] == '\r' && sc->pos + 1 < sc->len &&
		    sc->data[sc->pos + 1] == '\n')
			sc->pos++;
		sc->pos++;
		sc->line++;
	}
	return 1;
}

static bool
row_is_blank(const struct scanner *sc)
{
	return sc->ncells == 1 && !sc->cells[0].quoted &&
	    sc->cells[0].text.len == 0;
}

/* Picks the delimiter from the header line when the caller gave none. */
static char
guess_delimiter(const char *data, size_t len)
{
	size_t	i, commas, semicolons;

	commas = semicolons = 0;
	for (i = 0; i < len && data[i] != '\n' && data[i] != '\r'; i++) {
		if (data[i] == '\t')
			return '\t';
		if (data[i] == ',')
			commas++;
		else if (data[i] == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

static void
table_free(struct table *t)
{
	size_t	i;

	for (i = 0; i < t->ncolumns; i++)
		free(t->names[i]);
	free(t->names);
	free(t->fields);
}

/*
 * Maps the header row to fields. Returns 0, or -1 when no column
 * contains titles, since every row would then be rejected.
 */
static int
table_build(struct table *t, struct import_context *ctx, struct scanner *sc,
    char **error)
{
	int	best[FIELD_COUNT];
	int	rank;
	size_t	i;
	enum field f;

	t->ncolumns = sc->ncells;
	t->names = xcalloc(t->ncolumns, sizeof *t->names);
	t->fields = xcalloc(t->ncolumns, sizeof *t->fields);
	for (i = 0; i < FIELD_COUNT; i++)
		best[i] = -1;
	for (i = 0; i < t->ncolumns; i++) {
		t->names[i] = reader_clean_text(ctx, sc->cells[i].text.data,
		    sc->cells[i].text.len, 1);
		if (t->names[i][0] == '\0') {
			free(t->names[i]);
			t->names[i] = xasprintf("column %zu", i + 1);
		}
		rank = column_rank(t->names[i], strlen(t->names[i]));
		if (rank < 0)
			continue;
		f = columns[rank].field;
		if (best[f] < 0 || rank < column_rank(t->names[best[f]],
		    strlen(t->names[best[f]])))
			best[f] = (int)i;
	}
	for (i = 0; i < FIELD_COUNT; i++) {
		if (best[i] >= 0)
			t->fields[best[i]] = (enum field)i;
	}
	if (best[FIELD_TITLE] < 0) {
		*error = xasprintf("%s:1: the header has no title column; "
		    "name the column of titles 'title'", reader_path(ctx));
		return -1;
	}
	return 0;
}

/*
 * Stores one cell's text in the record field it maps to. Returns 0, 1
 * when the record was rejected and skipped, or -1 with *error set.
 */
static int
store_cell(struct import_context *ctx, struct record *r, enum field f,
    const char *name, const struct cell *c, struct extra *extra,
    char **error)
{
	char	*text;
	char   **slot;
	int	 rc;

	rc = 0;
	if (f == FIELD_ABSTRACT || f == FIELD_NONE || f == FIELD_EXTRA)
		text = reader_text(ctx, c->text.data, c->text.len, c->line);
	else
		text = reader_clean_text(ctx, c->text.data, c->text.len,
		    c->line);
	slot = NULL;
	switch (f) {
	case FIELD_TITLE:	slot = &r->title; break;
	case FIELD_JOURNAL:	slot = &r->journal; break;
	case FIELD_VOLUME:	slot = &r->volume; break;
	case FIELD_ISSUE:	slot = &r->issue; break;
	case FIELD_PAGES:	slot = &r->pages; break;
	case FIELD_DOI:		slot = &r->doi; break;
	case FIELD_ABSTRACT:	slot = &r->abstract; break;
	case FIELD_URL:		slot = &r->url; break;
	case FIELD_KEYWORDS:	slot = &r->keywords; break;
	case FIELD_ISBN:	slot = &r->isbn; break;
	case FIELD_ID:		slot = &r->source_id; break;
	case FIELD_TYPE:	slot = &r->type; break;
	case FIELD_AUTHOR:
		slot = &r->byline;
		names_parse_list(r, text, NAMES_AUTO);
		break;
	case FIELD_YEAR:
		if (reader_year(text, &r->year) == -1)
			rc = reader_reject(ctx, r->line, error,
			    "year '%s' is not readable; write a 4-digit year "
			    "or pass --skip-invalid", text) == -1 ? -1 : 1;
		else if (r->year == 0)
			extra_add(extra, name, text);
		break;
	case FIELD_EXTRA:
		if (extra_parse(extra, text) == -1)
			extra_add(extra, name, text);
		break;
	case FIELD_NONE:
	case FIELD_COUNT:
		extra_add(extra, name, text);
		break;
	}
	if (slot != NULL) {
		free(*slot);
		*slot = text;
	} else {
		free(text);
	}
	return rc;
}

/*
 * Builds the record of the current row and emits it. Returns 0, or -1
 * with *error set.
 */
static int
read_row(struct import_context *ctx, const struct table *t,
    const struct scanner *sc, long line, char **error)
{
	struct record	 r;
	struct extra	 extra;
	const struct cell *c;
	char		*name;
	size_t		 i;
	int		 rc;

	record_init(&r);
	extra_init(&extra);
	r.line = line;
	rc = 0;
	for (i = 0; i < sc->ncells && rc == 0; i++) {
		c = &sc->cells[i];
		if (c->text.len == 0 || (!c->quoted &&
		    strcmp(c->text.data, "NA") == 0))
			continue;
		if (i < t->ncolumns) {
			rc = store_cell(ctx, &r, t->fields[i], t->names[i], c,
			    &extra, error);
			continue;
		}
		name = xasprintf("column %zu", i + 1);
		rc = store_cell(ctx, &r, FIELD_NONE, name, c, &extra, error);
		free(name);
	}
	r.extra = extra_to_json(&extra);
	extra_free(&extra);
	if (rc != 0) {
		record_clear(&r);
		return rc == 1 ? 0 : -1;
	}
	return reader_emit(ctx, &r, error);
}

int
import_read_csv(struct import_context *ctx, const char *data, size_t len,
    char delimiter, char **error)
{
	struct scanner	 sc;
	struct table	 t = { NULL, NULL, 0 };
	size_t		 i;
	long		 line;
	int		 rc, got;

	*error = NULL;
	memset(&sc, 0, sizeof sc);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	sc.data = data;
	sc.len = len;
	sc.line = 1;
	sc.delimiter = delimiter != '\0' ? delimiter :
	    guess_delimiter(data, len);
	rc = -1;
	got = scan_row(&sc, error, reader_path(ctx));
	if (got == -1)
		goto out;
	if (got == 0) {
		*error = xasprintf("%s:1: the file is empty; a CSV catalogue "
		    "needs a header row and one row per record",
		    reader_path(ctx));
		goto out;
	}
	if (table_build(&t, ctx, &sc, error) == -1)
		goto out;
	for (;;) {
		line = sc.line;
		got = scan_row(&sc, error, reader_path(ctx));
		if (got == -1)
			goto out;
		if (got == 0)
			break;
		if (row_is_blank(&sc))
			continue;
		if (read_row(ctx, &t, &sc, line, error) == -1)
			goto out;
	}
	rc = 0;
out:
	table_free(&t);
	for (i = 0; i < sc.cellsize; i++)
		buf_free(&sc.cells[i].text);
	free(sc.cells);
	return rc;
}
