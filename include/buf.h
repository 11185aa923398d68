/*
 * A growable byte buffer that is always NUL-terminated.
 *
 * data is NULL until the first append; buf_str() returns "" for an empty
 * buffer. The buffer owns data until buf_take() hands it to the caller.
 */
#ifndef FEHREST_BUF_H
#define FEHREST_BUF_H

#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 size;
};

void	 buf_init(struct buf *b);
void	 buf_free(struct buf *b);
void	 buf_clear(struct buf *b);
void	 buf_add(struct buf *b, const void *data, size_t len);
void	 buf_addstr(struct buf *b, const char *s);
void	 buf_addch(struct buf *b, char c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns the contents; valid until the next change to the buffer. */
const char *buf_str(const struct buf *b);
/* Returns the contents as an allocated string the caller frees, and empties b. */
char	*buf_take(struct buf *b);

#endif
