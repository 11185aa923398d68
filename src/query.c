/*
 * Search query parsing and highlighting: see query.h.
 *
 * Every token is passed to FTS5 inside double quotes, which is how FTS5
 * takes a string literally. A quote inside a token cannot occur, because
 * tokens come from text_words(), which keeps only letters, digits and
 * marks.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "query.h"
#include "text.h"
#include "xmalloc.h"

static const char *field_column[] = {
	[QUERY_ANY] = NULL,
	[QUERY_TITLE] = "title",
	[QUERY_AUTHORS] = "authors",
	[QUERY_ABSTRACT] = "abstract",
};

/* Returns the field a "name:" prefix names, or -1. */
static int
field_from_prefix(const char *s, size_t len)
{
	if (len == 5 && strncasecmp(s, "title", 5) == 0)
		return QUERY_TITLE;
	if ((len == 6 && strncasecmp(s, "author", 6) == 0) ||
	    (len == 7 && strncasecmp(s, "authors", 7) == 0))
		return QUERY_AUTHORS;
	if (len == 8 && strncasecmp(s, "abstract", 8) == 0)
		return QUERY_ABSTRACT;
	return -1;
}

/*
 * Adds a term made of the index tokens of text; returns false when the
 * text contains no word (only punctuation or symbols).
 */
static bool
add_term(struct query *q, const char *text, size_t len, enum query_field field,
    bool phrase, bool exclude)
{
	struct query_term	*t;
	struct text_span	*words;
	char			*raw, *folded;
	size_t			 nwords, i;

	raw = xstrndup(text, len);
	folded = text_fold(raw);
	free(raw);
	nwords = text_words(folded, &words);
	if (nwords == 0) {
		free(folded);
		free(words);
		return false;
	}
	q->terms = xreallocarray(q->terms, q->nterms + 1, sizeof *q->terms);
	t = &q->terms[q->nterms++];
	t->field = field;
	t->prefix = !phrase;
	t->exclude = exclude;
	t->ntokens = nwords;
	t->tokens = xreallocarray(NULL, nwords, sizeof *t->tokens);
	for (i = 0; i < nwords; i++)
		t->tokens[i] = xstrndup(folded + words[i].start, words[i].len);
	free(words);
	free(folded);
	return true;
}

/*
 * Writes the word list that stands for a one-word prefix term, as
 * ( "w1" OR "w2" ... ); returns false when the term is to stay a prefix.
 */
static bool
append_expansion(struct buf *b, const struct query_term *t,
    query_terms_fn list, void *arg)
{
	char	**words;
	size_t	  n, i;

	if (list == NULL || !t->prefix || t->ntokens != 1 ||
	    strlen(t->tokens[0]) < QUERY_EXPAND_MIN)
		return false;
	if (list(arg, t->tokens[0], QUERY_EXPAND_MAX, &words, &n) != 0)
		return false;
	if (n == 0 || n > QUERY_EXPAND_MAX) {
		/* No word: the prefix costs nothing. Too many: keep it. */
		for (i = 0; i < n; i++)
			free(words[i]);
		free(words);
		return false;
	}
	if (field_column[t->field] != NULL)
		buf_printf(b, "%s : ", field_column[t->field]);
	buf_addch(b, '(');
	for (i = 0; i < n; i++) {
		buf_printf(b, "%s\"%s\"", i > 0 ? " OR " : "", words[i]);
		free(words[i]);
	}
	buf_addch(b, ')');
	free(words);
	return true;
}

static void
append_term(struct buf *b, const struct query_term *t, query_terms_fn list,
    void *arg)
{
	size_t	i;

	if (append_expansion(b, t, list, arg))
		return;
	if (field_column[t->field] != NULL)
		buf_printf(b, "%s : ", field_column[t->field]);
	buf_addch(b, '"');
	for (i = 0; i < t->ntokens; i++) {
		if (i > 0)
			buf_addch(b, ' ');
		buf_addstr(b, t->tokens[i]);
	}
	buf_addch(b, '"');
	if (t->prefix)
		buf_addstr(b, " *");
}

static void
build_match(struct query *q, query_terms_fn list, void *arg)
{
	struct buf	b;
	size_t		i, positive = 0;

	buf_init(&b);
	for (i = 0; i < q->nterms; i++) {
		if (q->terms[i].exclude)
			continue;
		/* FTS5 takes no implicit AND next to a bracketed group. */
		if (positive++ > 0)
			buf_addstr(&b, " AND ");
		append_term(&b, &q->terms[i], list, arg);
	}
	if (positive == 0) {
		buf_free(&b);
		if (q->nterms > 0 && q->note == NULL)
			q->note = xstrdup("a search needs a word to look for, "
			    "not only words to exclude");
		return;
	}
	for (i = 0; i < q->nterms; i++) {
		if (!q->terms[i].exclude)
			continue;
		buf_addstr(&b, " NOT ");
		append_term(&b, &q->terms[i], list, arg);
	}
	q->match = buf_take(&b);
}

void
query_parse(const char *input, struct query *q)
{
	const char	*p, *start, *colon;
	enum query_field field;
	bool		 exclude, ignored = false;
	size_t		 len;
	int		 f;

	memset(q, 0, sizeof *q);
	p = input;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (q->nterms == QUERY_MAX_TERMS) {
			/* More words only make FTS5 slower, never the result
			 * clearer, and the note shows the cut. */
			free(q->note);
			q->note = xasprintf("only the first %d words are "
			    "searched", QUERY_MAX_TERMS);
			break;
		}
		exclude = false;
		if (*p == '-' && p[1] != '\0' && p[1] != ' ') {
			exclude = true;
			p++;
		}
		field = QUERY_ANY;
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != ':' &&
		    *p != '"')
			p++;
		colon = p;
		if (*colon == ':' && (f = field_from_prefix(start,
		    (size_t)(colon - start))) != -1) {
			field = f;
			p = colon + 1;
		} else
			p = start;

		if (*p == '"') {
			start = ++p;
			while (*p != '\0' && *p != '"')
				p++;
			len = (size_t)(p - start);
			if (*p == '"')
				p++;
			if (!add_term(q, start, len, field, true, exclude))
				ignored = true;
			continue;
		}
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '"')
			p++;
		if (!add_term(q, start, (size_t)(p - start), field, false,
		    exclude))
			ignored = true;
	}
	if (ignored && q->nterms == 0)
		q->note = xstrdup("no words to search for: punctuation and "
		    "symbols are not indexed");
	build_match(q, NULL, NULL);
}

void
query_expand(struct query *q, query_terms_fn list, void *arg)
{
	if (q->match == NULL)
		return;
	free(q->match);
	q->match = NULL;
	build_match(q, list, arg);
}

void
query_free(struct query *q)
{
	size_t	i, j;

	for (i = 0; i < q->nterms; i++) {
		for (j = 0; j < q->terms[i].ntokens; j++)
			free(q->terms[i].tokens[j]);
		free(q->terms[i].tokens);
	}
	free(q->terms);
	free(q->match);
	free(q->note);
	memset(q, 0, sizeof *q);
}

static bool
token_matches(const char *word, const char *token, bool prefix)
{
	size_t	n;

	n = strlen(token);
	if (strncmp(word, token, n) != 0)
		return false;
	return prefix || word[n] == '\0';
}

static bool
word_matches(const struct query *q, enum query_field field, const char *word)
{
	const struct query_term	*t;
	size_t			 i, j;
	bool			 last;

	for (i = 0; i < q->nterms; i++) {
		t = &q->terms[i];
		if (t->exclude || (t->field != QUERY_ANY && t->field != field))
			continue;
		for (j = 0; j < t->ntokens; j++) {
			last = j + 1 == t->ntokens;
			if (token_matches(word, t->tokens[j], last && t->prefix))
				return true;
		}
	}
	return false;
}

size_t
query_highlight(const struct query *q, enum query_field field,
    const char *text, struct text_span **spans)
{
	struct text_span	*words, *out = NULL;
	size_t			 nwords, nout = 0, i;
	char			*raw, *folded;

	*spans = NULL;
	if (q == NULL || q->nterms == 0)
		return 0;
	nwords = text_words(text, &words);
	for (i = 0; i < nwords; i++) {
		raw = xstrndup(text + words[i].start, words[i].len);
		folded = text_fold(raw);
		if (word_matches(q, field, folded)) {
			out = xreallocarray(out, nout + 1, sizeof *out);
			out[nout++] = words[i];
		}
		free(raw);
		free(folded);
	}
	free(words);
	*spans = out;
	return nout;
}
