/*
 * BibTeX reader: see import.h.
 *
 * The parser follows BibTeX's own grammar. Text outside entries is
 * ignored; an entry is @type{key, name = value, ...} or the same with
 * parentheses. A value is a concatenation (#) of {braced} or "quoted"
 * text, bare numbers and @string macros. Values are first collected as
 * raw LaTeX (macros expanded, delimiters dropped) and only decoded to
 * Unicode when the entry is complete, so a field is decoded once.
 *
 * Errors name the line where the entry starts. With skip_invalid the
 * parser resumes at the next '@' that begins a line.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extra.h"
#include "import.h"
#include "latex.h"
#include "names.h"
#include "reader.h"
#include "record.h"
#include "text.h"
#include "xmalloc.h"

struct macro {
	char	*name;		/* lowercase */
	char	*value;		/* raw LaTeX */
};

struct field {
	char		*name;	/* lowercase */
	struct buf	 value;	/* raw LaTeX */
	long		 line;
};

struct bib {
	struct import_context	*ctx;
	const char		*data;
	size_t			 len;
	size_t			 pos;
	size_t			 line_pos;	/* where line was counted to */
	long			 line;
	struct macro		*macros;
	size_t			 nmacros;
	struct field		*fields;
	size_t			 nfields;
	size_t			 fieldsize;	/* allocated entries */
	char			*key;
	char			*undefined;	/* first undefined macro */
	size_t			 expanded;	/* bytes added by macros so far */
	int			 open_to_end;	/* entries not closed by EOF */
	long			 start;		/* line of the entry's '@' */
	size_t			 start_pos;	/* offset of that '@' */
};

/*
 * The maximum number of bytes that @string macros may add to a file's
 * values, beyond the file's own size. Each macro can use another twice
 * (@string{b = a # a}), so a few lines could otherwise expand to
 * gigabytes.
 */
#define MACRO_BUDGET	((size_t)64 << 20)

/* The maximum number of entries left open to the end of file to skip. */
#define MAX_OPEN_TO_END	100

/* The month macros BibTeX predefines. */
static const char *const months[][2] = {
	{ "jan", "January" }, { "feb", "February" }, { "mar", "March" },
	{ "apr", "April" }, { "may", "May" }, { "jun", "June" },
	{ "jul", "July" }, { "aug", "August" }, { "sep", "September" },
	{ "oct", "October" }, { "nov", "November" }, { "dec", "December" },
};

/* Parse results: go on, the entry is bad (message set), or stop. */
enum step {
	STEP_OK,
	STEP_BAD,
	STEP_FATAL,
};

static long
line_at(struct bib *b, size_t pos)
{
	if (pos < b->line_pos) {
		b->line_pos = 0;
		b->line = 1;
	}
	for (; b->line_pos < pos && b->line_pos < b->len; b->line_pos++) {
		if (b->data[b->line_pos] == '\n')
			b->line++;
	}
	return b->line;
}

static bool
at_end(const struct bib *b)
{
	return b->pos >= b->len;
}

static char
peek(const struct bib *b)
{
	return at_end(b) ? '\0' : b->data[b->pos];
}

/* Skips white space and, between fields, % comments to the line end. */
static void
skip_space(struct bib *b)
{
	while (!at_end(b)) {
		if (isspace((unsigned char)b->data[b->pos])) {
			b->pos++;
		} else if (b->data[b->pos] == '%') {
			while (!at_end(b) && b->data[b->pos] != '\n')
				b->pos++;
		} else {
			break;
		}
	}
}

/* BibTeX's identifier characters: anything printable but these. */
static bool
is_name_char(char c)
{
	return (unsigned char)c > ' ' && strchr("\"#%'(),={}@", c) == NULL;
}

static char *
read_name(struct bib *b)
{
	size_t	start;
	char	*name;
	size_t	i;

	start = b->pos;
	while (!at_end(b) && is_name_char(b->data[b->pos]))
		b->pos++;
	name = xstrndup(b->data + start, b->pos - start);
	for (i = 0; name[i] != '\0'; i++)
		name[i] = (char)tolower((unsigned char)name[i]);
	return name;
}

static const char *
find_macro(const struct bib *b, const char *name)
{
	size_t	i;

	for (i = b->nmacros; i-- > 0; ) {
		if (strcmp(b->macros[i].name, name) == 0)
			return b->macros[i].value;
	}
	for (i = 0; i < sizeof months / sizeof months[0]; i++) {
		if (strcmp(months[i][0], name) == 0)
			return months[i][1];
	}
	return NULL;
}

static void
set_message(struct bib *b, char **error, long line, const char *what)
{
	free(*error);
	*error = xasprintf("%s:%ld: %s", reader_path(b->ctx), line, what);
}

/*
 * Reports an entry that is not closed. An entry that ran to the end of
 * the file is counted, because skipping it resumes at the next entry,
 * which may run to the end again. The work then grows with the square of
 * the file, so the reader stops after MAX_OPEN_TO_END such entries.
 */
static enum step
not_closed(struct bib *b, char **error)
{
	char	*what;

	what = xasprintf("entry '%s' is not closed; add the missing '}'",
	    b->key == NULL ? "" : b->key);
	set_message(b, error, b->start, what);
	free(what);
	if (at_end(b) && ++b->open_to_end > MAX_OPEN_TO_END) {
		what = xasprintf("more than %d entries run to the end of the "
		    "file, the last one here; close their braces and quotes",
		    MAX_OPEN_TO_END);
		set_message(b, error, b->start, what);
		free(what);
		return STEP_FATAL;
	}
	return STEP_BAD;
}

/* Reads {text} at b->pos (on the brace) and appends the inner text. */
static enum step
read_braced(struct bib *b, struct buf *out, char **error)
{
	size_t	start;
	int	depth;

	start = ++b->pos;
	depth = 1;
	while (!at_end(b)) {
		if (b->data[b->pos] == '{')
			depth++;
		else if (b->data[b->pos] == '}' && --depth == 0)
			break;
		b->pos++;
	}
	if (at_end(b))
		return not_closed(b, error);
	buf_add(out, b->data + start, b->pos - start);
	b->pos++;
	return STEP_OK;
}

/* Reads "text" at b->pos; quotes inside braces do not end it. */
static enum step
read_quoted(struct bib *b, struct buf *out, char **error)
{
	size_t	start;
	int	depth;

	start = ++b->pos;
	depth = 0;
	while (!at_end(b)) {
		if (b->data[b->pos] == '{')
			depth++;
		else if (b->data[b->pos] == '}' && depth > 0)
			depth--;
		else if (b->data[b->pos] == '"' && depth == 0)
			break;
		b->pos++;
	}
	if (at_end(b))
		return not_closed(b, error);
	buf_add(out, b->data + start, b->pos - start);
	b->pos++;
	return STEP_OK;
}

/*
 * Counts n more bytes of macro text and returns whether the file has
 * gone over its budget, MACRO_BUDGET plus the file's size.
 */
static bool
expansion_too_big(struct bib *b, size_t n)
{
	b->expanded += n;
	return b->expanded > MACRO_BUDGET + b->len;
}

static enum step
too_big(struct bib *b, const char *name, char **error)
{
	char	*what;

	what = xasprintf("the macro '%s' takes the expanded @string text past "
	    "%zu MiB; define it without repeating other macros (a # a)",
	    name, (MACRO_BUDGET + b->len) >> 20);
	set_message(b, error, line_at(b, b->pos), what);
	free(what);
	return STEP_FATAL;
}

/* Reads a value: parts joined by '#'. */
static enum step
read_value(struct bib *b, struct buf *out, char **error)
{
	const char	*value;
	char		*name, *what;
	enum step	 st;
	char		 c;

	for (;;) {
		skip_space(b);
		c = peek(b);
		if (c == '{') {
			st = read_braced(b, out, error);
		} else if (c == '"') {
			st = read_quoted(b, out, error);
		} else if (c != '\0' && is_name_char(c)) {
			name = read_name(b);
			value = isdigit((unsigned char)name[0]) ? name :
			    find_macro(b, name);
			st = STEP_OK;
			if (value != NULL && value != name &&
			    expansion_too_big(b, strlen(value)))
				st = too_big(b, name, error);
			else if (value != NULL)
				buf_addstr(out, value);
			else if (b->undefined == NULL)
				b->undefined = xstrdup(name);
			free(name);
		} else if (c == '\0') {
			return not_closed(b, error);
		} else {
			what = xasprintf("entry '%s' has a field with no "
			    "value before '%c'; write the value in braces",
			    b->key == NULL ? "" : b->key, c);
			set_message(b, error, line_at(b, b->pos), what);
			free(what);
			return STEP_BAD;
		}
		if (st != STEP_OK)
			return st;
		skip_space(b);
		if (peek(b) != '#')
			return STEP_OK;
		b->pos++;
	}
}

/* Skips a {...} or (...) group for @comment and @preamble. */
static enum step
skip_group(struct bib *b, char **error)
{
	char	open, close;
	int	depth;

	skip_space(b);
	open = peek(b);
	if (open != '{' && open != '(')
		return STEP_OK;
	close = open == '{' ? '}' : ')';
	depth = 0;
	for (; !at_end(b); b->pos++) {
		if (b->data[b->pos] == open)
			depth++;
		else if (b->data[b->pos] == close && --depth == 0) {
			b->pos++;
			return STEP_OK;
		}
	}
	return not_closed(b, error);
}

static void
clear_fields(struct bib *b)
{
	size_t	i;

	for (i = 0; i < b->nfields; i++) {
		free(b->fields[i].name);
		buf_free(&b->fields[i].value);
	}
	b->nfields = 0;
	free(b->key);
	b->key = NULL;
	free(b->undefined);
	b->undefined = NULL;
}

static struct field *
add_field(struct bib *b, char *name, long line)
{
	struct field	*f;

	if (b->nfields == b->fieldsize) {
		b->fieldsize = b->fieldsize == 0 ? 16 : b->fieldsize * 2;
		b->fields = xreallocarray(b->fields, b->fieldsize,
		    sizeof *b->fields);
	}
	f = &b->fields[b->nfields++];
	f->name = name;
	buf_init(&f->value);
	buf_addstr(&f->value, "");
	f->line = line;
	return f;
}

static enum step
string_undefined(struct bib *b, const char *name, char **error)
{
	char	*what;

	what = xasprintf("@string '%s' uses the undefined macro '%s'; define "
	    "that macro above it or write the value in braces", name,
	    b->undefined);
	set_message(b, error, b->start, what);
	free(what);
	return STEP_BAD;
}

/* Reads the body of @string{name = value}. */
static enum step
read_string(struct bib *b, char close, char **error)
{
	struct buf	 value;
	char		*name;
	enum step	 st;

	skip_space(b);
	name = read_name(b);
	skip_space(b);
	if (name[0] == '\0' || peek(b) != '=') {
		free(name);
		set_message(b, error, b->start, "@string has no 'name = "
		    "value'; write it as @string{name = {text}}");
		return STEP_BAD;
	}
	b->pos++;
	buf_init(&value);
	st = read_value(b, &value, error);
	skip_space(b);
	if (st == STEP_OK && peek(b) == ',')
		b->pos++;
	skip_space(b);
	if (st == STEP_OK && peek(b) != close)
		st = not_closed(b, error);
	if (st == STEP_OK && b->undefined != NULL)
		st = string_undefined(b, name, error);
	if (st != STEP_OK) {
		free(name);
		buf_free(&value);
		return st;
	}
	b->pos++;
	b->macros = xreallocarray(b->macros, b->nmacros + 1,
	    sizeof *b->macros);
	b->macros[b->nmacros].name = name;
	b->macros[b->nmacros].value = buf_take(&value);
	b->nmacros++;
	return STEP_OK;
}

/* Reads "key, name = value, ..." up to the closing delimiter. */
static enum step
read_entry_body(struct bib *b, char close, char **error)
{
	struct field	*f;
	enum step	 st;
	char		*name, *what;
	size_t		 start;
	long		 line;

	skip_space(b);
	start = b->pos;
	while (!at_end(b) && b->data[b->pos] != ',' &&
	    b->data[b->pos] != close && !isspace((unsigned char)b->data[b->pos]))
		b->pos++;
	b->key = xstrndup(b->data + start, b->pos - start);
	for (;;) {
		skip_space(b);
		if (at_end(b))
			return not_closed(b, error);
		if (peek(b) == close) {
			b->pos++;
			return STEP_OK;
		}
		if (peek(b) != ',') {
			if (peek(b) == '@')
				return not_closed(b, error);
			what = xasprintf("entry '%s' has '%c' where ',' or '%c' "
			    "should be; separate the fields with commas",
			    b->key, peek(b), close);
			set_message(b, error, line_at(b, b->pos), what);
			free(what);
			return STEP_BAD;
		}
		b->pos++;
		skip_space(b);
		if (peek(b) == close)
			continue;
		if (peek(b) == '@' || at_end(b))
			return not_closed(b, error);
		line = line_at(b, b->pos);
		name = read_name(b);
		skip_space(b);
		if (name[0] == '\0' || peek(b) != '=') {
			what = xasprintf("entry '%s' has a field '%s' with no "
			    "'='; write it as name = {value}", b->key, name);
			free(name);
			set_message(b, error, line, what);
			free(what);
			return STEP_BAD;
		}
		b->pos++;
		f = add_field(b, name, line);
		if ((st = read_value(b, &f->value, error)) != STEP_OK)
			return st;
	}
}

/* Returns the text of a field decoded from LaTeX, allocated. */
static char *
field_text(struct bib *b, const struct field *f, bool clean)
{
	char	*raw, *decoded, *out;

	raw = reader_text(b->ctx, f->value.data, f->value.len, f->line);
	decoded = latex_decode(raw, strlen(raw));
	free(raw);
	if (!clean) {
		out = xstrdup(decoded + strspn(decoded, " \t\r\n"));
		free(decoded);
		while (out[0] != '\0' &&
		    isspace((unsigned char)out[strlen(out) - 1]))
			out[strlen(out) - 1] = '\0';
		return out;
	}
	out = text_clean_spaces(decoded);
	free(decoded);
	return out;
}

static char *
decode_name_part(const char *s, size_t len, void *arg)
{
	char	*decoded, *clean;

	(void)arg;
	decoded = latex_decode(s, len);
	clean = text_clean_spaces(decoded);
	free(decoded);
	return clean;
}

/* Returns the record field a BibTeX field fills, or NULL. */
static char **
field_slot(struct record *r, const char *name)
{
	static const struct {
		const char	*name;
		size_t		 offset;
	} slots[] = {
		{ "title",		offsetof(struct record, title) },
		{ "journal",		offsetof(struct record, journal) },
		{ "journaltitle",	offsetof(struct record, journal) },
		{ "booktitle",		offsetof(struct record, journal) },
		{ "volume",		offsetof(struct record, volume) },
		{ "number",		offsetof(struct record, issue) },
		{ "issue",		offsetof(struct record, issue) },
		{ "pages",		offsetof(struct record, pages) },
		{ "doi",		offsetof(struct record, doi) },
		{ "abstract",		offsetof(struct record, abstract) },
		{ "url",		offsetof(struct record, url) },
		{ "keywords",		offsetof(struct record, keywords) },
		{ "isbn",		offsetof(struct record, isbn) },
		{ "issn",		offsetof(struct record, isbn) },
	};
	size_t	i;

	for (i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		if (strcmp(slots[i].name, name) == 0)
			return (char **)((char *)r + slots[i].offset);
	}
	return NULL;
}

/*
 * Returns the pages field decoded with BibTeX's range dash "--" as a
 * hyphen, the way other formats write ranges; a literal en dash stays.
 */
static char *
pages_text(struct bib *b, const struct field *f)
{
	struct buf	 raw;
	char		*text, *clean;
	size_t		 i;

	buf_init(&raw);
	buf_addstr(&raw, "");
	for (i = 0; i < f->value.len; i++) {
		buf_addch(&raw, f->value.data[i]);
		while (f->value.data[i] == '-' && i + 1 < f->value.len &&
		    f->value.data[i + 1] == '-')
			i++;
	}
	text = reader_text(b->ctx, raw.data, raw.len, f->line);
	buf_free(&raw);
	clean = latex_decode(text, strlen(text));
	free(text);
	text = text_clean_spaces(clean);
	free(clean);
	return text;
}

/*
 * Stores one field in r. Returns 0, 1 when the entry was rejected and
 * skipped, or -1 with *error set.
 */
static int
store_field(struct bib *b, struct record *r, const struct field *f,
    struct extra *extra, char **error)
{
	char	**slot, *text;
	int	  rc;

	if (strcmp(f->name, "author") == 0 && r->byline == NULL) {
		text = reader_text(b->ctx, f->value.data, f->value.len, f->line);
		names_parse_bibtex(r, text, decode_name_part, NULL);
		free(text);
		r->byline = field_text(b, f, true);
		return 0;
	}
	if (strcmp(f->name, "url") == 0 || strcmp(f->name, "doi") == 0) {
		text = reader_text(b->ctx, f->value.data, f->value.len, f->line);
		slot = field_slot(r, f->name);
		if (*slot == NULL) {
			*slot = latex_decode_verbatim(text, strlen(text));
			free(text);
		} else {
			extra_add(extra, f->name, text);
			free(text);
		}
		return 0;
	}
	slot = field_slot(r, f->name);
	if (slot == &r->pages)
		text = pages_text(b, f);
	else
		text = field_text(b, f, strcmp(f->name, "abstract") != 0);
	rc = 0;
	if (slot != NULL && *slot == NULL) {
		*slot = text;
		return 0;
	}
	if ((strcmp(f->name, "year") == 0 || (strcmp(f->name, "date") == 0 &&
	    r->year == 0)) && text[0] != '\0') {
		if (reader_year(text, &r->year) == -1)
			rc = reader_reject(b->ctx, b->start, error,
			    "entry '%s' has year '%s', which is not readable; "
			    "write a 4-digit year or pass --skip-invalid",
			    b->key, text) == -1 ? -1 : 1;
		else if (strcmp(f->name, "year") == 0 && r->year != 0)
			text[0] = '\0';
	}
	if (text[0] != '\0')
		extra_add(extra, f->name, text);
	free(text);
	return rc;
}

/* Builds the record from the entry's fields and emits it. */
static int
finish_entry(struct bib *b, const char *type, char **error)
{
	struct record	r;
	struct extra	extra;
	size_t		i;
	int		rc;

	if (b->undefined != NULL)
		return reader_reject(b->ctx, b->start, error,
		    "entry '%s' uses the undefined macro '%s'; define it "
		    "with @string or write the value in braces", b->key,
		    b->undefined);
	record_init(&r);
	extra_init(&extra);
	r.line = b->start;
	r.type = xstrdup(type);
	if (b->key[0] != '\0')
		r.source_id = reader_text(b->ctx, b->key, strlen(b->key),
		    b->start);
	rc = 0;
	for (i = 0; i < b->nfields && rc == 0; i++)
		rc = store_field(b, &r, &b->fields[i], &extra, error);
	r.extra = extra_to_json(&extra);
	extra_free(&extra);
	if (rc != 0) {
		record_clear(&r);
		return rc == 1 ? 0 : -1;
	}
	return reader_emit(b->ctx, &r, error);
}

/*
 * Moves past a bad entry to the next '@' that has only white space
 * before it on its line, where the next entry most likely starts.
 */
static void
resync(struct bib *b)
{
	size_t	i;

	for (b->pos = b->start_pos + 1; !at_end(b); b->pos++) {
		if (b->data[b->pos] != '@')
			continue;
		for (i = b->pos; i > 0 && (b->data[i - 1] == ' ' ||
		    b->data[i - 1] == '\t'); i--)
			;
		if (i == 0 || b->data[i - 1] == '\n')
			return;
	}
}

/* Parses the entry whose '@' is at b->pos. */
static enum step
read_entry(struct bib *b, char **error)
{
	enum step	 st;
	char		*type, close;

	b->start = line_at(b, b->pos);
	b->start_pos = b->pos;
	b->pos++;
	skip_space(b);
	type = read_name(b);
	skip_space(b);
	if (peek(b) != '{' && peek(b) != '(') {
		/* Not an entry: an '@' in free text between entries. */
		free(type);
		return STEP_OK;
	}
	if (strcmp(type, "comment") == 0 || strcmp(type, "preamble") == 0) {
		free(type);
		return skip_group(b, error);
	}
	close = peek(b) == '{' ? '}' : ')';
	b->pos++;
	if (strcmp(type, "string") == 0)
		st = read_string(b, close, error);
	else if ((st = read_entry_body(b, close, error)) == STEP_OK)
		st = finish_entry(b, type, error) == 0 ? STEP_OK : STEP_FATAL;
	free(type);
	clear_fields(b);
	return st;
}

/* Prints a skipped entry's message, which may quote escape sequences. */
static void
print_skipped(const char *message)
{
	char	*safe;

	safe = text_sanitize(message);
	fprintf(stderr, "fehrest: skipped %s\n", safe);
	free(safe);
}

int
import_read_bibtex(struct import_context *ctx, const char *data, size_t len,
    char **error)
{
	struct bib	b;
	enum step	st;
	size_t		i;
	int		rc;

	*error = NULL;
	memset(&b, 0, sizeof b);
	b.ctx = ctx;
	b.data = data;
	b.len = len;
	b.line = 1;
	rc = -1;
	while (!at_end(&b)) {
		if (b.data[b.pos] != '@') {
			b.pos++;
			continue;
		}
		st = read_entry(&b, error);
		if (st == STEP_FATAL)
			goto out;
		if (st == STEP_BAD) {
			if (!ctx->skip_invalid)
				goto out;
			ctx->skipped++;
			if (!ctx->quiet)
				print_skipped(*error);
			free(*error);
			*error = NULL;
			resync(&b);
		}
	}
	rc = 0;
out:
	clear_fields(&b);
	free(b.fields);
	for (i = 0; i < b.nmacros; i++) {
		free(b.macros[i].name);
		free(b.macros[i].value);
	}
	free(b.macros);
	return rc;
}
