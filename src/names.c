/*
 * Author lists split into people: see names.h.
 *
 * Parsing works on spans of the source string and copies only the
 * finished parts. Braces group: separators, commas and spaces inside
 * braces never split, as in BibTeX.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "names.h"
#include "record.h"
#include "xmalloc.h"

struct span {
	const char	*s;
	size_t		 len;
};

struct spans {
	struct span	*v;
	size_t		 n;
};

struct parser {
	struct record	*r;
	names_decode_fn	 decode;
	void		*arg;
	bool		 bibtex;	/* BibTeX rules: "Last, Jr, First", ~ ties */
	bool		 ris_order;	/* three parts are "Last, First, Suffix" */
	size_t		 added;
};

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static struct span
trim(struct span in)
{
	while (in.len > 0 && is_space((unsigned char)in.s[0])) {
		in.s++;
		in.len--;
	}
	while (in.len > 0 && is_space((unsigned char)in.s[in.len - 1]))
		in.len--;
	return in;
}

static void
spans_add(struct spans *out, const char *s, size_t len)
{
	struct span	sp;

	sp.s = s;
	sp.len = len;
	sp = trim(sp);
	if (sp.len == 0)
		return;
	out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
	out->v[out->n++] = sp;
}

/* Splits in at the byte sep outside braces; empty parts are dropped. */
static void
split_char(struct span in, char sep, struct spans *out)
{
	size_t	i, start;
	int	depth;

	depth = 0;
	start = 0;
	for (i = 0; i < in.len; i++) {
		if (in.s[i] == '{')
			depth++;
		else if (in.s[i] == '}' && depth > 0)
			depth--;
		else if (in.s[i] == sep && depth == 0) {
			spans_add(out, in.s + start, i - start);
			start = i + 1;
		}
	}
	spans_add(out, in.s + start, in.len - start);
}

/* Splits in at the word "and" (any case) between spaces, outside braces. */
static void
split_and(struct span in, struct spans *out)
{
	size_t	i, start;
	int	depth;

	depth = 0;
	start = 0;
	for (i = 0; i < in.len; i++) {
		if (in.s[i] == '{')
			depth++;
		else if (in.s[i] == '}' && depth > 0)
			depth--;
		if (depth != 0 || !is_space((unsigned char)in.s[i]) ||
		    i + 4 >= in.len || strncasecmp(in.s + i + 1, "and", 3) != 0 ||
		    !is_space((unsigned char)in.s[i + 4]))
			continue;
		spans_add(out, in.s + start, i - start);
		start = i + 4;
		i += 3;
	}
	spans_add(out, in.s + start, in.len - start);
}

/* Splits in into words at white space (and ties in BibTeX) outside braces. */
static void
split_words(struct span in, bool tilde, struct spans *out)
{
	size_t	i, start;
	int	depth;
	bool	sep;

	depth = 0;
	start = 0;
	for (i = 0; i < in.len; i++) {
		if (in.s[i] == '{')
			depth++;
		else if (in.s[i] == '}' && depth > 0)
			depth--;
		sep = is_space((unsigned char)in.s[i]) ||
		    (tilde && in.s[i] == '~');
		if (depth == 0 && sep) {
			spans_add(out, in.s + start, i - start);
			start = i + 1;
		}
	}
	spans_add(out, in.s + start, in.len - start);
}

/* Returns the span from the start of v[from] to the end of v[to - 1]. */
static struct span
span_range(const struct spans *v, size_t from, size_t to)
{
	struct span	sp;

	sp.s = v->v[from].s;
	sp.len = (size_t)(v->v[to - 1].s + v->v[to - 1].len - sp.s);
	return sp;
}

/* Returns in as plain text, or NULL when that is empty. */
static char *
decode(const struct parser *p, struct span in)
{
	struct buf	 b;
	char		*s;
	size_t		 i;

	if (in.len == 0)
		return NULL;
	if (p->decode != NULL) {
		s = p->decode(in.s, in.len, p->arg);
	} else {
		buf_init(&b);
		for (i = 0; i < in.len; i++) {
			if (in.s[i] != '{' && in.s[i] != '}')
				buf_addch(&b, in.s[i]);
		}
		s = buf_take(&b);
	}
	if (s[0] == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Returns whether in is one brace group: "{World Health Organization}". */
static bool
is_braced(struct span in)
{
	size_t	i;
	int	depth;

	if (in.len < 2 || in.s[0] != '{' || in.s[in.len - 1] != '}')
		return false;
	depth = 0;
	for (i = 0; i < in.len; i++) {
		if (in.s[i] == '{')
			depth++;
		else if (in.s[i] == '}' && --depth == 0)
			return i == in.len - 1;
	}
	return false;
}

/*
 * Returns whether a word starts with a lowercase letter, the test BibTeX
 * uses for the von part. A word that opens with a brace group counts
 * only when the group is a LaTeX special character such as {\"u}.
 */
static bool
starts_lowercase(struct span w)
{
	const uint8_t	*s, *end;
	ucs4_t		 c;

	s = (const uint8_t *)w.s;
	end = s + w.len;
	if (s < end && *s == '{') {
		if (s + 1 >= end || s[1] != '\\')
			return false;
		s += 2;
		/* Skip the accent command: \" or \c and a space or brace. */
		if (s < end && !((*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z')))
			s++;
		else if (s + 1 < end && (s[1] == ' ' || s[1] == '{'))
			s++;
		while (s < end && (*s == ' ' || *s == '{'))
			s++;
	}
	if (s >= end)
		return false;
	u8_mbtouc(&c, s, (size_t)(end - s));
	return uc_is_lower(c);
}

/*
 * Returns whether a word is initials: "J.", "JR", "J.-P.", "A.C." -- only
 * capital letters, periods and hyphens, and at most three letters when
 * there is no period.
 */
static bool
is_initials(struct span w)
{
	const uint8_t	*s, *end;
	ucs4_t		 c;
	size_t		 letters;
	bool		 period;
	int		 n;

	s = (const uint8_t *)w.s;
	end = s + w.len;
	letters = 0;
	period = false;
	while (s < end) {
		n = u8_mbtouc(&c, s, (size_t)(end - s));
		s += n;
		if (c == '.')
			period = true;
		else if (c == '-')
			continue;
		else if (uc_is_upper(c))
			letters++;
		else
			return false;
	}
	return letters > 0 && (period || letters <= 3);
}

static void
add_person(struct parser *p, const char *name, char *given, char *family)
{
	record_add_author(p->r, name, given, family);
	free(given);
	free(family);
	p->added++;
}

/* Adds a person written with commas: "Last, First" and its variants. */
static void
parse_with_commas(struct parser *p, const struct spans *parts)
{
	char	*family, *given, *suffix, *name;

	family = decode(p, parts->v[0]);
	if (parts->n == 2) {
		given = decode(p, parts->v[1]);
		suffix = NULL;
	} else if (p->ris_order) {
		given = decode(p, parts->v[1]);
		suffix = decode(p, span_range(parts, 2, parts->n));
	} else {
		suffix = decode(p, parts->v[1]);
		given = decode(p, span_range(parts, 2, parts->n));
	}
	if (family == NULL) {
		family = given;
		given = NULL;
	}
	if (suffix == NULL) {
		add_person(p, NULL, given, family);
		return;
	}
	if (given != NULL)
		name = xasprintf("%s %s, %s", given, family, suffix);
	else
		name = xasprintf("%s, %s", family, suffix);
	add_person(p, name, given, family);
	free(name);
	free(suffix);
}

/* Adds a person written without commas: "First von Last" or "Last F". */
static void
parse_words(struct parser *p, struct span in, const struct spans *words)
{
	char	*name;
	size_t	 i, von, initials;

	if (words->n == 1) {
		add_person(p, NULL, NULL, decode(p, in));
		return;
	}
	initials = 0;
	while (!p->bibtex && initials < words->n &&
	    is_initials(words->v[words->n - 1 - initials]))
		initials++;
	if (initials > 0 && initials < words->n) {
		name = decode(p, in);
		add_person(p, name,
		    decode(p, span_range(words, words->n - initials, words->n)),
		    decode(p, span_range(words, 0, words->n - initials)));
		free(name);
		return;
	}
	von = words->n - 1;
	for (i = p->bibtex ? 0 : 1; i + 1 < words->n; i++) {
		if (starts_lowercase(words->v[i])) {
			von = i;
			break;
		}
	}
	add_person(p, NULL,
	    von == 0 ? NULL : decode(p, span_range(words, 0, von)),
	    decode(p, span_range(words, von, words->n)));
}

/* Returns whether in has the byte sep outside braces. */
static bool
has_separator(struct span in, char sep)
{
	size_t	i;
	int	depth;

	depth = 0;
	for (i = 0; i < in.len; i++) {
		if (in.s[i] == '{')
			depth++;
		else if (in.s[i] == '}' && depth > 0)
			depth--;
		else if (in.s[i] == sep && depth == 0)
			return true;
	}
	return false;
}

static void
parse_person(struct parser *p, struct span in)
{
	struct spans	 parts = { NULL, 0 };
	char		*name;

	in = trim(in);
	if (in.len == 0)
		return;
	if (p->bibtex && in.len == 6 && strncmp(in.s, "others", 6) == 0)
		return;
	if (is_braced(in)) {
		name = decode(p, in);
		if (name != NULL)
			add_person(p, name, NULL, NULL);
		free(name);
		return;
	}
	split_char(in, ',', &parts);
	if (parts.n >= 2) {
		parse_with_commas(p, &parts);
	} else if (parts.n == 1 && has_separator(in, ',')) {
		/* "El Hachmane," is a family name with no given names. */
		add_person(p, NULL, NULL, decode(p, parts.v[0]));
	} else {
		free(parts.v);
		parts.v = NULL;
		parts.n = 0;
		split_words(in, p->bibtex, &parts);
		if (parts.n > 0)
			parse_words(p, in, &parts);
	}
	free(parts.v);
}

/*
 * Returns whether the period at s[i] ends an initial and is followed
 * directly by a new family name, as in "Adeli K.Lewis G. F.".
 */
static bool
is_run_together_break(const char *s, size_t len, size_t i)
{
	const uint8_t	*u;
	size_t		 start;
	ucs4_t		 c;
	int		 n;

	if (s[i] != '.' || i == 0 || i + 2 >= len)
		return false;
	u = (const uint8_t *)s;
	start = i - 1;
	while (start > 0 && (u[start] & 0xc0) == 0x80)
		start--;
	u8_mbtouc(&c, u + start, i - start);
	if (!uc_is_upper(c))
		return false;
	if (start > 0 && s[start - 1] != ' ' && s[start - 1] != '.' &&
	    s[start - 1] != '-')
		return false;
	n = u8_mbtouc(&c, u + i + 1, len - i - 1);
	if (!uc_is_alpha(c))
		return false;
	if (s[i + 1 + n] == '\'')
		return true;
	u8_mbtouc(&c, u + i + 1 + n, len - i - 1 - (size_t)n);
	return uc_is_alpha(c) || c == 0x2019;
}

static void
split_run_together(struct span in, struct spans *out)
{
	size_t	i, start;

	start = 0;
	for (i = 0; i < in.len; i++) {
		if (is_run_together_break(in.s, in.len, i)) {
			spans_add(out, in.s + start, i + 1 - start);
			start = i + 1;
		}
	}
	spans_add(out, in.s + start, in.len - start);
}

static bool
has_and(struct span in)
{
	struct spans	parts = { NULL, 0 };
	bool		found;

	split_and(in, &parts);
	found = parts.n > 1;
	free(parts.v);
	return found;
}

static bool
has_char(struct span in, char c)
{
	struct spans	parts = { NULL, 0 };
	bool		found;

	split_char(in, c, &parts);
	found = parts.n > 1;
	free(parts.v);
	return found;
}

enum names_style
names_guess_style(const char *s)
{
	struct span	in;
	size_t		i;

	in.s = s;
	in.len = strlen(s);
	if (has_and(in))
		return NAMES_BIBTEX;
	/* Even one ';' counts: "Smith, Jr, John;" is a list of one. */
	if (has_separator(in, ';'))
		return NAMES_SEMICOLON;
	for (i = 0; i < in.len; i++) {
		if (is_run_together_break(s, in.len, i))
			return NAMES_RUN_TOGETHER;
	}
	if (has_char(in, ','))
		return NAMES_COMMA;
	return NAMES_ONE;
}

/* Returns whether a comma-separated part is a whole "Last F" name. */
static bool
is_family_initials(struct span part)
{
	struct spans	words = { NULL, 0 };
	bool		yes;

	split_words(part, false, &words);
	yes = words.n >= 2 && is_initials(words.v[words.n - 1]) &&
	    !is_initials(words.v[0]);
	free(words.v);
	return yes;
}

static size_t
count_words(struct span part)
{
	struct spans	words = { NULL, 0 };
	size_t		n;

	split_words(part, false, &words);
	n = words.n;
	free(words.v);
	return n;
}

/*
 * Parses a comma list. Parts that are whole names ("Smith JA", "John
 * Smith") are one person each; otherwise two parts are one "Last, First"
 * and more parts pair up.
 */
static void
parse_comma_list(struct parser *p, struct span in)
{
	struct spans	parts = { NULL, 0 };
	struct span	pair;
	size_t		i, multiword;
	bool		each;

	split_char(in, ',', &parts);
	multiword = 0;
	each = false;
	for (i = 0; i < parts.n; i++) {
		if (count_words(parts.v[i]) >= 2)
			multiword++;
		if (is_family_initials(parts.v[i]))
			each = true;
	}
	if (multiword == parts.n || parts.n % 2 == 1)
		each = true;
	for (i = 0; i < parts.n; i += each ? 1 : 2) {
		if (each || i + 1 >= parts.n) {
			parse_person(p, parts.v[i]);
			continue;
		}
		pair.s = parts.v[i].s;
		pair.len = (size_t)(parts.v[i + 1].s + parts.v[i + 1].len -
		    pair.s);
		parse_person(p, pair);
	}
	free(parts.v);
}

static void
parse_split(struct parser *p, struct span in, enum names_style style)
{
	struct spans	parts = { NULL, 0 };
	size_t		i;

	if (style == NAMES_BIBTEX)
		split_and(in, &parts);
	else if (style == NAMES_SEMICOLON)
		split_char(in, ';', &parts);
	else
		split_run_together(in, &parts);
	for (i = 0; i < parts.n; i++)
		parse_person(p, parts.v[i]);
	free(parts.v);
}

size_t
names_parse_list(struct record *r, const char *s, enum names_style style)
{
	struct parser	p;
	struct span	in;

	memset(&p, 0, sizeof p);
	p.r = r;
	in.s = s;
	in.len = strlen(s);
	if (style == NAMES_AUTO)
		style = names_guess_style(s);
	p.bibtex = style == NAMES_BIBTEX;
	p.ris_order = style == NAMES_ONE;
	switch (style) {
	case NAMES_COMMA:
		parse_comma_list(&p, in);
		break;
	case NAMES_ONE:
		parse_person(&p, in);
		break;
	default:
		parse_split(&p, in, style);
		break;
	}
	return p.added;
}

size_t
names_parse_bibtex(struct record *r, const char *s, names_decode_fn decode_fn,
    void *arg)
{
	struct parser	p;
	struct span	in;

	memset(&p, 0, sizeof p);
	p.r = r;
	p.decode = decode_fn;
	p.arg = arg;
	p.bibtex = true;
	in.s = s;
	in.len = strlen(s);
	parse_split(&p, in, NAMES_BIBTEX);
	return p.added;
}

char *
names_suffix(const struct person *p)
{
	char	*prefix, *suffix;
	size_t	 len;

	if (p->family == NULL || p->name == NULL)
		return NULL;
	if (p->given != NULL)
		prefix = xasprintf("%s %s, ", p->given, p->family);
	else
		prefix = xasprintf("%s, ", p->family);
	len = strlen(prefix);
	suffix = NULL;
	if (strncmp(p->name, prefix, len) == 0 && p->name[len] != '\0')
		suffix = xstrdup(p->name + len);
	free(prefix);
	return suffix;
}
