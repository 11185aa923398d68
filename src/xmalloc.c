/*
 * Allocation wrappers and fatal(): see xmalloc.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static void (*fatal_cleanup)(void);
static const char *fatal_note;

void
fatal_set_cleanup(void (*cleanup)(void))
{
	fatal_cleanup = cleanup;
}

void
fatal_set_note(const char *note)
{
	fatal_note = note;
}

void
fatal(const char *fmt, ...)
{
	void	(*cleanup)(void) = fatal_cleanup;
	va_list	ap;

	/* A cleanup that fails in turn must not run again. */
	fatal_cleanup = NULL;
	if (cleanup != NULL)
		cleanup();
	fputs("fehrest: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (fatal_note != NULL)
		fprintf(stderr, "fehrest: %s\n", fatal_note);
	exit(2);
}

void *
xmalloc(size_t size)
{
	void	*p;

	p = malloc(size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory allocating %zu bytes; free some memory "
		    "and try again", size);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void	*p;

	p = calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory allocating %zu x %zu bytes; free some "
		    "memory and try again", count, size);
	return p;
}

void *
xreallocarray(void *ptr, size_t count, size_t size)
{
	void	*p;

	if (size != 0 && count > SIZE_MAX / size)
		fatal("allocation of %zu x %zu bytes overflows", count, size);
	p = realloc(ptr, count * size == 0 ? 1 : count * size);
	if (p == NULL)
		fatal("out of memory allocating %zu x %zu bytes; free some "
		    "memory and try again", count, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t len)
{
	char	*p;

	len = strnlen(s, len);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) == -1)
		fatal("out of memory formatting a message; free some memory "
		    "and try again");
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
