/*
 * Helpers every pane uses: the status message and number formatting.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "xmalloc.h"

void
pane_set_message(struct pane_context *ctx, const char *fmt, ...)
{
	va_list	ap;

	free(ctx->message);
	ctx->message = NULL;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	ctx->message = xvasprintf(fmt, ap);
	va_end(ap);
}

void
pane_take_message(struct pane_context *ctx, char *message)
{
	free(ctx->message);
	ctx->message = message;
}

char *
pane_format_count(char *buf, long n, bool capped)
{
	char	digits[24];
	size_t	len, i, out = 0;

	if (n < 0)
		n = 0;
	len = (size_t)snprintf(digits, sizeof digits, "%ld", n);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[out++] = ',';
		buf[out++] = digits[i];
	}
	if (capped)
		buf[out++] = '+';
	buf[out] = '\0';
	return buf;
}

bool
pane_contains(const struct pane_rect *r, int y, int x)
{
	return r->h > 0 && r->w > 0 && y >= r->y && y < r->y + r->h &&
	    x >= r->x && x < r->x + r->w;
}
