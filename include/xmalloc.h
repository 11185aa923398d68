/*
 * Allocation that never returns NULL, and the one fatal-error path.
 *
 * Every allocation failure and every unrecoverable error goes through
 * fatal(), which first runs the cleanup hook (the browser registers one
 * that calls endwin()), so the terminal is restored before the message
 * reaches stderr.
 */
#ifndef FEHREST_XMALLOC_H
#define FEHREST_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t count, size_t size);
void	*xreallocarray(void *ptr, size_t count, size_t size);
char	*xstrdup(const char *s);
/* Copies at most len bytes of s and terminates the copy. */
char	*xstrndup(const char *s, size_t len);
/* Returns a newly allocated formatted string; the caller frees it. */
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Registers the function fatal() runs before printing; NULL removes it.
 * The hook must be safe to call from a signal handler's exit path, and
 * should not allocate, since fatal() may be reporting that it cannot.
 */
void	 fatal_set_cleanup(void (*cleanup)(void));
/*
 * Sets a line fatal() prints after its message, or NULL for none. The
 * string must stay valid; it is printed without allocating.
 */
void	 fatal_set_note(const char *note);
/*
 * Runs the cleanup hook once, prints "fehrest: MESSAGE" and the note,
 * and exits with 2.
 */
void	 fatal(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
