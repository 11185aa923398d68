/*
 * Text layer on libunistring: see text.h.
 *
 * Everything here works on UTF-8 bytes. The file has four parts:
 * repair and cleaning of imported text, sanitising for the terminal,
 * display layout (cluster widths, truncation, wrapping) and the search
 * folding with its word splitter.
 *
 * Display widths follow what tmux 3.3a does on Debian 12, the terminal
 * the project is tested in. It calls glibc 2.36's wcwidth() for each
 * code point and puts a zero-width code point into the cell before it.
 * It also puts any non-ASCII code point that follows a ZWJ into the cell
 * before it. A display cluster is therefore a UAX #29 grapheme cluster, joined
 * with the next one when it ends in a ZWJ, and its width is the sum that
 * tmux computes. Measured in tmux 3.3a: U+263A U+FE0F takes 1 column
 * (tmux ignores VS16), the family U+1F469 ZWJ U+1F469 ZWJ U+1F467 takes
 * 2, a thumbs-up with a skin-tone modifier takes 4, and a flag (two
 * regional indicators) takes 2.
 */
#include <pthread.h>
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
#define DOTTED_CIRCLE	0x25cc
#define ZWNJ		0x200c
#define ZWJ		0x200d
#define TATWEEL		0x640
#define ESC		0x1b
#define BEL		0x07
#define CAN		0x18
#define SUB		0x1a
#define C1_ST		0x9c

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

static bool
is_mark(ucs4_t uc)
{
	return uc >= 0x300 && uc_is_general_category(uc, UC_CATEGORY_M);
}

/* --- Repair and cleaning of imported text ----------------------------- */

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
	int		k;

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
		k = u8_mbtoucr(&uc, (const uint8_t *)s + i, len - i);
		if (k > 0) {
			n = (size_t)k;
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

/* --- Sanitising for the terminal ---------------------------------------- */

static bool
is_bidi_control(ucs4_t uc)
{
	return (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

/* Whether uc opens a control string (OSC, DCS, SOS, PM, APC) after ESC. */
static bool
is_string_introducer(unsigned char c)
{
	return c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_';
}

/*
 * Returns the length of the body of a CSI sequence at s[0..len): its
 * parameter and intermediate bytes and the final byte. A byte that
 * cannot occur in a CSI sequence ends it early and is not consumed, so
 * that it is sanitised on its own.
 */
static size_t
csi_body_length(const char *s, size_t len)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x40 && c <= 0x7e)
			return i + 1;
		if (c < 0x20 || c > 0x3f)
			return i;
	}
	return len;
}

/*
 * Returns the length of the body of a control string (OSC, DCS and the
 * like) at s[0..len) with its terminator: BEL, ESC \ or U+009C ST. CAN
 * and SUB cancel the string and are consumed with it; another ESC ends
 * it and starts a sequence of its own. A string with no terminator
 * returns 0: only its introducer is dropped and the rest of the text is
 * kept, so that a stray "ESC ]" cannot hide a whole abstract.
 */
static size_t
string_body_length(const char *s, size_t len)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == BEL || c == CAN || c == SUB)
			return i + 1;
		if (c == ESC)
			return i + 1 < len && s[i + 1] == '\\' ? i + 2 : i;
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] ==
		    C1_ST)
			return i + 2;
	}
	return 0;
}

/*
 * Returns the length of the escape sequence that starts with ESC at
 * s[0], so that it can be dropped whole: ESC with its intermediate and
 * final bytes, a CSI sequence or a control string.
 */
static size_t
escape_length(const char *s, size_t len)
{
	size_t		i;
	unsigned char	c;

	if (len < 2)
		return len;
	c = (unsigned char)s[1];
	if (c == '[')
		return 2 + csi_body_length(s + 2, len - 2);
	if (is_string_introducer(c))
		return 2 + string_body_length(s + 2, len - 2);
	for (i = 1; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x30 && c <= 0x7e)
			return i + 1;
		if (c < 0x20 || c > 0x2f)
			return i;
	}
	return len;
}

/*
 * Returns the length of a sequence that starts with a C1 control uc of
 * n bytes at s[0]: U+009B is CSI and U+0090, U+0098, U+009D, U+009E and
 * U+009F open control strings, the same as their ESC forms.
 */
static size_t
c1_length(const char *s, size_t len, ucs4_t uc, size_t n)
{
	if (uc == 0x9b)
		return n + csi_body_length(s + n, len - n);
	if (uc == 0x90 || uc == 0x98 || uc == 0x9d || uc == 0x9e ||
	    uc == 0x9f)
		return n + string_body_length(s + n, len - n);
	return n;
}

/* Whether a ZWJ at s[i] joins something: it needs a non-ASCII neighbour. */
static bool
zwj_joins(const char *s, size_t len, size_t i, size_t n)
{
	return i > 0 && (unsigned char)s[i - 1] >= 0x80 && i + n < len &&
	    (unsigned char)s[i + n] >= 0x80;
}

/*
 * Puts U+25CC before every combining mark that starts a grapheme cluster
 * in s, as Unicode recommends for marks with no base. Without it the
 * terminal puts the mark into the cell before it, which may belong to
 * another column.
 */
static char *
add_mark_bases(char *s)
{
	const uint8_t	*p, *end, *next;
	struct buf	 b;
	ucs4_t		 uc;
	bool		 any = false;

	end = (const uint8_t *)s + strlen(s);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (p = (const uint8_t *)s; p < end; p = next) {
		next = u8_grapheme_next(p, end);
		u8_mbtouc(&uc, p, (size_t)(end - p));
		if (is_mark(uc)) {
			add_uc(&b, DOTTED_CIRCLE);
			any = true;
		}
		buf_add(&b, p, (size_t)(next - p));
	}
	if (!any) {
		buf_free(&b);
		return s;
	}
	free(s);
	return buf_take(&b);
}

char *
text_sanitize(const char *s)
{
	struct buf	b;
	size_t		i, n, len;
	ucs4_t		uc;
	bool		nonascii = false;

	len = strlen(s);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i += n) {
		n = decode(s + i, len - i, &uc);
		if (uc >= 0x20 && uc < 0x7f) {
			buf_addch(&b, s[i]);
			continue;
		}
		if (uc == '\t' || uc == '\n' || uc == '\r' || uc == '\v' ||
		    uc == '\f' || uc == 0x85 || uc == 0x2028 || uc == 0x2029) {
			buf_addch(&b, ' ');
			continue;
		}
		if (uc == ESC || (uc >= 0x80 && uc < 0xa0)) {
			n = uc == ESC ? escape_length(s + i, len - i) :
			    c1_length(s + i, len - i, uc, n);
			buf_addstr(&b, TEXT_PLACEHOLDER);
			continue;
		}
		if (uc < 0x20 || uc == 0x7f) {
			buf_addstr(&b, TEXT_PLACEHOLDER);
			continue;
		}
		/*
		 * Soft hyphens are hints this program never uses, and tmux
		 * draws them as a visible 1-column hyphen.
		 */
		if (is_bidi_control(uc) || uc == 0xad ||
		    (uc == ZWJ && !zwj_joins(s, len, i, n)))
			continue;
		nonascii = true;
		/*
		 * tmux 3.3a draws nothing for a code point that wcwidth()
		 * does not know, so unassigned ones show as U+FFFD.
		 */
		if (uc == REPLACEMENT ||
		    uc_is_general_category(uc, UC_CATEGORY_Cn))
			add_uc(&b, REPLACEMENT);
		else
			buf_add(&b, s + i, n);
	}
	if (!nonascii)
		return buf_take(&b);
	return add_mark_bases(buf_take(&b));
}

/* --- Display layout ----------------------------------------------------- */

/*
 * Returns the columns tmux 3.3a gives one code point: glibc 2.36's
 * wcwidth(). libunistring 1.0's uc_width() agrees except for the code
 * points listed here, found by comparing the two over the whole code
 * space; both know the same assigned code points (Unicode 14).
 * NOTE: the list is for Debian 12's glibc and libunistring and needs
 * checking again when either moves to a newer Unicode version.
 */
static int
uc_columns(ucs4_t uc)
{
	int	w;

	if (uc < 0x7f)
		return uc >= 0x20 ? 1 : 0;
	if (uc < 0xa0)
		return 0;
	if (uc == 0xad || (uc >= 0x600 && uc <= 0x605) || uc == 0x6dd ||
	    uc == 0x70f || uc == 0x890 || uc == 0x891 || uc == 0x8e2 ||
	    uc == 0x110bd || uc == 0x110cd)
		return 1;	/* soft hyphen and prepended number signs */
	if (uc == 0xcbf || uc == 0xcc6 || uc == 0x11a07 || uc == 0x11a08 ||
	    uc == 0x11c3f)
		return 0;
	if ((uc >= 0x3248 && uc <= 0x324f) || (uc >= 0x4dc0 && uc <= 0x4dff))
		return 2;
	/* Unassigned code points are sanitised to U+FFFD, 1 column. */
	if (uc_is_general_category(uc, UC_CATEGORY_Cn))
		return 1;
	w = uc_width(uc, "UTF-8");
	return w < 0 ? 1 : w;
}

static bool
is_regional_indicator(const uint8_t *p, const uint8_t *end)
{
	ucs4_t	uc;

	if (end - p < 4 || p[0] != 0xf0)
		return false;
	u8_mbtouc(&uc, p, (size_t)(end - p));
	return uc >= 0x1f1e6 && uc <= 0x1f1ff;
}

/*
 * Returns the end of the display cluster that starts at p.
 * libunistring 1.0 does not pair regional indicators (UAX #29 rules
 * GB12 and GB13), so a flag is joined here: callers walk clusters from
 * the start of the text, so pairs are counted from the first indicator.
 */
static const uint8_t *
cluster_end(const uint8_t *p, const uint8_t *end)
{
	const uint8_t	*next, *last;
	ucs4_t		 uc;

	for (;;) {
		next = u8_grapheme_next(p, end);
		if (next == NULL || next <= p)
			return p < end ? p + 1 : end;
		if (next - p == 4 && is_regional_indicator(p, end) &&
		    is_regional_indicator(next, end))
			next = u8_grapheme_next(next, end);
		if (next >= end || *next < 0x80)
			return next;
		last = u8_prev(&uc, next, p);
		if (last == NULL || uc != ZWJ)
			return next;
		p = next;	/* tmux joins what follows a ZWJ */
	}
}

/*
 * Returns the length of the cluster at s[0..len), stopping at a NUL.
 * Only the bytes up to the cluster's end and the code point after it
 * decide where it ends, so the NUL is looked for in a window that
 * doubles until it contains both. Searching all of len on every call made
 * walking a long string quadratic.
 */
static size_t
cluster_len(const uint8_t *s, size_t len)
{
	const uint8_t	*nul;
	size_t		 window, limit, n;

	window = len < 64 ? len : 64;
	for (;;) {
		nul = memchr(s, '\0', window);
		limit = nul != NULL ? (size_t)(nul - s) : window;
		n = (size_t)(cluster_end(s, s + limit) - s);
		/* A code point takes at most 4 bytes. */
		if (nul != NULL || window == len || n + 4 <= limit)
			return n;
		window = window > len / 2 ? len : window * 2;
	}
}

size_t
text_next_cluster(const char *s, size_t len, struct text_cluster *c)
{
	const uint8_t	*start = (const uint8_t *)s;
	ucs4_t		 uc;
	size_t		 n;
	int		 width = 0;
	bool		 after_zwj = false;

	c->s = s;
	c->len = 0;
	c->width = 0;
	if (len == 0 || *s == '\0')
		return 0;

	/* Printable ASCII followed by ASCII is a cluster of its own. */
	if (start[0] < 0x80 && (len == 1 || start[1] < 0x80) &&
	    s[0] != '\r') {
		c->len = 1;
		c->width = uc_columns(start[0]);
		return 1;
	}

	c->len = cluster_len(start, len);
	for (n = 0; n < c->len; ) {
		n += decode(s + n, c->len - n, &uc);
		if (!(after_zwj && uc >= 0x80))
			width += uc_columns(uc);
		after_zwj = uc == ZWJ;
	}
	c->width = width;
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

/* Returns the length of s[start..end) without the white space it ends in. */
static size_t
trim_end(const char *s, size_t start, size_t end)
{
	const uint8_t	*p;
	ucs4_t		 uc;

	while (end > start) {
		p = u8_prev(&uc, (const uint8_t *)s + end,
		    (const uint8_t *)s + start);
		if (p == NULL || !is_space(uc))
			break;
		end = (size_t)(p - (const uint8_t *)s);
	}
	return end - start;
}

/* Whether uc is white space that does not break a line. */
static bool
is_blank(ucs4_t uc)
{
	return is_space(uc) && uc != '\n' && uc != '\r' && uc != '\v' &&
	    uc != '\f' && uc != 0x85 && uc != 0x2028 && uc != 0x2029;
}

static size_t
skip_blanks(const char *s, size_t len, size_t i)
{
	ucs4_t	uc;
	size_t	n;

	for (; i < len; i += n) {
		n = decode(s + i, len - i, &uc);
		if (!is_blank(uc))
			break;
	}
	return i;
}

/* Whether libunistring marked a line break character (CR LF is one). */
static bool
is_line_break(char brk)
{
	return brk == UC_BREAK_MANDATORY || brk == UC_BREAK_CR_BEFORE_LF;
}

static bool
may_break(char brk)
{
	return brk == UC_BREAK_POSSIBLE || brk == UC_BREAK_HYPHENATION;
}

/*
 * Returns where the line that starts at s[start] ends: before the first
 * cluster that does not fit, moved back to the last break opportunity
 * when there is one, or at a line break character. Spaces may run past the width
 * because they are cut off at the break. The line is never empty unless
 * it is an empty line ended by a line break.
 */
static size_t
line_end(const char *s, size_t len, const char *breaks, size_t start,
    int width)
{
	struct text_cluster	c;
	size_t			i, n, brk = start;
	ucs4_t			uc;
	int			w = 0;

	for (i = start; i < len; i += n) {
		if (is_line_break(breaks[i]))
			return i;
		if (i > start && may_break(breaks[i]))
			brk = i;
		n = text_next_cluster(s + i, len - i, &c);
		decode(s + i, len - i, &uc);
		if (w + c.width > width && !is_blank(uc))
			break;
		w += c.width;
	}
	if (i > start && (i >= len || may_break(breaks[i])))
		return i;
	if (brk > start)
		return brk;
	if (i == start)		/* a cluster wider than the line */
		i += text_next_cluster(s + i, len - i, &c);
	return i;
}

/* Returns the position after the line break character at s[i]. */
static size_t
skip_line_break(const char *s, size_t len, size_t i)
{
	ucs4_t	uc;

	if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
		return i + 2;
	return i + decode(s + i, len - i, &uc);
}

size_t
text_wrap(const char *s, int width, struct text_line **lines)
{
	struct text_line	*out = NULL;
	size_t			 nout = 0, len, start, end;
	char			*breaks;

	*lines = NULL;
	len = strlen(s);
	if (width < 1)
		width = 1;
	breaks = xmalloc(len + 1);
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", breaks);

	start = skip_blanks(s, len, 0);
	while (start < len) {
		end = line_end(s, len, breaks, start, width);
		out = xreallocarray(out, nout + 1, sizeof *out);
		out[nout].start = start;
		out[nout].len = trim_end(s, start, end);
		nout++;
		if (end < len && is_line_break(breaks[end]))
			start = skip_line_break(s, len, end);
		else
			start = skip_blanks(s, len, end);
	}
	free(breaks);
	*lines = out;
	return nout;
}

/* --- Search folding ----------------------------------------------------- */

/*
 * Whether uc is a letter of a script written without spaces between
 * words, and so indexed one character a word: Han, Hiragana, Katakana
 * and Bopomofo.
 */
static bool
is_ideograph(ucs4_t uc)
{
	if (uc < 0x3005)
		return false;
	return (uc >= 0x3005 && uc <= 0x3007) ||
	    (uc >= 0x3021 && uc <= 0x3029) ||
	    (uc >= 0x3038 && uc <= 0x303c) ||
	    (uc >= 0x3041 && uc <= 0x3098) ||
	    (uc >= 0x309d && uc <= 0x309f) ||
	    (uc >= 0x30a1 && uc <= 0x30fa) ||
	    (uc >= 0x30fc && uc <= 0x30ff) ||
	    (uc >= 0x3105 && uc <= 0x312f) ||
	    (uc >= 0x31a0 && uc <= 0x31bf) ||
	    (uc >= 0x31f0 && uc <= 0x31ff) ||
	    (uc >= 0x3400 && uc <= 0x4dbf) ||
	    (uc >= 0x4e00 && uc <= 0x9fff) ||
	    (uc >= 0xf900 && uc <= 0xfaff) ||
	    (uc >= 0xff66 && uc <= 0xff9d) ||
	    (uc >= 0x1b000 && uc <= 0x1b16f) ||
	    (uc >= 0x20000 && uc <= 0x3ffff);
}

/* Latin, Greek and Cyrillic accents and overlays; a subset of Mn. */
static bool
is_accent(ucs4_t uc)
{
	return (uc >= 0x300 && uc <= 0x36f) ||
	    (uc >= 0x1ab0 && uc <= 0x1aff) ||
	    (uc >= 0x1dc0 && uc <= 0x1dff) ||
	    (uc >= 0x20d0 && uc <= 0x20ff) ||
	    (uc >= 0xfe20 && uc <= 0xfe2f);
}

/* Arabic harakat, superscript alef and Quranic annotation marks. */
static bool
is_haraka(ucs4_t uc)
{
	return (uc >= 0x610 && uc <= 0x61a) ||
	    (uc >= 0x64b && uc <= 0x65f) ||
	    uc == 0x670 ||
	    (uc >= 0x6d6 && uc <= 0x6dc) ||
	    (uc >= 0x6df && uc <= 0x6e4) ||
	    uc == 0x6e7 || uc == 0x6e8 ||
	    (uc >= 0x6ea && uc <= 0x6ed) ||
	    (uc >= 0x8d3 && uc <= 0x8e1) ||
	    (uc >= 0x8e3 && uc <= 0x8ff);
}

/* Cyrillic keeps its accents: й and и are different letters. */
static bool
is_cyrillic(ucs4_t uc)
{
	return (uc >= 0x400 && uc <= 0x52f) || (uc >= 0x1c80 &&
	    uc <= 0x1c8f) || (uc >= 0x2de0 && uc <= 0x2dff) ||
	    (uc >= 0xa640 && uc <= 0xa69f);
}

static bool
is_word_char(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		    (uc >= '0' && uc <= '9');
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N) ||
	    uc_is_general_category(uc, UC_CATEGORY_Co);
}

/*
 * Returns what folding turns one decomposed, case-folded code point
 * into, or 0 to drop it. base is the last code point that was not a
 * mark, which decides whether an accent goes.
 *
 * Non-ASCII punctuation and symbols that have no ASCII form here become
 * spaces: they are not words, and SQLite 3.40's unicode61 tokenizer
 * takes the ones newer than its Unicode tables (emoji such as U+1F9EA,
 * punctuation such as U+2E40) for word characters, which text_words()
 * would not. Invisible format characters go, except the zero-width
 * space, which separates words in scripts written without spaces.
 */
static ucs4_t
fold_uc(ucs4_t uc, ucs4_t base)
{
	if (uc >= 0x80 && is_word_char(uc))
		return uc == 0x64a || uc == 0x649 ? 0x6cc :	/* yeh */
		    uc == 0x643 ? 0x6a9 :		/* kaf to keheh */
		    uc == 0x629 || uc == 0x6d5 ? 0x647 :	/* teh marbuta */
		    uc == TATWEEL ? 0 :
		    uc >= 0x6f0 && uc <= 0x6f9 ? '0' + (uc - 0x6f0) :
		    uc >= 0x660 && uc <= 0x669 ? '0' + (uc - 0x660) : uc;
	if (is_haraka(uc) || (is_accent(uc) && !is_cyrillic(base)))
		return 0;
	switch (uc) {
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
	case 0x200b:			/* zero-width space */
		return ' ';
	}
	if (uc < 0x80 || is_mark(uc))
		return uc;
	if (uc_is_general_category(uc, UC_CATEGORY_Cf))
		return 0;
	return ' ';
}

/*
 * Returns the ASCII spelling of a case-folded Latin letter that has no
 * Unicode decomposition, so NFKD leaves it whole (ø, æ, ł, þ, ...), or
 * NULL. Readers type these letters in ASCII ("Soren" for "Søren"), as
 * they drop accents. ß needs no entry: case folding makes it "ss".
 */
static const char *
latin_letter_ascii(ucs4_t uc)
{
	switch (uc) {
	case 0xe6:	return "ae";	/* æ */
	case 0xf0:	return "d";	/* ð */
	case 0xf8:	return "o";	/* ø */
	case 0xfe:	return "th";	/* þ */
	case 0x111:	return "d";	/* đ */
	case 0x127:	return "h";	/* ħ */
	case 0x131:	return "i";	/* dotless ı */
	case 0x138:	return "k";	/* ĸ */
	case 0x142:	return "l";	/* ł */
	case 0x153:	return "oe";	/* œ */
	case 0x167:	return "t";	/* ŧ */
	}
	return NULL;
}

/*
 * Returns the last code point in b that is not a combining mark, or 0
 * when there is none.
 */
static ucs4_t
last_base_uc(const struct buf *b)
{
	const uint8_t	*start, *p;
	ucs4_t		 uc;

	start = (const uint8_t *)b->data;
	for (p = start + b->len; p > start; ) {
		p = u8_prev(&uc, p, start);
		if (p == NULL)
			return 0;
		if (!is_mark(uc))
			return uc;
	}
	return 0;
}

/*
 * Whether a space must go between the text in b and a word that starts
 * with uc: when one of the two is an ideograph and the other a word
 * character.
 */
static bool
needs_space(const struct buf *b, ucs4_t uc)
{
	ucs4_t	prev;

	if (b->len == 0 || (!is_ideograph(uc) &&
	    (unsigned char)b->data[b->len - 1] < 0x80))
		return false;
	prev = last_base_uc(b);
	return (is_ideograph(uc) && is_word_char(prev)) ||
	    (is_ideograph(prev) && is_word_char(uc));
}

/*
 * Appends the NFC text s[0..len) to b with a space between an ideograph
 * and a word character next to it, so that the index makes each
 * ideograph a word of its own.
 */
static void
add_spaced(struct buf *b, const uint8_t *s, size_t len)
{
	const uint8_t	*p, *end = s + len;
	ucs4_t		 uc, prev;
	bool		 prev_ideo, prev_word, ideo, word;
	int		 n;

	prev = last_base_uc(b);
	prev_ideo = is_ideograph(prev);
	prev_word = is_word_char(prev);
	for (p = s; p < end; p += n) {
		n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (is_mark(uc)) {
			buf_add(b, p, (size_t)n);
			continue;
		}
		ideo = is_ideograph(uc);
		word = is_word_char(uc);
		if ((ideo && prev_word) || (prev_ideo && word))
			buf_addch(b, ' ');
		buf_add(b, p, (size_t)n);
		prev_ideo = ideo;
		prev_word = word;
	}
}

/* Folds a run of non-ASCII (or mixed) text into b. */
static void
fold_slow(struct buf *b, const char *s, size_t len)
{
	uint8_t		*folded, *nfc;
	const char	*ascii;
	size_t		 flen, nlen, i, n;
	ucs4_t		 uc, base, out;
	struct buf	 tmp;
	bool		 has_base;

	folded = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFKD,
	    NULL, &flen);
	if (folded == NULL) {
		buf_add(b, s, len);
		return;
	}
	/* A mark with no letter or digit before it is dropped. */
	base = last_base_uc(b);
	has_base = is_word_char(base);
	buf_init(&tmp);
	for (i = 0; i < flen; i += n) {
		n = decode((const char *)folded + i, flen - i, &uc);
		if (is_mark(uc) && !has_base)
			continue;
		if ((ascii = latin_letter_ascii(uc)) != NULL) {
			buf_addstr(&tmp, ascii);
			base = (unsigned char)ascii[strlen(ascii) - 1];
			has_base = true;
			continue;
		}
		out = fold_uc(uc, base);
		if (out == 0)
			continue;
		if (!is_mark(out)) {
			base = out;
			has_base = is_word_char(out);
		}
		add_uc(&tmp, out);
	}
	free(folded);
	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)buf_str(&tmp),
	    tmp.len, NULL, &nlen);
	if (nfc != NULL) {
		add_spaced(b, nfc, nlen);
		free(nfc);
	} else
		add_spaced(b, (const uint8_t *)buf_str(&tmp), tmp.len);
	buf_free(&tmp);
}

static bool
is_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/*
 * Folding of single code points that need no context, computed once by
 * fold_slow(): U+0080..U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic
 * and Persian letters) and U+2000..U+206F (quotes, dashes, ZWNJ). A code
 * point qualifies when it is not a mark and its folding contains none;
 * text_fold() uses the entry only when no mark follows, since a mark
 * could compose with it or depend on it.
 */
#define FOLD_LOW_FIRST	0x80
#define FOLD_LOW_LAST	0x7ff
#define FOLD_PUNCT_FIRST	0x2000
#define FOLD_PUNCT_LAST		0x206f

struct fold_entry {
	bool		simple;
	unsigned char	len;
	char		s[14];
	ucs4_t		first;	/* first code point of s, or 0 */
};

static struct fold_entry fold_low[FOLD_LOW_LAST - FOLD_LOW_FIRST + 1];
static struct fold_entry fold_punct[FOLD_PUNCT_LAST - FOLD_PUNCT_FIRST + 1];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_slow(struct buf *, const char *, size_t);

static void
fold_entry_init(struct fold_entry *e, ucs4_t uc)
{
	struct buf	 b;
	uint8_t		 in[6];
	const uint8_t	*p, *end;
	ucs4_t		 out;
	int		 n;

	e->simple = false;
	if (is_mark(uc))
		return;
	n = u8_uctomb(in, uc, sizeof in);
	buf_init(&b);
	buf_add(&b, "", 0);
	fold_slow(&b, (const char *)in, (size_t)n);
	if (b.len < sizeof e->s) {
		e->simple = true;
		end = (const uint8_t *)b.data + b.len;
		for (p = (const uint8_t *)b.data; p < end; p += n) {
			n = u8_mbtouc(&out, p, (size_t)(end - p));
			if (is_mark(out) || is_ideograph(out))
				e->simple = false;
		}
		memcpy(e->s, b.data, b.len);
		e->len = (unsigned char)b.len;
		e->first = 0;
		if (b.len > 0)
			u8_mbtouc(&e->first, (const uint8_t *)b.data, b.len);
	}
	buf_free(&b);
}

static void
fold_tables_init(void)
{
	ucs4_t	uc;

	for (uc = FOLD_LOW_FIRST; uc <= FOLD_LOW_LAST; uc++)
		fold_entry_init(&fold_low[uc - FOLD_LOW_FIRST], uc);
	for (uc = FOLD_PUNCT_FIRST; uc <= FOLD_PUNCT_LAST; uc++)
		fold_entry_init(&fold_punct[uc - FOLD_PUNCT_FIRST], uc);
}

/* Returns the table entry for uc when it is simple, or NULL. */
static const struct fold_entry *
fold_entry(ucs4_t uc)
{
	const struct fold_entry	*e;

	if (uc >= FOLD_LOW_FIRST && uc <= FOLD_LOW_LAST)
		e = &fold_low[uc - FOLD_LOW_FIRST];
	else if (uc >= FOLD_PUNCT_FIRST && uc <= FOLD_PUNCT_LAST)
		e = &fold_punct[uc - FOLD_PUNCT_FIRST];
	else
		return NULL;
	return e->simple ? e : NULL;
}

/* Whether the code point at s[i] (if any) is a combining mark. */
static bool
mark_at(const char *s, size_t len, size_t i)
{
	ucs4_t	uc;

	if (i >= len || (unsigned char)s[i] < 0x80)
		return false;
	decode(s + i, len - i, &uc);
	return is_mark(uc);
}

/* CJK Unified Ideographs: no folding applies to them. */
static bool
is_common_ideograph(ucs4_t uc)
{
	return uc >= 0x4e00 && uc <= 0x9fff;
}

/*
 * Returns the end of the run of code points from s[i] that need the
 * slow path: non-ASCII ones with no simple table entry that are not
 * common ideographs, or that a mark follows.
 */
static size_t
slow_run_end(const char *s, size_t len, size_t i)
{
	size_t	n;
	ucs4_t	uc;

	while (i < len && (unsigned char)s[i] >= 0x80) {
		n = decode(s + i, len - i, &uc);
		if ((fold_entry(uc) != NULL || is_common_ideograph(uc)) &&
		    !mark_at(s, len, i + n))
			break;
		i += n;
	}
	return i;
}

/* Appends the ASCII run s[0..len) to b in lower case, ` as '. */
static void
fold_ascii(struct buf *b, const char *s, size_t len)
{
	size_t	i, old = b->len;
	char	c;

	buf_add(b, s, len);
	for (i = old; i < b->len; i++) {
		c = b->data[i];
		if (c >= 'A' && c <= 'Z')
			b->data[i] = (char)(c + 32);
		else if (c == '`')
			b->data[i] = '\'';
	}
}

char *
text_fold(const char *s)
{
	const struct fold_entry	*e;
	struct buf		 b;
	size_t			 i, j, n, len;
	bool			 repaired;
	char			*valid = NULL;
	ucs4_t			 uc;

	pthread_once(&fold_once, fold_tables_init);
	len = strlen(s);
	if (!text_valid_utf8(s, len)) {
		valid = text_repair_utf8(s, len, &repaired);
		s = valid;
		len = strlen(s);
	}
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i = j) {
		if ((unsigned char)s[i] < 0x80) {
			for (j = i; j < len && (unsigned char)s[j] < 0x80; j++)
				;
			if (needs_space(&b, (unsigned char)s[i]))
				buf_addch(&b, ' ');
			fold_ascii(&b, s + i, j - i);
			continue;
		}
		n = decode(s + i, len - i, &uc);
		j = i + n;
		if (mark_at(s, len, j))
			e = NULL;
		else if ((e = fold_entry(uc)) != NULL) {
			if (needs_space(&b, e->first))
				buf_addch(&b, ' ');
			buf_add(&b, e->s, e->len);
			continue;
		} else if (is_common_ideograph(uc)) {
			if (needs_space(&b, uc))
				buf_addch(&b, ' ');
			buf_add(&b, s + i, n);
			continue;
		}
		/*
		 * A mark folds together with the ASCII word it follows, so
		 * that it stays with its base letter: take back the letters
		 * and digits just copied, one byte each.
		 */
		j = slow_run_end(s, len, i);
		if (is_mark(uc)) {
			while (i > 0 && b.len > 0 && is_ascii_alnum(s[i - 1])) {
				i--;
				b.len--;
			}
			b.data[b.len] = '\0';
		}
		fold_slow(&b, s + i, j - i);
	}
	free(valid);
	return buf_take(&b);
}

/* Whether a code point continues a word but cannot start one. */
static bool
is_word_continuation(ucs4_t uc)
{
	return uc == ZWNJ || uc == ZWJ || is_mark(uc);
}

size_t
text_words(const char *s, struct text_span **words)
{
	struct text_span	*out = NULL;
	size_t			 nout = 0, i, n, len, start = 0;
	ucs4_t			 uc;
	bool			 inword = false, in_ideo = false, word;

	len = strlen(s);
	for (i = 0; i <= len; i += n) {
		if (i < len)
			n = decode(s + i, len - i, &uc);
		else {
			n = 1;
			uc = ' ';
		}
		word = is_word_char(uc);
		if (inword && (is_word_continuation(uc) || (word &&
		    !in_ideo && !is_ideograph(uc))))
			continue;
		if (inword) {
			out = xreallocarray(out, nout + 1, sizeof *out);
			out[nout].start = start;
			out[nout].len = i - start;
			nout++;
		}
		inword = word;
		in_ideo = word && is_ideograph(uc);
		start = i;
	}
	*words = out;
	return nout;
}
