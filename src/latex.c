/*
 * LaTeX text to and from Unicode: see latex.h.
 *
 * The decoder reads the text once from left to right. An accent takes
 * its argument ({x}, a letter or a command such as \i) decoded on its
 * own, puts the combining mark after the argument's first character,
 * and NFC at the end composes the pair where Unicode has a precomposed
 * letter.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "buf.h"
#include "latex.h"
#include "text.h"
#include "xmalloc.h"

/* Accents written as a symbol (\"u) and the combining marks they give. */
static const struct symbol_accent {
	char		 symbol;
	const char	*mark;
} symbol_accents[] = {
	{ '"',	"\xcc\x88" },	/* U+0308 diaeresis */
	{ '\'',	"\xcc\x81" },	/* U+0301 acute */
	{ '`',	"\xcc\x80" },	/* U+0300 grave */
	{ '^',	"\xcc\x82" },	/* U+0302 circumflex */
	{ '~',	"\xcc\x83" },	/* U+0303 tilde */
	{ '=',	"\xcc\x84" },	/* U+0304 macron */
	{ '.',	"\xcc\x87" },	/* U+0307 dot above */
};

/* Accents written as a letter command (\c{c}). */
static const struct word_accent {
	const char	*name;
	const char	*mark;
} word_accents[] = {
	{ "c",	"\xcc\xa7" },	/* U+0327 cedilla */
	{ "v",	"\xcc\x8c" },	/* U+030C caron */
	{ "u",	"\xcc\x86" },	/* U+0306 breve */
	{ "H",	"\xcc\x8b" },	/* U+030B double acute */
	{ "r",	"\xcc\x8a" },	/* U+030A ring above */
	{ "k",	"\xcc\xa8" },	/* U+0328 ogonek */
	{ "d",	"\xcc\xa3" },	/* U+0323 dot below */
	{ "b",	"\xcc\xb1" },	/* U+0331 macron below */
	{ "t",	"\xcd\xa1" },	/* U+0361 double inverted breve */
};

/* Commands that stand for a character. */
static const struct word_symbol {
	const char	*name;
	const char	*text;
} word_symbols[] = {
	{ "ss",	"\xc3\x9f" }, { "SS", "SS" },
	{ "o",	"\xc3\xb8" }, { "O", "\xc3\x98" },
	{ "ae",	"\xc3\xa6" }, { "AE", "\xc3\x86" },
	{ "oe",	"\xc5\x93" }, { "OE", "\xc5\x92" },
	{ "aa",	"\xc3\xa5" }, { "AA", "\xc3\x85" },
	{ "l",	"\xc5\x82" }, { "L", "\xc5\x81" },
	{ "i",	"\xc4\xb1" }, { "j", "\xc8\xb7" },
	{ "dh", "\xc3\xb0" }, { "DH", "\xc3\x90" },
	{ "th", "\xc3\xbe" }, { "TH", "\xc3\x9e" },
	{ "ng", "\xc5\x8b" }, { "NG", "\xc5\x8a" },
	{ "textendash",		"\xe2\x80\x93" },
	{ "textemdash",		"\xe2\x80\x94" },
	{ "textquoteleft",	"\xe2\x80\x98" },
	{ "textquoteright",	"\xe2\x80\x99" },
	{ "textquotedblleft",	"\xe2\x80\x9c" },
	{ "textquotedblright",	"\xe2\x80\x9d" },
	{ "textasciitilde",	"~" },
	{ "textasciicircum",	"^" },
	{ "textasciigrave",	"`" },
	{ "textbackslash",	"\\" },
	{ "textbraceleft",	"{" },
	{ "textbraceright",	"}" },
	{ "textbar",		"|" },
	{ "textless",		"<" },
	{ "textgreater",	">" },
	{ "textunderscore",	"_" },
	{ "textdegree",		"\xc2\xb0" },
	{ "textregistered",	"\xc2\xae" },
	{ "texttrademark",	"\xe2\x84\xa2" },
	{ "copyright",		"\xc2\xa9" },
	{ "textcopyright",	"\xc2\xa9" },
	{ "pounds",		"\xc2\xa3" },
	{ "euro",		"\xe2\x82\xac" },
	{ "S",			"\xc2\xa7" },
	{ "P",			"\xc2\xb6" },
	{ "ldots",		"\xe2\x80\xa6" },
	{ "dots",		"\xe2\x80\xa6" },
	{ "textellipsis",	"\xe2\x80\xa6" },
	{ "guillemotleft",	"\xc2\xab" },
	{ "guillemotright",	"\xc2\xbb" },
	{ "quad",		" " },
	{ "qquad",		" " },
	{ "textmu",		"\xc2\xb5" },
	{ "pm",			"\xc2\xb1" },
	{ "times",		"\xc3\x97" },
	{ "cdot",		"\xc2\xb7" },
	{ "leq",		"\xe2\x89\xa4" },
	{ "le",			"\xe2\x89\xa4" },
	{ "geq",		"\xe2\x89\xa5" },
	{ "ge",			"\xe2\x89\xa5" },
	{ "infty",		"\xe2\x88\x9e" },
	{ "alpha",	"\xce\xb1" }, { "beta",	"\xce\xb2" },
	{ "gamma",	"\xce\xb3" }, { "delta", "\xce\xb4" },
	{ "epsilon",	"\xce\xb5" }, { "varepsilon", "\xce\xb5" },
	{ "zeta",	"\xce\xb6" }, { "eta", "\xce\xb7" },
	{ "theta",	"\xce\xb8" }, { "iota", "\xce\xb9" },
	{ "kappa",	"\xce\xba" }, { "lambda", "\xce\xbb" },
	{ "mu",		"\xce\xbc" }, { "nu", "\xce\xbd" },
	{ "xi",		"\xce\xbe" }, { "pi", "\xcf\x80" },
	{ "rho",	"\xcf\x81" }, { "sigma", "\xcf\x83" },
	{ "tau",	"\xcf\x84" }, { "upsilon", "\xcf\x85" },
	{ "phi",	"\xcf\x86" }, { "varphi", "\xcf\x86" },
	{ "chi",	"\xcf\x87" }, { "psi", "\xcf\x88" },
	{ "omega",	"\xcf\x89" },
	{ "Gamma",	"\xce\x93" }, { "Delta", "\xce\x94" },
	{ "Theta",	"\xce\x98" }, { "Lambda", "\xce\x9b" },
	{ "Xi",		"\xce\x9e" }, { "Pi", "\xce\xa0" },
	{ "Sigma",	"\xce\xa3" }, { "Phi", "\xce\xa6" },
	{ "Psi",	"\xce\xa8" }, { "Omega", "\xce\xa9" },
};

/* Commands dropped with their text kept: \emph{word} gives "word". */
static const char *const formatting[] = {
	"emph", "textbf", "textit", "textsc", "texttt", "textrm", "textsf",
	"textsl", "textup", "textmd", "textnormal", "text", "mbox", "hbox",
	"mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal",
	"ensuremath", "textsuperscript", "textsubscript", "url", "NoCaseChange",
	"bf", "it", "em", "sc", "rm", "tt", "sf", "sl", "relax", "protect",
	"nocase", "noopsort",
};

struct decoder {
	const char	*s;
	size_t		 end;
	size_t		 pos;
	struct buf	*out;
};

static void	decode_span(const char *s, size_t start, size_t end,
		    struct buf *out);

static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Returns the index of the brace closing the one at open, or end. */
static size_t
matching_brace(const char *s, size_t open, size_t end)
{
	size_t	i;
	int	depth;

	depth = 0;
	for (i = open; i < end; i++) {
		if (s[i] == '\\' && i + 1 < end) {
			i++;
			continue;
		}
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0)
			return i;
	}
	return end;
}

/* Returns the end of the command starting at the backslash at pos. */
static size_t
command_end(const char *s, size_t pos, size_t end)
{
	size_t	i;

	i = pos + 1;
	if (i >= end)
		return i;
	if (!is_letter(s[i]))
		return i + 1;
	while (i < end && is_letter(s[i]))
		i++;
	return i;
}

/* Decodes an accent's argument at d->pos into arg and moves past it. */
static void
read_argument(struct decoder *d, struct buf *arg)
{
	size_t	close, next;
	int	n;

	if (d->pos >= d->end)
		return;
	if (d->s[d->pos] == '{') {
		close = matching_brace(d->s, d->pos, d->end);
		decode_span(d->s, d->pos + 1, close, arg);
		d->pos = close < d->end ? close + 1 : close;
		return;
	}
	if (d->s[d->pos] == '\\') {
		next = command_end(d->s, d->pos, d->end);
		decode_span(d->s, d->pos, next, arg);
		d->pos = next;
		return;
	}
	n = u8_mblen((const uint8_t *)d->s + d->pos, d->end - d->pos);
	if (n < 1)
		n = 1;
	buf_add(arg, d->s + d->pos, (size_t)n);
	d->pos += (size_t)n;
}

/*
 * Writes the argument with the combining mark after its first
 * character. A dotless i or j under an accent is the plain letter, as
 * in \'{\i}. An empty argument gives the spacing character for the
 * symbol accents (\~{} is a tilde) and nothing for the others.
 */
static void
apply_accent(struct decoder *d, const char *mark, char symbol)
{
	struct buf	 arg;
	const char	*a;
	int		 n;

	buf_init(&arg);
	read_argument(d, &arg);
	a = buf_str(&arg);
	if (a[0] == '\0') {
		if (symbol != '\0')
			buf_addch(d->out, symbol);
		buf_free(&arg);
		return;
	}
	if (strncmp(a, "\xc4\xb1", 2) == 0) {
		buf_addch(d->out, 'i');
		a += 2;
	} else if (strncmp(a, "\xc8\xb7", 2) == 0) {
		buf_addch(d->out, 'j');
		a += 2;
	} else {
		n = u8_mblen((const uint8_t *)a, strlen(a));
		if (n < 1)
			n = 1;
		buf_add(d->out, a, (size_t)n);
		a += n;
	}
	buf_addstr(d->out, mark);
	buf_addstr(d->out, a);
	buf_free(&arg);
}

/* Handles \ followed by a non-letter at d->pos (on the backslash). */
static void
control_symbol(struct decoder *d)
{
	size_t	i;
	char	c;

	c = d->s[d->pos + 1];
	d->pos += 2;
	for (i = 0; i < sizeof symbol_accents / sizeof symbol_accents[0]; i++) {
		if (symbol_accents[i].symbol == c) {
			apply_accent(d, symbol_accents[i].mark, c);
			return;
		}
	}
	switch (c) {
	case '\\':
	case ' ':
	case '\n':
	case ',':
	case ';':
	case ':':
		buf_addch(d->out, ' ');
		break;
	case '-':
	case '/':
	case '!':
		break;
	default:
		buf_addch(d->out, c);
		break;
	}
}

/* Handles a control word such as \ss or \emph at d->pos. */
static void
control_word(struct decoder *d)
{
	size_t	start, len, i;

	start = d->pos + 1;
	d->pos = command_end(d->s, d->pos, d->end);
	len = d->pos - start;
	/* TeX ignores spaces after a control word. */
	while (d->pos < d->end && is_blank(d->s[d->pos]))
		d->pos++;
	for (i = 0; i < sizeof word_accents / sizeof word_accents[0]; i++) {
		if (strlen(word_accents[i].name) == len &&
		    memcmp(word_accents[i].name, d->s + start, len) == 0) {
			apply_accent(d, word_accents[i].mark, '\0');
			return;
		}
	}
	for (i = 0; i < sizeof word_symbols / sizeof word_symbols[0]; i++) {
		if (strlen(word_symbols[i].name) == len &&
		    memcmp(word_symbols[i].name, d->s + start, len) == 0) {
			buf_addstr(d->out, word_symbols[i].text);
			return;
		}
	}
	for (i = 0; i < sizeof formatting / sizeof formatting[0]; i++) {
		if (strlen(formatting[i]) == len &&
		    memcmp(formatting[i], d->s + start, len) == 0)
			return;
	}
	buf_addch(d->out, '\\');
	buf_add(d->out, d->s + start, len);
	/* Keep the space TeX would have eaten, so the words stay apart. */
	if (d->pos > start + len)
		buf_addch(d->out, ' ');
}

/* Writes the ligatures -- --- `` '' and the quote ` at d->pos. */
static void
ligature(struct decoder *d)
{
	const char	*s;
	size_t		 left;

	s = d->s + d->pos;
	left = d->end - d->pos;
	if (s[0] == '-' && left >= 3 && s[1] == '-' && s[2] == '-') {
		buf_addstr(d->out, "\xe2\x80\x94");
		d->pos += 3;
	} else if (s[0] == '-' && left >= 2 && s[1] == '-') {
		buf_addstr(d->out, "\xe2\x80\x93");
		d->pos += 2;
	} else if (s[0] == '`' && left >= 2 && s[1] == '`') {
		buf_addstr(d->out, "\xe2\x80\x9c");
		d->pos += 2;
	} else if (s[0] == '\'' && left >= 2 && s[1] == '\'') {
		buf_addstr(d->out, "\xe2\x80\x9d");
		d->pos += 2;
	} else if (s[0] == '`') {
		buf_addstr(d->out, "\xe2\x80\x98");
		d->pos++;
	} else {
		buf_addch(d->out, s[0]);
		d->pos++;
	}
}

static void
decode_span(const char *s, size_t start, size_t end, struct buf *out)
{
	struct decoder	d;
	char		c;

	d.s = s;
	d.pos = start;
	d.end = end;
	d.out = out;
	while (d.pos < d.end) {
		c = s[d.pos];
		if (c == '{' || c == '}' || c == '$') {
			d.pos++;
		} else if (c == '~') {
			buf_addch(out, ' ');
			d.pos++;
		} else if (c == '\\' && d.pos + 1 < d.end) {
			if (is_letter(s[d.pos + 1]))
				control_word(&d);
			else
				control_symbol(&d);
		} else if (c == '-' || c == '`' || c == '\'') {
			ligature(&d);
		} else {
			buf_addch(out, c);
			d.pos++;
		}
	}
}

char *
latex_decode(const char *s, size_t len)
{
	struct buf	 b;
	char		*nfc;
	size_t		 i;

	buf_init(&b);
	buf_addstr(&b, "");
	decode_span(s, 0, len, &b);
	for (i = 0; i < b.len; i++) {
		if ((unsigned char)b.data[i] >= 0x80)
			break;
	}
	/* ASCII is NFC already, and most fields are ASCII. */
	if (i == b.len)
		return buf_take(&b);
	nfc = text_nfc(buf_str(&b));
	buf_free(&b);
	return nfc;
}

char *
latex_decode_verbatim(const char *s, size_t len)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	buf_addstr(&b, "");
	for (i = 0; i < len; i++) {
		if (s[i] == '{' || s[i] == '}')
			continue;
		if (s[i] == '\\' && i + 1 < len && !is_letter(s[i + 1]))
			i++;
		buf_addch(&b, s[i]);
	}
	return buf_take(&b);
}

/*
 * Returns whether the braces in s pair up. BibTeX counts \{ and \} as
 * braces too, so an unpaired one would end or extend the field.
 */
bool
latex_braces_balanced(const char *s)
{
	long	depth = 0;

	for (; *s != '\0'; s++) {
		if (*s == '{')
			depth++;
		else if (*s == '}' && --depth < 0)
			return false;
	}
	return depth == 0;
}

void
latex_escape(struct buf *b, const char *s)
{
	bool	balanced;

	balanced = latex_braces_balanced(s);
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '{':
		case '}':
			if (balanced) {
				buf_addch(b, '\\');
				buf_addch(b, *s);
			} else {
				buf_addstr(b, *s == '{' ? "\\textbraceleft{}" :
				    "\\textbraceright{}");
			}
			break;
		case '&': case '%': case '$': case '#': case '_':
			buf_addch(b, '\\');
			buf_addch(b, *s);
			break;
		case '~':
			buf_addstr(b, "\\textasciitilde{}");
			break;
		case '^':
			buf_addstr(b, "\\textasciicircum{}");
			break;
		case '\\':
			buf_addstr(b, "\\textbackslash{}");
			break;
		case '`':
			buf_addstr(b, "\\textasciigrave{}");
			break;
		case '-':
		case '\'':
			/* Break up -- and '' so they stay two characters. */
			buf_addch(b, *s);
			if (s[1] == *s)
				buf_addstr(b, "{}");
			break;
		default:
			buf_addch(b, *s);
			break;
		}
	}
}
