/*
 * The extra fields of a record: the values an importer did not map to a
 * field of struct record, kept as a flat JSON object text in record.extra
 * so that exporters can write them back.
 *
 * A struct extra keeps the members in the order they were added. Keys
 * are compared byte for byte. Every string is UTF-8 and owned by the
 * struct.
 */
#ifndef FEHREST_EXTRA_H
#define FEHREST_EXTRA_H

#include <stddef.h>

struct extra_field {
	char	*key;
	char	*value;
};

struct extra {
	struct extra_field	*fields;
	size_t			 nfields;
	/*
	 * A hash index of the keys: each slot is 0 or a field's index + 1.
	 * It keeps a CSV row with thousands of unknown columns linear.
	 */
	size_t			*slots;
	size_t			 nslots;	/* 0 or a power of two */
};

void	 extra_init(struct extra *e);
void	 extra_free(struct extra *e);
/*
 * Adds key with value. When key is already there, value is appended to
 * the old value after "; ", so repeated source fields keep every value.
 */
void	 extra_add(struct extra *e, const char *key, const char *value);
/* Returns the value of key, or NULL; the pointer is valid until e changes. */
const char *extra_get(const struct extra *e, const char *key);
/*
 * Returns the members as an allocated JSON object text, or NULL when
 * there are none.
 */
char	*extra_to_json(const struct extra *e);
/*
 * Parses a JSON object text and adds its members to e. String values are
 * unescaped; numbers, true, false and null are kept as their text, and
 * nested objects or arrays as their JSON text. Returns 0, or -1 when json
 * is not one JSON object (e may then hold the members read so far).
 */
int	 extra_parse(struct extra *e, const char *json);

#endif
