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
 * Returns an allocated copy of s that is safe to write to a terminal.
 * - Invalid UTF-8 and unassigned code points become U+FFFD.
 * - Tab, CR, LF, VT, FF, NEL and the Unicode line and paragraph
 *   separators become a space.
 * - An escape sequence (CSI, OSC, DCS and the like, in ESC or C1 form)
 *   is dropped whole and shown as one placeholder. A control string
 *   with no terminator loses only its introducer, so no text is hidden.
 * - Other C0 and C1 controls and DEL become the placeholder.
 * - Bidi embeddings, overrides and isolates (U+202A..U+202E,
 *   U+2066..U+2069), soft hyphens, and ZWJs without a non-ASCII
 *   character on both sides are removed.
 * - A combining mark with no base gets U+25CC DOTTED CIRCLE as its base.
 */
char	*text_sanitize(const char *s);

/*
 * One display cluster of a sanitised string: its bytes and the number of
 * terminal columns it takes. A display cluster is a grapheme cluster
 * (UAX #29), joined with the next one when it ends in a ZWJ, because
 * tmux puts what follows a ZWJ into the same cell. The width is what
 * tmux 3.3a shows: usually 0, 1 or 2, but an emoji with a skin-tone
 * modifier takes 4, and U+263A U+FE0F takes 1 (tmux ignores VS16).
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
 * A wide cluster that would straddle the edge is left out, so *used can
 * be width - 1: the caller pads the rest with a space.
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
 * opportunities (UAX #14); a word wider than width is broken between
 * clusters, and a cluster wider than width gets a line of its own. Line
 * break characters end a line and an empty line between two stays.
 * White space at a break and at either end is left out of the lines.
 * Returns the number of lines (0 for blank text) and stores an allocated
 * array in *lines (NULL when there are none), freed by the caller.
 */
size_t	 text_wrap(const char *s, int width, struct text_line **lines);

/*
 * Returns the search folding of s, allocated. Invalid UTF-8 is repaired
 * first (text_repair_utf8). The folding is NFKC with full case folding,
 * and then:
 * - Latin and Greek accents are removed (naïve, café in NFC or NFD and
 *   ά fold to naive, cafe and α); Cyrillic keeps them, since й and и
 *   are different letters.
 * - Latin letters without a decomposition get their ASCII spelling:
 *   æ ð ø þ đ ħ ı ĸ ł œ ŧ and their capitals become ae d o th d h i k l
 *   oe t (and ß becomes ss by case folding), so "soren" finds Søren.
 * - Typographic quotes, apostrophes and dashes become ' " and -.
 * - Other non-ASCII punctuation and symbols (emoji included) become
 *   spaces, and invisible format characters (ZWNJ, ZWJ, bidi marks, soft
 *   hyphen) are removed; the zero-width space becomes a space.
 * - Arabic script: harakat, hamza and madda marks and tatweel are
 *   removed; Arabic yeh and alef maksura become Persian yeh, Arabic kaf
 *   becomes keheh, teh marbuta becomes heh; Persian and Arabic-Indic
 *   digits become ASCII digits.
 * - Each Han, Hiragana, Katakana or Bopomofo character becomes a word of
 *   its own (spaces around it), because those scripts put no spaces
 *   between words and the index would otherwise take a whole sentence
 *   for one word.
 * Folding a folded string changes nothing.
 */
char	*text_fold(const char *s);
/*
 * The version of text_fold()'s rules, which catalogues record with their
 * index. Raise it whenever text_fold() gives another result for some
 * input: a catalogue indexed under another version is indexed again.
 */
#define TEXT_FOLD_VERSION	1

/* A word of a string: bytes [start, start + len) of the source. */
struct text_span {
	size_t	start;
	size_t	len;
};

/*
 * Splits s into words the way the full-text index (SQLite FTS5,
 * unicode61) splits text_fold() output: runs of letters, digits and
 * private-use characters. Each Han, Hiragana, Katakana or Bopomofo
 * character is a word of its own. Marks, ZWNJ and ZWJ continue a word
 * but never start one, so the words of unfolded text fold to the
 * index's words. unicode61 splits at non-Latin marks (Devanagari vowel
 * signs, say) where this keeps them inside; FTS5 splits a quoted query
 * word the same way, so searching is unaffected. Returns the number of
 * words and stores an allocated array of their spans in *words (freed
 * by the caller; NULL when there are none).
 */
size_t	 text_words(const char *s, struct text_span **words);

#endif
