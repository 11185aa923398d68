/*
 * Normalisation of field values for duplicate detection: folding to
 * words, HTML markup, DOIs, pages and placeholders. See dupes_key.h.
 *
 * Folding must be cheap because every title, abstract and author of a
 * catalogue goes through it: ASCII words are lower-cased in place and
 * only words holding other characters go through text_fold(), which is
 * several times slower.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dupes_key.h"
#include "text.h"
#include "xmalloc.h"

uint32_t
dupes_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Named entities that occur in exported titles and abstracts. */
static const struct {
	const char	*name;
	const char	*utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", " " }, { "ndash", "-" }, { "mdash", "-" },
	{ "lsquo", "'" }, { "rsquo", "'" }, { "ldquo", "\"" },
	{ "rdquo", "\"" }, { "hellip", "..." }, { "shy", "" },
	{ "eacute", "\xc3\xa9" }, { "egrave", "\xc3\xa8" },
	{ "aacute", "\xc3\xa1" }, { "agrave", "\xc3\xa0" },
	{ "iacute", "\xc3\xad" }, { "oacute", "\xc3\xb3" },
	{ "uacute", "\xc3\xba" }, { "auml", "\xc3\xa4" },
	{ "ouml", "\xc3\xb6" }, { "uuml", "\xc3\xbc" },
	{ "ccedil", "\xc3\xa7" }, { "ntilde", "\xc3\xb1" },
	{ "szlig", "\xc3\x9f" }, { "alpha", "\xce\xb1" },
	{ "beta", "\xce\xb2" }, { "gamma", "\xce\xb3" },
	{ "delta", "\xce\xb4" }, { "kappa", "\xce\xba" },
	{ "mu", "\xce\xbc" }, { "plusmn", "\xc2\xb1" },
	{ "times", "\xc3\x97" }, { "deg", "\xc2\xb0" },
};

static void
add_code_point(struct buf *out, unsigned long cp)
{
	char	u[4];

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return;
	if (cp < 0x80) {
		buf_addch(out, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(out, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(out, u, 3);
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(out, u, 4);
	}
}

/*
 * Decodes the entity at s ('&' at s[0]) into out and returns the bytes
 * it took, or 0 when s does not start a known entity.
 */
static size_t
decode_entity(const char *s, struct buf *out)
{
	unsigned long	 cp;
	const char	*end;
	char		*stop;
	size_t		 i, len;

	end = strchr(s, ';');
	if (end == NULL || end - s > 10)
		return 0;
	len = (size_t)(end - s) + 1;
	if (s[1] == '#') {
		if (s[2] == 'x' || s[2] == 'X')
			cp = strtoul(s + 3, &stop, 16);
		else
			cp = strtoul(s + 2, &stop, 10);
		if (stop != end)
			return 0;
		add_code_point(out, cp);
		return len;
	}
	for (i = 0; i < sizeof entities / sizeof entities[0]; i++) {
		if (strlen(entities[i].name) == len - 2 &&
		    strncmp(s + 1, entities[i].name, len - 2) == 0) {
			buf_addstr(out, entities[i].utf8);
			return len;
		}
	}
	return 0;
}

/*
 * Returns the length of the HTML or XML tag at s ('<' at s[0]), or 0
 * when s does not start one, so that "a < b" is left alone.
 */
static size_t
tag_length(const char *s)
{
	size_t	i;

	i = 1;
	if (s[i] == '/')
		i++;
	if (!isalpha((unsigned char)s[i]))
		return 0;
	for (; s[i] != '\0' && i < 64; i++) {
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '<')
			return 0;
	}
	return 0;
}

/* Copies s to out with tags dropped and entities decoded. */
static void
strip_markup(const char *s, struct buf *out)
{
	size_t	n;

	while (*s != '\0') {
		if (*s == '&' && (n = decode_entity(s, out)) > 0) {
			s += n;
			continue;
		}
		if (*s == '<' && (n = tag_length(s)) > 0) {
			s += n;
			continue;
		}
		buf_addch(out, *s++);
	}
}

static void
add_word_separator(struct buf *out)
{
	if (out->len > 0 && out->data[out->len - 1] != ' ')
		buf_addch(out, ' ');
}

/*
 * Folds one whitespace-delimited chunk that contains non-ASCII bytes
 * with text_fold() and appends its words.
 */
static void
fold_chunk(const char *s, size_t len, struct buf *out)
{
	struct text_span	*words;
	struct buf		 clean;
	char			*chunk, *folded;
	size_t			 i, n;

	chunk = xstrndup(s, len);
	folded = text_fold(chunk);
	free(chunk);

	/* Apostrophes join a word ("does'nt") as on the ASCII path. */
	buf_init(&clean);
	for (i = 0; folded[i] != '\0'; i++) {
		if (folded[i] != '\'')
			buf_addch(&clean, folded[i]);
	}
	free(folded);

	n = text_words(buf_str(&clean), &words);
	for (i = 0; i < n; i++) {
		add_word_separator(out);
		buf_add(out, clean.data + words[i].start, words[i].len);
	}
	free(words);
	buf_free(&clean);
}

/*
 * Makes room for len more bytes in out without changing its contents.
 * buf.h has no call for that, so the bytes are added and taken back.
 */
static void
reserve(struct buf *out, const char *s, size_t len)
{
	size_t	base = out->len;

	/* s[0..len) need only be readable: its bytes are taken back. */
	buf_add(out, s, len);
	out->len = base;
	out->data[base] = '\0';
}

/*
 * Appends the folded words of s: ASCII bytes through a branch-light
 * mapping written straight into out (lower case, apostrophes dropped,
 * other punctuation a word break), whitespace-delimited chunks with
 * other bytes through fold_chunk(). This is the hottest loop of the
 * search, as every abstract goes through it.
 */
static void
fold_plain(const char *s, struct buf *out)
{
	const char	*p, *chunk;
	unsigned char	 c;
	bool		 ascii;
	size_t		 len;

	p = s;
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
			continue;
		}
		chunk = p;
		ascii = true;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
		    *p != '\r') {
			if ((unsigned char)*p >= 0x80)
				ascii = false;
			p++;
		}
		if (!ascii) {
			fold_chunk(chunk, (size_t)(p - chunk), out);
			add_word_separator(out);
			continue;
		}
		/*
		 * Room for the chunk, a separator before it and the NUL:
		 * adding len + 1 bytes (the chunk and the byte that ends it)
		 * leaves len + 2 free.
		 */
		len = (size_t)(p - chunk);
		if (out->size < out->len + len + 2)
			reserve(out, chunk, len + 1);
		if (out->len > 0 && out->data[out->len - 1] != ' ')
			out->data[out->len++] = ' ';
		for (; chunk < p; chunk++) {
			c = (unsigned char)*chunk;
			if ((unsigned)(c - 'a') < 26 || (unsigned)(c - '0') < 10)
				out->data[out->len++] = (char)c;
			else if ((unsigned)(c - 'A') < 26)
				out->data[out->len++] = (char)(c + 'a' - 'A');
			/*
			 * "fran?ais": an export that could not encode a letter
			 * wrote '?'. Kept, the comparison takes it for any letter.
			 */
			else if (c == '?' && chunk + 1 < p &&
			    isalpha((unsigned char)chunk[1]) && out->len > 0 &&
			    isalpha((unsigned char)out->data[out->len - 1]))
				out->data[out->len++] = '?';
			else if (c != '\'' && out->len > 0 &&
			    out->data[out->len - 1] != ' ')
				out->data[out->len++] = ' ';
		}
		out->data[out->len] = '\0';
	}
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

void
dupes_fold_words(const char *s, struct buf *out)
{
	struct buf	clean;
	size_t		start;

	if (s == NULL)
		return;
	start = out->len;
	if (start > 0)
		add_word_separator(out);
	if (strchr(s, '&') == NULL && strchr(s, '<') == NULL) {
		fold_plain(s, out);
	} else {
		buf_init(&clean);
		strip_markup(s, &clean);
		fold_plain(buf_str(&clean), out);
		buf_free(&clean);
	}
	/* Nothing was added: take back the separator. */
	if (out->len == start + 1 && start > 0)
		out->data[--out->len] = '\0';
}

/* Placeholder values that exports use for a missing field. */
static const char *const placeholders[] = {
	"", "unknown", "none", "null", "nil", "n a", "na", "nan",
	"anonymous", "anon", "no title", "untitled", "no title available",
	"not available", "not applicable", "no abstract available",
	"no abstract", "abstract not available", "no authors listed",
};

bool
dupes_is_placeholder(const char *s)
{
	struct buf	b;
	size_t		i;
	bool		found;

	if (s == NULL)
		return true;
	if (strnlen(s, 41) > 40)
		return false;
	buf_init(&b);
	dupes_fold_words(s, &b);
	found = false;
	for (i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++) {
		if (strcmp(buf_str(&b), placeholders[i]) == 0) {
			found = true;
			break;
		}
	}
	buf_free(&b);
	return found;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Returns the position of the "10." that starts a DOI in s, or NULL. */
static const char *
find_doi_start(const char *s)
{
	const char	*p;

	for (p = s; (p = strstr(p, "10.")) != NULL; p++) {
		if (p > s && isalnum((unsigned char)p[-1]))
			continue;
		if (isdigit((unsigned char)p[3]))
			return p;
	}
	return NULL;
}

bool
dupes_doi_normalize(const char *s, struct buf *out, int *version)
{
	struct buf	 decoded;
	const char	*p, *slash;
	size_t		 start, len;
	int		 hi, lo;

	*version = 0;
	if (s == NULL)
		return false;

	/* URL-decode first: "10.1000%2Fabc" is "10.1000/abc". */
	buf_init(&decoded);
	for (p = s; *p != '\0'; p++) {
		if (*p == '%' && (hi = hex_value(p[1])) >= 0 &&
		    (lo = hex_value(p[2])) >= 0) {
			buf_addch(&decoded, (char)(hi * 16 + lo));
			p += 2;
		} else {
			buf_addch(&decoded, *p);
		}
	}

	p = find_doi_start(buf_str(&decoded));
	slash = p == NULL ? NULL : strchr(p, '/');
	if (p == NULL || slash == NULL || slash[1] == '\0' ||
	    strcspn(p, " \t\n") < (size_t)(slash - p)) {
		buf_free(&decoded);
		return false;
	}

	start = out->len;
	for (; *p != '\0' && !isspace((unsigned char)*p); p++)
		buf_addch(out, (char)tolower((unsigned char)*p));
	buf_free(&decoded);

	/* Trailing punctuation comes from the sentence around the DOI. */
	while (out->len > start &&
	    strchr(".,;:)]}'\"", out->data[out->len - 1]) != NULL)
		out->data[--out->len] = '\0';

	/* Cochrane reviews are republished as ".pub2", ".pub3", ... */
	len = out->len - start;
	p = strstr(out->data + start, ".pub");
	if (p != NULL && isdigit((unsigned char)p[4]) &&
	    strspn(p + 4, "0123456789") == strlen(p + 4)) {
		*version = atoi(p + 4);
		len = (size_t)(p - (out->data + start));
		out->len = start + len;
		out->data[out->len] = '\0';
	}
	return strchr(out->data + start, '/') != NULL;
}

/* Appends the page token at s (up to a dash, comma or space), lowered. */
static const char *
page_token(const char *s, struct buf *out)
{
	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s != '\0'; s++) {
		if (*s == '-' || *s == ',' || *s == ' ' || *s == ';' ||
		    *s == '/' || *s == '(')
			break;
		if ((unsigned char)*s >= 0x80)
			break;
		if (isalnum((unsigned char)*s))
			buf_addch(out, (char)tolower((unsigned char)*s));
	}
	return s;
}

/* Drops leading zeros of the digits in a page: "e0012" becomes "e12". */
static void
strip_page_zeros(struct buf *b)
{
	size_t	i, j;

	for (i = 0; i < b->len && !isdigit((unsigned char)b->data[i]); i++)
		;
	for (j = i; j + 1 < b->len && b->data[j] == '0' &&
	    isdigit((unsigned char)b->data[j + 1]); j++)
		;
	if (j > i) {
		memmove(b->data + i, b->data + j, b->len - j + 1);
		b->len -= j - i;
	}
}

void
dupes_pages_split(const char *s, struct buf *first, struct buf *last)
{
	const char	*p;
	size_t		 fd, ld, i;
	char		*restored;

	buf_clear(first);
	buf_clear(last);
	if (s == NULL || dupes_is_placeholder(s) || strstr(s, "pagination"))
		return;
	/* En and em dashes as UTF-8 act as the range dash. */
	p = page_token(s, first);
	while (*p != '\0' && !isalnum((unsigned char)*p) && *p != ',' &&
	    *p != ';')
		p++;
	if (*p != '\0' && *p != ',' && *p != ';')
		page_token(p, last);
	strip_page_zeros(first);
	strip_page_zeros(last);

	/* "Suppl" or "t" alone is no page. */
	if (strcspn(buf_str(first), "0123456789") == first->len) {
		buf_clear(first);
		buf_clear(last);
		return;
	}

	/*
	 * "01-Sep" is a range that a spreadsheet turned into a date: no
	 * page of it can be trusted.
	 */
	if (last->len > 0 && strcspn(buf_str(last), "0123456789") == last->len &&
	    strcspn(buf_str(first), "0123456789") < first->len) {
		buf_clear(first);
		buf_clear(last);
		return;
	}

	/* "244-58" is 244 to 258: take the missing leading digits from the first page. */
	fd = strspn(buf_str(first), "0123456789");
	ld = strspn(buf_str(last), "0123456789");
	if (fd == first->len && ld == last->len && ld > 0 && ld < fd) {
		restored = xmalloc(fd + 1);
		memcpy(restored, first->data, fd - ld);
		memcpy(restored + fd - ld, last->data, ld + 1);
		buf_clear(last);
		buf_addstr(last, restored);
		free(restored);
	}
	/* "S123-130" keeps the prefix on the last page too. */
	for (i = 0; i < first->len && isalpha((unsigned char)first->data[i]); i++)
		;
	if (i > 0 && last->len > 0 && isdigit((unsigned char)last->data[0])) {
		restored = xasprintf("%.*s%s", (int)i, first->data, last->data);
		buf_clear(last);
		buf_addstr(last, restored);
		free(restored);
	}
}
