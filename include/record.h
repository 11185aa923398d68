/*
 * One article as importers produce it, exporters consume it and the
 * catalogue stores it.
 *
 * Every string is NUL-terminated UTF-8 and owned by the record; NULL means
 * the source gave no value (an empty string is a value). year is 0 when
 * unknown. authors holds people in byline order; byline keeps the authors
 * exactly as the source printed them. extra holds fields the importer did
 * not recognise, as a JSON object text, or NULL.
 */
#ifndef FEHREST_RECORD_H
#define FEHREST_RECORD_H

#include <stddef.h>

struct person {
	char	*name;		/* as displayed: "Seyed Ali ansarmohammadi" */
	char	*given;		/* "Seyed Ali", or NULL if not known */
	char	*family;	/* "ansarmohammadi", or NULL if not known */
};

struct record {
	long		 id;		/* rowid in a catalogue; 0 before insertion */
	long		 number;	/* number within its catalogue or listing */
	char		*title;
	char		*abstract;
	char		*teaser;	/* the shortened abstract a listing shows */
	char		*access;	/* "Open Access" */
	char		*subject;	/* subject or listing name */
	char		*byline;
	struct person	*authors;
	size_t		 nauthors;
	int		 year;
	char		*journal;
	char		*volume;
	char		*issue;
	char		*pages;
	char		*doi;
	char		*url;
	char		*keywords;
	char		*isbn;		/* ISBN or ISSN as given */
	char		*type;		/* entry type: "article", "inproceedings", ... */
	char		*source_id;	/* the record's id in its source */
	char		*source_file;	/* the file it was imported from */
	char		*extra;		/* JSON object of unrecognised fields */
	long		 line;		/* line in source_file where it starts, 0 if unknown */
};

void	 record_init(struct record *r);
/* Frees every field and leaves r as record_init() does. */
void	 record_clear(struct record *r);
/*
 * Appends a person; name may be NULL to build it from given and family.
 * The strings are copied.
 */
void	 record_add_author(struct record *r, const char *name,
	    const char *given, const char *family);
/*
 * Returns the authors' names joined by "; " as an allocated string, or
 * the byline when there are no parsed authors; the caller frees it.
 */
char	*record_author_list(const struct record *r);
/* Replaces the string at *field with a copy of value (NULL clears it). */
void	 record_set(char **field, const char *value);

#endif
