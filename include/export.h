/*
 * Writing records to BibTeX, RIS, CSV, TSV and CSL-JSON.
 *
 * A writer streams: export_begin() writes what opens the file (the CSV
 * header, JSON's '['), export_record() one record at a time in the
 * caller's order, and export_end() what closes it, then flushes. Each
 * returns 0, or -1 with an allocated message in *error when writing
 * failed. After a failure the output is incomplete, so the caller
 * should remove it. Strings in records must be valid UTF-8.
 *
 * Each format writes what the matching reader in import.h reads back
 * to the same fields: the byline only as people (as it is only when no
 * people were parsed), and BibTeX keys made up unless options.keep_ids
 * is set and the source id can be one.
 */
#ifndef FEHREST_EXPORT_H
#define FEHREST_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "record.h"

struct export_writer;
/* One output format; the formats are the constants below. */
struct export_format;

/*
 * BibTeX: one @type{key, ...} entry per record. A key is the first
 * author's family name, the year and the first title word that is not
 * a stop word, folded to lowercase ASCII. With no authors the name part
 * is "anon", and a name without Latin letters adds nothing. When name
 * and title give no Latin letter at all (a Persian record), the key is
 * "anon", the year and six hex digits of a hash of the title. The
 * letters a, b, c, ... follow until the key is unique in the file.
 * LaTeX's special characters are escaped, other text stays UTF-8, and
 * the title gets an extra pair of braces so styles keep its case.
 */
extern const struct export_format export_bibtex;
/* RIS: TY first and ER last, one AU and one KW per line, LF line ends. */
extern const struct export_format export_ris;
/*
 * CSV (RFC 4180, CRLF line ends) with a header of column names the CSV
 * reader recognises. The author column is "Family, Given; Family,
 * Given" whatever the source printed, with a literal name in braces.
 * The id column is the source id or else the BibTeX key, and the type
 * column the BibTeX entry type ("article" when unknown).
 * record.extra goes in the column extra_json.
 */
extern const struct export_format export_csv;
/*
 * The same columns as CSV, separated by tabs, one record a line (LF).
 * Nothing is quoted: tabs and line breaks in values become spaces.
 */
extern const struct export_format export_tsv;
/* CSL-JSON: an array of items as citation processors read them. */
extern const struct export_format export_json;

struct export_options {
	/*
	 * Use a record's source_id as its BibTeX key and CSL-JSON id when
	 * it is a usable key with a letter, not used before; otherwise make
	 * one up.
	 */
	bool	keep_ids;
};

/* The options the commands and the browser export with. */
extern const struct export_options export_keep_ids;

/*
 * Returns the format called name ("bibtex" or "bib", "ris", "csv",
 * "tsv", "json"), or NULL.
 */
const struct export_format *export_format_find(const char *name);

/*
 * Returns a new writer of format to fp; path names fp in messages, and
 * options may be NULL for the defaults. The caller keeps fp open until
 * export_free() and closes it afterwards.
 */
struct export_writer *export_new(const struct export_format *format,
	    FILE *fp, const char *path, const struct export_options *options);
/*
 * Keeps source_id for the record that has it: a key made up for another
 * record will not take it. Called for every record's source id before
 * the first export_record(), so that the user's own keys always win.
 */
void	 export_reserve(struct export_writer *w, const char *source_id);
int	 export_begin(struct export_writer *w, char **error);
int	 export_record(struct export_writer *w, const struct record *r,
	    char **error);
int	 export_end(struct export_writer *w, char **error);
/* Frees the writer; fp is left open. */
void	 export_free(struct export_writer *w);

#endif
