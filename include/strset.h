/*
 * A set of strings: open addressing with linear probing, FNV-1a hashes.
 * The set owns copies of the strings it contains.
 */
#ifndef FEHREST_STRSET_H
#define FEHREST_STRSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strset_slot {
	char		*s;		/* NULL for an empty slot */
	uint64_t	 hash;
	size_t		 len;
};

struct strset {
	struct strset_slot *slots;
	size_t		 size;	/* a power of two, or 0 before the first add */
	size_t		 count;
};

void	 strset_init(struct strset *set);
void	 strset_free(struct strset *set);
/*
 * Adds s[0..len) unless it is there already. Returns true when it was
 * added, false when the set already contained it.
 */
bool	 strset_add(struct strset *set, const char *s, size_t len);

#endif
