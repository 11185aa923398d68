/*
 * Headless commands: see cli.h.
 *
 * Text output is for people: every field is sanitised (text_sanitize)
 * so catalogue text never reaches the terminal as control sequences,
 * cut by display width, and reordered for right-to-left scripts in the
 * app bidi mode. TSV is sanitised too, since a tab or line
 * break inside a field would break its rows. JSON carries the original
 * text, escaped.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bidi.h"
#include "buf.h"
#include "catalogue.h"
#include "cli.h"
#include "duplicates.h"
#include "export.h"
#include "import.h"
#include "json.h"
#include "query.h"
#include "record.h"
#include "save.h"
#include "text.h"
#include "xmalloc.h"

#define PAGE_ROWS	512

static const char *format_names[] = {
	[CLI_TEXT] = "text",
	[CLI_TSV] = "tsv",
	[CLI_JSON] = "json",
	[CLI_CSV] = "csv",
	[CLI_BIBTEX] = "bibtex",
	[CLI_RIS] = "ris",
	[CLI_LISTING] = "listing",
};

int
cli_format_from_name(const char *s)
{
	size_t	i;

	for (i = 0; i < sizeof format_names / sizeof *format_names; i++) {
		if (strcmp(s, format_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

static int
output_width(const struct cli_options *o)
{
	struct winsize	 ws;
	const char	*columns;
	int		 n;

	if (o->width > 0)
		return o->width;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	columns = getenv("COLUMNS");
	if (columns != NULL && (n = atoi(columns)) > 0)
		return n;
	return 80;
}

static void	print_sanitized(const char *, const char *);

static struct catalogue *
open_catalogue(const struct cli_options *o)
{
	struct catalogue	*c;
	const char		*path;
	char			*error;

	path = o->catalogue != NULL ? o->catalogue : catalogue_bundled_path();
	if (catalogue_open(path, CATALOGUE_READ, &c, &error) != 0) {
		print_sanitized("fehrest: ", error);
		free(error);
		return NULL;
	}
	if (!catalogue_fold_current(c)) {
		error = xasprintf("%s: the search index was built by another "
		    "version of fehrest, so searches may miss words; the next "
		    "import into the catalogue builds it again", path);
		print_sanitized("fehrest: note: ", error);
		free(error);
	}
	return c;
}

/*
 * Returns field made safe for the terminal, cut to width columns (0 for
 * no limit) and in display order, allocated.
 */
static char *
display_cell(const struct cli_options *o, const char *field, int width)
{
	char	*safe, *cut, *visual, *head = NULL;
	size_t	 len;

	if (field == NULL)
		field = "";
	/*
	 * Sanitising a megabyte title to show 40 columns of it is waste, so
	 * only a prefix surely wider than the cell is sanitised. A character
	 * takes at most 4 bytes and, if it shows, at least 1 column. The
	 * margin is generous because some characters take no column.
	 */
	len = strlen(field);
	if (width > 0 && len > (size_t)width * 64 + 256) {
		head = xstrndup(field, (size_t)width * 64 + 256);
		field = head;
	}
	safe = text_sanitize(field);
	free(head);
	cut = width > 0 ? text_truncate(safe, width) : xstrdup(safe);
	free(safe);
	if (bidi_resolve(o->bidi) != BIDI_APP ||
	    !bidi_has_rtl(cut, strlen(cut)))
		return cut;
	visual = bidi_visual(cut, strlen(cut), NULL);
	free(cut);
	return visual;
}

/* Returns whether s is shown as a right-to-left paragraph. */
static bool
shown_rtl(const struct cli_options *o, const char *s)
{
	return bidi_resolve(o->bidi) == BIDI_APP &&
	    bidi_paragraph_rtl(s, strlen(s));
}

/*
 * Writes s padded to width columns; a right-to-left paragraph is padded
 * on the left so that it is right-aligned, as it reads.
 */
static void
put_padded(const char *s, int width, bool rtl)
{
	int	w;

	w = text_strwidth(s);
	for (; rtl && w < width; w++)
		putchar(' ');
	fputs(s, stdout);
	for (; w < width; w++)
		putchar(' ');
}

#define ET_AL	" et al."

/*
 * Returns the authors for a list row, allocated: all of them when they
 * fit, else the first one, and sets *et_al to say that " et al." is to
 * follow.
 */
static char *
short_authors(const char *authors, int width, bool *et_al)
{
	const char	*semi;

	*et_al = false;
	if (text_strwidth(authors) <= width)
		return xstrdup(authors);
	semi = strstr(authors, "; ");
	if (semi == NULL)
		return xstrdup(authors);
	*et_al = true;
	return xstrndup(authors, (size_t)(semi - authors));
}

static void
print_text_row(const struct cli_options *o, const struct catalogue_row *row,
    int numw, int width)
{
	char	*title, *authors, *first;
	int	 rest, titlew, authorw, namew;
	bool	 et_al;

	rest = width - numw - 4;
	if (rest < 10)
		rest = 10;
	authorw = rest * 2 / 5;
	titlew = rest - authorw;
	printf("%*ld  ", numw, row->number);
	title = display_cell(o, row->title, titlew);
	put_padded(title, titlew, shown_rtl(o, row->title));
	fputs("  ", stdout);

	/*
	 * The first author is reordered alone, with its own direction, and
	 * " et al." follows it left to right: reordered together, a Persian
	 * name would pull the full stop to the wrong side.
	 */
	first = short_authors(row->authors, authorw, &et_al);
	namew = et_al ? authorw - (int)strlen(ET_AL) : authorw;
	authors = display_cell(o, first, namew > 1 ? namew : 1);
	fputs(authors, stdout);
	if (et_al)
		fputs(ET_AL, stdout);
	putchar('\n');
	free(title);
	free(authors);
	free(first);
}

static void
print_tsv_field(const char *s)
{
	char	*safe;

	safe = text_sanitize(s != NULL ? s : "");
	fputs(safe, stdout);
	free(safe);
}

/* Writes s as one RFC 4180 CSV field, quoted when it must be. */
static void
print_csv_field(const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	putchar('"');
}

static void
print_tsv_row(const struct catalogue_row *row)
{
	printf("%ld\t", row->number);
	print_tsv_field(row->title);
	putchar('\t');
	print_tsv_field(row->authors);
	putchar('\t');
	if (row->year != 0)
		printf("%d", row->year);
	putchar('\n');
}

static void
add_json_field(struct buf *b, const char *name, const char *value,
    bool *first)
{
	if (value == NULL)
		return;
	buf_printf(b, "%s\n    \"%s\": ", *first ? "" : ",", name);
	json_add_string(b, value);
	*first = false;
}

static void
print_json_record(const struct record *r, bool first_record)
{
	struct buf	b;
	bool		first = true;
	size_t		i;

	buf_init(&b);
	buf_addstr(&b, first_record ? "\n  {" : ",\n  {");
	buf_printf(&b, "\n    \"number\": %ld", r->number);
	first = false;
	add_json_field(&b, "title", r->title, &first);
	buf_addstr(&b, ",\n    \"authors\": [");
	for (i = 0; i < r->nauthors; i++) {
		if (i > 0)
			buf_addstr(&b, ", ");
		json_add_string(&b, r->authors[i].name);
	}
	buf_addch(&b, ']');
	add_json_field(&b, "byline", r->byline, &first);
	if (r->year != 0)
		buf_printf(&b, ",\n    \"year\": %d", r->year);
	add_json_field(&b, "journal", r->journal, &first);
	add_json_field(&b, "volume", r->volume, &first);
	add_json_field(&b, "issue", r->issue, &first);
	add_json_field(&b, "pages", r->pages, &first);
	add_json_field(&b, "doi", r->doi, &first);
	add_json_field(&b, "url", r->url, &first);
	add_json_field(&b, "keywords", r->keywords, &first);
	add_json_field(&b, "isbn", r->isbn, &first);
	add_json_field(&b, "type", r->type, &first);
	add_json_field(&b, "subject", r->subject, &first);
	add_json_field(&b, "access", r->access, &first);
	add_json_field(&b, "teaser", r->teaser, &first);
	add_json_field(&b, "abstract", r->abstract, &first);
	add_json_field(&b, "source_id", r->source_id, &first);
	add_json_field(&b, "source_file", r->source_file, &first);
	buf_addstr(&b, "\n  }");
	fwrite(buf_str(&b), 1, b.len, stdout);
	buf_free(&b);
}

/*
 * Prints every article matching match (NULL for all) in the chosen
 * format, a page of rows at a time. Returns the exit status.
 */
static int
print_rows(const struct cli_options *o, struct catalogue *c,
    const char *match)
{
	struct catalogue_row	 rows[PAGE_ROWS];
	struct record		 r;
	size_t			 n, i, total = 0;
	long			 after = 0, maxnum = 0;
	char			*error;
	int			 width, numw = 2, status = 0;

	width = output_width(o);
	if (o->format == CLI_TEXT) {
		/* Size the number column once, from the largest number. */
		sqlite3_stmt	*st;

		if (sqlite3_prepare_v2(catalogue_db(c), "SELECT max(number) "
		    "FROM articles", -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				maxnum = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		while (maxnum >= 100) {
			numw++;
			maxnum /= 10;
		}
	}
	if (o->format == CLI_TSV)
		puts("number\ttitle\tauthors\tyear");
	record_init(&r);
	for (;;) {
		if (catalogue_rows(c, match, after, true, PAGE_ROWS, rows, &n,
		    &error) != 0) {
			fprintf(stderr, "fehrest: %s\n", error);
			free(error);
			status = 2;
			break;
		}
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			if (o->format == CLI_TSV)
				print_tsv_row(&rows[i]);
			else if (o->format == CLI_JSON) {
				if (catalogue_load(c, rows[i].id, &r,
				    &error) < 0) {
					fprintf(stderr, "fehrest: %s\n", error);
					free(error);
					status = 2;
				} else {
					if (total == 0)
						putchar('[');
					print_json_record(&r, total == 0);
				}
			} else
				print_text_row(o, &rows[i], numw, width);
			total++;
			after = rows[i].id;
			catalogue_row_clear(&rows[i]);
		}
		if (status != 0)
			break;
	}
	record_clear(&r);
	if (o->format == CLI_JSON)
		puts(total == 0 ? "[]" : "\n]");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "fehrest: writing the output failed: %s\n",
		    strerror(errno));
		return 2;
	}
	if (status != 0)
		return status;
	/* A person at a terminal gets a word; a script gets the status. */
	if (total == 0 && match != NULL && isatty(STDOUT_FILENO))
		fputs("fehrest: no articles match\n", stderr);
	return total > 0 ? 0 : 1;
}

static bool
check_format(const struct cli_options *o, const char *command)
{
	if (o->format == CLI_TEXT || o->format == CLI_TSV ||
	    o->format == CLI_JSON)
		return true;
	fprintf(stderr, "fehrest: %s: --format=%s is not available here; use "
	    "text, tsv or json\n", command, format_names[o->format]);
	return false;
}

int
cli_list(const struct cli_options *o)
{
	struct catalogue	*c;
	int			 status;

	if (!check_format(o, "list"))
		return 2;
	if ((c = open_catalogue(o)) == NULL)
		return 2;
	status = print_rows(o, c, NULL);
	catalogue_close(c);
	return status;
}

int
cli_search(const struct cli_options *o, const char *input)
{
	struct catalogue	*c;
	struct query		 q;
	char			*safe;
	int			 status;

	if (!check_format(o, "search"))
		return 2;
	query_parse(input, &q);
	if (q.match == NULL) {
		safe = text_sanitize(input);
		fprintf(stderr, "fehrest: search '%s': %s; give a word to look "
		    "for\n", safe, q.note != NULL ? q.note : "no words");
		free(safe);
		query_free(&q);
		return 2;
	}
	if ((c = open_catalogue(o)) == NULL) {
		query_free(&q);
		return 2;
	}
	query_expand(&q, catalogue_list_terms, c);
	status = print_rows(o, c, q.match);
	catalogue_close(c);
	query_free(&q);
	return status;
}

/* Prints "Label:  value" with the value wrapped under itself. */
static void
print_labelled(const struct cli_options *o, const char *label,
    const char *value, int width)
{
	struct text_line	*lines;
	char			*safe, *cell;
	size_t			 n, i;
	int			 indent = 10, wrap;
	bool			 app, rtl;

	if (value == NULL || *value == '\0')
		return;
	safe = text_sanitize(value);
	app = bidi_resolve(o->bidi) == BIDI_APP;
	rtl = shown_rtl(o, safe);
	wrap = width - indent > 20 ? width - indent : 20;
	n = text_wrap(safe, wrap, &lines);
	for (i = 0; i < n; i++) {
		/* Every line of a field takes the field's direction. */
		cell = app ? bidi_visual_dir(safe + lines[i].start,
		    lines[i].len, rtl, NULL) :
		    xstrndup(safe + lines[i].start, lines[i].len);
		printf("%-*s", indent, i == 0 ? label : "");
		put_padded(cell, rtl ? wrap : 0, rtl);
		putchar('\n');
		free(cell);
	}
	free(lines);
	free(safe);
}

static void
print_text_record(const struct cli_options *o, const struct record *r)
{
	char	*authors, year[16];
	int	 width;

	width = output_width(o);
	snprintf(year, sizeof year, "%d", r->year);
	authors = record_author_list(r);
	printf("%-10s%ld\n", "Number", r->number);
	print_labelled(o, "Title", r->title, width);
	print_labelled(o, "Authors", authors, width);
	print_labelled(o, "Year", r->year != 0 ? year : NULL, width);
	print_labelled(o, "Journal", r->journal, width);
	print_labelled(o, "Volume", r->volume, width);
	print_labelled(o, "Issue", r->issue, width);
	print_labelled(o, "Pages", r->pages, width);
	print_labelled(o, "DOI", r->doi, width);
	print_labelled(o, "URL", r->url, width);
	print_labelled(o, "Keywords", r->keywords, width);
	print_labelled(o, "Subject", r->subject, width);
	print_labelled(o, "Access", r->access, width);
	print_labelled(o, "Source", r->source_file, width);
	if (r->abstract != NULL)
		print_labelled(o, "Abstract", r->abstract, width);
	else if (r->teaser != NULL)
		print_labelled(o, "Teaser", r->teaser, width);
	free(authors);
}

static void
print_tsv_record(const struct record *r)
{
	char	*authors;

	authors = record_author_list(r);
	puts("number\ttitle\tauthors\tyear\tjournal\tdoi\tsubject\taccess\t"
	    "abstract");
	printf("%ld\t", r->number);
	print_tsv_field(r->title);
	putchar('\t');
	print_tsv_field(authors);
	putchar('\t');
	if (r->year != 0)
		printf("%d", r->year);
	putchar('\t');
	print_tsv_field(r->journal);
	putchar('\t');
	print_tsv_field(r->doi);
	putchar('\t');
	print_tsv_field(r->subject);
	putchar('\t');
	print_tsv_field(r->access);
	putchar('\t');
	print_tsv_field(r->abstract != NULL ? r->abstract : r->teaser);
	putchar('\n');
	free(authors);
}

int
cli_show(const struct cli_options *o, const char *number)
{
	struct catalogue	*c;
	struct record		 r;
	char			*end, *error;
	long			 n, id;
	int			 rc, status = 0;

	if (!check_format(o, "show"))
		return 2;
	errno = 0;
	n = strtol(number, &end, 10);
	if (errno != 0 || end == number || *end != '\0' || n <= 0) {
		fprintf(stderr, "fehrest: show '%s': not an article number; "
		    "give the number 'fehrest list' shows\n", number);
		return 2;
	}
	if ((c = open_catalogue(o)) == NULL)
		return 2;
	rc = catalogue_find_number(c, n, &id, &error);
	if (rc == 1) {
		fprintf(stderr, "fehrest: show %ld: no article with that number "
		    "in %s; 'fehrest list' shows the numbers\n", n,
		    catalogue_path(c));
		catalogue_close(c);
		return 1;
	}
	record_init(&r);
	if (rc != 0 || catalogue_load(c, id, &r, &error) != 0) {
		fprintf(stderr, "fehrest: %s\n", error);
		free(error);
		catalogue_close(c);
		return 2;
	}
	if (o->format == CLI_JSON) {
		putchar('[');
		print_json_record(&r, true);
		puts("\n]");
	} else if (o->format == CLI_TSV)
		print_tsv_record(&r);
	else
		print_text_record(o, &r);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "fehrest: writing the output failed: %s\n",
		    strerror(errno));
		status = 2;
	}
	record_clear(&r);
	catalogue_close(c);
	return status;
}

static volatile sig_atomic_t import_interrupted;

/* Records which signal stopped the import. */
static void
interrupt_import(int sig)
{
	import_interrupted = sig;
}

static int
check_interrupted(void *arg)
{
	(void)arg;
	return import_interrupted;
}

/*
 * Makes SIGINT, SIGTERM, SIGHUP and SIGQUIT stop an import at the next
 * record or query step, so that it is rolled back and its temporary files
 * removed, or restores the default actions. SIGPIPE is ignored
 * meanwhile, so that a closed stderr cannot kill the import inside its
 * transaction (main() ignores SIGXFSZ, for a file size limit, always).
 */
static void
catch_interrupts(bool on)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on ? interrupt_import : SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on ? SIG_IGN : SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
}

/*
 * The running import's temporary catalogue and its journal, or NULL,
 * made before the import starts so that the fatal-error cleanup needs
 * no memory.
 */
static const char *import_temporary;
static const char *import_journal;

/* Removes the temporary catalogue when fehrest exits on a fatal error. */
static void
end_import_fatally(void)
{
	if (import_temporary == NULL)
		return;
	unlink(import_journal);
	unlink(import_temporary);
}

/*
 * Returns error with a leading tmp replaced by target, so that messages
 * name the catalogue the user gave; frees error.
 */
static char *
name_target(char *error, const char *tmp, const char *target)
{
	char	*named;

	if (tmp == NULL || strncmp(error, tmp, strlen(tmp)) != 0)
		return error;
	named = xasprintf("%s%s", target, error + strlen(tmp));
	free(error);
	return named;
}

/* Prints prefix and a message that may quote file content, sanitised. */
static void
print_sanitized(const char *prefix, const char *message)
{
	char	*safe;

	safe = text_sanitize(message != NULL ? message : "");
	fprintf(stderr, "%s%s\n", prefix, safe);
	free(safe);
}

/*
 * Returns whether the import target is to be created: it does not exist,
 * or it is an empty regular file (which a failed import must leave
 * empty, not turned into an empty catalogue).
 */
static bool
is_new_target(const char *path)
{
	struct stat	st;

	if (stat(path, &st) != 0)
		return true;
	return S_ISREG(st.st_mode) && st.st_size == 0;
}

/*
 * Puts the finished temporary catalogue in place. link() fails when
 * another process created the target meanwhile, so two imports never
 * silently replace each other's work; an empty file is replaced.
 */
static int
publish(const char *tmp, const char *target)
{
	struct stat	st;
	char		*name;

	if (stat(target, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
		if (rename(tmp, target) == 0)
			return 0;
	} else if (link(tmp, target) == 0) {
		unlink(tmp);
		return 0;
	}
	name = text_sanitize(target);
	if (errno == EEXIST)
		fprintf(stderr, "fehrest: %s: another process created it during "
		    "the import; nothing was imported: import again into the "
		    "existing file\n", name);
	else
		fprintf(stderr, "fehrest: %s: cannot create: %s; check the "
		    "directory exists and is writable\n", name, strerror(errno));
	free(name);
	return -1;
}

/*
 * Imports into a new file through a temporary one that is put in place
 * only when everything succeeded, so no half-written catalogue is ever
 * left.
 */
int
cli_import(const struct cli_options *o, char *const *paths, int npaths)
{
	struct import_options	 io;
	struct import_stats	 stats;
	struct catalogue	*c;
	struct stat		 st;
	const char		*target;
	char			*tmp = NULL, *error = NULL, *name;
	char			*fatal_text = NULL, *journal = NULL;
	bool			 created;
	int			 status = 2;

	if (npaths == 0) {
		fprintf(stderr, "fehrest: import: no file given; usage: fehrest "
		    "import FILE... --into CATALOGUE\n");
		return 2;
	}
	if (o->into == NULL) {
		fprintf(stderr, "fehrest: import: no target catalogue; name one "
		    "with --into CATALOGUE (the bundled catalogue is "
		    "read-only)\n");
		return 2;
	}
	memset(&io, 0, sizeof io);
	io.format = IMPORT_AUTO;
	if (o->format_set) {
		if (o->format == CLI_CSV)
			io.format = IMPORT_CSV;
		else if (o->format == CLI_TSV)
			io.format = IMPORT_TSV;
		else if (o->format == CLI_BIBTEX)
			io.format = IMPORT_BIBTEX;
		else if (o->format == CLI_RIS)
			io.format = IMPORT_RIS;
		else if (o->format == CLI_LISTING)
			io.format = IMPORT_LISTING;
		else {
			fprintf(stderr, "fehrest: import: --format=%s cannot be "
			    "imported; use csv, tsv, bibtex, ris or listing\n",
			    format_names[o->format]);
			return 2;
		}
	}
	io.skip_invalid = o->skip_invalid;
	io.quiet = o->quiet;
	io.progress = !o->quiet && isatty(STDERR_FILENO);
	io.name = o->name;
	io.bundle = o->bundle;

	if (o->name != NULL && o->name[0] == '\0') {
		fprintf(stderr, "fehrest: import: --name is empty; give the "
		    "name the catalogue is to show\n");
		return 2;
	}
	if (stat(o->into, &st) == 0 && !S_ISREG(st.st_mode)) {
		name = text_sanitize(o->into);
		fprintf(stderr, "fehrest: %s: not a regular file; name a "
		    "catalogue file with --into FILE\n", name);
		free(name);
		return 2;
	}
	created = is_new_target(o->into);
	target = o->into;
	if (created) {
		tmp = xasprintf("%s.tmp-%ld", o->into, (long)getpid());
		target = tmp;
	}
	/* Before the temporary file exists, so that a signal removes it. */
	catch_interrupts(true);
	name = text_sanitize(o->into);
	fatal_text = created ? xasprintf("nothing was imported; %s is not "
	    "created", name) : xasprintf("nothing was imported; SQLite rolls "
	    "%s back from its journal when it is next opened", name);
	free(name);
	journal = created ? xasprintf("%s-journal", tmp) : NULL;
	import_temporary = tmp;
	import_journal = journal;
	fatal_set_cleanup(end_import_fatally);
	fatal_set_note(fatal_text);
	if (catalogue_open(target, CATALOGUE_WRITE, &c, &error) != 0) {
		error = name_target(error, tmp, o->into);
		print_sanitized("fehrest: ", error);
		goto out;
	}
	io.stop = &import_interrupted;
	catalogue_set_progress(c, check_interrupted, NULL);
	if (import_files(c, paths, (size_t)npaths, &io, &stats, &error) != 0) {
		error = name_target(error, tmp, o->into);
		print_sanitized("fehrest: ", error);
		catalogue_close(c);
		name = text_sanitize(o->into);
		/*
		 * After a failed write (a full disk, say) SQLite cannot roll
		 * back on the same connection, and leaves its journal for
		 * the next open: that open is made now.
		 */
		if (created)
			fprintf(stderr, "fehrest: nothing was imported; %s is "
			    "not created\n", name);
		else if (catalogue_recover(o->into) == 0)
			fprintf(stderr, "fehrest: nothing was imported; %s is "
			    "unchanged\n", name);
		else
			fprintf(stderr, "fehrest: nothing was imported; %s "
			    "keeps a journal of the failed import, which "
			    "SQLite rolls back when the catalogue is next "
			    "opened; free space on its disk or raise the file "
			    "size limit (ulimit -f) first\n", name);
		free(name);
		goto out;
	}
	catalogue_close(c);
	if (created && publish(tmp, o->into) != 0)
		goto out;
	if (!o->quiet) {
		name = text_sanitize(o->into);
		fprintf(stderr, "imported %zu record%s from %zu file%s into "
		    "%s\n", stats.records, stats.records == 1 ? "" : "s",
		    stats.files, stats.files == 1 ? "" : "s", name);
		if (stats.skipped > 0)
			fprintf(stderr, "skipped %zu invalid record%s, "
			    "reported above\n", stats.skipped,
			    stats.skipped == 1 ? "" : "s");
		free(name);
	}
	status = 0;
out:
	catch_interrupts(false);
	fatal_set_cleanup(NULL);
	fatal_set_note(NULL);
	import_temporary = NULL;
	import_journal = NULL;
	free(fatal_text);
	free(journal);
	if (tmp != NULL && status != 0) {
		unlink(tmp);
		free(error);
		error = xasprintf("%s-journal", tmp);
		unlink(error);
	}
	free(tmp);
	free(error);
	/*
	 * An import stopped by a signal ends by that signal, once rolled
	 * back, so that a shell loop or make running it stops too.
	 */
	if (status != 0 && import_interrupted != 0)
		raise(import_interrupted);
	return status;
}

/*
 * Writes every article matching match (NULL for all) with the writer.
 * Returns the exit status.
 */
static int
export_rows(struct catalogue *c, const char *match,
    struct export_writer *w)
{
	struct catalogue_row	 rows[PAGE_ROWS];
	struct record		 r;
	size_t			 n, i, total = 0;
	long			 after = 0;
	char			*error = NULL;
	int			 status = 0;

	record_init(&r);
	if (export_begin(w, &error) != 0)
		goto fail;
	for (;;) {
		if (catalogue_rows(c, match, after, true, PAGE_ROWS, rows, &n,
		    &error) != 0)
			goto fail;
		if (n == 0)
			break;
		for (i = 0; i < n && status == 0; i++) {
			after = rows[i].id;
			if (catalogue_load(c, rows[i].id, &r, &error) < 0 ||
			    export_record(w, &r, &error) != 0)
				status = 2;
			total++;
		}
		for (i = 0; i < n; i++)
			catalogue_row_clear(&rows[i]);
		if (status != 0)
			goto fail;
	}
	if (export_end(w, &error) != 0)
		goto fail;
	record_clear(&r);
	return total > 0 ? 0 : 1;

fail:
	fprintf(stderr, "fehrest: %s\n", error != NULL ? error :
	    "the export failed");
	free(error);
	record_clear(&r);
	return 2;
}

int
cli_export(const struct cli_options *o, const char *input)
{
	const struct export_format	*format;
	struct export_writer		*w;
	struct catalogue		*c;
	struct query			 q;
	char				*safe, *error = NULL;
	int				 status;

	format = export_format_find(o->format_set ? format_names[o->format] :
	    "bibtex");
	if (format == NULL || o->format == CLI_LISTING) {
		fprintf(stderr, "fehrest: export: --format=%s cannot be "
		    "written; use bibtex, ris, csv, tsv or json\n",
		    format_names[o->format]);
		return 2;
	}
	memset(&q, 0, sizeof q);
	if (input != NULL) {
		query_parse(input, &q);
		if (q.match == NULL) {
			safe = text_sanitize(input);
			fprintf(stderr, "fehrest: export '%s': %s; give a word "
			    "to look for, or no query for everything\n", safe,
			    q.note != NULL ? q.note : "no words");
			free(safe);
			query_free(&q);
			return 2;
		}
	}
	if ((c = open_catalogue(o)) == NULL) {
		query_free(&q);
		return 2;
	}
	query_expand(&q, catalogue_list_terms, c);
	w = export_new(format, stdout, "standard output", &export_keep_ids);
	if (catalogue_each_source_id(c, save_reserve, w, &error) != 0) {
		print_sanitized("fehrest: ", error);
		free(error);
		status = 2;
	} else
		status = export_rows(c, q.match, w);
	export_free(w);
	catalogue_close(c);
	query_free(&q);
	return status;
}

static void
print_dupes_text(const struct cli_options *o, const struct duplicates *d)
{
	const struct duplicates_cluster	*cl;
	const struct duplicates_member	*m;
	char				*title, *reason, *source;
	size_t				 i, j;
	int				 width;

	width = output_width(o);
	for (i = 0; i < d->nclusters; i++) {
		cl = &d->clusters[i];
		printf("%sCluster %zu: %zu records, score %d\n", i > 0 ? "\n" :
		    "", i + 1, cl->nmembers, cl->score);
		printf("  %6s  %-12s  %s\n", "number", "source id", "title");
		for (j = 0; j < cl->nmembers; j++) {
			m = &cl->members[j];
			title = display_cell(o, m->title, width - 24 > 10 ?
			    width - 24 : 10);
			source = display_cell(o, m->source_id != NULL ?
			    m->source_id : "-", 12);
			printf("  %6ld  ", m->number);
			put_padded(source, 12, false);
			printf("  %s\n", title);
			free(title);
			free(source);
		}
		for (j = 0; j < cl->nreasons; j++) {
			reason = text_sanitize(cl->reasons[j]);
			print_labelled(o, "  why", reason, width);
			free(reason);
		}
	}
}

static void
print_dupes_rows(const struct duplicates *d, char sep)
{
	const struct duplicates_cluster	*cl;
	const struct duplicates_member	*m;
	size_t				 i, j;

	printf("cluster%cnumber%csource_id%cscore%ctitle\n", sep, sep, sep,
	    sep);
	for (i = 0; i < d->nclusters; i++) {
		cl = &d->clusters[i];
		for (j = 0; j < cl->nmembers; j++) {
			m = &cl->members[j];
			printf("%zu%c%ld%c", i + 1, sep, m->number, sep);
			if (sep == ',') {
				print_csv_field(m->source_id);
				printf(",%d,", cl->score);
				print_csv_field(m->title);
			} else {
				print_tsv_field(m->source_id);
				printf("\t%d\t", cl->score);
				print_tsv_field(m->title);
			}
			putchar('\n');
		}
	}
}

static void
print_dupes_json(const struct duplicates *d)
{
	const struct duplicates_cluster	*cl;
	const struct duplicates_member	*m;
	struct buf			 b;
	size_t				 i, j;

	buf_init(&b);
	buf_addch(&b, '[');
	for (i = 0; i < d->nclusters; i++) {
		cl = &d->clusters[i];
		buf_printf(&b, "%s\n  {\n    \"cluster\": %zu,\n    \"score\": "
		    "%d,\n    \"records\": [", i > 0 ? "," : "", i + 1,
		    cl->score);
		for (j = 0; j < cl->nmembers; j++) {
			m = &cl->members[j];
			buf_printf(&b, "%s\n      {\"number\": %ld, \"source_id\": ",
			    j > 0 ? "," : "", m->number);
			json_add_string(&b, m->source_id);
			buf_addstr(&b, ", \"title\": ");
			json_add_string(&b, m->title);
			buf_addch(&b, '}');
		}
		buf_addstr(&b, "\n    ],\n    \"reasons\": [");
		for (j = 0; j < cl->nreasons; j++) {
			buf_addstr(&b, j > 0 ? ",\n      " : "\n      ");
			json_add_string(&b, cl->reasons[j]);
		}
		buf_addstr(&b, "\n    ]\n  }");
	}
	buf_addstr(&b, d->nclusters > 0 ? "\n]\n" : "]\n");
	fwrite(buf_str(&b), 1, b.len, stdout);
	buf_free(&b);
}

int
cli_dupes(const struct cli_options *o)
{
	struct catalogue	*c;
	struct duplicates	 d;
	char			*error;

	if (o->format != CLI_TEXT && o->format != CLI_TSV &&
	    o->format != CLI_CSV && o->format != CLI_JSON) {
		fprintf(stderr, "fehrest: dupes: --format=%s is not available "
		    "here; use text, tsv, csv or json\n",
		    format_names[o->format]);
		return 2;
	}
	if ((c = open_catalogue(o)) == NULL)
		return 2;
	if (duplicates_get(c, &d, &error) != 0) {
		fprintf(stderr, "fehrest: %s\n", error);
		free(error);
		catalogue_close(c);
		return 2;
	}
	if (o->format == CLI_TEXT)
		print_dupes_text(o, &d);
	else if (o->format == CLI_TSV)
		print_dupes_rows(&d, '\t');
	else if (o->format == CLI_CSV)
		print_dupes_rows(&d, ',');
	else
		print_dupes_json(&d);
	catalogue_close(c);
	if (fflush(stdout) != 0) {
		duplicates_free(&d);
		fprintf(stderr, "fehrest: writing the output failed: %s\n",
		    strerror(errno));
		return 2;
	}
	if (d.nclusters == 0) {
		duplicates_free(&d);
		return 1;
	}
	duplicates_free(&d);
	return 0;
}
