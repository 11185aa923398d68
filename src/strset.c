/*
 * A set of strings: see strset.h. The table doubles when it is half full,
 * so a probe sequence stays short.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strset.h"
#include "xmalloc.h"

static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
strset_init(struct strset *set)
{
	memset(set, 0, sizeof *set);
}

void
strset_free(struct strset *set)
{
	size_t	i;

	for (i = 0; i < set->size; i++)
		free(set->slots[i].s);
	free(set->slots);
	strset_init(set);
}

static void
grow(struct strset *set)
{
	struct strset_slot	*old = set->slots;
	size_t			 oldsize = set->size, i, j;

	set->size = oldsize == 0 ? 1024 : oldsize * 2;
	set->slots = xcalloc(set->size, sizeof *set->slots);
	for (i = 0; i < oldsize; i++) {
		if (old[i].s == NULL)
			continue;
		j = old[i].hash & (set->size - 1);
		while (set->slots[j].s != NULL)
			j = (j + 1) & (set->size - 1);
		set->slots[j] = old[i];
	}
	free(old);
}

bool
strset_add(struct strset *set, const char *s, size_t len)
{
	struct strset_slot	*slot;
	uint64_t		 h;
	size_t			 j;

	if ((set->count + 1) * 2 > set->size)
		grow(set);
	h = hash_bytes(s, len);
	j = h & (set->size - 1);
	/*
	 * The stored hash and length settle almost every probe without
	 * reading the string, which sits elsewhere in memory.
	 */
	while ((slot = &set->slots[j])->s != NULL) {
		if (slot->hash == h && slot->len == len &&
		    memcmp(slot->s, s, len) == 0)
			return false;
		j = (j + 1) & (set->size - 1);
	}
	slot->s = xstrndup(s, len);
	slot->hash = h;
	slot->len = len;
	set->count++;
	return true;
}
