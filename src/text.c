/*
 * Text layer on libunistring: see text.h.
 *
 * Everything here works on UTF-8 bytes. Display functions count columns
 * per grapheme cluster (UAX #29) so that a base letter and its combining
 * marks, an emoji ZWJ sequence or a flag are one unit of one width.
 * Folding has an ASCII fast path because most catalogue text is ASCII
 * and libunistring's case folding costs several times more per byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "buf.h"
#include "text.h"
#include "xmalloc.h"

#define REPLACEMENT	0xfffd
#define ESC		0x1b

/* Windows-1252 bytes 0x80..0x9f; 0 marks the five it leaves undefined. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

static void
add_uc(struct buf *b, ucs4_t uc)
{
	uint8_t	tmp[6];
	int	n;

	n = u8_uctomb(tmp, uc, sizeof tmp);
	if (n > 0)
		buf_add(b, tmp, (size_t)n);
}

/*
 * Decodes one character at s[0..len), storing it in *uc and returning
 * its length; an invalid sequence yields *uc = REPLACEMENT and length 1.
 */
static size_t
decode(const char *s, size_t len, ucs4_t *uc)
{
	int	n;

	if ((unsigned char)s[0] < 0x80) {
		*uc = (unsigned char)s[0];
		return 1;
	}
	n = u8_mbtoucr(uc, (const uint8_t *)s, len);
	if (n <= 0) {
		*uc = REPLACEMENT;
		return 1;
	}
	return (size_t)n;
}

bool
text_valid_utf8(const char *s, size_t len)
{
	return u8_check((const uint8_t *)s, len) == NULL;
}

size_t
text_valid_prefix(const char *s, size_t len)
{
	const uint8_t	*bad;

	bad = u8_check((const uint8_t *)s, len);
	return bad == NULL ? len : (size_t)(bad - (const uint8_t *)s);
}

char *
text_repair_utf8(const char *s, size_t len, bool *repaired)
{
	struct buf	b;
	size_t		i, n;
	ucs4_t		uc;
	unsigned char	c;

	*repaired = false;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i += n) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			buf_addch(&b, (char)c);
			n = 1;
			continue;
		}
		if (u8_mbtoucr(&uc, (const uint8_t *)s + i, len - i) > 0) {
			n = (size_t)u8_mblen((const uint8_t *)s + i, len - i);
			buf_add(&b, s + i, n);
			continue;
		}
		*repaired = true;
		n = 1;
		if (c >= 0xa0)
			add_uc(&b, c);
		else if (cp1252_high[c - 0x80] != 0)
			add_uc(&b, cp1252_high[c - 0x80]);
		else
			add_uc(&b, REPLACEMENT);
	}
	return buf_take(&b);
}

char *
text_nfc(const char *s)
{
	uint8_t	*out;
	size_t	 len;
	char	*result;

	out = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL,
	    &len);
	if (out == NULL)
		return xstrdup(s);
	result = xstrndup((const char *)out, len);
	free(out);
	return result;
}

static bool
is_space(ucs4_t uc)
{
	return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' ||
	    uc == '\v' || uc == '\f' || uc == 0x85 || uc == 0xa0 ||
	    uc == 0x1680 || (uc >= 0x2000 && uc <= 0x200a) || uc == 0x2028 ||
	    uc == 0x2029 || uc == 0x202f || uc == 0x205f || uc == 0x3000;
}

char *
text_clean_spaces(const char *s)
{
	struct buf	 b;
	char		*nfc;
	size_t		 i, n, len;
	ucs4_t		 uc;
	bool		 pending = false;

	nfc = text_nfc(s);
	len = strlen(nfc);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i += n) {
		n = decode(nfc + i, len - i, &uc);
		if (is_space(uc)) {
			pending = b.len > 0;
			continue;
		}
		if (pending)
			buf_addch(&b, ' ');
		pending = false;
		buf_add(&b, nfc + i, n);
	}
	free(nfc);
	return buf_take(&b);
}

static bool
is_bidi_control(ucs4_t uc)
{
	return (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

/*
 * Returns the length of the escape sequence that starts with ESC at
 * s[0], so that it can be dropped whole. An unterminated string
 * sequence runs to the end of the text.
 */
static size_t
escape_length(const char *s, size_t len)
{
	size_t	i;

	if (len < 2)
		return len;
	switch (s[1]) {
	case '[':
		for (i = 2; i < len; i++) {
			if ((unsigned char)s[i] >= 0x40 &&
			    (unsigned char)s[i] <= 0x7e)
				return i + 1;
		}
		return len;
	case ']':
	case 'P':
	case 'X':
	case '^':
	case '_':
		for (i = 2; i < len; i++) {
			if (s[i] == '\a')
				return i + 1;
			if (s[i] == ESC && i + 1 < len && s[i + 1] == '\\')
				return i + 2;
		}
		return len;
	default:
		return 2;
	}
}

char *
text_sanitize(const char *s)
{
	struct buf	b;
	size_t		i, n, len;
	ucs4_t		uc;

	len = strlen(s);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i += n) {
		n = decode(s + i, len - i, &uc);
		if (uc >= 0x20 && uc < 0x7f) {
			buf_addch(&b, s[i]);
			continue;
		}
		if (uc == ESC) {
			n = escape_length(s + i, len - i);
			buf_addstr(&b, TEXT_PLACEHOLDER);
		} else if (uc == '\t' || uc == '\n' || uc == '\r' ||
		    uc == '\v' || uc == '\f' || uc == 0x2028 || uc == 0x2029)
			buf_addch(&b, ' ');
		else if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0))
			buf_addstr(&b, TEXT_PLACEHOLDER);
		else if (is_bidi_control(uc))
			continue;
		else if (uc == REPLACEMENT)
			add_uc(&b, REPLACEMENT);
		else
			buf_add(&b, s + i, n);
	}
	return buf_take(&b);
}

/* Returns the columns one code point takes on its own. */
static int
uc_columns(ucs4_t uc)
{
	int	w;

	if (uc < 0x7f)
		return uc >= 0x20 ? 1 : 0;
	w = uc_width(uc, "UTF-8");
	return w < 0 ? 0 : w;
}

size_t
text_next_cluster(const char *s, size_t len, struct text_cluster *c)
{
	const uint8_t	*start = (const uint8_t *)s, *end, *next;
	ucs4_t		 uc, first;
	size_t		 n;
	int		 width;

	c->s = s;
	c->len = 0;
	c->width = 0;
	if (len == 0 || *s == '\0')
		return 0;

	/* Printable ASCII followed by ASCII is a cluster of its own. */
	if ((unsigned char)s[0] < 0x80 && (len == 1 ||
	    (unsigned char)s[1] < 0x80) && s[0] != '\r') {
		c->len = 1;
		c->width = uc_columns((unsigned char)s[0]);
		return 1;
	}

	end = start + len;
	next = u8_grapheme_next(start, end);
	if (next == NULL || next <= start)
		next = start + 1;
	c->len = (size_t)(next - start);

	n = decode(s, c->len, &first);
	width = uc_columns(first);
	if (width == 0 && first >= 0x300)
		width = 1;	/* a mark with no base still takes a cell */
	while (n < c->len) {
		n += decode(s + n, c->len - n, &uc);
		if (uc == 0xfe0f)	/* emoji presentation */
			width = 2;
		else if (uc >= 0x1f1e6 && uc <= 0x1f1ff)	/* flag pair */
			width = 2;
	}
	c->width = width > 2 ? 2 : width;
	return c->len;
}

int
text_width(const char *s, size_t len)
{
	struct text_cluster	c;
	size_t			i, n;
	int			width = 0;

	for (i = 0; i < len; i += n) {
		n = text_next_cluster(s + i, len - i, &c);
		if (n == 0)
			break;
		width += c.width;
	}
	return width;
}

int
text_strwidth(const char *s)
{
	return text_width(s, strlen(s));
}

size_t
text_fit(const char *s, size_t len, int width, int *used)
{
	struct text_cluster	c;
	size_t			i, n;
	int			w = 0;

	for (i = 0; i < len; i += n) {
		n = text_next_cluster(s + i, len - i, &c);
		if (n == 0 || w + c.width > width)
			break;
		w += c.width;
	}
	if (used != NULL)
		*used = w;
	return i;
}

char *
text_truncate(const char *s, int width)
{
	size_t	len, fit;
	int	used;

	if (width <= 0)
		return xstrdup("");
	len = strlen(s);
	if (text_width(s, len) <= width)
		return xstrdup(s);
	fit = text_fit(s, len, width - 1, &used);
	/* Spaces before the ellipsis only waste a column. */
	while (fit > 0 && s[fit - 1] == ' ')
		fit--;
	return xasprintf("%.*s%s", (int)fit, s, TEXT_ELLIPSIS);
}

char *
text_pad(const char *s, int width)
{
	struct buf	 b;
	char		*cut;
	int		 w;

	cut = text_truncate(s, width);
	buf_init(&b);
	buf_addstr(&b, cut);
	for (w = text_strwidth(cut); w < width; w++)
		buf_addch(&b, ' ');
	free(cut);
	return buf_take(&b);
}

size_t
text_wrap(const char *s, int width, struct text_line **lines)
{
	struct text_cluster	 c;
	struct text_line	*out = NULL;
	size_t			 nout = 0, len, i, n, start, brk;
	char			*breaks;
	int			 w, wbrk;

	*lines = NULL;
	len = strlen(s);
	if (width < 1)
		width = 1;
	breaks = xmalloc(len + 1);
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", breaks);

	start = 0;
	while (start < len && s[start] == ' ')
		start++;
	while (start < len) {
		w = 0;
		brk = 0;
		wbrk = 0;
		for (i = start; i < len; i += n) {
			if (i > start && breaks[i] == UC_BREAK_MANDATORY)
				break;
			if (i > start && breaks[i] == UC_BREAK_POSSIBLE) {
				brk = i;
				wbrk = w;
			}
			n = text_next_cluster(s + i, len - i, &c);
			if (n == 0)
				break;
			if (w + c.width > width && s[i] != ' ')
				break;
			w += c.width;
		}
		if (i < len && brk > start && breaks[i] != UC_BREAK_POSSIBLE &&
		    breaks[i] != UC_BREAK_MANDATORY) {
			i = brk;
			w = wbrk;
		}
		if (i == start) {
			/* A cluster wider than the line still gets a line. */
			i += text_next_cluster(s + i, len - i, &c);
		}
		n = i;
		while (n > start && s[n - 1] == ' ')
			n--;
		out = xreallocarray(out, nout + 1, sizeof *out);
		out[nout].start = start;
		out[nout].len = n - start;
		nout++;
		start = i;
		while (start < len && (s[start] == ' ' || s[start] == '\n'))
			start++;
	}
	free(breaks);
	*lines = out;
	return nout;
}

/* Marks that folding removes: Latin, Greek and Cyrillic accents, harakat. */
static bool
is_folded_mark(ucs4_t uc)
{
	return (uc >= 0x300 && uc <= 0x36f) ||
	    (uc >= 0x1ab0 && uc <= 0x1aff) ||
	    (uc >= 0x1dc0 && uc <= 0x1dff) ||
	    (uc >= 0x20d0 && uc <= 0x20ff) ||
	    (uc >= 0xfe20 && uc <= 0xfe2f) ||
	    (uc >= 0x610 && uc <= 0x61a) ||
	    (uc >= 0x64b && uc <= 0x65f) ||
	    uc == 0x670 ||
	    (uc >= 0x6d6 && uc <= 0x6dc) ||
	    (uc >= 0x6df && uc <= 0x6e8) ||
	    (uc >= 0x6ea && uc <= 0x6ed);
}

/*
 * Returns what folding turns one decomposed, case-folded code point
 * into, or 0 to drop it.
 */
static ucs4_t
fold_uc(ucs4_t uc)
{
	if (is_folded_mark(uc))
		return 0;
	switch (uc) {
	case 0x640:			/* tatweel */
	case 0x200c:			/* ZWNJ */
	case 0x200d:			/* ZWJ */
	case 0x200b:			/* zero-width space */
	case 0xad:			/* soft hyphen */
		return 0;
	case 0x64a:			/* Arabic yeh */
	case 0x649:			/* alef maksura */
	case 0x6d2:			/* yeh barree */
		return 0x6cc;		/* Persian yeh */
	case 0x643:			/* Arabic kaf */
		return 0x6a9;		/* keheh */
	case 0x629:			/* teh marbuta */
	case 0x6d5:			/* ae, left by heh with yeh above */
		return 0x647;		/* heh */
	case 0x2018: case 0x2019: case 0x201a: case 0x201b:
	case 0x2032: case 0x2035: case 0x2bc: case 0x2b9: case 0x60:
	case 0xb4:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f:
	case 0x2033: case 0x2036: case 0xab: case 0xbb:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xfe58: case 0xfe63: case 0xff0d:
		return '-';
	}
	if (uc >= 0x6f0 && uc <= 0x6f9)
		return '0' + (uc - 0x6f0);
	if (uc >= 0x660 && uc <= 0x669)
		return '0' + (uc - 0x660);
	if (is_space(uc))
		return ' ';
	return uc;
}

/* Folds a run of non-ASCII (or mixed) text into b. */
static void
fold_slow(struct buf *b, const char *s, size_t len)
{
	uint8_t		*folded, *nfc;
	size_t		 flen, nlen, i, n;
	ucs4_t		 uc;
	struct buf	 tmp;

	folded = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFKD,
	    NULL, &flen);
	if (folded == NULL) {
		buf_add(b, s, len);
		return;
	}
	buf_init(&tmp);
	for (i = 0; i < flen; i += n) {
		n = decode((const char *)folded + i, flen - i, &uc);
		uc = fold_uc(uc);
		if (uc != 0)
			add_uc(&tmp, uc);
	}
	free(folded);
	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)buf_str(&tmp),
	    tmp.len, NULL, &nlen);
	if (nfc != NULL) {
		buf_add(b, nfc, nlen);
		free(nfc);
	} else
		buf_add(b, buf_str(&tmp), tmp.len);
	buf_free(&tmp);
}

char *
text_fold(const char *s)
{
	struct buf	 b;
	size_t		 i, j, len;
	bool		 repaired;
	char		*valid = NULL;
	unsigned char	 c;

	len = strlen(s);
	if (!text_valid_utf8(s, len)) {
		valid = text_repair_utf8(s, len, &repaired);
		s = valid;
		len = strlen(s);
	}
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i = j) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			buf_addch(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 :
			    c == '`' ? '\'' : c));
			j = i + 1;
			continue;
		}
		/*
		 * Take the non-ASCII run with the word it belongs to, so
		 * that combining marks stay with their base letter: step
		 * back over the ASCII letters already copied.
		 */
		j = i;
		while (j < len && (unsigned char)s[j] >= 0x80)
			j++;
		while (i > 0 && b.len > 0 && ((s[i - 1] >= 'a' &&
		    s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z'))) {
			i--;
			b.len--;
		}
		b.data[b.len] = '\0';
		fold_slow(&b, s + i, j - i);
	}
	free(valid);
	return buf_take(&b);
}

/* Whether a code point belongs inside a word, as the index tokenizer sees it. */
static bool
is_word_uc(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		    (uc >= '0' && uc <= '9');
	if (uc == 0x200c || uc == 0x200d || uc == 0x640)
		return true;
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N) ||
	    uc_is_general_category(uc, UC_CATEGORY_M) ||
	    uc_is_general_category(uc, UC_CATEGORY_Co);
}

size_t
text_words(const char *s, struct text_span **words)
{
	struct text_span	*out = NULL;
	size_t			 nout = 0, i, n, len, start = 0;
	ucs4_t			 uc;
	bool			 inword = false;

	len = strlen(s);
	for (i = 0; i <= len; i += n) {
		if (i < len)
			n = decode(s + i, len - i, &uc);
		else {
			n = 1;
			uc = ' ';
		}
		if (is_word_uc(uc)) {
			if (!inword)
				start = i;
			inword = true;
			continue;
		}
		if (inword) {
			out = xreallocarray(out, nout + 1, sizeof *out);
			out[nout].start = start;
			out[nout].len = i - start;
			nout++;
		}
		inword = false;
	}
	*words = out;
	return nout;
}
