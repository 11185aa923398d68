/*
 * Reader for saved journal listing pages: see import_read_listing().
 *
 * The format, one article after another after a short header:
 *
 *	• Open Access Article			(access, optional)
 *	N - Title
 *	Given<NBSP>Family Given<NBSP>Family	(byline)
 *	Teaser text ... More
 *	Full abstract ... Manuscript profile
 *
 * A header line "• List of Articles SUBJECT" names the subject. In a
 * byline a no-break space joins each person's given names to the family
 * name and plain spaces separate everything else, so there is exactly
 * one no-break space per person. The words between two no-break spaces
 * are one person's family name followed by the next person's given
 * names. Where there are more than two, split_between() judges the
 * boundary and the reader reports its choice.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import.h"
#include "text.h"
#include "xmalloc.h"

#define NBSP		"\xc2\xa0"
#define MORE		"More"
#define PROFILE		"Manuscript profile"

/* A line of the input, without its line break and surrounding spaces. */
struct line {
	const char	*s;
	size_t		 len;
	long		 number;	/* line number, from 1 */
};

struct lines {
	struct line	*v;
	size_t		 n;
};

/*
 * Words that begin a compound given name ("Seyed Ali", "Mohammad
 * Sadegh") and so, between two people, start the second person's given
 * names rather than end the first one's family name.
 */
static const char *given_name_starts[] = {
	"seyed", "seyyed", "sayed", "sayyed", "syed", "seyedeh", "seyyedeh",
	"sayyid", "mir", "mohammad", "mohammed", "muhammad", "mohamad",
	"abdol", "abdul", "abol", "amir",
};

static bool
is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims ASCII spaces and no-break spaces from both ends of a line. */
static void
trim(struct line *l)
{
	for (;;) {
		if (l->len > 0 && is_space_byte(l->s[0])) {
			l->s++;
			l->len--;
		} else if (l->len >= 2 && memcmp(l->s, NBSP, 2) == 0) {
			l->s += 2;
			l->len -= 2;
		} else
			break;
	}
	for (;;) {
		if (l->len > 0 && is_space_byte(l->s[l->len - 1]))
			l->len--;
		else if (l->len >= 2 && memcmp(l->s + l->len - 2, NBSP, 2) == 0)
			l->len -= 2;
		else
			break;
	}
}

/*
 * Splits data into lines. A file with any LF has LF or CRLF line ends,
 * and a CR elsewhere in it is text (trimmed as a space). A file without
 * LF has lone CR line ends, as classic Mac OS wrote them.
 */
static void
split_lines(const char *data, size_t len, struct lines *out)
{
	size_t	i, start = 0;
	long	number = 1;
	char	end;

	out->v = NULL;
	out->n = 0;
	end = memchr(data, '\n', len) != NULL ? '\n' : '\r';
	for (i = 0; i <= len; i++) {
		if (i < len && data[i] != end)
			continue;
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n].s = data + start;
		out->v[out->n].len = i - start;
		out->v[out->n].number = number++;
		trim(&out->v[out->n]);
		out->n++;
		start = i + 1;
	}
}

static bool
ends_with(const struct line *l, const char *suffix)
{
	size_t	n = strlen(suffix);

	return l->len >= n && memcmp(l->s + l->len - n, suffix, n) == 0;
}

/* Parses "N - Title"; returns the number, or 0 if l is not a title line. */
static long
parse_title_line(const struct line *l, const char **title, size_t *tlen)
{
	size_t	i = 0;
	long	number = 0;

	while (i < l->len && isdigit((unsigned char)l->s[i]) && i < 9)
		number = number * 10 + (l->s[i++] - '0');
	if (i == 0 || number == 0 || i + 3 > l->len ||
	    memcmp(l->s + i, " - ", 3) != 0)
		return 0;
	*title = l->s + i + 3;
	*tlen = l->len - i - 3;
	return number;
}

/* Returns whether the line is a bullet line: "• ..." */
static bool
is_bullet(const struct line *l)
{
	return l->len >= 3 && memcmp(l->s, "\xe2\x80\xa2", 3) == 0;
}

static char *
clean(const char *s, size_t len)
{
	char	*raw, *out;

	raw = xstrndup(s, len);
	out = text_clean_spaces(raw);
	free(raw);
	return out;
}

/* One word of a byline and whether a no-break space follows it. */
struct word {
	char	*s;
	bool	 joined;	/* a no-break space comes after it */
};

static size_t
split_byline(const char *s, size_t len, struct word **out)
{
	struct word	*v = NULL;
	size_t		 n = 0, i = 0, start;

	while (i < len) {
		while (i < len && (is_space_byte(s[i]) || (i + 1 < len &&
		    memcmp(s + i, NBSP, 2) == 0))) {
			if (s[i] != ' ' && s[i] != '\t' && n > 0)
				v[n - 1].joined = true;
			i += is_space_byte(s[i]) ? 1 : 2;
		}
		if (i >= len)
			break;
		start = i;
		while (i < len && !is_space_byte(s[i]) && !(i + 1 < len &&
		    memcmp(s + i, NBSP, 2) == 0))
			i++;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].s = clean(s + start, i - start);
		v[n].joined = false;
		n++;
	}
	*out = v;
	return n;
}

static bool
is_initial(const char *w)
{
	size_t	n = strlen(w);

	return (n == 1 && isalpha((unsigned char)w[0])) ||
	    (n == 2 && isalpha((unsigned char)w[0]) && w[1] == '.');
}

static bool
starts_given_name(const char *w)
{
	size_t	i;

	for (i = 0; i < sizeof given_name_starts / sizeof *given_name_starts;
	    i++) {
		if (strcasecmp(w, given_name_starts[i]) == 0)
			return true;
	}
	return false;
}

static bool
is_latin_word(const char *w)
{
	return (unsigned char)w[0] < 0x80;
}

/*
 * Chooses where the words w[0..n) (n >= 2) that stand between two
 * no-break spaces divide into one person's family name and the next
 * person's given names. Returns the index of the first given name and
 * stores in *why the rule that chose it.
 */
static size_t
split_between(struct word *w, size_t n, const char **why)
{
	size_t	i;

	/* An initial as a family name ("Jenifer S") is a single word. */
	if (n > 2 && is_initial(w[0].s) && !is_initial(w[1].s)) {
		*why = "an initial ends a family name";
		return 1;
	}
	for (i = 1; i < n; i++) {
		if (is_latin_word(w[i].s) != is_latin_word(w[i - 1].s)) {
			*why = "the script changes";
			return i;
		}
	}
	for (i = 1; i < n; i++) {
		if (starts_given_name(w[i].s)) {
			*why = "a compound given name starts with it";
			return i;
		}
	}
	*why = "one given name, the rest a family name";
	return n - 1;
}

static char *
join_words(struct word *w, size_t from, size_t to)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = from; i < to; i++) {
		if (i > from)
			buf_addch(&b, ' ');
		buf_addstr(&b, w[i].s);
	}
	return buf_take(&b);
}

/* Prints where a byline was split by judgement, sanitised. */
static void
print_judged(const char *path, long line, long number, const char *family,
    const char *given, const char *why)
{
	char	*message, *safe;

	message = xasprintf("%s:%ld: item %ld: judged the boundary in the "
	    "byline: '%s' taken as a family name and '%s' as the next given "
	    "names (%s)", path, line, number, family, given, why);
	safe = text_sanitize(message);
	fprintf(stderr, "%s\n", safe);
	free(message);
	free(safe);
}

/*
 * Parses a byline into people. Reports each judged boundary on stderr
 * unless ctx->quiet.
 */
static void
parse_byline(struct import_context *ctx, struct record *r, const char *s,
    size_t len, long line)
{
	struct word	*w;
	size_t		 n, i, given_start, family_start, next_given;
	size_t		 joins[256], njoins = 0;
	const char	*why;
	char		*given, *family;

	n = split_byline(s, len, &w);
	for (i = 0; i < n && njoins < 256; i++) {
		if (w[i].joined && i + 1 < n)
			joins[njoins++] = i;
	}
	if (njoins == 0) {
		/* No no-break space: one person, or a byline we cannot split. */
		if (n > 0) {
			given = join_words(w, 0, n);
			record_add_author(r, given, NULL, NULL);
			free(given);
		}
		goto out;
	}

	given_start = 0;
	for (i = 0; i < njoins; i++) {
		family_start = joins[i] + 1;
		if (i + 1 == njoins)
			next_given = n;
		else {
			size_t	end = joins[i + 1] + 1;	/* words up to next join */

			if (end - family_start <= 2)
				next_given = family_start + 1;
			else {
				next_given = family_start + split_between(
				    w + family_start, end - family_start, &why);
				if (!ctx->quiet) {
					char	*fam, *giv;

					fam = join_words(w, family_start,
					    next_given);
					giv = join_words(w, next_given, end);
					print_judged(ctx->path, line, r->number,
					    fam, giv, why);
					free(fam);
					free(giv);
				}
			}
		}
		given = join_words(w, given_start, family_start);
		family = join_words(w, family_start, next_given);
		record_add_author(r, NULL, given, family);
		free(given);
		free(family);
		given_start = next_given;
	}
out:
	for (i = 0; i < n; i++)
		free(w[i].s);
	free(w);
}

static char *
listing_error(struct import_context *ctx, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static char *
listing_error(struct import_context *ctx, long line, const char *fmt, ...)
{
	va_list	 ap;
	char	*what, *msg;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	msg = xasprintf("%s:%ld: %s", ctx->path, line, what);
	free(what);
	return msg;
}

/* Returns the index of the next non-empty line at or after i, or n. */
static size_t
next_text_line(const struct lines *ls, size_t i)
{
	while (i < ls->n && ls->v[i].len == 0)
		i++;
	return i;
}

static const char *
find_subject(const struct lines *ls, size_t upto, size_t *len)
{
	static const char	prefix[] = "List of Articles ";
	const struct line	*l;
	size_t			 i, skip;

	for (i = 0; i < upto; i++) {
		l = &ls->v[i];
		if (!is_bullet(l))
			continue;
		skip = 3;
		while (skip < l->len && l->s[skip] == ' ')
			skip++;
		if (l->len - skip > sizeof prefix - 1 &&
		    memcmp(l->s + skip, prefix, sizeof prefix - 1) == 0) {
			*len = l->len - skip - (sizeof prefix - 1);
			return l->s + skip + sizeof prefix - 1;
		}
	}
	return NULL;
}

/* Returns the access line's text ("Open Access"), without the bullet and
 * the word "Article". */
static char *
access_text(const struct line *l)
{
	size_t	start = 3, end = l->len;

	while (start < end && l->s[start] == ' ')
		start++;
	if (end - start > 8 && memcmp(l->s + end - 8, " Article", 8) == 0)
		end -= 8;
	return clean(l->s + start, end - start);
}

static int
read_entry(struct import_context *ctx, const struct lines *ls, size_t *pos,
    struct record *r, char **error)
{
	const struct line	*title, *byline, *teaser, *abstract;
	const char		*t;
	size_t			 tlen, i;

	title = &ls->v[*pos];
	r->number = parse_title_line(title, &t, &tlen);
	r->line = title->number;
	if (tlen == 0) {
		*error = listing_error(ctx, title->number, "item %ld has no "
		    "title after 'N - '; the page may be damaged", r->number);
		return -1;
	}
	r->title = clean(t, tlen);

	i = next_text_line(ls, *pos + 1);
	if (i >= ls->n || parse_title_line(&ls->v[i], &t, &tlen) != 0 ||
	    is_bullet(&ls->v[i])) {
		*error = listing_error(ctx, title->number, "item %ld has no "
		    "byline after its title; the page may be cut short",
		    r->number);
		return -1;
	}
	byline = &ls->v[i];
	r->byline = clean(byline->s, byline->len);
	parse_byline(ctx, r, byline->s, byline->len, byline->number);

	i = next_text_line(ls, i + 1);
	if (i >= ls->n || !ends_with(&ls->v[i], MORE)) {
		*error = listing_error(ctx, i < ls->n ? ls->v[i].number :
		    byline->number, "item %ld has no teaser ending in "
		    "'" MORE "'; the page may be cut short", r->number);
		return -1;
	}
	teaser = &ls->v[i];
	r->teaser = clean(teaser->s, teaser->len - strlen(MORE));

	i = next_text_line(ls, i + 1);
	if (i >= ls->n || !ends_with(&ls->v[i], PROFILE)) {
		*error = listing_error(ctx, i < ls->n ? ls->v[i].number :
		    teaser->number, "item %ld has no abstract ending in "
		    "'" PROFILE "'; the page may be cut short", r->number);
		return -1;
	}
	abstract = &ls->v[i];
	r->abstract = clean(abstract->s, abstract->len - strlen(PROFILE));
	*pos = i + 1;
	return 0;
}

int
import_read_listing(struct import_context *ctx, const char *data, size_t len,
    char **error)
{
	struct lines	 ls;
	struct record	 r;
	const char	*subject;
	char		*access = NULL, *subject_text = NULL;
	size_t		 i, slen, first;
	long		 bad;
	char		 end;
	int		 rc = -1;

	if (len == 0) {
		*error = xasprintf("%s:1: the file is empty; save the listing "
		    "page again", ctx->path);
		return -1;
	}
	if (!text_valid_utf8(data, len)) {
		bad = 1;
		slen = text_valid_prefix(data, len);
		end = memchr(data, '\n', len) != NULL ? '\n' : '\r';
		for (i = 0; i < slen; i++) {
			if (data[i] == end)
				bad++;
		}
		*error = xasprintf("%s:%ld: the file is not valid UTF-8; save "
		    "the listing page as UTF-8 and import it again",
		    ctx->path, bad);
		return -1;
	}
	split_lines(data, len, &ls);
	for (first = 0; first < ls.n; first++) {
		const char	*t;
		size_t		 tlen;

		if (parse_title_line(&ls.v[first], &t, &tlen) != 0)
			break;
	}
	if (first == ls.n) {
		*error = xasprintf("%s:1: not a journal listing: no numbered "
		    "'N - Title' entry found; give --format if the file is "
		    "in another format", ctx->path);
		free(ls.v);
		return -1;
	}
	subject = find_subject(&ls, first, &slen);
	if (subject != NULL)
		subject_text = clean(subject, slen);

	/* The access line of the first entry is among the header lines. */
	for (i = 0; i < first; i++) {
		if (is_bullet(&ls.v[i]) && ends_with(&ls.v[i], " Article")) {
			free(access);
			access = access_text(&ls.v[i]);
		}
	}
	record_init(&r);
	i = first;
	while (i < ls.n) {
		const char	*t;
		size_t		 tlen;

		if (ls.v[i].len == 0) {
			i++;
			continue;
		}
		if (is_bullet(&ls.v[i])) {
			free(access);
			access = access_text(&ls.v[i]);
			i++;
			continue;
		}
		if (parse_title_line(&ls.v[i], &t, &tlen) == 0) {
			*error = listing_error(ctx, ls.v[i].number, "expected "
			    "an 'N - Title' line or the end of the listing; "
			    "the page may be damaged");
			goto out;
		}
		if (read_entry(ctx, &ls, &i, &r, error) != 0)
			goto out;
		record_set(&r.access, access);
		record_set(&r.subject, subject_text);
		record_set(&r.source_id, NULL);
		r.source_id = xasprintf("%ld", r.number);
		record_set(&r.source_file, ctx->path);
		record_set(&r.type, "article");
		free(access);
		access = NULL;
		if (ctx->sink(&r, ctx->arg) != 0) {
			*error = NULL;
			goto out;
		}
		ctx->records++;
		record_clear(&r);
	}
	rc = 0;
out:
	record_clear(&r);
	free(access);
	free(subject_text);
	free(ls.v);
	return rc;
}
