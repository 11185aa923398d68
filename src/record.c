/*
 * Article records: see record.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "record.h"
#include "xmalloc.h"

void
record_init(struct record *r)
{
	memset(r, 0, sizeof *r);
}

void
record_clear(struct record *r)
{
	size_t	i;

	for (i = 0; i < r->nauthors; i++) {
		free(r->authors[i].name);
		free(r->authors[i].given);
		free(r->authors[i].family);
	}
	free(r->authors);
	free(r->title);
	free(r->abstract);
	free(r->teaser);
	free(r->access);
	free(r->subject);
	free(r->byline);
	free(r->journal);
	free(r->volume);
	free(r->issue);
	free(r->pages);
	free(r->doi);
	free(r->url);
	free(r->keywords);
	free(r->isbn);
	free(r->type);
	free(r->source_id);
	free(r->source_file);
	free(r->extra);
	record_init(r);
}

void
record_set(char **field, const char *value)
{
	free(*field);
	*field = value == NULL ? NULL : xstrdup(value);
}

void
record_add_author(struct record *r, const char *name, const char *given,
    const char *family)
{
	struct person	*p;

	r->authors = xreallocarray(r->authors, r->nauthors + 1,
	    sizeof *r->authors);
	p = &r->authors[r->nauthors++];
	p->given = given == NULL ? NULL : xstrdup(given);
	p->family = family == NULL ? NULL : xstrdup(family);
	if (name != NULL)
		p->name = xstrdup(name);
	else if (given != NULL && *given != '\0' && family != NULL &&
	    *family != '\0')
		p->name = xasprintf("%s %s", given, family);
	else if (family != NULL)
		p->name = xstrdup(family);
	else
		p->name = xstrdup(given == NULL ? "" : given);
}

char *
record_author_list(const struct record *r)
{
	struct buf	b;
	size_t		i;

	if (r->nauthors == 0)
		return xstrdup(r->byline == NULL ? "" : r->byline);
	buf_init(&b);
	for (i = 0; i < r->nauthors; i++) {
		if (i > 0)
			buf_addstr(&b, "; ");
		buf_addstr(&b, r->authors[i].name);
	}
	return buf_take(&b);
}
