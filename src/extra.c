/*
 * Extra fields of a record as a flat JSON object: see extra.h.
 *
 * The parser accepts standard JSON (RFC 8259) for the object itself; a
 * member value that is an object or array is not interpreted and is kept
 * as its JSON text.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extra.h"
#include "json.h"
#include "xmalloc.h"

void
extra_init(struct extra *e)
{
	e->fields = NULL;
	e->nfields = 0;
	e->slots = NULL;
	e->nslots = 0;
}

void
extra_free(struct extra *e)
{
	size_t	i;

	for (i = 0; i < e->nfields; i++) {
		free(e->fields[i].key);
		free(e->fields[i].value);
	}
	free(e->fields);
	free(e->slots);
	extra_init(e);
}

static size_t
hash_key(const char *s)
{
	size_t	h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/* Returns the slot of key, or the empty slot where it would go. */
static size_t
find_slot(const struct extra *e, const char *key)
{
	size_t	i, mask;

	mask = e->nslots - 1;
	for (i = hash_key(key) & mask; e->slots[i] != 0; i = (i + 1) & mask) {
		if (strcmp(e->fields[e->slots[i] - 1].key, key) == 0)
			break;
	}
	return i;
}

/*
 * Rebuilds the index with room for more keys, at most half full. The
 * field array grows with it, to nslots / 2 entries.
 */
static void
grow_slots(struct extra *e)
{
	size_t	i;

	free(e->slots);
	e->nslots = e->nslots == 0 ? 16 : e->nslots * 2;
	e->slots = xcalloc(e->nslots, sizeof *e->slots);
	e->fields = xreallocarray(e->fields, e->nslots / 2, sizeof *e->fields);
	for (i = 0; i < e->nfields; i++)
		e->slots[find_slot(e, e->fields[i].key)] = i + 1;
}

void
extra_add(struct extra *e, const char *key, const char *value)
{
	struct extra_field	*f;
	char			*joined;
	size_t			 slot;

	if ((e->nfields + 1) * 2 > e->nslots)
		grow_slots(e);
	slot = find_slot(e, key);
	if (e->slots[slot] != 0) {
		f = &e->fields[e->slots[slot] - 1];
		joined = xasprintf("%s; %s", f->value, value);
		free(f->value);
		f->value = joined;
		return;
	}
	f = &e->fields[e->nfields++];
	f->key = xstrdup(key);
	f->value = xstrdup(value);
	e->slots[slot] = e->nfields;
}

const char *
extra_get(const struct extra *e, const char *key)
{
	size_t	slot;

	if (e->nslots == 0)
		return NULL;
	slot = find_slot(e, key);
	return e->slots[slot] == 0 ? NULL : e->fields[e->slots[slot] - 1].value;
}

char *
extra_to_json(const struct extra *e)
{
	struct buf	b;
	size_t		i;

	if (e->nfields == 0)
		return NULL;
	buf_init(&b);
	buf_addch(&b, '{');
	for (i = 0; i < e->nfields; i++) {
		if (i > 0)
			buf_addch(&b, ',');
		json_add_string(&b, e->fields[i].key);
		buf_addch(&b, ':');
		json_add_string(&b, e->fields[i].value);
	}
	buf_addch(&b, '}');
	return buf_take(&b);
}

static void
skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static int
hex4(const char *p, unsigned *value)
{
	unsigned	v;
	int		i;

	v = 0;
	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (p[i] >= '0' && p[i] <= '9')
			v |= (unsigned)(p[i] - '0');
		else if (p[i] >= 'a' && p[i] <= 'f')
			v |= (unsigned)(p[i] - 'a' + 10);
		else if (p[i] >= 'A' && p[i] <= 'F')
			v |= (unsigned)(p[i] - 'A' + 10);
		else
			return -1;
	}
	*value = v;
	return 0;
}

static void
add_utf8(struct buf *b, unsigned c)
{
	char	out[4];

	if (c < 0x80) {
		buf_addch(b, (char)c);
	} else if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, out, 2);
	} else if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, out, 3);
	} else {
		out[0] = (char)(0xf0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, out, 4);
	}
}

/* Reads a \u escape at p (after the backslash and u), pairing surrogates. */
static int
parse_unicode_escape(const char **p, struct buf *out)
{
	unsigned	c, low;

	if (hex4(*p, &c) == -1)
		return -1;
	*p += 4;
	if (c >= 0xd800 && c < 0xdc00) {
		if ((*p)[0] != '\\' || (*p)[1] != 'u' ||
		    hex4(*p + 2, &low) == -1 || low < 0xdc00 || low > 0xdfff)
			return -1;
		*p += 6;
		c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
	} else if (c >= 0xdc00 && c < 0xe000) {
		return -1;
	}
	add_utf8(out, c);
	return 0;
}

/* Parses a JSON string at *p (on its opening quote) into out. */
static int
parse_string(const char **p, struct buf *out)
{
	const char	*s;

	s = *p + 1;
	for (;;) {
		if (*s == '\0' || (unsigned char)*s < 0x20)
			return -1;
		if (*s == '"')
			break;
		if (*s != '\\') {
			buf_addch(out, *s++);
			continue;
		}
		s++;
		switch (*s) {
		case '"': case '\\': case '/':
			buf_addch(out, *s);
			break;
		case 'b':
			buf_addch(out, '\b');
			break;
		case 'f':
			buf_addch(out, '\f');
			break;
		case 'n':
			buf_addch(out, '\n');
			break;
		case 'r':
			buf_addch(out, '\r');
			break;
		case 't':
			buf_addch(out, '\t');
			break;
		case 'u':
			s++;
			if (parse_unicode_escape(&s, out) == -1)
				return -1;
			continue;
		default:
			return -1;
		}
		s++;
	}
	*p = s + 1;
	return 0;
}

/* Skips a nested object or array at *p, honouring strings inside it. */
static int
skip_nested(const char **p)
{
	struct buf	 scratch;
	const char	*s;
	int		 depth;

	buf_init(&scratch);
	depth = 0;
	s = *p;
	do {
		if (*s == '\0')
			goto fail;
		if (*s == '"') {
			if (parse_string(&s, &scratch) == -1)
				goto fail;
			buf_clear(&scratch);
			continue;
		}
		if (*s == '{' || *s == '[')
			depth++;
		else if (*s == '}' || *s == ']')
			depth--;
		s++;
	} while (depth > 0);
	buf_free(&scratch);
	*p = s;
	return 0;
fail:
	buf_free(&scratch);
	return -1;
}

/* Parses any JSON value at *p into out as described in extra.h. */
static int
parse_value(const char **p, struct buf *out)
{
	const char	*start;

	if (**p == '"')
		return parse_string(p, out);
	start = *p;
	if (**p == '{' || **p == '[') {
		if (skip_nested(p) == -1)
			return -1;
	} else {
		while (**p != '\0' && strchr(",} \t\r\n", **p) == NULL)
			(*p)++;
		if (*p == start)
			return -1;
	}
	buf_add(out, start, (size_t)(*p - start));
	return 0;
}

int
extra_parse(struct extra *e, const char *json)
{
	struct buf	 key, value;
	const char	*p;
	int		 rc;

	buf_init(&key);
	buf_init(&value);
	rc = -1;
	p = json;
	skip_space(&p);
	if (*p++ != '{')
		goto out;
	skip_space(&p);
	if (*p == '}') {
		p++;
		goto end;
	}
	for (;;) {
		buf_clear(&key);
		buf_clear(&value);
		skip_space(&p);
		if (*p != '"' || parse_string(&p, &key) == -1)
			goto out;
		skip_space(&p);
		if (*p++ != ':')
			goto out;
		skip_space(&p);
		if (parse_value(&p, &value) == -1)
			goto out;
		extra_add(e, buf_str(&key), buf_str(&value));
		skip_space(&p);
		if (*p == '}') {
			p++;
			break;
		}
		if (*p++ != ',')
			goto out;
	}
end:
	skip_space(&p);
	if (*p == '\0')
		rc = 0;
out:
	buf_free(&key);
	buf_free(&value);
	return rc;
}
