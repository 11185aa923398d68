/*
 * Text in every script, on libunistring: validation and repair, NFC,
 * display width per grapheme cluster, truncation, line breaking,
 * sanitising for the terminal, and the folding shared by search and
 * duplicate detection.
 *
 * Input strings are UTF-8. Functions that take a length take bytes.
 * Every "allocated" result is owned by the caller and freed with free().
 * Display functions expect sanitised text (text_sanitize) and treat each
 * grapheme cluster as one unit that is never split.
 */
#ifndef FEHREST_TEXT_H
#define FEHREST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Shown in place of a control character found in the data. */
#define TEXT_PLACEHOLDER	"\xe2\x90\xa3"	/* U+2423 OPEN BOX */
#define TEXT_ELLIPSIS		"\xe2\x80\xa6"	/* U+2026 */

/* Returns whether s[0..len) is valid UTF-8. */
bool	 text_valid_utf8(const char *s, size_t len);
/* Returns the length of the longest valid UTF-8 prefix of s[0..len). */
size_t	 text_valid_prefix(const char *s, size_t len);
/*
 * Returns an allocated NUL-terminated copy of s[0..len) that is valid
 * UTF-8: invalid bytes are decoded as Windows-1252, and the few bytes
 * that code page leaves undefined become U+FFFD. *repaired is set to
 * whether anything was decoded that way.
 */
char	*text_repair_utf8(const char *s, size_t len, bool *repaired);
/* Returns s in Unicode NFC, allocated. s must be valid UTF-8. */
char	*text_nfc(const char *s);
/*
 * Returns s in NFC with every run of white space (including no-break
 * and ideographic spaces, tabs and line breaks) collapsed to one space
 * and none at either end, allocated.
 */
char	*text_clean_spaces(const char *s);

/*
 * Returns an allocated copy of s that is safe to write to a terminal:
 * invalid UTF-8 becomes U+FFFD; tab, CR, LF, VT and FF become a space;
 * ESC sequences (CSI, OSC, DCS and the like) are dropped whole and shown
 * as one placeholder; other C0 and C1 controls and DEL become the
 * placeholder; bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069) are removed.
 */
char	*text_sanitize(const char *s);

/*
 * One grapheme cluster of a sanitised string: its bytes and the number
 * of terminal columns it takes (0, 1 or 2).
 */
struct text_cluster {
	const char	*s;
	size_t		 len;
	int		 width;
};

/*
 * Reads the cluster that starts at s[0] into *c and returns its length
 * in bytes, or 0 at the end of the string.
 */
size_t	 text_next_cluster(const char *s, size_t len, struct text_cluster *c);
/* Returns the display width of s[0..len) in columns. */
int	 text_width(const char *s, size_t len);
/* Returns the display width of the NUL-terminated string s. */
int	 text_strwidth(const char *s);
/*
 * Returns how many bytes of s fit in width columns without splitting a
 * cluster, and stores the columns they take in *used (may be NULL).
 */
size_t	 text_fit(const char *s, size_t len, int width, int *used);
/*
 * Returns an allocated copy of s cut to at most width columns: when the
 * text is longer, it ends with an ellipsis inside the width. A result
 * narrower than width is not padded.
 */
char	*text_truncate(const char *s, int width);
/*
 * Returns an allocated copy of s truncated as text_truncate() does and
 * padded with spaces to exactly width columns.
 */
char	*text_pad(const char *s, int width);

/* One line of wrapped text: bytes [start, start + len) of the source. */
struct text_line {
	size_t	start;
	size_t	len;
};

/*
 * Breaks s into lines of at most width columns at Unicode line-break
 * opportunities; a word wider than width is broken between clusters.
 * Spaces at a break are left out of the lines. Returns the number of
 * lines and stores an allocated array in *lines (freed by the caller).
 */
size_t	 text_wrap(const char *s, int width, struct text_line **lines);

/*
 * Returns the search folding of s, allocated: NFKC, full case folding,
 * Latin diacritics removed, typographic quotes, apostrophes and dashes
 * mapped to ASCII; for Arabic script, harakat and tatweel removed, ZWNJ
 * and ZWJ removed, Arabic yeh, alef maksura, kaf and teh marbuta mapped
 * to their Persian forms, and Persian and Arabic-Indic digits mapped to
 * ASCII digits. Invalid UTF-8 is repaired first.
 */
char	*text_fold(const char *s);

/* A word of a string: bytes [start, start + len) of the source. */
struct text_span {
	size_t	start;
	size_t	len;
};

/*
 * Splits s into words the way the full-text index does: runs of
 * letters, digits and marks, where ZWNJ, ZWJ and tatweel stay inside a
 * word. Returns the number of words and stores an allocated array of
 * their spans in *words (freed by the caller).
 */
size_t	 text_words(const char *s, struct text_span **words);

#endif
