/*
 * Author lists: splitting the strings that sources print into people
 * (struct person in record.h).
 *
 * Names keep the source's spelling and case. A person's family and given
 * names are set when the string shows them: "Last, First", "First Last",
 * "First von Last" (the von part goes with the family name) and "Last F"
 * (initials after the family name). A name wholly inside braces,
 * "{World Health Organization}", is a literal: name only, family and
 * given NULL. "Last, Jr, First" keeps the suffix only in the displayed
 * name, "First Last, Jr"; names_suffix() gets it back.
 */
#ifndef FEHREST_NAMES_H
#define FEHREST_NAMES_H

#include <stddef.h>

#include "record.h"

enum names_style {
	NAMES_AUTO,		/* guessed with names_guess_style() */
	NAMES_BIBTEX,		/* "Last, First and First von Last and {Corp}" */
	NAMES_SEMICOLON,	/* "Last, First; First Last; Last F" */
	NAMES_COMMA,		/* "First Last, First Last" or "Last F, Last F" */
	NAMES_RUN_TOGETHER,	/* "Adeli K.Lewis G. F." */
	NAMES_ONE,		/* one person, RIS order: "Last, First, Suffix" */
};

/*
 * Converts one part of a name, s[0..len), to plain text; returns it
 * allocated. The BibTeX reader passes its LaTeX decoder.
 */
typedef char *(*names_decode_fn)(const char *s, size_t len, void *arg);

/*
 * Returns the style an author string is written in: " and " between
 * names gives NAMES_BIBTEX, then ';' gives NAMES_SEMICOLON, an initial's
 * period followed directly by a new family name gives
 * NAMES_RUN_TOGETHER, ',' gives NAMES_COMMA, and anything else is
 * NAMES_ONE.
 */
enum names_style names_guess_style(const char *s);
/*
 * Parses the author string s, written in style, and appends the people
 * to r->authors; braces only group (they are removed). Separators are
 * " and " (NAMES_BIBTEX, any case, outside braces), ';' or ','. In a
 * comma list, parts of one word pair up as "Last, First, Last, First".
 * Returns the number of people added. r->byline is not touched.
 */
size_t	 names_parse_list(struct record *r, const char *s,
	    enum names_style style);
/*
 * Parses a BibTeX author field s (still in LaTeX, braces included) as
 * NAMES_BIBTEX does, converting each name part with decode(arg).
 * "others" is left out, as BibTeX means by it more authors not named.
 * Returns the number of people added.
 */
size_t	 names_parse_bibtex(struct record *r, const char *s,
	    names_decode_fn decode, void *arg);
/*
 * Returns the suffix ("Jr", "III") of a person parsed from
 * "Last, Jr, First" or "Last, First, Jr", allocated, or NULL if none.
 */
char	*names_suffix(const struct person *p);

#endif
