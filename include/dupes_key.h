/*
 * The compact form of a record that duplicate detection compares, and
 * the normalisations that build it. Shared by the modules of src/dupes*.c
 * only; the browser uses dupes.h.
 *
 * A key keeps what the rules need and nothing else. Every string is
 * folded once (text_fold() on non-ASCII words, plain lower-casing on
 * ASCII ones) and stored in one allocation, blob, at the offsets below.
 * Offset 0 is the empty string, which means "missing". The abstract is
 * reduced to a bottom-k sketch of its word hashes, enough to estimate
 * how many words two abstracts share.
 */
#ifndef FEHREST_DUPES_KEY_H
#define FEHREST_DUPES_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dupes.h"
#include "record.h"

/* Number of word hashes kept from an abstract. */
#define DUPES_SKETCH	32
/* Authors compared per record; later ones are ignored. */
#define DUPES_MAX_AUTHORS 64

/* Kinds of record that a title shows, besides an article. */
enum dupes_title_kind {
	DUPES_KIND_ARTICLE,
	DUPES_KIND_ERRATUM,	/* "Erratum: X", "Correction to X" */
	DUPES_KIND_RETRACTION,	/* "Retraction: X", "Notice of retraction" */
	DUPES_KIND_COMMENT,	/* "Comment on X", "Re: X" */
	DUPES_KIND_REPLY	/* "Reply to X", "Response to X" */
};

/* One author, folded. */
struct dupes_person {
	const char	*family;	/* "oneill", particles dropped */
	const char	*family_words;	/* "o neill": the words before joining */
	const char	*given;		/* "seyed ali", initials as "g f" */
	int		 index;		/* position in record.authors, -1 from byline */
};

struct dupes_key {
	char		*blob;
	/* Offsets into blob. */
	uint32_t	 title;		/* folded words without a kind prefix */
	uint32_t	 title_numbers;	/* numbers in the title, sorted */
	/* A title printed with its translation, split: "Original; English" */
	uint32_t	 title_parts[2];
	uint32_t	 title_part_numbers[2];
	uint32_t	 journal;	/* folded words, stop words dropped */
	uint32_t	 journal_qualifier; /* "philadelphia" of "Cancer (Philadelphia)" */
	uint32_t	 volume;
	uint32_t	 issue;
	uint32_t	 first_page;	/* "244", "s123", "e1002" */
	uint32_t	 last_page;	/* expanded: "258" for "244-58" */
	uint32_t	 doi;		/* "10.1002/14651858.cd002273" */
	uint32_t	 persons;	/* packed persons, see dupes_key_persons() */
	uint32_t	 sketch;	/* nsketch uint32_t, ascending, 4-aligned */
	uint32_t	 title_hash;	/* hash of the title's letters and digits, 0 if none */
	uint32_t	 abstract_words; /* distinct words in the abstract */
	int		 year;
	uint16_t	 nauthors;
	uint8_t		 nsketch;
	uint8_t		 doi_version;	/* 2 for ".pub2", 0 if none */
	uint8_t		 title_kind;
	bool		 title_generic;	/* "Editorial", "Reply", ... */
};

/* Builds the key of r; free it with dupes_key_free(). */
void	 dupes_key_build(struct dupes_key *k, const struct record *r);
void	 dupes_key_free(struct dupes_key *k);
/* Returns the string at offset off of k's blob. */
const char *dupes_key_str(const struct dupes_key *k, uint32_t off);
/*
 * Reads k's k->nauthors persons into p[0..k->nauthors); the strings
 * stay valid while k lives.
 */
void	 dupes_key_persons(const struct dupes_key *k, struct dupes_person *p);
/* Returns a pointer to k's abstract sketch (k->nsketch hashes). */
const uint32_t *dupes_key_sketch(const struct dupes_key *k);

/*
 * Appends to out the folded words of s separated by single spaces:
 * HTML tags dropped, entities decoded, ASCII lower-cased, words with
 * other characters passed through text_fold(), apostrophes removed
 * inside words and every other non-word character a separator.
 */
void	 dupes_fold_words(const char *s, struct buf *out);
/*
 * Stores in out the DOI found in s (bare, "doi:", doi.org or dx.doi.org
 * URL, URL-encoded, any case, trailing punctuation) in lower case
 * without a Cochrane-style ".pubN" version suffix, whose N it returns
 * in *version (0 if none). Returns false when s contains no DOI.
 */
bool	 dupes_doi_normalize(const char *s, struct buf *out, int *version);
/*
 * Splits a page field into the first page and the last page with
 * elided digits restored ("244-58" gives "244" and "258"), lower-cased.
 * Either may be left empty.
 */
void	 dupes_pages_split(const char *s, struct buf *first, struct buf *last);
/* Returns whether s is a placeholder for a missing value ("UNKNOWN", "None"). */
bool	 dupes_is_placeholder(const char *s);
/*
 * Scores the pair of keys a and b with the rules of src/dupes_score.c
 * and fills *m. When ra and rb (the records the keys were built from)
 * are given, each reason gets a text quoting them. Otherwise the texts
 * stay NULL, as dupes_find() wants them while searching.
 */
void	 dupes_score_pair(const struct dupes_key *a, const struct dupes_key *b,
	    const struct record *ra, const struct record *rb,
	    struct dupes_match *m);
/*
 * Returns the name of the hard contradiction between a and b (different
 * DOIs, years more than one apart, different numbers in the titles...)
 * or NULL when there is none. Two clusters whose members contradict
 * each other are never joined.
 */
const char *dupes_score_contradiction(const struct dupes_key *a,
	    const struct dupes_key *b);

/* Returns a 32-bit FNV-1a hash of s[0..len). */
uint32_t dupes_hash(const char *s, size_t len);

#endif
