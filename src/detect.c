/*
 * Recognising a catalogue file's format from its content, and the
 * formats' names: see import.h.
 *
 * Only the head of the file is examined, so detection costs the same
 * for any file size; every format shows its marks in its first record.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "csvfile.h"
#include "import.h"

/* How much of the file detection reads. */
#define DETECT_HEAD	(64 * 1024)

static const char *const format_names[] = {
	[IMPORT_AUTO] = "auto",
	[IMPORT_CSV] = "csv",
	[IMPORT_TSV] = "tsv",
	[IMPORT_BIBTEX] = "bibtex",
	[IMPORT_RIS] = "ris",
	[IMPORT_LISTING] = "listing",
};

struct lines {
	const char	*data;
	size_t		 len;
	size_t		 pos;
};

/* Returns the next line without its line break, or false at the end. */
static bool
next_line(struct lines *l, const char **line, size_t *len)
{
	const char	*nl;
	size_t		 n;

	if (l->pos >= l->len)
		return false;
	*line = l->data + l->pos;
	nl = memchr(*line, '\n', l->len - l->pos);
	n = nl == NULL ? l->len - l->pos : (size_t)(nl - *line);
	l->pos += nl == NULL ? n : n + 1;
	if (n > 0 && (*line)[n - 1] == '\r')
		n--;
	*len = n;
	return true;
}

static bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t	n;

	n = strlen(suffix);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Returns whether the first thing after comments and space is '@'. */
static bool
looks_bibtex(const char *data, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (data[i] == '%') {
			while (i < len && data[i] != '\n')
				i++;
		} else if (data[i] != ' ' && data[i] != '\t' &&
		    data[i] != '\n' && data[i] != '\r') {
			return data[i] == '@';
		}
	}
	return false;
}

static bool
looks_ris(const char *data, size_t len)
{
	struct lines	 l = { data, len, 0 };
	const char	*line;
	size_t		 n;

	while (next_line(&l, &line, &n)) {
		if (n >= 6 && memcmp(line, "TY  - ", 6) == 0)
			return true;
	}
	return false;
}

/* Returns whether a line is "   12 - Title", an article's first line. */
static bool
is_numbered_title(const char *line, size_t len)
{
	size_t	i, digits;

	for (i = 0; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
		;
	for (digits = 0; i < len && line[i] >= '0' && line[i] <= '9'; i++)
		digits++;
	return digits > 0 && len - i > 3 && memcmp(line + i, " - ", 3) == 0;
}

/*
 * Returns whether the text is a listing: a numbered title line, later a
 * teaser ending in " More" and an abstract ending in "Manuscript
 * profile". With complete false, the title line is enough; that finds a
 * damaged listing, so its reader can say what is missing where.
 */
static bool
looks_listing(const char *data, size_t len, bool complete)
{
	struct lines	 l = { data, len, 0 };
	const char	*line;
	size_t		 n;
	bool		 title, more;

	title = more = false;
	while (next_line(&l, &line, &n)) {
		if (!title) {
			title = is_numbered_title(line, n);
			if (title && !complete)
				return true;
		} else if (!more) {
			more = ends_with(line, n, " More");
		} else if (ends_with(line, n, "Manuscript profile")) {
			return true;
		}
	}
	return false;
}

/* Returns whether the header line has a known column between delimiters. */
static bool
header_has_column(const char *line, size_t len, char delimiter)
{
	size_t	start, i;

	start = 0;
	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != delimiter)
			continue;
		if (csvfile_known_column(line + start, i - start))
			return true;
		start = i + 1;
	}
	return false;
}

enum import_format
import_detect(const char *data, size_t len)
{
	struct lines	 l;
	const char	*line;
	size_t		 n;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len > DETECT_HEAD)
		len = DETECT_HEAD;
	if (looks_bibtex(data, len))
		return IMPORT_BIBTEX;
	l.data = data;
	l.len = len;
	l.pos = 0;
	if (!next_line(&l, &line, &n))
		return IMPORT_AUTO;
	/*
	 * A CSV header goes before the RIS and listing checks, which look
	 * at every line: a quoted field may contain a "TY  - " line.
	 */
	if (!looks_ris(line, n)) {
		if (memchr(line, '\t', n) != NULL &&
		    header_has_column(line, n, '\t'))
			return IMPORT_TSV;
		if (memchr(line, ',', n) != NULL &&
		    header_has_column(line, n, ','))
			return IMPORT_CSV;
		if (memchr(line, ';', n) != NULL &&
		    header_has_column(line, n, ';'))
			return IMPORT_CSV;
	}
	if (looks_ris(data, len))
		return IMPORT_RIS;
	if (looks_listing(data, len, true))
		return IMPORT_LISTING;
	if (looks_listing(data, len, false))
		return IMPORT_LISTING;
	return IMPORT_AUTO;
}

int
import_format_from_name(const char *s)
{
	size_t	i;

	if (strcasecmp(s, "bib") == 0)
		return IMPORT_BIBTEX;
	for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
		if (strcasecmp(s, format_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

const char *
import_format_name(enum import_format format)
{
	if ((size_t)format >= sizeof format_names / sizeof format_names[0])
		return "unknown";
	return format_names[format];
}
