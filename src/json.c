/*
 * JSON string escaping: see json.h.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"
#include "xmalloc.h"

void
json_add_string(struct buf *b, const char *s)
{
	const unsigned char	*p;
	char			*valid = NULL;

	if (s == NULL) {
		buf_addstr(b, "null");
		return;
	}
	if (!text_valid_utf8(s, strlen(s))) {
		/* JSON must be UTF-8: show bad bytes as U+FFFD, not cp1252. */
		size_t	len = strlen(s), i = 0, n;
		struct buf tmp;

		buf_init(&tmp);
		while (i < len) {
			n = text_valid_prefix(s + i, len - i);
			buf_add(&tmp, s + i, n);
			i += n;
			if (i < len) {
				buf_addstr(&tmp, "\xef\xbf\xbd");
				i++;
			}
		}
		valid = buf_take(&tmp);
		s = valid;
	}
	buf_addch(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_addstr(b, "\\\"");
			break;
		case '\\':
			buf_addstr(b, "\\\\");
			break;
		case '\n':
			buf_addstr(b, "\\n");
			break;
		case '\r':
			buf_addstr(b, "\\r");
			break;
		case '\t':
			buf_addstr(b, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(b, "\\u%04x", *p);
			else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
				/* C1 controls, U+009B (CSI) among them */
				buf_printf(b, "\\u%04x", p[1]);
				p += 1;
			} else if (p[0] == 0xe2 && p[1] == 0x80 &&
			    p[2] >= 0xaa && p[2] <= 0xae) {
				/* bidi embeddings and overrides */
				buf_printf(b, "\\u%04x", 0x2000 + p[2] - 0x80);
				p += 2;
			} else if (p[0] == 0xe2 && p[1] == 0x81 &&
			    p[2] >= 0xa6 && p[2] <= 0xa9) {
				/* bidi isolates */
				buf_printf(b, "\\u%04x", 0x2040 + p[2] - 0x80);
				p += 2;
			}
			else if (p[0] == 0xe2 && p[1] == 0x80 &&
			    (p[2] == 0xa8 || p[2] == 0xa9)) {
				buf_printf(b, "\\u%04x", p[2] == 0xa8 ?
				    0x2028 : 0x2029);
				p += 2;
			} else
				buf_addch(b, (char)*p);
		}
	}
	buf_addch(b, '"');
	free(valid);
}

void
json_write_string(FILE *fp, const char *s)
{
	struct buf	b;

	buf_init(&b);
	json_add_string(&b, s);
	fwrite(buf_str(&b), 1, b.len, fp);
	buf_free(&b);
}
